/** Moving a tensor between backends (`tensor.to('tfjs')`): an explicit, differentiable copy. */
import { record } from '../autograd/function.js';
import { Tensor, resolveBackend } from '../tensor/tensor.js';

/** Copies `t` to backend `name` (or returns it when already there). */
export function moveTo(t: Tensor, name: string): Tensor {
  const target = resolveBackend(name);
  if (target === t._storage.backend) return t;
  const host = t.dataSync();
  const out = Tensor._wrap(target, target.fromHost(host, t.dtype), t.dtype, t.numel(), t.shape);
  const from = t.backend;
  record('ToCopyBackward0', [t], [out], ([g]) => [moveTo(g!, from)]);
  return out;
}
