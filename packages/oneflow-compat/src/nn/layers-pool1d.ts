/**
 * OneFlow's `MaxPool1d` (python/oneflow/nn/modules/pooling.py, OneFlow 1.0): attributes as
 * 1-tuples (`_single`), `channel_pos` kept, and OneFlow's `extra_repr`
 * (`kernel_size=(k,), stride=(s,), padding=(p,)`: no dilation or ceil_mode, unlike PyTorch's).
 */
import { functional as F } from '../functional/index.js';
import type { Tensor } from '../tensor/tensor.js';
import { Module } from './module.js';
import { pyTuple } from './py-format.js';

type Size1 = number | readonly number[];

/** OneFlow's `_single` (frozen, like a tuple). */
function single(v: Size1): readonly [number] {
  return Object.freeze(typeof v === 'number' ? [v] : [v[0]!]) as readonly [number];
}

/** Options of `MaxPool1d` after `kernel_size`. */
export interface MaxPool1dOptions {
  stride?: Size1 | null;
  padding?: Size1;
  dilation?: Size1;
  return_indices?: boolean;
  ceil_mode?: boolean;
}

/**
 * `oneflow.nn.MaxPool1d(kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False)`.
 *
 * @example
 * ```ts
 * const pool = new flow.nn.MaxPool1d(2);
 * pool(flow.randn(1, 3, 8)).shape; // [1, 3, 4]
 * String(pool); // 'MaxPool1d(kernel_size=(2,), stride=(2,), padding=(0,))'
 * ```
 */
export class MaxPool1d extends Module {
  static override __module__ = 'oneflow.nn.modules.pooling';
  declare kernel_size: readonly [number];
  declare stride: readonly [number];
  declare channel_pos: string;
  declare dilation: readonly [number];
  declare padding: readonly [number];
  declare return_indices: boolean;
  declare ceil_mode: boolean;

  constructor(kernel_size: Size1, opts: MaxPool1dOptions = {}) {
    super();
    this.kernel_size = single(kernel_size);
    this.stride = opts.stride !== undefined && opts.stride !== null ? single(opts.stride) : this.kernel_size;
    this.channel_pos = 'channels_first';
    this.dilation = single(opts.dilation ?? 1);
    this.padding = single(opts.padding ?? 0);
    this.return_indices = opts.return_indices ?? false;
    this.ceil_mode = opts.ceil_mode ?? false;
  }

  /** The pooled tensor, or `[values, indices]` when `return_indices` is set. */
  override forward(x: Tensor): Tensor | [Tensor, Tensor] {
    const o = { stride: this.stride, padding: this.padding, dilation: this.dilation, ceil_mode: this.ceil_mode };
    if (this.return_indices) return F.max_pool1d(x, this.kernel_size, { ...o, return_indices: true }) as [Tensor, Tensor];
    return F.max_pool1d(x, this.kernel_size, o) as Tensor;
  }

  override extra_repr(): string {
    return `kernel_size=${pyTuple(this.kernel_size)}, stride=${pyTuple(this.stride)}, padding=${pyTuple(this.padding)}`;
  }
}
