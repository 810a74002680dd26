/** `torch.nn.MaxPool1d`, `MaxPool2d`, `AvgPool2d` and `AdaptiveAvgPool2d`. */
import type { Tensor } from '@nncompat/core';
import * as F from '../../functional/index.js';
import { bindArgs, type WithKw } from './layers-util/args.js';
import { pyBool, pyTuple } from './layers-util/format.js';
import { Module } from './module.js';

type IntOrList = number | readonly number[];

/** Keyword arguments of `nn.MaxPool1d` / `nn.MaxPool2d`. */
export interface MaxPoolKw {
  stride?: IntOrList | null;
  padding?: IntOrList;
  dilation?: IntOrList;
  return_indices?: boolean;
  ceil_mode?: boolean;
}

type MaxPoolPositional = [stride: IntOrList | null, padding: IntOrList, dilation: IntOrList, return_indices: boolean, ceil_mode: boolean];

/** Arrays are kept frozen so that they print as tuples, as Python users pass them. */
function frozen<T>(v: T): T {
  return Array.isArray(v) ? (Object.freeze([...v]) as T) : v;
}

/** `_MaxPoolNd`: arguments stored as given (stride defaults to kernel_size). */
abstract class MaxPoolNd extends Module {
  static override __module__ = 'torch.nn.modules.pooling';
  declare kernel_size: IntOrList;
  declare stride: IntOrList;
  declare padding: IntOrList;
  declare dilation: IntOrList;
  declare return_indices: boolean;
  declare ceil_mode: boolean;
  constructor(kernel_size: IntOrList, o: MaxPoolKw) {
    super();
    this.kernel_size = frozen(kernel_size);
    this.stride = frozen(o.stride ?? kernel_size);
    this.padding = frozen(o.padding ?? 0);
    this.dilation = frozen(o.dilation ?? 1);
    this.return_indices = o.return_indices ?? false;
    this.ceil_mode = o.ceil_mode ?? false;
  }
  override extra_repr(): string {
    return `kernel_size=${pyTuple(this.kernel_size)}, stride=${pyTuple(this.stride)}, padding=${pyTuple(this.padding)}, dilation=${pyTuple(this.dilation)}, ceil_mode=${pyBool(this.ceil_mode)}`;
  }
  protected opts(): F.MaxPoolOptions & { return_indices?: false } {
    return { stride: this.stride, padding: this.padding, dilation: this.dilation, ceil_mode: this.ceil_mode };
  }
}

const MAXPOOL_NAMES = ['stride', 'padding', 'dilation', 'return_indices', 'ceil_mode'] as const;

/**
 * `nn.MaxPool1d(kernel_size, stride=None, padding=0, dilation=1, return_indices=False,
 * ceil_mode=False)`; with `return_indices` the forward returns `[output, indices]`.
 *
 * @example
 * ```ts
 * new nn.MaxPool1d(3, 2)(torch.randn(20, 16, 50)).shape; // [20, 16, 24]
 * ```
 */
export class MaxPool1d extends MaxPoolNd {
  constructor(kernel_size: IntOrList, ...args: WithKw<MaxPoolPositional, MaxPoolKw>) {
    super(kernel_size, bindArgs<MaxPoolKw>('MaxPool1d.__init__', MAXPOOL_NAMES, args));
  }
  override forward(input: Tensor): Tensor | [Tensor, Tensor] {
    if (this.return_indices) return F.max_pool1d(input, this.kernel_size, { ...this.opts(), return_indices: true });
    return F.max_pool1d(input, this.kernel_size, this.opts());
  }
}

/**
 * `nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, return_indices=False,
 * ceil_mode=False)`.
 *
 * @example
 * ```ts
 * String(new nn.MaxPool2d(2)); // 'MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)'
 * ```
 */
export class MaxPool2d extends MaxPoolNd {
  constructor(kernel_size: IntOrList, ...args: WithKw<MaxPoolPositional, MaxPoolKw>) {
    super(kernel_size, bindArgs<MaxPoolKw>('MaxPool2d.__init__', MAXPOOL_NAMES, args));
  }
  override forward(input: Tensor): Tensor | [Tensor, Tensor] {
    if (this.return_indices) return F.max_pool2d(input, this.kernel_size, { ...this.opts(), return_indices: true });
    return F.max_pool2d(input, this.kernel_size, this.opts());
  }
}

/** Keyword arguments of `nn.AvgPool2d`. */
export interface AvgPoolKw {
  stride?: IntOrList | null;
  padding?: IntOrList;
  ceil_mode?: boolean;
  count_include_pad?: boolean;
  divisor_override?: number | null;
}

/**
 * `nn.AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
 * divisor_override=None)`.
 *
 * @example
 * ```ts
 * new nn.AvgPool2d(3, { stride: 2 })(torch.randn(20, 16, 50, 32)).shape; // [20, 16, 24, 15]
 * ```
 */
export class AvgPool2d extends Module {
  static override __module__ = 'torch.nn.modules.pooling';
  declare kernel_size: IntOrList;
  declare stride: IntOrList;
  declare padding: IntOrList;
  declare ceil_mode: boolean;
  declare count_include_pad: boolean;
  declare divisor_override: number | null;
  constructor(
    kernel_size: IntOrList,
    ...args: WithKw<[stride: IntOrList | null, padding: IntOrList, ceil_mode: boolean, count_include_pad: boolean, divisor_override: number | null], AvgPoolKw>
  ) {
    super();
    const o = bindArgs<AvgPoolKw>('AvgPool2d.__init__', ['stride', 'padding', 'ceil_mode', 'count_include_pad', 'divisor_override'], args);
    this.kernel_size = frozen(kernel_size);
    this.stride = frozen(o.stride ?? kernel_size);
    this.padding = frozen(o.padding ?? 0);
    this.ceil_mode = o.ceil_mode ?? false;
    this.count_include_pad = o.count_include_pad ?? true;
    this.divisor_override = o.divisor_override ?? null;
  }
  override forward(input: Tensor): Tensor {
    return F.avg_pool2d(input, this.kernel_size, {
      stride: this.stride, padding: this.padding, ceil_mode: this.ceil_mode, count_include_pad: this.count_include_pad, divisor_override: this.divisor_override,
    });
  }
  override extra_repr(): string {
    return `kernel_size=${pyTuple(this.kernel_size)}, stride=${pyTuple(this.stride)}, padding=${pyTuple(this.padding)}`;
  }
}

/**
 * `nn.AdaptiveAvgPool2d(output_size)`: an int or `[h, w]` (null keeps that input size).
 *
 * @example
 * ```ts
 * new nn.AdaptiveAvgPool2d([5, 7])(torch.randn(1, 64, 8, 9)).shape; // [1, 64, 5, 7]
 * ```
 */
export class AdaptiveAvgPool2d extends Module {
  static override __module__ = 'torch.nn.modules.pooling';
  declare output_size: number | readonly (number | null)[];
  constructor(output_size: number | readonly (number | null)[]) {
    super();
    this.output_size = frozen(output_size);
  }
  override forward(input: Tensor): Tensor {
    return F.adaptive_avg_pool2d(input, this.output_size);
  }
  override extra_repr(): string {
    return `output_size=${pyTuple(this.output_size)}`;
  }
}
