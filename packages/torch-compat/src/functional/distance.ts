/** `F.normalize` and `F.cosine_similarity`. */
import { broadcastShapes, promoteOperands, RuntimeError, scalarTypeName, type Tensor } from '@nncompat/core';
import { bindArgs, p, type PyArgs } from './pyargs.js';
import { vectorNorm } from './vector_norm.js';

/** Options of `F.normalize`. */
export interface NormalizeOptions {
  p?: number;
  dim?: number;
  eps?: number;
}

/**
 * `F.normalize(input, p=2.0, dim=1, eps=1e-12)`: `input / max(||input||_p, eps)` along `dim`.
 *
 * @example
 * F.normalize(x, 2, -1);
 * F.normalize(x, { dim: -1 });
 */
export function normalize(input: Tensor, ...args: PyArgs<[p: number, dim: number, eps: number], NormalizeOptions>): Tensor {
  const opts = bindArgs<NormalizeOptions>('normalize', 1, [p.float('p'), p.int('dim'), p.float('eps')], args);
  const denom = vectorNorm(input, opts.p ?? 2, opts.dim ?? 1, true).clamp(opts.eps ?? 1e-12, null);
  return input.div(denom.expand_as(input));
}

/** Options of `F.cosine_similarity`. */
export interface CosineSimilarityOptions {
  dim?: number;
  eps?: number;
}

/**
 * `F.cosine_similarity(x1, x2, dim=1, eps=1e-8)`, as ATen's (Distance.cpp, 1.13 through 2.1):
 * integer inputs cast to the common floating dtype, both inputs expanded to their broadcast
 * shape first (so `dim` may itself broadcast, e.g. [3, 4] against [1, 4] along dim 0), then
 * `sum((x1 / max(||x1||, eps)) * (x2 / max(||x2||, eps)), dim)`. ATen clamps each norm in place
 * under no_grad: the value is clamped, the gradient flows as through the unclamped norm, and
 * the norm's own gradient is 0 where it is 0 (`Tensor.norm`'s norm_backward).
 *
 * @example
 * F.cosine_similarity(a, b, -1);
 * F.cosine_similarity(a, b, { dim: -1 });
 * F.cosine_similarity(rows, query.unsqueeze(0)); // query broadcast against every row
 */
export function cosine_similarity(x1: Tensor, x2: Tensor, ...args: PyArgs<[dim: number, eps: number], CosineSimilarityOptions>): Tensor {
  const opts = bindArgs<CosineSimilarityOptions>('cosine_similarity', 2, [p.int('dim'), p.float('eps')], args);
  const dim = opts.dim ?? 1;
  const eps = opts.eps ?? 1e-8;
  const { dtype } = promoteOperands([x1, x2], x1);
  if (!dtype.is_floating_point) {
    throw new RuntimeError(`expected common dtype to be floating point, yet common dtype is ${scalarTypeName(dtype)}`);
  }
  const shape = broadcastShapes(x1.shape, x2.shape);
  const a = (x1.dtype.is_floating_point ? x1 : x1.to(dtype)).expand(shape);
  const b = (x2.dtype.is_floating_point ? x2 : x2.to(dtype)).expand(shape);
  const clamped = (x: Tensor): Tensor => {
    const n = x.norm(2, dim, true);
    const v = n.detach();
    // (n - v) is exactly 0, so the value is exactly the clamped norm while autograd sees n.
    return n.sub(v).add(v.clamp(eps, null));
  };
  return a.div(clamped(a)).mul(b.div(clamped(b))).sum(dim);
}
