/** `nn.AvgPool1d` and `nn.AdaptiveAvgPool1d` (forwards are the F functions). */
import type { Tensor } from '@nncompat/core';
import * as F from '../../functional/index.js';
import { bindArgs, type WithKw } from './layers-util/args.js';
import { ntuple, pyTuple } from './layers-util/format.js';
import { Module } from './module.js';

/** Keyword arguments of `nn.AvgPool1d`. */
export interface AvgPool1dKw {
  stride?: number | readonly number[] | null;
  padding?: number | readonly number[];
  ceil_mode?: boolean;
  count_include_pad?: boolean;
}

/**
 * `nn.AvgPool1d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True)`:
 * sizes stored as 1-tuples (`_single`), printed `kernel_size=(3,), stride=(2,), padding=(0,)`.
 *
 * @example
 * ```ts
 * new nn.AvgPool1d(3, 2)(x); // x: [N, C, L]
 * ```
 */
export class AvgPool1d extends Module {
  static override __module__ = 'torch.nn.modules.pooling';
  declare kernel_size: readonly number[];
  declare stride: readonly number[];
  declare padding: readonly number[];
  declare ceil_mode: boolean;
  declare count_include_pad: boolean;
  constructor(
    kernel_size: number | readonly number[],
    ...args: WithKw<[stride: number | readonly number[] | null, padding: number | readonly number[], ceil_mode: boolean, count_include_pad: boolean], AvgPool1dKw>
  ) {
    super();
    const o = bindArgs<AvgPool1dKw>('AvgPool1d.__init__', ['stride', 'padding', 'ceil_mode', 'count_include_pad'], args);
    this.kernel_size = ntuple(kernel_size, 1);
    this.stride = ntuple(o.stride ?? kernel_size, 1);
    this.padding = ntuple(o.padding ?? 0, 1);
    this.ceil_mode = o.ceil_mode ?? false;
    this.count_include_pad = o.count_include_pad ?? true;
  }
  override forward(input: Tensor): Tensor {
    return F.avg_pool1d(input, this.kernel_size, this.stride, this.padding, this.ceil_mode, this.count_include_pad);
  }
  override extra_repr(): string {
    return `kernel_size=${pyTuple(this.kernel_size)}, stride=${pyTuple(this.stride)}, padding=${pyTuple(this.padding)}`;
  }
}

/**
 * `nn.AdaptiveAvgPool1d(output_size)`.
 *
 * @example
 * ```ts
 * new nn.AdaptiveAvgPool1d(1)(x);
 * ```
 */
export class AdaptiveAvgPool1d extends Module {
  static override __module__ = 'torch.nn.modules.pooling';
  declare output_size: number | readonly number[];
  constructor(output_size: number | readonly number[]) {
    super();
    this.output_size = output_size;
  }
  override forward(input: Tensor): Tensor {
    return F.adaptive_avg_pool1d(input, this.output_size);
  }
  override extra_repr(): string {
    return `output_size=${pyTuple(this.output_size)}`;
  }
}
