/**
 * What OneFlow's conv layers (python/oneflow/nn/modules/conv.py, OneFlow 1.0) repeat in each
 * class's `__init__` / `reset_parameters` / `extra_repr`: the groups assertion, the `rand`
 * placeholders for weight and bias, the kaiming-uniform reset, and Conv1d/Conv2d's attributes and
 * repr text. One copy here so Conv1d, Conv2d and ConvTranspose2d cannot drift apart.
 */
import { AssertionError, rand, type DType } from '@nncompat/core';
import { asFlow } from '../tensor/tensor.js';
import { Module } from './module.js';
import { Parameter } from './parameter.js';
import { pyTuple } from './py-format.js';
import { uniformInit } from './uniform-init.js';

/** OneFlow's bare `assert in_channels % groups == 0` and `assert out_channels % groups == 0`. */
export function checkConvGroups(in_channels: number, out_channels: number, groups: number): void {
  if (in_channels % groups !== 0 || out_channels % groups !== 0) throw new AssertionError('');
}

/**
 * The uninitialised weight of `weightShape` and, when `bias`, a bias of `out_channels`, drawn
 * in that order (the draws consume core's generator, so the order is part of the seeding).
 */
export function convParameters(
  weightShape: readonly number[], out_channels: number, bias: boolean, dtype?: DType | null,
): { weight: Parameter; bias: Parameter | null } {
  const dt = dtype ? { dtype } : {};
  const weight = new Parameter(asFlow(rand(weightShape, dt)));
  return { weight, bias: bias ? new Parameter(asFlow(rand([out_channels], dt))) : null };
}

/** `reset_parameters`: kaiming-uniform weight (a=√5: bound 1/√fan_in, fan_in from dim 1) and uniform bias. */
export function resetConvParameters(weight: Parameter, bias: Parameter | null): void {
  const fanIn = weight.shape.slice(1).reduce((a, b) => a * b, 1);
  const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
  uniformInit(weight, bound);
  if (bias !== null) uniformInit(bias, bound);
}

/**
 * What Conv1d and Conv2d share beyond parsing their arguments: OneFlow's attribute set,
 * `reset_parameters` and `extra_repr`. It defines no method name the two did not already have
 * (the `__init__` tail is the function {@link initConvChannels}, not a method), so `dir()` of
 * either is unchanged; neither is pickled under this class.
 */
export abstract class ConvNd extends Module {
  declare padding_mode: string;
  declare kernel_size: readonly number[];
  declare stride: readonly number[];
  declare dilation: readonly number[];
  declare padding: readonly number[];
  declare groups: number;
  declare channel_pos: string;
  declare in_channels: number;
  declare out_channels: number;
  declare weight: Parameter;
  declare out_channel_groups: number;
  declare bias: Parameter | null;

  /** kaiming-uniform weight (a=√5: bound 1/√fan_in) and uniform bias. */
  reset_parameters(): void {
    resetConvParameters(this.weight, this.bias);
  }

  /** OneFlow's `extra_repr`: only the non-default settings after kernel_size and stride. */
  override extra_repr(): string {
    let s = `${this.in_channels}, ${this.out_channels}, kernel_size=${pyTuple(this.kernel_size)}, stride=${pyTuple(this.stride)}`;
    if (this.padding.some((p) => p !== 0)) s += `, padding=${pyTuple(this.padding)}`;
    if (this.dilation.some((d) => d !== 1)) s += `, dilation=${pyTuple(this.dilation)}`;
    if (this.groups !== 1) s += `, groups=${this.groups}`;
    if (this.bias === null) s += ', bias=False';
    if (this.padding_mode !== 'zeros') s += `, padding_mode=${this.padding_mode}`;
    return s;
  }
}

/**
 * The tail of Conv1d's and Conv2d's `__init__` (after kernel_size…channel_pos): the groups check,
 * then channels, weight `[out, in/groups, *kernel]`, `out_channel_groups` and bias in OneFlow's
 * order (the attribute order is what a pickle of the module records), then `reset_parameters()`.
 */
export function initConvChannels(m: ConvNd, in_channels: number, out_channels: number, bias: boolean, dtype?: DType | null): void {
  const groups = m.groups;
  checkConvGroups(in_channels, out_channels, groups);
  m.in_channels = in_channels;
  m.out_channels = out_channels;
  const params = convParameters([out_channels, in_channels / groups, ...m.kernel_size], out_channels, bias, dtype);
  m.weight = params.weight;
  m.out_channel_groups = out_channels / groups;
  m.bias = params.bias;
  m.reset_parameters();
}
