/** `F.normalize` and `F.cosine_similarity`. */
import { type Tensor } from '@nncompat/core';

/** Options of `F.normalize`. */
export interface NormalizeOptions {
  p?: number;
  dim?: number;
  eps?: number;
}

/** The p-norm along `dim` (keepdim), as `torch.linalg.vector_norm`. */
export function vectorNorm(x: Tensor, p: number, dim: number | number[] | null, keepdim: boolean): Tensor {
  if (p === Infinity) return x.abs().amax(dim, keepdim);
  if (p === -Infinity) return x.abs().amin(dim, keepdim);
  if (p === 2) return x.mul(x).sum(dim, keepdim).sqrt();
  if (p === 1) return x.abs().sum(dim, keepdim);
  if (p === 0) return x.ne(0).to(x.dtype).sum(dim, keepdim);
  return x.abs().pow(p).sum(dim, keepdim).pow(1 / p);
}

/**
 * `F.normalize(input, p=2.0, dim=1, eps=1e-12)`: `input / max(||input||_p, eps)` along `dim`.
 *
 * @example
 * F.normalize(x, { dim: -1 });
 */
export function normalize(input: Tensor, opts: NormalizeOptions = {}): Tensor {
  const denom = vectorNorm(input, opts.p ?? 2, opts.dim ?? 1, true).clamp(opts.eps ?? 1e-12, null);
  return input.div(denom.expand_as(input));
}

/** Options of `F.cosine_similarity`. */
export interface CosineSimilarityOptions {
  dim?: number;
  eps?: number;
}

/**
 * `F.cosine_similarity(x1, x2, dim=1, eps=1e-8)`: inputs broadcast, each divided by its norm
 * clamped to `eps` (the clamp is outside autograd, as in ATen 2.1).
 *
 * @example
 * F.cosine_similarity(a, b, { dim: -1 });
 */
export function cosine_similarity(x1: Tensor, x2: Tensor, opts: CosineSimilarityOptions = {}): Tensor {
  const dim = opts.dim ?? 1;
  const eps = opts.eps ?? 1e-8;
  const a = x1;
  const b = x2;
  const n1 = vectorNorm(a, 2, dim, true);
  const n2 = vectorNorm(b, 2, dim, true);
  // clamp_min_ under no_grad in ATen: values are clamped, gradients flow as through the norm.
  const c1 = n1.add(n1.detach().clamp(eps, null).sub(n1.detach()));
  const c2 = n2.add(n2.detach().clamp(eps, null).sub(n2.detach()));
  return a.div(c1).mul(b.div(c2)).sum(dim);
}
