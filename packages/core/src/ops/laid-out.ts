/**
 * Runs a kernel whose result must have given strides (PyTorch's layout for it), with no
 * kernel changes: the operands are viewed in the result's memory order (so inputs laid out
 * like the result reach the kernel contiguous, its fast path), the kernel writes a row-major
 * buffer of that permuted shape, and the result views that buffer with the wanted strides.
 */
import { numelOf } from '../shape.js';
import { runKernel } from '../tensor/dispatch.js';
import { denseOrder } from '../tensor/layout.js';
import { Tensor } from '../tensor/tensor.js';

/** `t` padded to `ndim` dims (leading size-1 dims) and permuted by `order`; no autograd, no base. */
function permutedOperand(t: Tensor, order: readonly number[], ndim: number): Tensor {
  const pad = ndim - t.shape.length;
  const shape = new Array<number>(ndim);
  const strides = new Array<number>(ndim);
  for (let k = 0; k < ndim; k++) {
    const d = order[k]! - pad;
    shape[k] = d < 0 ? 1 : t.shape[d]!;
    strides[k] = d < 0 ? 0 : t._strides[d]!;
  }
  return new Tensor(t._storage, shape, strides, t._offset);
}

/**
 * Runs `kernel` on `inputs` and returns its single result as a fresh (non-view) tensor of
 * `outShape` with `strides` (null: row-major). `attrs.outShape`, when the kernel takes one, is
 * permuted along with the operands.
 */
export function runLaidOut(
  kernel: string,
  inputs: Readonly<Record<string, Tensor>>,
  attrs: Record<string, unknown>,
  outShape: readonly number[],
  strides: readonly number[] | null,
): Tensor {
  const order = strides === null || numelOf(outShape) === 0 ? null : denseOrder(outShape, strides);
  if (order === null) {
    const [r] = runKernel(kernel, inputs, attrs);
    return strides === null ? new Tensor(r!.storage, r!.shape) : new Tensor(r!.storage, outShape, strides, 0);
  }
  const n = outShape.length;
  const permuted: Record<string, Tensor> = {};
  for (const k in inputs) permuted[k] = permutedOperand(inputs[k]!, order, n);
  const a = 'outShape' in attrs ? { ...attrs, outShape: order.map((d) => outShape[d]!) } : attrs;
  const [r] = runKernel(kernel, permuted, a);
  return new Tensor(r!.storage, outShape, strides!, 0);
}
