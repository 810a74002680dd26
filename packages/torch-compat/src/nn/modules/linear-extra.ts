/** `torch.nn.Identity` and `torch.nn.Bilinear`. */
import { empty, Parameter, type Tensor } from '@nncompat/core';
import * as F from '../../functional/index.js';
import { uniform_ } from '../../init/index.js';
import { bindArgs, type Factory, factoryOf, type WithKw } from './layers-util/args.js';
import { Module } from './module.js';

/**
 * `nn.Identity(*args, **kwargs)`: returns its input; the arguments are accepted and ignored.
 *
 * @example
 * ```ts
 * new nn.Identity(54, { unused_argument1: 0.1 })(x) === x; // true
 * ```
 */
export class Identity extends Module {
  static override __module__ = 'torch.nn.modules.linear';
  constructor(...args: unknown[]) {
    super();
    void args;
  }
  override forward<T>(input: T): T {
    return input;
  }
}

/** Keyword arguments of `nn.Bilinear`. */
export interface BilinearKw extends Factory {
  bias?: boolean;
}

/**
 * `nn.Bilinear(in1_features, in2_features, out_features, bias=True, device=None, dtype=None)`:
 * `y = x1ᵀ A x2 + b`, weight `[out, in1, in2]`, both drawn from `U(-1/√in1, 1/√in1)`.
 *
 * @example
 * ```ts
 * const m = new nn.Bilinear(20, 30, 40);
 * m(torch.randn(128, 20), torch.randn(128, 30)).shape; // [128, 40]
 * ```
 */
export class Bilinear extends Module {
  static override __module__ = 'torch.nn.modules.linear';
  declare in1_features: number;
  declare in2_features: number;
  declare out_features: number;
  declare weight: Parameter;
  declare bias: Parameter | null;
  constructor(in1_features: number, in2_features: number, out_features: number, ...args: WithKw<[bias: boolean], BilinearKw>) {
    super();
    const o = bindArgs<BilinearKw>('Bilinear.__init__', ['bias', 'device', 'dtype'], args);
    const factory = factoryOf(o);
    this.in1_features = in1_features;
    this.in2_features = in2_features;
    this.out_features = out_features;
    this.weight = new Parameter(empty([out_features, in1_features, in2_features], factory));
    if (o.bias ?? true) this.bias = new Parameter(empty([out_features], factory));
    else this.register_parameter('bias', null);
    this.reset_parameters();
  }
  /** `reset_parameters()`: weight then bias from `U(-1/√in1, 1/√in1)`. */
  reset_parameters(): void {
    const bound = 1 / Math.sqrt(this.weight.shape[1]!);
    uniform_(this.weight, -bound, bound);
    if (this.bias !== null) uniform_(this.bias, -bound, bound);
  }
  override forward(input1: Tensor, input2: Tensor): Tensor {
    return F.bilinear(input1, input2, this.weight, this.bias);
  }
  override extra_repr(): string {
    return `in1_features=${this.in1_features}, in2_features=${this.in2_features}, out_features=${this.out_features}, bias=${this.bias !== null ? 'True' : 'False'}`;
  }
}
