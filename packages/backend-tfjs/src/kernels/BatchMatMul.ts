/**
 * BatchMatMul on tfjs: `[B,n,k] · [B,k,m]`. Transposed operands (column-major inner strides) are
 * passed to tf.matMul as transposeA/transposeB without a copy, and a batch stride of 0 becomes a
 * batch of 1 that tfjs broadcasts. float32 only (tfjs's wasm matmul is float-only; integer
 * matmuls run exactly on the reference backend).
 */
import * as tf from '@tensorflow/tfjs';
import { kernels as K, type TensorInfo } from '@nncompat/core';
import type { TfjsBuffer } from '../buffer.js';
import type { TfKernelDef } from '../kernel.js';
import { materialize } from '../view.js';
import { float32Only } from './common.js';

function operand(i: TensorInfo<TfjsBuffer>): { t: tf.Tensor; transposed: boolean } {
  const [b, r, c] = i.shape as [number, number, number];
  const [sb, s1, s2] = i.strides as [number, number, number];
  const batch = sb === 0 ? 1 : b;
  const rowMajor = (s2 === 1 || c === 1) && (s1 === c || r === 1);
  const colMajor = !rowMajor && (s1 === 1 || r === 1) && (s2 === r || c === 1);
  if (colMajor) {
    const t = materialize({ ...i, shape: [batch, c, r], strides: [sb, s2, s1] });
    return { t, transposed: true };
  }
  return { t: materialize({ ...i, shape: [batch, r, c], strides: [sb, s1, s2] }), transposed: false };
}

/**
 * tfjs's wasm matmul caches an XNNPACK operator (packed weights) per right-hand tensor data id,
 * and reuses it even when the same data comes back with another shape or transposition (a
 * weight used as w in the forward pass and as w.t() in the backward pass gave NaN). The right
 * operand is therefore copied whenever its data id was seen with a different signature.
 */
const seenB = new WeakMap<object, string>();
function freshB(t: tf.Tensor, transposed: boolean): tf.Tensor {
  const id = t.dataId as object;
  const sig = `${t.shape.join(',')}|${transposed}`;
  const prev = seenB.get(id);
  if (prev === undefined) {
    seenB.set(id, sig);
    return t;
  }
  if (prev === sig) return t;
  return tf.add(t, tf.zeros([], t.dtype));
}

/** The BatchMatMul kernel definition. */
export const BatchMatMulDef: TfKernelDef = {
  name: K.BatchMatMul,
  supports: (k) => float32Only(k, 'a'),
  run(k) {
    const a = k.info('a');
    const b = k.info('b');
    const A = operand(a);
    const B = operand(b);
    const out = [a.shape[0]!, a.shape[1]!, b.shape[2]!];
    const bt = k.backend.tfBackend === 'wasm' ? freshB(B.t, B.transposed) : B.t;
    let r = tf.matMul(A.t, bt, A.transposed, B.transposed);
    if (r.shape[0] !== out[0]) r = tf.broadcastTo(r, out);
    return { t: r, dtype: a.dtype };
  },
};
