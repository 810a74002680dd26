/**
 * What OneFlow's conv layers (python/oneflow/nn/modules/conv.py, OneFlow 1.0) repeat in each
 * class's `__init__` / `reset_parameters` / `extra_repr`: the groups assertion, the `rand`
 * placeholders for weight and bias, the kaiming-uniform reset and Conv1d/Conv2d's repr text.
 * One copy here so Conv1d, Conv2d and ConvTranspose2d cannot drift apart.
 */
import { AssertionError, rand, type DType } from '@nncompat/core';
import { asFlow } from '../tensor/tensor.js';
import { uniformInit } from './layers.js';
import { Parameter } from './parameter.js';
import { pyTuple } from './py-format.js';

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

/** The attributes {@link initConvChannels} assigns (Conv1d's and Conv2d's). */
export interface ConvChannelFields {
  in_channels: number;
  out_channels: number;
  weight: Parameter;
  out_channel_groups: number;
  bias: Parameter | null;
}

/**
 * The tail of Conv1d's and Conv2d's `__init__` (before `reset_parameters()`): the groups check,
 * then channels, weight `[out, in/groups, *kernel]`, `out_channel_groups` and bias, assigned in
 * OneFlow's order (the attribute order is what a pickle of the module records).
 */
export function initConvChannels(
  m: ConvChannelFields, in_channels: number, out_channels: number, kernel_size: readonly number[], groups: number, bias: boolean, dtype?: DType | null,
): void {
  checkConvGroups(in_channels, out_channels, groups);
  m.in_channels = in_channels;
  m.out_channels = out_channels;
  const params = convParameters([out_channels, in_channels / groups, ...kernel_size], out_channels, bias, dtype);
  m.weight = params.weight;
  m.out_channel_groups = out_channels / groups;
  m.bias = params.bias;
}

/** `reset_parameters`: kaiming-uniform weight (a=√5: bound 1/√fan_in, fan_in from dim 1) and uniform bias. */
export function resetConvParameters(weight: Parameter, bias: Parameter | null): void {
  const fanIn = weight.shape.slice(1).reduce((a, b) => a * b, 1);
  const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
  uniformInit(weight, bound);
  if (bias !== null) uniformInit(bias, bound);
}

/** The attributes {@link convExtraRepr} prints. */
export interface ConvReprFields {
  in_channels: number;
  out_channels: number;
  kernel_size: readonly number[];
  stride: readonly number[];
  padding: readonly number[];
  dilation: readonly number[];
  groups: number;
  bias: Parameter | null;
  padding_mode: string;
}

/** `_ConvNd.extra_repr` of Conv1d/Conv2d: only the non-default settings after kernel_size and stride. */
export function convExtraRepr(m: ConvReprFields): string {
  let s = `${m.in_channels}, ${m.out_channels}, kernel_size=${pyTuple(m.kernel_size)}, stride=${pyTuple(m.stride)}`;
  if (m.padding.some((p) => p !== 0)) s += `, padding=${pyTuple(m.padding)}`;
  if (m.dilation.some((d) => d !== 1)) s += `, dilation=${pyTuple(m.dilation)}`;
  if (m.groups !== 1) s += `, groups=${m.groups}`;
  if (m.bias === null) s += ', bias=False';
  if (m.padding_mode !== 'zeros') s += `, padding_mode=${m.padding_mode}`;
  return s;
}
