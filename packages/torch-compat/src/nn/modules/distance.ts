/** `nn.CosineSimilarity` and `nn.PairwiseDistance` (torch/nn/modules/distance.py). */
import type { Tensor } from '@nncompat/core';
import * as F from '../../functional/index.js';
import { bindArgs, type WithKw } from './layers-util/args.js';
import { Module } from './module.js';

/** Keyword arguments of `nn.PairwiseDistance`. */
export interface PairwiseDistanceKw {
  p?: number;
  eps?: number;
  keepdim?: boolean;
}

/**
 * `nn.PairwiseDistance(p=2.0, eps=1e-06, keepdim=False)` (no extra_repr, as PyTorch).
 *
 * @example
 * ```ts
 * new nn.PairwiseDistance()(a, b);
 * ```
 */
export class PairwiseDistance extends Module {
  static override __module__ = 'torch.nn.modules.distance';
  declare norm: number;
  declare eps: number;
  declare keepdim: boolean;
  constructor(...args: WithKw<[p: number, eps: number, keepdim: boolean], PairwiseDistanceKw>) {
    super();
    const o = bindArgs<PairwiseDistanceKw>('PairwiseDistance.__init__', ['p', 'eps', 'keepdim'], args);
    this.norm = o.p ?? 2;
    this.eps = o.eps ?? 1e-6;
    this.keepdim = o.keepdim ?? false;
  }
  override forward(x1: Tensor, x2: Tensor): Tensor {
    return F.pairwise_distance(x1, x2, this.norm, this.eps, this.keepdim);
  }
}

/** Keyword arguments of `nn.CosineSimilarity`. */
export interface CosineSimilarityKw {
  dim?: number;
  eps?: number;
}

/**
 * `nn.CosineSimilarity(dim=1, eps=1e-08)` (no extra_repr, as PyTorch).
 *
 * @example
 * ```ts
 * new nn.CosineSimilarity(-1)(a, b);
 * ```
 */
export class CosineSimilarity extends Module {
  static override __module__ = 'torch.nn.modules.distance';
  declare dim: number;
  declare eps: number;
  constructor(...args: WithKw<[dim: number, eps: number], CosineSimilarityKw>) {
    super();
    const o = bindArgs<CosineSimilarityKw>('CosineSimilarity.__init__', ['dim', 'eps'], args);
    this.dim = o.dim ?? 1;
    this.eps = o.eps ?? 1e-8;
  }
  override forward(x1: Tensor, x2: Tensor): Tensor {
    return F.cosine_similarity(x1, x2, this.dim, this.eps);
  }
}
