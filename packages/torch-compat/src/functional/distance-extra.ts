/** `F.pairwise_distance` (ATen's Distance.cpp). */
import { type Tensor } from '@nncompat/core';
import { bindArgs, checkArg, p, type PyArgs } from './pyargs.js';

/** Options of `pairwise_distance`. */
export interface PairwiseDistanceOptions {
  p?: number;
  eps?: number;
  keepdim?: boolean;
}

/**
 * `F.pairwise_distance(x1, x2, p=2.0, eps=1e-06, keepdim=False)`: `||x1 - x2 + eps||_p` over
 * the last dimension of the broadcast inputs, as ATen computes it.
 *
 * @example
 * F.pairwise_distance(a, b);
 * F.pairwise_distance(a, b, 1, { keepdim: true });
 */
export function pairwise_distance(x1: Tensor, x2: Tensor, ...args: PyArgs<[p: number, eps: number, keepdim: boolean], PairwiseDistanceOptions>): Tensor {
  checkArg('pairwise_distance', p.tensor('x2'), 2, x2);
  const o = bindArgs<PairwiseDistanceOptions>('pairwise_distance', 2, [p.float('p'), p.float('eps'), p.bool('keepdim')], args);
  const innermost = Math.max(x1.dim(), x2.dim()) - 1;
  return x1.sub(x2).add(o.eps ?? 1e-6).norm(o.p ?? 2, innermost, o.keepdim ?? false);
}
