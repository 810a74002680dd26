/** Helpers shared by the tfjs kernel definitions (elementwise factories, NaN rules, checks). */
import * as tf from '@tensorflow/tfjs';
import { bool, isDenseView, RuntimeError, type DType, type TensorInfo } from '@nncompat/core';
import { wrapNarrow } from '../dtypes.js';
import type { TfjsBuffer } from '../buffer.js';
import type { TfKernelArgs, TfKernelDef, TfOut } from '../kernel.js';

/** Element count of a shape. */
export const numel = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** True when two shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Broadcasts to `outShape` when the op's own broadcasting left a smaller shape. */
export function toShape(t: tf.Tensor, outShape: readonly number[]): tf.Tensor {
  return sameShape(t.shape, outShape) ? t : tf.broadcastTo(t, outShape as number[]);
}

/**
 * The buffer's own tensor when the view is all of it, dense, of `n` elements (> 0): elementwise
 * kernels then compute on the stored tensor in whatever shape it has (a result's, or 1-D from
 * the host) and report the view's shape, instead of reshaping each operand (a tfjs op each).
 */
function wholeTensor(i: TensorInfo<TfjsBuffer>, n: number): tf.Tensor | null {
  const s = i.storage;
  if (i.offset !== 0 || s.size !== n || n === 0 || !isDenseView(i)) return null;
  return s.tf;
}

/** Where either operand is NaN the result is NaN (PyTorch's maximum/minimum/max/min rule). */
export function nanPropagate(r: tf.Tensor, a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  return tf.where(tf.logicalOr(tf.isNaN(a), tf.isNaN(b)), tf.add(a, b), r);
}

/** Reads one boolean from a tensor (a synchronization point; used for PyTorch's error checks). */
export function anyTrue(t: tf.Tensor): boolean {
  const r = tf.any(t.size === 0 ? tf.zeros([1], 'bool') : t);
  const v = r.dataSync()[0] !== 0;
  r.dispose();
  return v;
}

/** Integer division by zero raises, as the reference backend does. */
export function checkNonZero(b: tf.Tensor): void {
  if (anyTrue(tf.equal(b, 0))) throw new RuntimeError('ZeroDivisionError');
}

/** A tfjs boolean view of any tensor (non-zero is true; NaN is true, as in PyTorch). */
export function asBool(t: tf.Tensor): tf.Tensor {
  return t.dtype === 'bool' ? t : tf.notEqual(t, 0);
}

/** Only float32 runs natively (int paths would lose exactness or are missing on tfjs). */
export const float32Only = (k: TfKernelArgs, input = 'x'): boolean => k.info(input).dtype.name === 'float32';

/** Elementwise binary kernel: `f(a, b, dtype)` on inputs broadcast by tfjs to attrs.outShape. */
export function binary(
  name: string,
  f: (a: tf.Tensor, b: tf.Tensor, dtype: DType) => tf.Tensor,
  opts: { compare?: boolean; wrap?: boolean; int64Bound?: TfKernelDef['int64Bound'] } = {},
): TfKernelDef {
  return {
    name,
    int64Bound: opts.int64Bound,
    run(k): TfOut {
      const ai = k.info('a');
      const bi = k.info('b');
      const dtype = ai.dtype;
      const outShape = k.attrs['outShape'] as number[];
      // Both operands whole buffers of the output's size, stored in one shape: compute as stored.
      const n = numel(outShape);
      const wa = wholeTensor(ai, n);
      const wb = wa && wholeTensor(bi, n);
      const flat = wa !== null && wb !== null && sameShape(wa.shape, wb.shape);
      let a = flat ? wa : k.x('a', { keepBroadcast: true });
      let b = flat ? wb! : k.x('b', { keepBroadcast: true });
      // Arithmetic on bools (True + True is True in PyTorch): compute on int32, then truthiness.
      const boolArith = dtype.name === 'bool' && !opts.compare;
      if (boolArith) {
        a = tf.cast(a, 'int32');
        b = tf.cast(b, 'int32');
      }
      let r = f(a, b, dtype);
      if (!flat) r = toShape(r, outShape);
      if (boolArith) r = asBool(r);
      if (opts.wrap) r = wrapNarrow(r, dtype);
      return { t: r, dtype: opts.compare ? bool : dtype, shape: outShape };
    },
  };
}

/** Elementwise unary kernel keeping the input dtype; `floatOnly` sends other dtypes to the reference. */
export function unary(name: string, f: (x: tf.Tensor, dtype: DType, k: TfKernelArgs) => tf.Tensor, floatOnly = true, wrap = false): TfKernelDef {
  return {
    name,
    supports: floatOnly ? (k) => float32Only(k) : undefined,
    run(k): TfOut {
      const xi = k.info('x');
      const dtype = xi.dtype;
      // A whole dense buffer is used as stored (no reshape); the result reports the view's shape.
      const r = f(wholeTensor(xi, numel(xi.shape)) ?? k.x('x'), dtype, k);
      return { t: wrap ? wrapNarrow(r, dtype) : r, dtype, shape: xi.shape };
    },
  };
}
