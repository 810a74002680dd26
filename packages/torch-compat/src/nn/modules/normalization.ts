/** `torch.nn.LayerNorm` and `torch.nn.GroupNorm` (PyTorch 2.1 signatures, incl. LayerNorm's `bias`). */
import { empty, Parameter, type Tensor, ValueError } from '@nncompat/core';
import * as F from '../../functional/index.js';
import { ones_, zeros_ } from '../../init/index.js';
import { bindArgs, type Factory, factoryOf, type WithKw } from './layers-util/args.js';
import { pyBool, pyFloat, pyTuple } from './layers-util/format.js';
import { Module } from './module.js';

/** Keyword arguments of `nn.LayerNorm`. */
export interface LayerNormKw extends Factory {
  eps?: number;
  elementwise_affine?: boolean;
  /** New in PyTorch 2.1. */
  bias?: boolean;
}

/**
 * `nn.LayerNorm(normalized_shape, eps=1e-05, elementwise_affine=True, bias=True, device=None,
 * dtype=None)`: normalizes over the trailing `normalized_shape` dims.
 *
 * @example
 * ```ts
 * String(new nn.LayerNorm(10)); // 'LayerNorm((10,), eps=1e-05, elementwise_affine=True)'
 * ```
 */
export class LayerNorm extends Module {
  static override __module__ = 'torch.nn.modules.normalization';
  declare normalized_shape: readonly number[];
  declare eps: number;
  declare elementwise_affine: boolean;
  declare weight: Parameter | null;
  declare bias: Parameter | null;
  constructor(normalized_shape: number | readonly number[], ...args: WithKw<[eps: number, elementwise_affine: boolean, bias: boolean], LayerNormKw>) {
    super();
    const o = bindArgs<LayerNormKw>('LayerNorm.__init__', ['eps', 'elementwise_affine', 'bias', 'device', 'dtype'], args);
    const factory = factoryOf(o);
    this.normalized_shape = Object.freeze(typeof normalized_shape === 'number' ? [normalized_shape] : [...normalized_shape]);
    this.eps = o.eps ?? 1e-5;
    this.elementwise_affine = o.elementwise_affine ?? true;
    if (this.elementwise_affine) {
      this.weight = new Parameter(empty(this.normalized_shape, factory));
      if (o.bias ?? true) this.bias = new Parameter(empty(this.normalized_shape, factory));
      else this.register_parameter('bias', null);
    } else {
      this.register_parameter('weight', null);
      this.register_parameter('bias', null);
    }
    this.reset_parameters();
  }
  /** `reset_parameters()`: weight 1, bias 0. */
  reset_parameters(): void {
    if (this.elementwise_affine) {
      ones_(this.weight!);
      if (this.bias !== null) zeros_(this.bias);
    }
  }
  override forward(input: Tensor): Tensor {
    return F.layer_norm(input, this.normalized_shape, { weight: this.weight, bias: this.bias, eps: this.eps });
  }
  override extra_repr(): string {
    return `${pyTuple(this.normalized_shape)}, eps=${pyFloat(this.eps)}, elementwise_affine=${pyBool(this.elementwise_affine)}`;
  }
}

/** Keyword arguments of `nn.GroupNorm`. */
export interface GroupNormKw extends Factory {
  eps?: number;
  affine?: boolean;
}

/**
 * `nn.GroupNorm(num_groups, num_channels, eps=1e-05, affine=True, device=None, dtype=None)`.
 *
 * @example
 * ```ts
 * new nn.GroupNorm(3, 6)(torch.randn(20, 6, 10, 10));
 * ```
 */
export class GroupNorm extends Module {
  static override __module__ = 'torch.nn.modules.normalization';
  declare num_groups: number;
  declare num_channels: number;
  declare eps: number;
  declare affine: boolean;
  declare weight: Parameter | null;
  declare bias: Parameter | null;
  constructor(num_groups: number, num_channels: number, ...args: WithKw<[eps: number, affine: boolean], GroupNormKw>) {
    super();
    const o = bindArgs<GroupNormKw>('GroupNorm.__init__', ['eps', 'affine', 'device', 'dtype'], args);
    if (num_channels % num_groups !== 0) throw new ValueError('num_channels must be divisible by num_groups');
    const factory = factoryOf(o);
    this.num_groups = num_groups;
    this.num_channels = num_channels;
    this.eps = o.eps ?? 1e-5;
    this.affine = o.affine ?? true;
    if (this.affine) {
      this.weight = new Parameter(empty([num_channels], factory));
      this.bias = new Parameter(empty([num_channels], factory));
    } else {
      this.register_parameter('weight', null);
      this.register_parameter('bias', null);
    }
    this.reset_parameters();
  }
  /** `reset_parameters()`: weight 1, bias 0. */
  reset_parameters(): void {
    if (this.affine) {
      ones_(this.weight!);
      zeros_(this.bias!);
    }
  }
  override forward(input: Tensor): Tensor {
    return F.group_norm(input, this.num_groups, { weight: this.weight, bias: this.bias, eps: this.eps });
  }
  override extra_repr(): string {
    return `${this.num_groups}, ${this.num_channels}, eps=${pyFloat(this.eps)}, affine=${pyBool(this.affine)}`;
  }
}
