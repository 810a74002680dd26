/**
 * OneFlow's remaining loss layers (python/oneflow/nn/modules/loss.py, OneFlow 1.0): `L1Loss`,
 * `SmoothL1Loss`, `BCELoss`, `BCEWithLogitsLoss`, `KLDivLoss`, computed with torch-compat's
 * functional losses. OneFlow's signatures have no `size_average` / `reduce`; `KLDivLoss` is a
 * plain `_Loss` (it accepts `'batchmean'`); `BCEWithLogitsLoss` keeps `pos_weight` as a plain
 * attribute, not a buffer, so it is in no state dict (PyTorch registers it as a buffer).
 * OneFlow defines no `extra_repr` for them.
 */
import { AssertionError } from '@nncompat/core';
import { functional as F } from '../functional/index.js';
import type { Tensor } from '../tensor/tensor.js';
import { LossBase, WeightedLossBase, type Reduction } from './layers-loss.js';

/**
 * `oneflow.nn.L1Loss(reduction='mean')`.
 *
 * @example
 * ```ts
 * new flow.nn.L1Loss()(flow.tensor([1.0, 3.0]), flow.zeros(2)).item(); // 2
 * ```
 */
export class L1Loss extends LossBase {
  static override __module__ = 'oneflow.nn.modules.loss';
  // `(reduction='mean')` is `_Loss.__init__`, inherited as OneFlow's L1Loss passes it straight on.
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.l1_loss(input, target, { reduction: this.reduction }) as Tensor;
  }
}

/**
 * `oneflow.nn.SmoothL1Loss(reduction='mean', beta=1.0)`.
 *
 * @example
 * ```ts
 * new flow.nn.SmoothL1Loss('sum', 0.5)(flow.tensor([0.25, 2.0]), flow.zeros(2)).item(); // 0.0625 + 1.75
 * ```
 */
export class SmoothL1Loss extends LossBase {
  static override __module__ = 'oneflow.nn.modules.loss';
  declare beta: number;
  constructor(reduction: Reduction = 'mean', beta = 1.0) {
    super(reduction);
    this.beta = beta;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.smooth_l1_loss(input, target, { reduction: this.reduction, beta: this.beta }) as Tensor;
  }
}

/**
 * `oneflow.nn.BCELoss(weight=None, reduction='mean')`: `weight` is a buffer (None when absent).
 *
 * @example
 * ```ts
 * new flow.nn.BCELoss()(flow.sigmoid(flow.randn(4)), flow.tensor([0.0, 1.0, 1.0, 0.0]));
 * ```
 */
export class BCELoss extends WeightedLossBase {
  static override __module__ = 'oneflow.nn.modules.loss';
  // `(weight=None, reduction='mean')` is `_WeightedLoss.__init__`, inherited likewise.
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.binary_cross_entropy(input, target, { weight: this.weight, reduction: this.reduction }) as Tensor;
  }
}

/** Options of `BCEWithLogitsLoss`. */
export interface BCEWithLogitsLossOptions {
  weight?: Tensor | null;
  reduction?: Reduction;
  pos_weight?: Tensor | null;
}

/**
 * `oneflow.nn.BCEWithLogitsLoss(weight=None, reduction='mean', pos_weight=None)`.
 *
 * @example
 * ```ts
 * const loss = new flow.nn.BCEWithLogitsLoss({ pos_weight: flow.tensor([2.0]) });
 * loss(flow.randn(4, 1), flow.ones(4, 1));
 * ```
 */
export class BCEWithLogitsLoss extends WeightedLossBase {
  static override __module__ = 'oneflow.nn.modules.loss';
  declare pos_weight: Tensor | null;
  constructor(opts: BCEWithLogitsLossOptions = {}) {
    super(opts.weight ?? null, opts.reduction ?? 'mean');
    this.pos_weight = opts.pos_weight ?? null;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.binary_cross_entropy_with_logits(input, target, { weight: this.weight, pos_weight: this.pos_weight, reduction: this.reduction }) as Tensor;
  }
}

/**
 * `oneflow.nn.KLDivLoss(reduction='mean', log_target=False)`; `'batchmean'` divides the sum by
 * the batch size.
 *
 * @example
 * ```ts
 * new flow.nn.KLDivLoss('batchmean')(flow.log_softmax(flow.randn(3, 5), 1), flow.softmax(flow.randn(3, 5), 1));
 * ```
 */
export class KLDivLoss extends LossBase {
  static override __module__ = 'oneflow.nn.modules.loss';
  declare reduction: Reduction;
  declare log_target: boolean;
  constructor(reduction: Reduction | 'batchmean' = 'mean', log_target = false) {
    if (!['none', 'mean', 'sum', 'batchmean'].includes(reduction)) throw new AssertionError('');
    super(reduction === 'batchmean' ? 'sum' : reduction);
    if (reduction === 'batchmean') (this as { reduction: string }).reduction = 'batchmean';
    this.log_target = log_target;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.kl_div(input, target, { reduction: this.reduction as Reduction | 'batchmean', log_target: this.log_target }) as Tensor;
  }
}
