/**
 * OneFlow's loss layers `CrossEntropyLoss`, `NLLLoss`, `MSELoss` (python/oneflow/nn/modules/loss.py,
 * OneFlow 1.0): `_Loss` asserts the reduction, `_WeightedLoss` registers `weight` as a buffer
 * (None when absent). OneFlow defines no `extra_repr` for them.
 */
import { AssertionError, ValueError } from '@nncompat/core';
import { functional as F } from '../functional/index.js';
import type { Tensor } from '../tensor/tensor.js';
import { Module } from './module.js';

/** `'none' | 'mean' | 'sum'`. */
export type Reduction = 'none' | 'mean' | 'sum';

/** `_Loss`: the reduction, asserted to be one of the three. */
export abstract class LossBase extends Module {
  static override __module__ = 'oneflow.nn.modules.loss';
  declare reduction: Reduction;
  constructor(reduction: Reduction = 'mean') {
    super();
    if (!['none', 'mean', 'sum'].includes(reduction)) throw new AssertionError('');
    this.reduction = reduction;
  }
}

/** `_WeightedLoss`: `_Loss` plus the `weight` buffer. */
export abstract class WeightedLossBase extends LossBase {
  declare weight: Tensor | null;
  constructor(weight: Tensor | null = null, reduction: Reduction = 'mean') {
    super(reduction);
    this.register_buffer('weight', weight);
  }
}

/** Options of `NLLLoss`. */
export interface NLLLossOptions {
  weight?: Tensor | null;
  ignore_index?: number;
  reduction?: Reduction;
}

/**
 * `oneflow.nn.NLLLoss(weight=None, ignore_index=-100, reduction='mean')`.
 *
 * @example
 * ```ts
 * new flow.nn.NLLLoss()(flow.log_softmax(logits, 1), target);
 * ```
 */
export class NLLLoss extends WeightedLossBase {
  // pickles name the concrete class's own module (a static is not inherited by pyModuleOf).
  static override __module__ = 'oneflow.nn.modules.loss';
  declare ignore_index: number;
  constructor(opts: NLLLossOptions = {}) {
    super(opts.weight ?? null, opts.reduction ?? 'mean');
    this.ignore_index = opts.ignore_index ?? -100;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.nll_loss(input, target, { weight: this.weight, ignore_index: this.ignore_index, reduction: this.reduction }) as Tensor;
  }
}

/** Options of `CrossEntropyLoss`. */
export interface CrossEntropyLossOptions extends NLLLossOptions {
  label_smoothing?: number;
}

/**
 * `oneflow.nn.CrossEntropyLoss(weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0)`.
 *
 * @example
 * ```ts
 * new flow.nn.CrossEntropyLoss()(flow.randn(4, 3), flow.tensor([0, 2, 1, 0])).shape; // []
 * ```
 */
export class CrossEntropyLoss extends WeightedLossBase {
  // pickles name the concrete class's own module (a static is not inherited by pyModuleOf).
  static override __module__ = 'oneflow.nn.modules.loss';
  declare ignore_index: number;
  declare label_smoothing: number;
  constructor(opts: CrossEntropyLossOptions = {}) {
    super(opts.weight ?? null, opts.reduction ?? 'mean');
    this.ignore_index = opts.ignore_index ?? -100;
    this.label_smoothing = opts.label_smoothing ?? 0.0;
    if (this.label_smoothing < 0 || this.label_smoothing > 1) {
      // OneFlow passes the text and the value as two arguments, so str(e) is the tuple.
      throw new ValueError(`('label_smoothing must be between 0.0 and 1.0. Got: ', ${this.label_smoothing})`);
    }
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.cross_entropy(input, target, {
      weight: this.weight, ignore_index: this.ignore_index, reduction: this.reduction, label_smoothing: this.label_smoothing,
    }) as Tensor;
  }
}

/**
 * `oneflow.nn.MSELoss(reduction='mean')`.
 *
 * @example
 * ```ts
 * new flow.nn.MSELoss()(flow.ones(2), flow.zeros(2)).item(); // 1
 * ```
 */
export class MSELoss extends LossBase {
  // pickles name the concrete class's own module (a static is not inherited by pyModuleOf).
  static override __module__ = 'oneflow.nn.modules.loss';
  // `(reduction='mean')` is `_Loss.__init__`, inherited as OneFlow's MSELoss passes it straight on.
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.mse_loss(input, target, { reduction: this.reduction }) as Tensor;
  }
}
