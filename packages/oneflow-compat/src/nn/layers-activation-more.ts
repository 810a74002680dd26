/**
 * OneFlow's remaining activation layers (python/oneflow/nn/modules/activation.py, OneFlow 1.0):
 * ELU, ReLU6, Hardtanh, Softplus, SiLU, Mish, computed with torch-compat's functional ops.
 * Where OneFlow differs from PyTorch this follows OneFlow: `inplace=True` only warns (the result
 * is a new tensor), ReLU6 is not a Hardtanh subclass (it has no `min_val`/`max_val` and prints
 * `ReLU6()`), Softplus and Hardtanh keep int defaults (`beta=1, threshold=20`, `min_val=-1,
 * max_val=1`, printed as ints), SiLU and Mish define no `extra_repr`.
 */
import { functional as F } from '../functional/index.js';
import type { Tensor } from '../tensor/tensor.js';
import { InplaceFlagModule, inplaceRepr, warnNoInplace } from './activation-inplace.js';
import { Module } from './module.js';
import { pyFloat, pyNum } from './py-format.js';
import { warn } from './warn.js';

/**
 * `oneflow.nn.ELU(alpha=1.0, inplace=False)`.
 *
 * @example
 * ```ts
 * String(new flow.nn.ELU(0.5)); // 'ELU(alpha=0.5)'
 * ```
 */
export class ELU extends Module {
  static override __module__ = 'oneflow.nn.modules.activation';
  declare alpha: number;
  declare inplace: boolean;
  constructor(alpha = 1.0, inplace = false) {
    super();
    this.alpha = alpha;
    this.inplace = inplace;
  }
  override forward(x: Tensor): Tensor {
    warnNoInplace('ELU', this.inplace);
    return F.elu(x, { alpha: this.alpha }) as Tensor;
  }
  override extra_repr(): string {
    return `alpha=${pyFloat(this.alpha)}${inplaceRepr(this.inplace, ', ')}`;
  }
}

/**
 * `oneflow.nn.ReLU6(inplace=False)`: `hardtanh(x, 0.0, 6.0)`.
 *
 * @example
 * ```ts
 * new flow.nn.ReLU6()(flow.tensor([-1.0, 3.0, 9.0])); // tensor([0., 3., 6.], dtype=oneflow.float32)
 * ```
 */
export class ReLU6 extends InplaceFlagModule {
  static override __module__ = 'oneflow.nn.modules.activation';
  override forward(x: Tensor): Tensor {
    warnNoInplace('ReLU6', this.inplace);
    return F.hardtanh(x, { min_val: 0.0, max_val: 6.0 }) as Tensor;
  }
  override extra_repr(): string {
    return inplaceRepr(this.inplace);
  }
}

/** Keyword options of `Hardtanh` (`min_value` / `max_value` are OneFlow's deprecated spellings). */
export interface HardtanhOptions {
  min_val?: number;
  max_val?: number;
  inplace?: boolean;
  min_value?: number | null;
  max_value?: number | null;
}

/**
 * `oneflow.nn.Hardtanh(min_val=-1, max_val=1, inplace=False, min_value=None, max_value=None)`:
 * positional numbers or one options object.
 *
 * @example
 * ```ts
 * String(new flow.nn.Hardtanh()); // 'Hardtanh(min_val=-1, max_val=1)'
 * new flow.nn.Hardtanh({ min_val: -2, max_val: 2 })(flow.tensor([-3.0, 3.0])); // [-2, 2]
 * ```
 */
export class Hardtanh extends Module {
  static override __module__ = 'oneflow.nn.modules.activation';
  declare min_val: number;
  declare max_val: number;
  declare inplace: boolean;
  constructor(min_val: number | HardtanhOptions = -1, max_val_ = 1, inplace = false) {
    super();
    const opts: HardtanhOptions = typeof min_val === 'object' ? min_val : { min_val, max_val: max_val_, inplace };
    min_val = opts.min_val ?? -1;
    let max_val = opts.max_val ?? 1;
    if ((opts.min_value ?? null) !== null) {
      warn('keyword argument min_value is deprecated and rename to min_val');
      min_val = opts.min_value!;
    }
    if ((opts.max_value ?? null) !== null) {
      warn('keyword argument max_value is deprecated and rename to max_val');
      max_val = opts.max_value!;
    }
    this.min_val = min_val;
    this.max_val = max_val;
    this.inplace = opts.inplace ?? false;
  }
  override forward(x: Tensor): Tensor {
    warnNoInplace('Hardtanh', this.inplace);
    return F.hardtanh(x, { min_val: this.min_val, max_val: this.max_val }) as Tensor;
  }
  override extra_repr(): string {
    return `min_val=${pyNum(this.min_val)}, max_val=${pyNum(this.max_val)}${inplaceRepr(this.inplace, ', ')}`;
  }
}

/**
 * `oneflow.nn.Softplus(beta=1, threshold=20)`: `log(1 + exp(beta x)) / beta`, linear above
 * `threshold`.
 *
 * @example
 * ```ts
 * String(new flow.nn.Softplus()); // 'Softplus(beta=1, threshold=20)'
 * ```
 */
export class Softplus extends Module {
  static override __module__ = 'oneflow.nn.modules.activation';
  declare beta: number;
  declare threshold: number;
  constructor(beta = 1, threshold = 20) {
    super();
    this.beta = beta;
    this.threshold = threshold;
  }
  override forward(x: Tensor): Tensor {
    return F.softplus(x, { beta: this.beta, threshold: this.threshold }) as Tensor;
  }
  override extra_repr(): string {
    return `beta=${pyNum(this.beta)}, threshold=${pyNum(this.threshold)}`;
  }
}

/**
 * `oneflow.nn.SiLU(inplace=False)`: `x * sigmoid(x)`; OneFlow stores `inplace` and ignores it.
 *
 * @example
 * ```ts
 * new flow.nn.SiLU()(flow.zeros(2)); // tensor([0., 0.], dtype=oneflow.float32)
 * ```
 */
export class SiLU extends InplaceFlagModule {
  static override __module__ = 'oneflow.nn.modules.activation';
  override forward(x: Tensor): Tensor {
    return F.silu(x) as Tensor;
  }
}

/**
 * `oneflow.nn.Mish(inplace=False)`: `x * tanh(softplus(x))`; OneFlow stores `inplace` and
 * ignores it.
 *
 * @example
 * ```ts
 * String(new flow.nn.Mish()); // 'Mish()'
 * ```
 */
export class Mish extends InplaceFlagModule {
  static override __module__ = 'oneflow.nn.modules.activation';
  override forward(x: Tensor): Tensor {
    return F.mish(x) as Tensor;
  }
}
