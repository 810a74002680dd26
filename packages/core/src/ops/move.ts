/** Moving a tensor between backends (`tensor.to('tfjs')`): an explicit, differentiable copy. */
import { record } from '../autograd/function.js';
import { denseOrder, stridesLike } from '../tensor/layout.js';
import { type MemoryFormat, preserve_format } from '../tensor/memory-format.js';
import { Tensor, resolveBackend } from '../tensor/tensor.js';

/**
 * Copies `t` to backend `name` (or returns it when already there). Like PyTorch's `_to_copy`,
 * the copy keeps a dense tensor's strides (preserve_format) unless `format` names another layout.
 *
 * @example
 * moveTo(x, 'cpu');
 */
export function moveTo(t: Tensor, name: string, format: MemoryFormat = preserve_format): Tensor {
  const target = resolveBackend(name);
  if (target === t._storage.backend) return t;
  const strides = stridesLike(t.shape, t._strides, format);
  const order = t.numel() === 0 ? null : denseOrder(t.shape, strides);
  // Read the values in the copy's memory order: a view permuted into that order, read row-major.
  const src = order === null ? t : new Tensor(t._storage, order.map((d) => t.shape[d]!), order.map((d) => t._strides[d]!), t._offset);
  const host = src.dataSync();
  const flat = Tensor._wrap(target, target.fromHost(host, t.dtype), t.dtype, t.numel(), src.shape);
  const out = new Tensor(flat._storage, t.shape, strides, 0);
  const from = t.backend;
  record('ToCopyBackward0', [t], [out], ([g]) => [moveTo(g!, from)]);
  return out;
}
