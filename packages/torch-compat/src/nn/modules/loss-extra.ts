/**
 * More loss modules of `torch.nn` (HuberLoss, SoftMarginLoss, MarginRankingLoss,
 * HingeEmbeddingLoss, CosineEmbeddingLoss, TripletMarginLoss, GaussianNLLLoss, PoissonNLLLoss)
 * with PyTorch 2.1's constructor arguments (legacy `size_average` / `reduce` included); each
 * forward is the matching `nn.functional` loss.
 */
import type { Tensor } from '@nncompat/core';
import * as F from '../../functional/index.js';
import { bindArgs, type WithKw } from './layers-util/args.js';
import { legacyGetString, type LossKw } from './loss.js';
import { Module } from './module.js';

type Reduction = 'none' | 'mean' | 'sum';
type Legacy = [size_average: boolean | null, reduce: boolean | null, reduction: Reduction];

/** `_Loss.__init__(size_average, reduce, reduction)`: legacy arguments win, with the warning. */
abstract class Loss extends Module {
  static override __module__ = 'torch.nn.modules.loss';
  declare reduction: Reduction;
  constructor(o: LossKw) {
    super();
    const legacy = (o.size_average ?? null) !== null || (o.reduce ?? null) !== null;
    this.reduction = legacy ? legacyGetString(o.size_average, o.reduce) : (o.reduction ?? 'mean');
  }
}

const LEGACY = ['size_average', 'reduce', 'reduction'] as const;

/** Keyword arguments of `nn.HuberLoss`. */
export interface HuberLossKw {
  reduction?: Reduction;
  delta?: number;
}

/**
 * `nn.HuberLoss(reduction='mean', delta=1.0)`.
 *
 * @example
 * ```ts
 * new nn.HuberLoss({ delta: 0.5 })(pred, y);
 * ```
 */
export class HuberLoss extends Loss {
  declare delta: number;
  constructor(...args: WithKw<[reduction: Reduction, delta: number], HuberLossKw>) {
    const o = bindArgs<HuberLossKw>('HuberLoss.__init__', ['reduction', 'delta'], args);
    super({ reduction: o.reduction });
    this.delta = o.delta ?? 1;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.huber_loss(input, target, { reduction: this.reduction, delta: this.delta });
  }
}

/**
 * `nn.SoftMarginLoss(size_average=None, reduce=None, reduction='mean')`.
 *
 * @example
 * ```ts
 * new nn.SoftMarginLoss()(x, y);
 * ```
 */
export class SoftMarginLoss extends Loss {
  constructor(...args: WithKw<Legacy, LossKw>) {
    super(bindArgs<LossKw>('SoftMarginLoss.__init__', LEGACY, args));
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.soft_margin_loss(input, target, { reduction: this.reduction });
  }
}

/** Keyword arguments of the margin losses. */
export interface MarginLossKw extends LossKw {
  margin?: number;
}

/**
 * `nn.MarginRankingLoss(margin=0.0, size_average=None, reduce=None, reduction='mean')`.
 *
 * @example
 * ```ts
 * new nn.MarginRankingLoss(0.5)(a, b, y);
 * ```
 */
export class MarginRankingLoss extends Loss {
  declare margin: number;
  constructor(...args: WithKw<[margin: number, ...Legacy], MarginLossKw>) {
    const o = bindArgs<MarginLossKw>('MarginRankingLoss.__init__', ['margin', ...LEGACY], args);
    super(o);
    this.margin = o.margin ?? 0;
  }
  override forward(input1: Tensor, input2: Tensor, target: Tensor): Tensor {
    return F.margin_ranking_loss(input1, input2, target, { margin: this.margin, reduction: this.reduction });
  }
}

/**
 * `nn.HingeEmbeddingLoss(margin=1.0, size_average=None, reduce=None, reduction='mean')`.
 *
 * @example
 * ```ts
 * new nn.HingeEmbeddingLoss(2.0)(d, y);
 * ```
 */
export class HingeEmbeddingLoss extends Loss {
  declare margin: number;
  constructor(...args: WithKw<[margin: number, ...Legacy], MarginLossKw>) {
    const o = bindArgs<MarginLossKw>('HingeEmbeddingLoss.__init__', ['margin', ...LEGACY], args);
    super(o);
    this.margin = o.margin ?? 1;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.hinge_embedding_loss(input, target, { margin: this.margin, reduction: this.reduction });
  }
}

/**
 * `nn.CosineEmbeddingLoss(margin=0.0, size_average=None, reduce=None, reduction='mean')`.
 *
 * @example
 * ```ts
 * new nn.CosineEmbeddingLoss(0.2)(a, b, y);
 * ```
 */
