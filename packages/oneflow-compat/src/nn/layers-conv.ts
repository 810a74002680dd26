/**
 * OneFlow's `Conv1d` and `ConvTranspose2d` (python/oneflow/nn/modules/conv.py, OneFlow 1.0),
 * computed with torch-compat's `F.conv1d` / `F.conv_transpose2d`. OneFlow asserts
 * `padding_mode='zeros'`; a string padding of Conv1d becomes OneFlow's explicit symmetric
 * padding (`get_padding`: `'same'` pads `dilation*(k-1)//2` on both sides, so an even kernel
 * shortens the output by one where PyTorch pads asymmetrically). `ConvTranspose2d` takes no
 * `device`/`dtype` and defines no `extra_repr` (it prints as `ConvTranspose2d()`).
 */
import { AssertionError, ValueError, type DType } from '@nncompat/core';
import { functional as F } from '../functional/index.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkConvGroups, ConvNd, convParameters, initConvChannels, resetConvParameters } from './conv-params.js';
import { Module } from './module.js';
import type { Parameter } from './parameter.js';
import { pair } from './py-format.js';

/** OneFlow's `_single`: an int as a 1-tuple, or the given 1-tuple (frozen). */
function single(v: number | readonly number[]): readonly [number] {
  return Object.freeze(typeof v === 'number' ? [v] : [v[0]!]) as readonly [number];
}

/** OneFlow's `get_padding` for a string padding (`'same'` / `'valid'`). */
function stringPadding(padding: string, kernel: readonly number[], dilation: readonly number[], stride: readonly number[]): readonly number[] {
  if (padding !== 'same' && padding !== 'valid') {
    throw new ValueError(`Invalid padding string '${padding}', should be one of {'same', 'valid'}`);
  }
  if (padding === 'same' && stride.some((s) => s !== 1)) throw new ValueError("padding='same' is not supported for strided convolutions");
  return Object.freeze(kernel.map((k, i) => (padding === 'same' ? Math.floor((dilation[i]! * (k - 1)) / 2) : 0)));
}

/** Options of `Conv1d` after the three positional arguments. */
export interface Conv1dOptions {
  stride?: number | readonly number[];
  padding?: number | readonly number[] | 'same' | 'valid';
  dilation?: number | readonly number[];
  groups?: number;
  bias?: boolean;
  padding_mode?: 'zeros';
  dtype?: DType | null;
}

/**
 * `oneflow.nn.Conv1d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
 * groups=1, bias=True, padding_mode='zeros', device=None, dtype=None)` over `(N, C, L)`.
 *
 * @example
 * ```ts
 * const conv = new flow.nn.Conv1d(4, 8, 3, { padding: 'same' });
 * conv(flow.randn(2, 4, 10)).shape; // [2, 8, 10]
 * String(conv); // 'Conv1d(4, 8, kernel_size=(3,), stride=(1,), padding=(1,))'
 * ```
 */
export class Conv1d extends ConvNd {
  static override __module__ = 'oneflow.nn.modules.conv';
  declare kernel_size: readonly [number];
  declare stride: readonly [number];
  declare dilation: readonly [number];

  constructor(in_channels: number, out_channels: number, kernel_size: number | readonly number[], opts: Conv1dOptions = {}) {
    super();
    const mode = opts.padding_mode ?? 'zeros';
    if (mode !== 'zeros') throw new AssertionError('');
    this.padding_mode = mode;
    this.kernel_size = single(kernel_size);
    this.stride = single(opts.stride ?? 1);
    this.dilation = single(opts.dilation ?? 1);
    const padding = opts.padding ?? 0;
    this.padding = typeof padding === 'string' ? stringPadding(padding, this.kernel_size, this.dilation, this.stride) : single(padding);
    const groups = opts.groups ?? 1;
    this.groups = groups;
    this.channel_pos = 'channels_first';
    initConvChannels(this, in_channels, out_channels, opts.bias ?? true, opts.dtype);
  }

  override forward(x: Tensor): Tensor {
    return F.conv1d(x, this.weight, this.bias, { stride: this.stride, padding: this.padding, dilation: this.dilation, groups: this.groups }) as Tensor;
  }
}

/** Options of `ConvTranspose2d` after the three positional arguments. */
export interface ConvTranspose2dOptions {
  stride?: number | readonly number[];
  padding?: number | readonly number[];
  output_padding?: number | readonly number[];
  groups?: number;
  bias?: boolean;
  dilation?: number;
  padding_mode?: 'zeros';
}

/**
 * `oneflow.nn.ConvTranspose2d(in_channels, out_channels, kernel_size, stride=1, padding=0,
 * output_padding=0, groups=1, bias=True, dilation=1, padding_mode='zeros')`: weight
 * `[in_channels, out_channels/groups, kH, kW]`.
 *
 * @example
 * ```ts
 * const up = new flow.nn.ConvTranspose2d(8, 4, 2, { stride: 2 });
 * up(flow.randn(1, 8, 5, 5)).shape; // [1, 4, 10, 10]
 * String(up); // 'ConvTranspose2d()' (OneFlow defines no extra_repr for it)
 * ```
 */
export class ConvTranspose2d extends Module {
  static override __module__ = 'oneflow.nn.modules.conv';
  declare kernel_size: readonly [number, number];
  declare stride: readonly [number, number];
  declare padding: readonly [number, number];
  declare output_padding: readonly [number, number];
  declare dilation: readonly [number, number];
  declare groups: number;
  declare in_channels: number;
  declare out_channels: number;
  declare weight: Parameter;
  declare in_channel_groups: number;
  declare filters: number;
  declare bias: Parameter | null;
  declare _bias_add_op: null;

  constructor(in_channels: number, out_channels: number, kernel_size: number | readonly number[], opts: ConvTranspose2dOptions = {}) {
    super();
    if ((opts.padding_mode ?? 'zeros') !== 'zeros') throw new AssertionError('');
    this.kernel_size = pair(kernel_size);
    this.stride = pair(opts.stride ?? 1);
    this.padding = pair(opts.padding ?? 0);
    this.output_padding = pair(opts.output_padding ?? 0);
    this.dilation = pair(opts.dilation ?? 1);
    const groups = opts.groups ?? 1;
    this.groups = groups;
    checkConvGroups(in_channels, out_channels, groups);
    this.in_channels = in_channels;
    this.out_channels = out_channels;
    const params = convParameters([in_channels, out_channels / groups, ...this.kernel_size], out_channels, opts.bias ?? true);
    this.weight = params.weight;
    this.in_channel_groups = in_channels / groups;
    this.filters = out_channels;
    this.bias = params.bias;
    this._bias_add_op = null;
    this.reset_parameters();
  }

  /** kaiming-uniform weight (a=√5; fan_in = (out_channels/groups)·kH·kW) and uniform bias. */
  reset_parameters(): void {
    resetConvParameters(this.weight, this.bias);
  }

  override forward(x: Tensor): Tensor {
    return F.conv_transpose2d(x, this.weight, this.bias, {
      stride: this.stride, padding: this.padding, output_padding: this.output_padding, groups: this.groups, dilation: this.dilation,
    }) as Tensor;
  }
}
