/**
 * More activation modules of `torch.nn` (PReLU, SELU, CELU, LogSigmoid, Softmin, Softsign,
 * Hardswish, Hardsigmoid, Softshrink, Hardshrink, Tanhshrink, Threshold, GLU) with PyTorch
 * 2.1's constructor arguments, parameters and `extra_repr`; each forward is the matching
 * `nn.functional` call.
 */
import { empty, Parameter, type Tensor } from '@nncompat/core';
import * as F from '../../functional/index.js';
import { constant_ } from '../../init/index.js';
import type { InplaceKw } from './activation.js';
import { bindArgs, type Factory, factoryOf, type WithKw } from './layers-util/args.js';
import { pyFloat, pyTuple } from './layers-util/format.js';
import { Module } from './module.js';

const MOD = 'torch.nn.modules.activation';

/** Module with only `inplace=` whose repr is empty (PyTorch's SELU prints `inplace=True`). */
abstract class InplaceOnly extends Module {
  declare inplace: boolean;
  constructor(args: readonly unknown[], where: string) {
    super();
    this.inplace = bindArgs<InplaceKw>(where, ['inplace'], args).inplace ?? false;
  }
}

/**
 * `nn.SELU(inplace=False)`.
 *
 * @example
 * ```ts
 * new nn.SELU()(x);
 * ```
 */
export class SELU extends InplaceOnly {
  static override __module__ = MOD;
  constructor(...args: WithKw<[inplace: boolean], InplaceKw>) {
    super(args, 'SELU.__init__');
  }
  override forward(input: Tensor): Tensor {
    return F.selu(input, { inplace: this.inplace });
  }
  override extra_repr(): string {
    return this.inplace ? 'inplace=True' : '';
  }
}

/**
 * `nn.Hardswish(inplace=False)` (PyTorch prints no extra_repr for it).
 *
 * @example
 * ```ts
 * new nn.Hardswish()(x);
 * ```
 */
export class Hardswish extends InplaceOnly {
  static override __module__ = MOD;
  constructor(...args: WithKw<[inplace: boolean], InplaceKw>) {
    super(args, 'Hardswish.__init__');
  }
  override forward(input: Tensor): Tensor {
    return F.hardswish(input, { inplace: this.inplace });
  }
}

/**
 * `nn.Hardsigmoid(inplace=False)` (PyTorch prints no extra_repr for it).
 *
 * @example
 * ```ts
 * new nn.Hardsigmoid()(x);
 * ```
 */
export class Hardsigmoid extends InplaceOnly {
  static override __module__ = MOD;
  constructor(...args: WithKw<[inplace: boolean], InplaceKw>) {
    super(args, 'Hardsigmoid.__init__');
  }
  override forward(input: Tensor): Tensor {
    return F.hardsigmoid(input, { inplace: this.inplace });
  }
}

/** Keyword arguments of `nn.CELU`. */
export interface CELUKw extends InplaceKw {
  alpha?: number;
}

/**
 * `nn.CELU(alpha=1.0, inplace=False)`.
 *
 * @example
 * ```ts
 * new nn.CELU(0.5)(x);
 * ```
 */
export class CELU extends Module {
  static override __module__ = MOD;
  declare alpha: number;
  declare inplace: boolean;
  constructor(...args: WithKw<[alpha: number, inplace: boolean], CELUKw>) {
    super();
    const o = bindArgs<CELUKw>('CELU.__init__', ['alpha', 'inplace'], args);
    this.alpha = o.alpha ?? 1;
    this.inplace = o.inplace ?? false;
  }
  override forward(input: Tensor): Tensor {
    return F.celu(input, { alpha: this.alpha, inplace: this.inplace });
  }
  override extra_repr(): string {
    return `alpha=${pyFloat(this.alpha)}${this.inplace ? ', inplace=True' : ''}`;
  }
}

