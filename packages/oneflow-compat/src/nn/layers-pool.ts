/**
 * OneFlow's 2-D pooling layers (python/oneflow/nn/modules/pooling.py, OneFlow 1.0): attributes
 * stored as pairs like `_pair`, `channel_pos` kept (always channels_first here), OneFlow's
 * `extra_repr` texts (which differ from PyTorch's: MaxPool2d omits ceil_mode, AvgPool2d omits
 * count_include_pad and AdaptiveAvgPool2d has none).
 */
import { AssertionError } from '@nncompat/core';
import { functional as F } from '../functional/index.js';
import type { Tensor } from '../tensor/tensor.js';
import { Module } from './module.js';
import { pair, pyBool, pyTuple } from './py-format.js';

type Size2 = number | readonly number[];

/** Options of `MaxPool2d` after `kernel_size`. */
export interface MaxPool2dOptions {
  stride?: Size2 | null;
  padding?: Size2;
  dilation?: Size2;
  return_indices?: boolean;
  ceil_mode?: boolean;
}

/**
 * `oneflow.nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False)`.
 *
 * @example
 * ```ts
 * new flow.nn.MaxPool2d(2)(flow.randn(1, 1, 4, 4)).shape; // [1, 1, 2, 2]
 * ```
 */
export class MaxPool2d extends Module {
  static override __module__ = 'oneflow.nn.modules.pooling';
  declare kernel_size: readonly [number, number];
  declare stride: readonly [number, number];
  declare padding: readonly [number, number];
  declare dilation: readonly [number, number];
  declare return_indices: boolean;
  declare ceil_mode: boolean;
  declare channel_pos: string;

  constructor(kernel_size: Size2, opts: MaxPool2dOptions = {}) {
    super();
    this.kernel_size = pair(kernel_size);
    this.stride = pair(opts.stride ?? kernel_size);
    this.padding = pair(opts.padding ?? 0);
    this.dilation = pair(opts.dilation ?? 1);
    this.return_indices = opts.return_indices ?? false;
    this.ceil_mode = opts.ceil_mode ?? false;
    this.channel_pos = 'channels_first';
  }

  /** The pooled tensor, or `[values, indices]` when `return_indices` is set (as OneFlow returns). */
  override forward(x: Tensor): Tensor | [Tensor, Tensor] {
    const o = { stride: this.stride, padding: this.padding, dilation: this.dilation, ceil_mode: this.ceil_mode };
    if (this.return_indices) return F.max_pool2d(x, this.kernel_size, { ...o, return_indices: true }) as [Tensor, Tensor];
    return F.max_pool2d(x, this.kernel_size, o) as Tensor;
  }

  override extra_repr(): string {
    return `kernel_size=${pyTuple(this.kernel_size)}, stride=${pyTuple(this.stride)}, padding=${pyTuple(this.padding)}, dilation=${pyTuple(this.dilation)}`;
  }
}

/** Options of `AvgPool2d` after `kernel_size`. */
export interface AvgPool2dOptions {
  stride?: Size2 | null;
  padding?: Size2;
  ceil_mode?: boolean;
  count_include_pad?: boolean;
  /** OneFlow's default is 0, meaning "divide by the window size". */
  divisor_override?: number;
}

/**
 * `oneflow.nn.AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=0)`.
 *
 * @example
 * ```ts
 * new flow.nn.AvgPool2d(2)(flow.ones(1, 1, 4, 4)); // all ones, shape [1, 1, 2, 2]
 * ```
 */
export class AvgPool2d extends Module {
  static override __module__ = 'oneflow.nn.modules.pooling';
  declare kernel_size: readonly [number, number];
  declare stride: readonly [number, number];
  declare ceil_mode: boolean;
  declare channel_pos: string;
  declare padding: readonly [number, number];
  declare count_include_pad: boolean;
  declare divisor_override: number;

  constructor(kernel_size: Size2, opts: AvgPool2dOptions = {}) {
    super();
    this.kernel_size = pair(kernel_size);
    this.stride = pair(opts.stride ?? kernel_size);
    this.ceil_mode = opts.ceil_mode ?? false;
    this.channel_pos = 'channels_first';
    this.padding = pair(opts.padding ?? 0);
    this.count_include_pad = opts.count_include_pad ?? true;
    this.divisor_override = Math.trunc(opts.divisor_override ?? 0);
  }

  override forward(x: Tensor): Tensor {
    return F.avg_pool2d(x, this.kernel_size, {
      stride: this.stride, padding: this.padding, ceil_mode: this.ceil_mode, count_include_pad: this.count_include_pad,
      // OneFlow's 0 is PyTorch's None.
      divisor_override: this.divisor_override === 0 ? null : this.divisor_override,
    }) as Tensor;
  }

  override extra_repr(): string {
    return `kernel_size=${pyTuple(this.kernel_size)}, stride=${pyTuple(this.stride)}, padding=${pyTuple(this.padding)}, ceil_mode=${pyBool(this.ceil_mode)}`;
  }
}

/**
 * `oneflow.nn.AdaptiveAvgPool2d(output_size, data_format=None)`; a `null` entry of `output_size`
 * keeps that input dimension (OneFlow's `_generate_output_size`).
 *
 * @example
 * ```ts
 * new flow.nn.AdaptiveAvgPool2d(1)(flow.randn(2, 3, 5, 5)).shape; // [2, 3, 1, 1]
 * ```
 */
export class AdaptiveAvgPool2d extends Module {
  static override __module__ = 'oneflow.nn.modules.pooling';
  declare output_size: readonly (number | null)[];
  declare channel_pos: string;

  constructor(output_size: number | readonly (number | null)[], data_format: 'channels_first' | null = null) {
    super();
    if (output_size === null || output_size === undefined) throw new AssertionError("'output_size' cannot be NoneType");
    this.output_size = Object.freeze(typeof output_size === 'number' ? [output_size, output_size] : [output_size[0]!, output_size[1]!]);
    if (data_format !== null && data_format !== 'channels_first') {
      throw new AssertionError(`data_format ${String(data_format)} is not supported: only channels_first tensors are computed here`);
    }
    this.channel_pos = 'channels_first';
  }

  override forward(x: Tensor): Tensor {
    if (x.shape.length !== 4) throw new AssertionError(`expected 4-dimensional tensor, but got ${x.shape.length}-dimensional tensor`);
    return F.adaptive_avg_pool2d(x, this.output_size) as Tensor;
  }
}
