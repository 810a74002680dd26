/**
 * Loss modules of `torch.nn` (L1Loss, MSELoss, SmoothL1Loss, NLLLoss, CrossEntropyLoss,
 * BCELoss, BCEWithLogitsLoss, KLDivLoss) with PyTorch 2.1's constructor arguments, the legacy
 * `size_average` / `reduce` mapping (and its warning), and `weight` / `pos_weight` registered as
 * buffers as `_WeightedLoss` does. Forwards are the `nn.functional` losses.
 */
import { Tensor } from '@nncompat/core';
import * as F from '../../functional/index.js';
import { warn } from '../../utils/warn.js';
import { bindArgs } from './layers-util/args.js';
import { isOptions } from './layers-util/format.js';
import { Module } from './module.js';

type Reduction = 'none' | 'mean' | 'sum';

/** The legacy and current reduction arguments every loss takes. */
export interface LossKw {
  size_average?: boolean | null;
  reduce?: boolean | null;
  reduction?: Reduction;
}

/** `_Reduction.legacy_get_string(size_average, reduce)` (with its deprecation warning). */
export function legacyGetString(size_average: boolean | null | undefined, reduce: boolean | null | undefined, emitWarning = true): Reduction {
  const warning = "size_average and reduce args will be deprecated, please use reduction='{}' instead.";
  const sa = size_average ?? true;
  const r = reduce ?? true;
  const ret: Reduction = sa && r ? 'mean' : r ? 'sum' : 'none';
  if (emitWarning) warn(warning.replace('{}', ret));
  return ret;
}

/** `_Loss`: resolves `reduction` (legacy arguments win, as in PyTorch). */
abstract class LossBase extends Module {
  static override __module__ = 'torch.nn.modules.loss';
  declare reduction: Reduction;
  constructor(o: LossKw, reductionDefault: Reduction = 'mean') {
    super();
    const legacy = (o.size_average ?? null) !== null || (o.reduce ?? null) !== null;
    this.reduction = legacy ? legacyGetString(o.size_average, o.reduce) : (o.reduction ?? reductionDefault);
  }
}

/** `_WeightedLoss`: `weight` as a (possibly None) buffer. */
abstract class WeightedLossBase extends LossBase {
  declare weight: Tensor | null;
  constructor(weight: Tensor | null, o: LossKw) {
    super(o);
    this.register_buffer('weight', weight);
  }
}

/** Splits `(weight | options, options?)` into the weight tensor and the keyword object. */
function weightAndKw<O extends object>(where: string, names: readonly (keyof O & string)[], a: unknown, b: unknown): [Tensor | null, Partial<O>] {
  if (a instanceof Tensor || a === null || a === undefined) {
    return [(a as Tensor | null | undefined) ?? null, bindArgs<O>(where, names, b === undefined ? [] : [b])];
  }
  if (isOptions(a)) {
    const o = bindArgs<O & { weight?: Tensor | null }>(where, [...names, 'weight'], [a]);
    return [o.weight ?? null, o];
  }
  throw new TypeError(`${where}(): weight must be a Tensor or None`);
}

const LOSS_NAMES = ['size_average', 'reduce', 'reduction'] as const;

/**
 * `nn.L1Loss(size_average=None, reduce=None, reduction='mean')`.
 *
 * @example
 * ```ts
 * new nn.L1Loss()(input, target);
 * ```
 */
export class L1Loss extends LossBase {
  constructor(opts: LossKw = {}) {
    super(bindArgs<LossKw>('L1Loss.__init__', LOSS_NAMES, [opts]));
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.l1_loss(input, target, { reduction: this.reduction });
  }
}

/**
 * `nn.MSELoss(size_average=None, reduce=None, reduction='mean')`.
 *
 * @example
 * ```ts
 * new nn.MSELoss({ reduction: 'sum' })(input, target);
 * ```
 */
export class MSELoss extends LossBase {
  constructor(opts: LossKw = {}) {
    super(bindArgs<LossKw>('MSELoss.__init__', LOSS_NAMES, [opts]));
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.mse_loss(input, target, { reduction: this.reduction });
  }
}

/** Keyword arguments of `nn.SmoothL1Loss`. */
export interface SmoothL1LossKw extends LossKw {
  beta?: number;
}

/**
 * `nn.SmoothL1Loss(size_average=None, reduce=None, reduction='mean', beta=1.0)`.
 *
 * @example
 * ```ts
 * new nn.SmoothL1Loss({ beta: 0.5 })(input, target);
 * ```
 */
export class SmoothL1Loss extends LossBase {
  declare beta: number;
  constructor(opts: SmoothL1LossKw = {}) {
    const o = bindArgs<SmoothL1LossKw>('SmoothL1Loss.__init__', [...LOSS_NAMES, 'beta'], [opts]);
    super(o);
    this.beta = o.beta ?? 1;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.smooth_l1_loss(input, target, { reduction: this.reduction, beta: this.beta });
  }
}

/** Keyword arguments of `nn.NLLLoss`. */
export interface NLLLossKw extends LossKw {
  weight?: Tensor | null;
  ignore_index?: number;
}

/**
 * `nn.NLLLoss(weight=None, size_average=None, ignore_index=-100, reduce=None,
 * reduction='mean')`.
 *
 * @example
 * ```ts
 * new nn.NLLLoss(classWeights, { ignore_index: 0 })(logProbs, target);
 * ```
 */
