/** Helpers shared by the tfjs kernel definitions (elementwise factories, NaN rules, checks). */
import * as tf from '@tensorflow/tfjs';
import { bool, RuntimeError, type DType } from '@nncompat/core';
import { wrapNarrow } from '../dtypes.js';
import type { TfKernelArgs, TfKernelDef, TfOut } from '../kernel.js';

/** Element count of a shape. */
export const numel = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Broadcasts to `outShape` when the op's own broadcasting left a smaller shape. */
export function toShape(t: tf.Tensor, outShape: readonly number[]): tf.Tensor {
  return t.shape.join(',') === outShape.join(',') ? t : tf.broadcastTo(t, outShape as number[]);
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
      const dtype = k.info('a').dtype;
      let a = k.x('a', { keepBroadcast: true });
      let b = k.x('b', { keepBroadcast: true });
      // Arithmetic on bools (True + True is True in PyTorch): compute on int32, then truthiness.
      const boolArith = dtype.name === 'bool' && !opts.compare;
      if (boolArith) {
        a = tf.cast(a, 'int32');
        b = tf.cast(b, 'int32');
      }
      let r = toShape(f(a, b, dtype), k.attrs['outShape'] as number[]);
      if (boolArith) r = asBool(r);
      if (opts.wrap) r = wrapNarrow(r, dtype);
      return { t: r, dtype: opts.compare ? bool : dtype };
    },
  };
}

/** Elementwise unary kernel keeping the input dtype; `floatOnly` sends other dtypes to the reference. */
export function unary(name: string, f: (x: tf.Tensor, dtype: DType, k: TfKernelArgs) => tf.Tensor, floatOnly = true, wrap = false): TfKernelDef {
  return {
    name,
    supports: floatOnly ? (k) => float32Only(k) : undefined,
    run(k): TfOut {
      const dtype = k.info('x').dtype;
      const r = f(k.x('x'), dtype, k);
      return { t: wrap ? wrapNarrow(r, dtype) : r, dtype };
    },
  };
}