/** A module without constructor arguments, forwarding to one F function. */
function stateless(name: string, f: (x: Tensor) => Tensor): new () => Module & { forward(input: Tensor): Tensor } {
  const cls = class extends Module {
    static override __module__ = MOD;
    override forward(input: Tensor): Tensor {
      return f(input);
    }
  };
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

/**
 * `nn.LogSigmoid()`.
 *
 * @example
 * ```ts
 * new nn.LogSigmoid()(x);
 * ```
 */
export const LogSigmoid = stateless('LogSigmoid', (x) => F.logsigmoid(x));
/** Instance type of {@link LogSigmoid}. */
export type LogSigmoid = InstanceType<typeof LogSigmoid>;

/**
 * `nn.Softsign()`.
 *
 * @example
 * ```ts
 * new nn.Softsign()(x);
 * ```
 */
export const Softsign = stateless('Softsign', (x) => F.softsign(x));
/** Instance type of {@link Softsign}. */
export type Softsign = InstanceType<typeof Softsign>;

/**
 * `nn.Tanhshrink()`.
 *
 * @example
 * ```ts
 * new nn.Tanhshrink()(x);
 * ```
 */
export const Tanhshrink = stateless('Tanhshrink', (x) => F.tanhshrink(x));
/** Instance type of {@link Tanhshrink}. */
export type Tanhshrink = InstanceType<typeof Tanhshrink>;

/** Keyword arguments of `nn.Softmin`. */
export interface SoftminKw {
  dim?: number | null;
}

/**
 * `nn.Softmin(dim=None)`.
 *
 * @example
 * ```ts
 * new nn.Softmin(1)(x);
 * ```
 */
export class Softmin extends Module {
  static override __module__ = MOD;
  declare dim: number | null;
  constructor(...args: WithKw<[dim: number | null], SoftminKw>) {
    super();
    this.dim = bindArgs<SoftminKw>('Softmin.__init__', ['dim'], args).dim ?? null;
  }
  override forward(input: Tensor): Tensor {
    return F.softmin(input, { dim: this.dim });
  }
  override extra_repr(): string {
    return `dim=${pyTuple(this.dim)}`;
  }
}

/** Keyword arguments of `nn.Softshrink` / `nn.Hardshrink`. */
export interface ShrinkKw {
  lambd?: number;
}

/**
 * `nn.Softshrink(lambd=0.5)`.
 *
 * @example
 * ```ts
 * new nn.Softshrink(0.3)(x);
 * ```
 */
export class Softshrink extends Module {
  static override __module__ = MOD;
  declare lambd: number;
  constructor(...args: WithKw<[lambd: number], ShrinkKw>) {
    super();
    this.lambd = bindArgs<ShrinkKw>(`${new.target.name}.__init__`, ['lambd'], args).lambd ?? 0.5;
  }
  override forward(input: Tensor): Tensor {
    return F.softshrink(input, this.lambd);
  }
  override extra_repr(): string {
    return pyFloat(this.lambd);
  }
}

/**
 * `nn.Hardshrink(lambd=0.5)`.
 *
 * @example
 * ```ts
 * new nn.Hardshrink(0.3)(x);
 * ```
 */
export class Hardshrink extends Softshrink {
  static override __module__ = MOD;
  override forward(input: Tensor): Tensor {
    return F.hardshrink(input, this.lambd);
  }
}

/** Keyword arguments of `nn.Threshold`. */
export interface ThresholdKw extends InplaceKw {
  threshold?: number;
  value?: number;
}

/**
 * `nn.Threshold(threshold, value, inplace=False)`.
 *
 * @example
 * ```ts
 * new nn.Threshold(0.1, 20)(x);
 * ```
 */
export class Threshold extends Module {
  static override __module__ = MOD;
  declare threshold: number;
  declare value: number;
  declare inplace: boolean;
  constructor(...args: WithKw<[threshold: number, value: number, inplace: boolean], ThresholdKw>) {
    super();
    const o = bindArgs<ThresholdKw>('Threshold.__init__', ['threshold', 'value', 'inplace'], args);
    const missing = (['threshold', 'value'] as const).filter((k) => o[k] === undefined);
    if (missing.length > 0) {
      const names = missing.map((k) => `'${k}'`).join(' and ');
      throw new TypeError(`Threshold.__init__() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${names}`);
    }
    this.threshold = o.threshold!;
    this.value = o.value!;
    this.inplace = o.inplace ?? false;
  }
  override forward(input: Tensor): Tensor {
    return F.threshold(input, this.threshold, this.value, this.inplace);
  }
  override extra_repr(): string {
    return `threshold=${pyFloat(this.threshold)}, value=${pyFloat(this.value)}${this.inplace ? ', inplace=True' : ''}`;
  }
}

/** Keyword arguments of `nn.GLU`. */
export interface GLUKw {
  dim?: number;
}

/**
 * `nn.GLU(dim=-1)`.
 *
 * @example
 * ```ts
 * new nn.GLU(1)(x);
 * ```
 */
export class GLU extends Module {
  static override __module__ = MOD;
  declare dim: number;
  constructor(...args: WithKw<[dim: number], GLUKw>) {
    super();
    this.dim = bindArgs<GLUKw>('GLU.__init__', ['dim'], args).dim ?? -1;
  }
  override forward(input: Tensor): Tensor {
    return F.glu(input, this.dim);
  }
  override extra_repr(): string {
    return `dim=${this.dim}`;
  }
}

/** Keyword arguments of `nn.PReLU`. */
export interface PReLUKw extends Factory {
  num_parameters?: number;
  init?: number;
}

/**
 * `nn.PReLU(num_parameters=1, init=0.25, device=None, dtype=None)`: one learnable slope, or
 * one per channel, filled with `init` by `reset_parameters`.
 *
 * @example
 * ```ts
 * new nn.PReLU(3)(x); // x: [N, 3, ...]
 * ```
 */
export class PReLU extends Module {
  static override __module__ = MOD;
  declare num_parameters: number;
  declare init: number;
  declare weight: Parameter;
  constructor(...args: WithKw<[num_parameters: number, init: number], PReLUKw>) {
    super();
    const o = bindArgs<PReLUKw>('PReLU.__init__', ['num_parameters', 'init', 'device', 'dtype'], args);
    this.num_parameters = o.num_parameters ?? 1;
    this.init = o.init ?? 0.25;
    this.weight = new Parameter(empty([this.num_parameters], factoryOf(o)));
    this.reset_parameters();
  }
  /** `reset_parameters()`: `init.constant_(weight, init)`. */
  reset_parameters(): void {
    constant_(this.weight, this.init);
  }
  override forward(input: Tensor): Tensor {
    return F.prelu(input, this.weight);
  }
  override extra_repr(): string {
    return `num_parameters=${this.num_parameters}`;
  }
}