export class NLLLoss extends WeightedLossBase {
  declare ignore_index: number;
  constructor(weight: Tensor | null | NLLLossKw = null, opts: NLLLossKw = {}) {
    const [w, o] = weightAndKw<NLLLossKw>('NLLLoss.__init__', [...LOSS_NAMES, 'ignore_index'], weight, opts);
    super(w, o);
    this.ignore_index = o.ignore_index ?? -100;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.nll_loss(input, target, { weight: this.weight, ignore_index: this.ignore_index, reduction: this.reduction });
  }
}

/** Keyword arguments of `nn.CrossEntropyLoss`. */
export interface CrossEntropyLossKw extends NLLLossKw {
  label_smoothing?: number;
}

/**
 * `nn.CrossEntropyLoss(weight=None, size_average=None, ignore_index=-100, reduce=None,
 * reduction='mean', label_smoothing=0.0)`.
 *
 * @example
 * ```ts
 * new nn.CrossEntropyLoss({ label_smoothing: 0.1 })(logits, labels);
 * ```
 */
export class CrossEntropyLoss extends WeightedLossBase {
  declare ignore_index: number;
  declare label_smoothing: number;
  constructor(weight: Tensor | null | CrossEntropyLossKw = null, opts: CrossEntropyLossKw = {}) {
    const [w, o] = weightAndKw<CrossEntropyLossKw>('CrossEntropyLoss.__init__', [...LOSS_NAMES, 'ignore_index', 'label_smoothing'], weight, opts);
    super(w, o);
    this.ignore_index = o.ignore_index ?? -100;
    this.label_smoothing = o.label_smoothing ?? 0;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.cross_entropy(input, target, {
      weight: this.weight, ignore_index: this.ignore_index, reduction: this.reduction, label_smoothing: this.label_smoothing,
    });
  }
}

/** Keyword arguments of `nn.BCELoss`. */
export interface BCELossKw extends LossKw {
  weight?: Tensor | null;
}

/**
 * `nn.BCELoss(weight=None, size_average=None, reduce=None, reduction='mean')`.
 *
 * @example
 * ```ts
 * new nn.BCELoss()(torch.sigmoid(x), target);
 * ```
 */
export class BCELoss extends WeightedLossBase {
  constructor(weight: Tensor | null | BCELossKw = null, opts: BCELossKw = {}) {
    const [w, o] = weightAndKw<BCELossKw>('BCELoss.__init__', LOSS_NAMES, weight, opts);
    super(w, o);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.binary_cross_entropy(input, target, { weight: this.weight, reduction: this.reduction });
  }
}

/** Keyword arguments of `nn.BCEWithLogitsLoss`. */
export interface BCEWithLogitsLossKw extends BCELossKw {
  pos_weight?: Tensor | null;
}

/**
 * `nn.BCEWithLogitsLoss(weight=None, size_average=None, reduce=None, reduction='mean',
 * pos_weight=None)`; `weight` and `pos_weight` are buffers.
 *
 * @example
 * ```ts
 * new nn.BCEWithLogitsLoss({ pos_weight: torch.ones([64]) })(logits, target);
 * ```
 */
export class BCEWithLogitsLoss extends LossBase {
  declare weight: Tensor | null;
  declare pos_weight: Tensor | null;
  constructor(weight: Tensor | null | BCEWithLogitsLossKw = null, opts: BCEWithLogitsLossKw = {}) {
    const [w, o] = weightAndKw<BCEWithLogitsLossKw>('BCEWithLogitsLoss.__init__', [...LOSS_NAMES, 'pos_weight'], weight, opts);
    super(o);
    this.register_buffer('weight', w);
    this.register_buffer('pos_weight', o.pos_weight ?? null);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.binary_cross_entropy_with_logits(input, target, { weight: this.weight, pos_weight: this.pos_weight, reduction: this.reduction });
  }
}

/** Keyword arguments of `nn.KLDivLoss`. */
export interface KLDivLossKw {
  size_average?: boolean | null;
  reduce?: boolean | null;
  reduction?: Reduction | 'batchmean';
  log_target?: boolean;
}

/**
 * `nn.KLDivLoss(size_average=None, reduce=None, reduction='mean', log_target=False)`.
 *
 * @example
 * ```ts
 * new nn.KLDivLoss({ reduction: 'batchmean' })(F.log_softmax(x, 1), target);
 * ```
 */
export class KLDivLoss extends Module {
  static override __module__ = 'torch.nn.modules.loss';
  declare reduction: Reduction | 'batchmean';
  declare log_target: boolean;
  constructor(opts: KLDivLossKw = {}) {
    super();
    const o = bindArgs<KLDivLossKw>('KLDivLoss.__init__', ['size_average', 'reduce', 'reduction', 'log_target'], [opts]);
    const legacy = (o.size_average ?? null) !== null || (o.reduce ?? null) !== null;
    this.reduction = legacy ? legacyGetString(o.size_average, o.reduce) : (o.reduction ?? 'mean');
    this.log_target = o.log_target ?? false;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.kl_div(input, target, { reduction: this.reduction, log_target: this.log_target });
  }
}
