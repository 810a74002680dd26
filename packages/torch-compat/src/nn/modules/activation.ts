/**
 * Activation modules of `torch.nn` (ReLU, ReLU6, LeakyReLU, ELU, GELU, SiLU, Mish, Softplus,
 * Sigmoid, Tanh, Hardtanh, Softmax, LogSoftmax) with PyTorch 2.1's constructor arguments and
 * `extra_repr`; each forward is the matching `nn.functional` call.
 */
import { AssertionError, type Tensor } from '@nncompat/core';
import * as F from '../../functional/index.js';
import { warn } from '../../utils/warn.js';
import { bindArgs, type WithKw } from './layers-util/args.js';
import { pyFloat, pyTuple } from './layers-util/format.js';
import { Module } from './module.js';

/** `inplace=` only. */
export interface InplaceKw {
  inplace?: boolean;
}

function inplaceRepr(inplace: boolean, lead: string): string {
  return inplace ? `${lead}inplace=True` : '';
}

/**
 * `nn.ReLU(inplace=False)`.
 *
 * @example
 * ```ts
 * new nn.ReLU()(torch.tensor([-1, 2])); // tensor([0, 2])
 * ```
 */
export class ReLU extends Module {
  static override __module__ = 'torch.nn.modules.activation';
  declare inplace: boolean;
  constructor(...args: WithKw<[inplace: boolean], InplaceKw>) {
    super();
    this.inplace = bindArgs<InplaceKw>(`${new.target.name}.__init__`, ['inplace'], args).inplace ?? false;
  }
  override forward(input: Tensor): Tensor {
    return F.relu(input, { inplace: this.inplace });
  }
  override extra_repr(): string {
    return inplaceRepr(this.inplace, '');
  }
}

/** Keyword arguments of `nn.Hardtanh`. */
export interface HardtanhKw extends InplaceKw {
  min_val?: number;
  max_val?: number;
  /** Deprecated alias of `min_val` (warns in PyTorch). */
  min_value?: number | null;
  /** Deprecated alias of `max_val`. */
  max_value?: number | null;
}

/**
 * `nn.Hardtanh(min_val=-1.0, max_val=1.0, inplace=False)`.
 *
 * @example
 * ```ts
 * new nn.Hardtanh(-2, 2);
 * ```
 */
export class Hardtanh extends Module {
  static override __module__ = 'torch.nn.modules.activation';
  declare min_val: number;
  declare max_val: number;
  declare inplace: boolean;
  constructor(...args: WithKw<[min_val: number, max_val: number, inplace: boolean], HardtanhKw>) {
    super();
    const o = bindArgs<HardtanhKw>('Hardtanh.__init__', ['min_val', 'max_val', 'inplace', 'min_value', 'max_value'], args);
    if ((o.min_value ?? null) !== null) warn('keyword argument min_value is deprecated and rename to min_val');
    if ((o.max_value ?? null) !== null) warn('keyword argument max_value is deprecated and rename to max_val');
    this.min_val = o.min_value ?? o.min_val ?? -1;
    this.max_val = o.max_value ?? o.max_val ?? 1;
    this.inplace = o.inplace ?? false;
    if (!(this.max_val > this.min_val)) throw new AssertionError('');
  }
  override forward(input: Tensor): Tensor {
    return F.hardtanh(input, { min_val: this.min_val, max_val: this.max_val, inplace: this.inplace });
  }
  override extra_repr(): string {
    return `min_val=${pyFloat(this.min_val)}, max_val=${pyFloat(this.max_val)}${inplaceRepr(this.inplace, ', ')}`;
  }
}

/**
 * `nn.ReLU6(inplace=False)`: `Hardtanh(0, 6)`.
 *
 * @example
 * ```ts
 * new nn.ReLU6()(x);
 * ```
 */
export class ReLU6 extends Hardtanh {
  static override __module__ = 'torch.nn.modules.activation';
  constructor(...args: WithKw<[inplace: boolean], InplaceKw>) {
    super(0, 6, bindArgs<InplaceKw>('ReLU6.__init__', ['inplace'], args).inplace ?? false);
  }
  override extra_repr(): string {
    return inplaceRepr(this.inplace, '');
  }
}

/** Keyword arguments of `nn.LeakyReLU`. */
export interface LeakyReLUKw extends InplaceKw {
  negative_slope?: number;
}

/**
 * `nn.LeakyReLU(negative_slope=0.01, inplace=False)`.
 *
 * @example
 * ```ts
 * new nn.LeakyReLU(0.2);
 * ```
 */
export class LeakyReLU extends Module {
  static override __module__ = 'torch.nn.modules.activation';
  declare negative_slope: number;
  declare inplace: boolean;
  constructor(...args: WithKw<[negative_slope: number, inplace: boolean], LeakyReLUKw>) {
    super();
    const o = bindArgs<LeakyReLUKw>('LeakyReLU.__init__', ['negative_slope', 'inplace'], args);
    this.negative_slope = o.negative_slope ?? 0.01;
    this.inplace = o.inplace ?? false;
  }
  override forward(input: Tensor): Tensor {
    return F.leaky_relu(input, { negative_slope: this.negative_slope, inplace: this.inplace });
  }
  override extra_repr(): string {
    return `negative_slope=${pyFloat(this.negative_slope)}${inplaceRepr(this.inplace, ', ')}`;
  }
}

/** Keyword arguments of `nn.ELU`. */
export interface ELUKw extends InplaceKw {
  alpha?: number;
}