export class CosineEmbeddingLoss extends Loss {
  declare margin: number;
  constructor(...args: WithKw<[margin: number, ...Legacy], MarginLossKw>) {
    const o = bindArgs<MarginLossKw>('CosineEmbeddingLoss.__init__', ['margin', ...LEGACY], args);
    super(o);
    this.margin = o.margin ?? 0;
  }
  override forward(input1: Tensor, input2: Tensor, target: Tensor): Tensor {
    return F.cosine_embedding_loss(input1, input2, target, { margin: this.margin, reduction: this.reduction });
  }
}

/** Keyword arguments of `nn.TripletMarginLoss`. */
export interface TripletMarginLossKw extends MarginLossKw {
  p?: number;
  eps?: number;
  swap?: boolean;
}

/**
 * `nn.TripletMarginLoss(margin=1.0, p=2.0, eps=1e-06, swap=False, size_average=None,
 * reduce=None, reduction='mean')`.
 *
 * @example
 * ```ts
 * new nn.TripletMarginLoss({ margin: 0.5 })(a, pos, neg);
 * ```
 */
export class TripletMarginLoss extends Loss {
  declare margin: number;
  declare p: number;
  declare eps: number;
  declare swap: boolean;
  constructor(...args: WithKw<[margin: number, p: number, eps: number, swap: boolean, ...Legacy], TripletMarginLossKw>) {
    const o = bindArgs<TripletMarginLossKw>('TripletMarginLoss.__init__', ['margin', 'p', 'eps', 'swap', ...LEGACY], args);
    super(o);
    this.margin = o.margin ?? 1;
    this.p = o.p ?? 2;
    this.eps = o.eps ?? 1e-6;
    this.swap = o.swap ?? false;
  }
  override forward(anchor: Tensor, positive: Tensor, negative: Tensor): Tensor {
    return F.triplet_margin_loss(anchor, positive, negative, {
      margin: this.margin, p: this.p, eps: this.eps, swap: this.swap, reduction: this.reduction,
    });
  }
}

/** Keyword arguments of `nn.GaussianNLLLoss` (all keyword-only in PyTorch). */
export interface GaussianNLLLossKw {
  full?: boolean;
  eps?: number;
  reduction?: Reduction;
}

/**
 * `nn.GaussianNLLLoss(*, full=False, eps=1e-06, reduction='mean')`; `forward(input, target, var)`.
 *
 * @example
 * ```ts
 * new nn.GaussianNLLLoss({ full: true })(mu, y, sigma2);
 * ```
 */
export class GaussianNLLLoss extends Loss {
  declare full: boolean;
  declare eps: number;
  constructor(...args: [] | [GaussianNLLLossKw]) {
    if (args.length > 0 && (typeof args[0] !== 'object' || args[0] === null)) {
      throw new TypeError(`GaussianNLLLoss.__init__() takes 1 positional argument but ${args.length + 1} were given`);
    }
    const o = bindArgs<GaussianNLLLossKw>('GaussianNLLLoss.__init__', ['full', 'eps', 'reduction'], args);
    super({ reduction: o.reduction });
    this.full = o.full ?? false;
    this.eps = o.eps ?? 1e-6;
  }
  override forward(input: Tensor, target: Tensor, variance: Tensor): Tensor {
    return F.gaussian_nll_loss(input, target, variance, { full: this.full, eps: this.eps, reduction: this.reduction });
  }
}

/** Keyword arguments of `nn.PoissonNLLLoss`. */
export interface PoissonNLLLossKw extends LossKw {
  log_input?: boolean;
  full?: boolean;
  eps?: number;
}

/**
 * `nn.PoissonNLLLoss(log_input=True, full=False, size_average=None, eps=1e-08, reduce=None,
 * reduction='mean')`.
 *
 * @example
 * ```ts
 * new nn.PoissonNLLLoss()(logRate, counts);
 * ```
 */
export class PoissonNLLLoss extends Loss {
  declare log_input: boolean;
  declare full: boolean;
  declare eps: number;
  constructor(
    ...args: WithKw<[log_input: boolean, full: boolean, size_average: boolean | null, eps: number, reduce: boolean | null, reduction: Reduction], PoissonNLLLossKw>
  ) {
    const o = bindArgs<PoissonNLLLossKw>('PoissonNLLLoss.__init__', ['log_input', 'full', 'size_average', 'eps', 'reduce', 'reduction'], args);
    super(o);
    this.log_input = o.log_input ?? true;
    this.full = o.full ?? false;
    this.eps = o.eps ?? 1e-8;
  }
  override forward(log_input: Tensor, target: Tensor): Tensor {
    return F.poisson_nll_loss(log_input, target, { log_input: this.log_input, full: this.full, eps: this.eps, reduction: this.reduction });
  }
}
