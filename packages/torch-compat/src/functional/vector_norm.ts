/**
 * The p-norm used by `F.normalize` and `clip_grad_norm_` (`torch.linalg.vector_norm`'s values).
 * Internal: not exported from `torch.nn.functional`, which has no such name.
 */
import type { Tensor } from '@nncompat/core';

/** The p-norm along `dim` (keepdim), as `torch.linalg.vector_norm`. */
export function vectorNorm(x: Tensor, p: number, dim: number | number[] | null, keepdim: boolean): Tensor {
  if (p === Infinity) return x.abs().amax(dim, keepdim);
  if (p === -Infinity) return x.abs().amin(dim, keepdim);
  if (p === 2) return x.mul(x).sum(dim, keepdim).sqrt();
  if (p === 1) return x.abs().sum(dim, keepdim);
  if (p === 0) return x.ne(0).to(x.dtype).sum(dim, keepdim);
  return x.abs().pow(p).sum(dim, keepdim).pow(1 / p);
}
