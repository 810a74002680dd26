/**
 * Matrix-product operands shared by BatchMatMul and Addmm: a strided `[r,c]` or `[B,r,c]` view
 * as a tfjs tensor plus a transpose flag, so transposed operands (column-major inner strides,
 * e.g. nn.Linear's `weight.t()`) reach tf.matMul as transposeA/transposeB without a copy, except
 * on wasm, where a transposed copy is much faster than the flags (see `untransposed`).
 */
import * as tf from '@tensorflow/tfjs';
import type { TensorInfo } from '@nncompat/core';
import type { TfjsBuffer } from '../buffer.js';
import { materialize } from '../view.js';

/** A matmul operand: the tensor as tf.matMul takes it, and whether it is passed transposed. */
export interface MatmulOperand {
  readonly t: tf.Tensor;
  readonly transposed: boolean;
  /** The view it was made from (its buffer can keep a transposed copy). */
  readonly info?: TensorInfo<TfjsBuffer>;
}

/**
 * The `[r,c]` / `[B,r,c]` view `i` as a matmul operand. A batch stride of 0 becomes a batch of
 * 1 that tfjs broadcasts; a column-major view is materialized as its (row-major) transpose.
 */
export function matmulOperand(i: TensorInfo<TfjsBuffer>): MatmulOperand {
  const rank = i.shape.length;
  const r = i.shape[rank - 2]!;
  const c = i.shape[rank - 1]!;
  const s1 = i.strides[rank - 2]!;
  const s2 = i.strides[rank - 1]!;
  const rowMajor = (s2 === 1 || c === 1) && (s1 === c || r === 1);
  const colMajor = !rowMajor && (s1 === 1 || r === 1) && (s2 === r || c === 1);
  const [lead, leadStrides] = rank === 3 ? [[i.strides[0] === 0 ? 1 : i.shape[0]!], [i.strides[0]!]] : [[], []];
  if (colMajor) return { t: materialize({ ...i, shape: [...lead, c, r], strides: [...leadStrides, s2, s1] }), transposed: true, info: i };
  if (lead.length === 0 || lead[0] === i.shape[0]) return { t: materialize(i), transposed: false, info: i };
  return { t: materialize({ ...i, shape: [...lead, r, c] }), transposed: false, info: i };
}

/**
 * tfjs's wasm matmul caches an XNNPACK operator (packed weights) per right-hand tensor data id,
 * and reuses it even when the same data comes back with another shape or transposition (a
 * weight used as w in the forward pass and as w.t() in the backward pass gave NaN). The right
 * operand is therefore copied whenever its data id was seen with a different signature.
 */
const seenB = new WeakMap<object, string>();

/** `b` itself, or a copy when its data id was last multiplied with another shape / transposition. */
export function freshRight(b: MatmulOperand, tfBackend: string): tf.Tensor {
  const t = b.t;
  if (tfBackend !== 'wasm') return t;
  const id = t.dataId as object;
  const sig = `${t.shape.join(',')}|${b.transposed}`;
  const prev = seenB.get(id);
  if (prev === undefined) {
    seenB.set(id, sig);
    return t;
  }
  if (prev === sig) return t;
  return tf.add(t, tf.zeros([], t.dtype));
}

/**
 * The operand as tfjs's wasm matmul runs it fast: its XNNPACK path takes only untransposed
 * operands, and transposeA/transposeB fall to a loop 8–14x slower than transposing first (128×784
 * by 784×512ᵀ: 65 ms with transposeB, 9.7 ms with tf.transpose + matMul, 4.5 ms pre-transposed).
 * Other tfjs backends keep the flags (on cpu the copy costs more than it saves).
 *
 * A right operand's transposed copy is kept with its buffer (`keep`): that is nn.Linear's
 * `weight.t()`, so inference transposes each weight once, and XNNPACK's packed weights (cached
 * per data id) are reused instead of repacked per call. The copy goes when the weight changes.
 */
function untransposed(o: MatmulOperand, tfBackend: string, keep: boolean): MatmulOperand {
  if (!o.transposed || tfBackend !== 'wasm') return o;
  const perm = o.t.rank === 3 ? [0, 2, 1] : [1, 0];
  const transpose = (): tf.Tensor => tf.transpose(o.t, perm);
  const i = o.info;
  if (!keep || !i) return { t: transpose(), transposed: false };
  return { t: i.storage.derive(`T|${i.offset}|${i.shape.join(',')}|${i.strides.join(',')}`, transpose), transposed: false };
}

/** `a · b` for operands from `matmulOperand` (float32). */
export function matmul(a: MatmulOperand, b: MatmulOperand, tfBackend: string): tf.Tensor {
  const A = untransposed(a, tfBackend, false);
  const B = untransposed(b, tfBackend, true);
  return tf.matMul(A.t, freshRight(B, tfBackend), A.transposed, B.transposed);
}