/**
 * `nn.ELU(alpha=1.0, inplace=False)`.
 *
 * @example
 * ```ts
 * new nn.ELU({ alpha: 0.5 });
 * ```
 */
export class ELU extends Module {
  static override __module__ = 'torch.nn.modules.activation';
  declare alpha: number;
  declare inplace: boolean;
  constructor(...args: WithKw<[alpha: number, inplace: boolean], ELUKw>) {
    super();
    const o = bindArgs<ELUKw>('ELU.__init__', ['alpha', 'inplace'], args);
    this.alpha = o.alpha ?? 1;
    this.inplace = o.inplace ?? false;
  }
  override forward(input: Tensor): Tensor {
    return F.elu(input, { alpha: this.alpha, inplace: this.inplace });
  }
  override extra_repr(): string {
    return `alpha=${pyFloat(this.alpha)}${inplaceRepr(this.inplace, ', ')}`;
  }
}

/** Keyword arguments of `nn.GELU`. */
export interface GELUKw {
  approximate?: 'none' | 'tanh';
}

/**
 * `nn.GELU(approximate='none')`.
 *
 * @example
 * ```ts
 * String(new nn.GELU('tanh')); // "GELU(approximate='tanh')"
 * ```
 */
export class GELU extends Module {
  static override __module__ = 'torch.nn.modules.activation';
  declare approximate: 'none' | 'tanh';
  constructor(...args: WithKw<[approximate: 'none' | 'tanh'], GELUKw>) {
    super();
    this.approximate = bindArgs<GELUKw>('GELU.__init__', ['approximate'], args).approximate ?? 'none';
  }
  override forward(input: Tensor): Tensor {
    return F.gelu(input, { approximate: this.approximate });
  }
  override extra_repr(): string {
    return `approximate=${pyTuple(this.approximate)}`;
  }
}

/**
 * `nn.SiLU(inplace=False)`.
 *
 * @example
 * ```ts
 * new nn.SiLU()(x);
 * ```
 */
export class SiLU extends ReLU {
  static override __module__ = 'torch.nn.modules.activation';
  override forward(input: Tensor): Tensor {
    return F.silu(input, { inplace: this.inplace });
  }
}

/**
 * `nn.Mish(inplace=False)`.
 *
 * @example
 * ```ts
 * new nn.Mish()(x);
 * ```
 */
export class Mish extends ReLU {
  static override __module__ = 'torch.nn.modules.activation';
  override forward(input: Tensor): Tensor {
    return F.mish(input, { inplace: this.inplace });
  }
}

/** Keyword arguments of `nn.Softplus`. */
export interface SoftplusKw {
  beta?: number;
  threshold?: number;
}

/**
 * `nn.Softplus(beta=1, threshold=20)` (ints in 2.1's signature, so they print as given).
 *
 * @example
 * ```ts
 * new nn.Softplus(2);
 * ```
 */
export class Softplus extends Module {
  static override __module__ = 'torch.nn.modules.activation';
  declare beta: number;
  declare threshold: number;
  constructor(...args: WithKw<[beta: number, threshold: number], SoftplusKw>) {
    super();
    const o = bindArgs<SoftplusKw>('Softplus.__init__', ['beta', 'threshold'], args);
    this.beta = o.beta ?? 1;
    this.threshold = o.threshold ?? 20;
  }
  override forward(input: Tensor): Tensor {
    return F.softplus(input, { beta: this.beta, threshold: this.threshold });
  }
  override extra_repr(): string {
    return `beta=${pyTuple(this.beta)}, threshold=${pyTuple(this.threshold)}`;
  }
}

/**
 * `nn.Sigmoid()`.
 *
 * @example
 * ```ts
 * new nn.Sigmoid()(x);
 * ```
 */
export class Sigmoid extends Module {
  static override __module__ = 'torch.nn.modules.activation';
  override forward(input: Tensor): Tensor {
    return F.sigmoid(input);
  }
}

/**
 * `nn.Tanh()`.
 *
 * @example
 * ```ts
 * new nn.Tanh()(x);
 * ```
 */
export class Tanh extends Module {
  static override __module__ = 'torch.nn.modules.activation';
  override forward(input: Tensor): Tensor {
    return F.tanh(input);
  }
}

/** Keyword arguments of `nn.Softmax` / `nn.LogSoftmax`. */
export interface SoftmaxKw {
  dim?: number | null;
}

/**
 * `nn.Softmax(dim=None)`.
 *
 * @example
 * ```ts
 * new nn.Softmax(1)(logits);
 * ```
 */
export class Softmax extends Module {
  static override __module__ = 'torch.nn.modules.activation';
  declare dim: number | null;
  constructor(...args: WithKw<[dim: number | null], SoftmaxKw>) {
    super();
    this.dim = bindArgs<SoftmaxKw>(`${new.target.name}.__init__`, ['dim'], args).dim ?? null;
  }
  override forward(input: Tensor): Tensor {
    return F.softmax(input, { dim: this.dim });
  }
  override extra_repr(): string {
    return `dim=${pyTuple(this.dim)}`;
  }
}

/**
 * `nn.LogSoftmax(dim=None)`.
 *
 * @example
 * ```ts
 * new nn.LogSoftmax(1)(logits);
 * ```
 */
export class LogSoftmax extends Softmax {
  static override __module__ = 'torch.nn.modules.activation';
  override forward(input: Tensor): Tensor {
    return F.log_softmax(input, { dim: this.dim });
  }
}

