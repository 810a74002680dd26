/**
 * `torch.nn.Conv1d`, `Conv2d` and `ConvTranspose2d` (`_ConvNd` of PyTorch 2.1): argument checks
 * and messages, weight layout, `kaiming_uniform_(a=√5)` init and `extra_repr`.
 */
import { empty, Parameter, type Tensor, ValueError } from '@nncompat/core';
import * as F from '../../functional/index.js';
import { _calculate_fan_in_and_fan_out, kaiming_uniform_, uniform_ } from '../../init/index.js';
import { bindArgs, type Factory, factoryOf, type WithKw } from './layers-util/args.js';
import { ntuple, pyTuple } from './layers-util/format.js';
import { Module } from './module.js';

type PaddingMode = 'zeros' | 'reflect' | 'replicate' | 'circular';
type IntOrList = number | readonly number[];

/** Keyword arguments of `nn.Conv1d` / `nn.Conv2d`. */
export interface ConvKw extends Factory {
  stride?: IntOrList;
  padding?: IntOrList | 'same' | 'valid';
  dilation?: IntOrList;
  groups?: number;
  bias?: boolean;
  padding_mode?: PaddingMode;
}

/** Keyword arguments of `nn.ConvTranspose2d`. */
export interface ConvTransposeKw extends Factory {
  stride?: IntOrList;
  padding?: IntOrList;
  output_padding?: IntOrList;
  groups?: number;
  bias?: boolean;
  dilation?: IntOrList;
  padding_mode?: PaddingMode;
}

const PADDING_MODES = ['zeros', 'reflect', 'replicate', 'circular'];

/** `_ConvNd`: the shared constructor, init and repr. */
export abstract class ConvNd extends Module {
  static override __module__ = 'torch.nn.modules.conv';
  declare in_channels: number;
  declare out_channels: number;
  declare kernel_size: readonly number[];
  declare stride: readonly number[];
  declare padding: readonly number[] | 'same' | 'valid';
  declare dilation: readonly number[];
  declare transposed: boolean;
  declare output_padding: readonly number[];
  declare groups: number;
  declare padding_mode: PaddingMode;
  declare _reversed_padding_repeated_twice: number[];
  declare weight: Parameter;
  declare bias: Parameter | null;

  constructor(
    n: number, in_channels: number, out_channels: number, kernel_size: IntOrList, o: ConvKw & { output_padding?: IntOrList }, transposed: boolean,
  ) {
    super();
    const groups = o.groups ?? 1;
    const stride = ntuple(o.stride ?? 1, n);
    const padding = o.padding ?? 0;
    const padding_mode = o.padding_mode ?? 'zeros';
    if (groups <= 0) throw new ValueError('groups must be a positive integer');
    if (in_channels % groups !== 0) throw new ValueError('in_channels must be divisible by groups');
    if (out_channels % groups !== 0) throw new ValueError('out_channels must be divisible by groups');
    if (typeof padding === 'string') {
      if (padding !== 'same' && padding !== 'valid') throw new ValueError(`Invalid padding string '${padding}', should be one of {'valid', 'same'}`);
      if (padding === 'same' && stride.some((s) => s !== 1)) throw new ValueError("padding='same' is not supported for strided convolutions");
    }
    if (!PADDING_MODES.includes(padding_mode)) {
      throw new ValueError(`padding_mode must be one of {'zeros', 'reflect', 'replicate', 'circular'}, but got padding_mode='${padding_mode}'`);
    }
    const kernel = ntuple(kernel_size, n);
    const dilation = ntuple(o.dilation ?? 1, n);
    this.in_channels = in_channels;
    this.out_channels = out_channels;
    this.kernel_size = kernel;
    this.stride = stride;
    this.padding = typeof padding === 'string' ? padding : ntuple(padding, n);
    this.dilation = dilation;
    this.transposed = transposed;
    this.output_padding = ntuple(o.output_padding ?? 0, n);
    this.groups = groups;
    this.padding_mode = padding_mode;
    // F.pad order: last spatial dim first, each as (left, right).
    const rev: number[] = [];
    if (padding === 'same') {
      for (let i = n - 1; i >= 0; i--) {
        const total = dilation[i]! * (kernel[i]! - 1);
        const left = Math.floor(total / 2);
        rev.push(left, total - left);
      }
    } else if (padding === 'valid') {
      for (let i = 0; i < n; i++) rev.push(0, 0);
    } else {
      const p = this.padding as readonly number[];
      for (let i = n - 1; i >= 0; i--) rev.push(p[i]!, p[i]!);
    }
    this._reversed_padding_repeated_twice = rev;
    const factory = factoryOf(o);
    const wshape = transposed ? [in_channels, out_channels / groups, ...kernel] : [out_channels, in_channels / groups, ...kernel];
    this.weight = new Parameter(empty(wshape, factory));
    if (o.bias ?? true) this.bias = new Parameter(empty([out_channels], factory));
    else this.register_parameter('bias', null);
    this.reset_parameters();
  }

  /** `reset_parameters()`: `kaiming_uniform_(weight, a=√5)`, bias from `U(-1/√fan_in, 1/√fan_in)`. */
  reset_parameters(): void {
    kaiming_uniform_(this.weight, Math.sqrt(5));
    if (this.bias !== null) {
      const [fanIn] = _calculate_fan_in_and_fan_out(this.weight);
      if (fanIn !== 0) {
        const bound = 1 / Math.sqrt(fanIn);
        uniform_(this.bias, -bound, bound);
      }
    }
  }

  override extra_repr(): string {
    let s = `${this.in_channels}, ${this.out_channels}, kernel_size=${pyTuple(this.kernel_size)}, stride=${pyTuple(this.stride)}`;
    const p = this.padding;
    if (typeof p === 'string') s += `, padding=${p}`;
    else if (p.some((v) => v !== 0)) s += `, padding=${pyTuple(p)}`;
    if (this.dilation.some((v) => v !== 1)) s += `, dilation=${pyTuple(this.dilation)}`;
    if (this.output_padding.some((v) => v !== 0)) s += `, output_padding=${pyTuple(this.output_padding)}`;
    if (this.groups !== 1) s += `, groups=${this.groups}`;
    if (this.bias === null) s += ', bias=False';
    if (this.padding_mode !== 'zeros') s += `, padding_mode=${this.padding_mode}`;
    return s;
  }
}

const CONV_NAMES = ['stride', 'padding', 'dilation', 'groups', 'bias', 'padding_mode', 'device', 'dtype'] as const;
type ConvPositional = [stride: IntOrList, padding: IntOrList | 'same' | 'valid', dilation: IntOrList, groups: number, bias: boolean, padding_mode: PaddingMode];

/**
 * `nn.Conv1d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
 * groups=1, bias=True, padding_mode='zeros', device=None, dtype=None)`.
 *
 * @example
 * ```ts
 * const conv = new nn.Conv1d(16, 33, 3, { stride: 2 });
 * conv(torch.randn(20, 16, 50)).shape; // [20, 33, 24]
 * ```
 */
export class Conv1d extends ConvNd {
  constructor(in_channels: number, out_channels: number, kernel_size: IntOrList, ...args: WithKw<ConvPositional, ConvKw>) {
    super(1, in_channels, out_channels, kernel_size, bindArgs<ConvKw>('Conv1d.__init__', CONV_NAMES, args), false);
  }
  override forward(input: Tensor): Tensor {
    if (this.padding_mode !== 'zeros') {
      const x = F.pad(input, this._reversed_padding_repeated_twice, { mode: this.padding_mode });
      return F.conv1d(x, this.weight, this.bias, { stride: this.stride, padding: 0, dilation: this.dilation, groups: this.groups });
    }
    return F.conv1d(input, this.weight, this.bias, { stride: this.stride, padding: this.padding, dilation: this.dilation, groups: this.groups });
  }
}

/**
 * `nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
 * groups=1, bias=True, padding_mode='zeros', device=None, dtype=None)`.
 *
 * @example
 * ```ts
 * const conv = new nn.Conv2d(16, 33, [3, 5], { stride: [2, 1], padding: [4, 2] });
 * String(conv); // 'Conv2d(16, 33, kernel_size=(3, 5), stride=(2, 1), padding=(4, 2))'
 * ```
 */
export class Conv2d extends ConvNd {
  constructor(in_channels: number, out_channels: number, kernel_size: IntOrList, ...args: WithKw<ConvPositional, ConvKw>) {
    super(2, in_channels, out_channels, kernel_size, bindArgs<ConvKw>('Conv2d.__init__', CONV_NAMES, args), false);
  }
  override forward(input: Tensor): Tensor {
    if (this.padding_mode !== 'zeros') {
      const x = F.pad(input, this._reversed_padding_repeated_twice, { mode: this.padding_mode });
      return F.conv2d(x, this.weight, this.bias, { stride: this.stride, padding: 0, dilation: this.dilation, groups: this.groups });
    }
    return F.conv2d(input, this.weight, this.bias, { stride: this.stride, padding: this.padding, dilation: this.dilation, groups: this.groups });
  }
}

type ConvTPositional = [stride: IntOrList, padding: IntOrList, output_padding: IntOrList, groups: number, bias: boolean, dilation: IntOrList, padding_mode: PaddingMode];

/**
 * `nn.ConvTranspose2d(in_channels, out_channels, kernel_size, stride=1, padding=0,
 * output_padding=0, groups=1, bias=True, dilation=1, padding_mode='zeros', device=None,
 * dtype=None)`; weight `[in, out/groups, kh, kw]`. `forward(input, output_size)` picks the
 * output padding that reaches `output_size`, as PyTorch's `_output_padding` does.
 *
 * @example
 * ```ts
 * const up = new nn.ConvTranspose2d(16, 8, 3, { stride: 2, padding: 1 });
 * up(x, [12, 12]);
 * ```
 */
export class ConvTranspose2d extends ConvNd {
  constructor(in_channels: number, out_channels: number, kernel_size: IntOrList, ...args: WithKw<ConvTPositional, ConvTransposeKw>) {
    const o = bindArgs<ConvTransposeKw>(
      'ConvTranspose2d.__init__', ['stride', 'padding', 'output_padding', 'groups', 'bias', 'dilation', 'padding_mode', 'device', 'dtype'], args,
    );
    if ((o.padding_mode ?? 'zeros') !== 'zeros') throw new ValueError(`Only "zeros" padding mode is supported for ConvTranspose2d`);
    super(2, in_channels, out_channels, kernel_size, o, true);
  }

  /** `_output_padding(input, output_size, stride, padding, kernel_size, num_spatial_dims, dilation)`. */
  _output_padding(input: Tensor, output_size: readonly number[] | null): readonly number[] {
    if (output_size === null) return this.output_padding;
    const k = 2;
    const hasBatch = input.dim() === k + 2;
    let size = [...output_size];
    if (size.length === k + 2) size = size.slice(2);
    else if (size.length === k + 1 && !hasBatch) size = size.slice(1);
    if (size.length !== k) {
      throw new ValueError(`ConvTranspose${k}D: for ${input.dim()}D input, output_size must have ${k} or ${k + (hasBatch ? 2 : 1)} elements (got ${output_size.length})`);
    }
    const spatial = input.shape.slice(input.dim() - k);
    const pad = this.padding as readonly number[];
    const res: number[] = [];
    for (let d = 0; d < k; d++) {
      const minSize = (spatial[d]! - 1) * this.stride[d]! - 2 * pad[d]! + this.dilation[d]! * (this.kernel_size[d]! - 1) + 1;
      const maxSize = minSize + this.stride[d]! - 1;
      if (size[d]! < minSize || size[d]! > maxSize) {
        throw new ValueError(
          `requested an output size of [${size.join(', ')}], but valid sizes range from [${spatial.map((_, i) => (spatial[i]! - 1) * this.stride[i]! - 2 * pad[i]! + this.dilation[i]! * (this.kernel_size[i]! - 1) + 1).join(', ')}] to [${spatial.map((_, i) => (spatial[i]! - 1) * this.stride[i]! - 2 * pad[i]! + this.dilation[i]! * (this.kernel_size[i]! - 1) + this.stride[i]!).join(', ')}] (for an input of torch.Size([${spatial.join(', ')}]))`,
        );
      }
      res.push(size[d]! - minSize);
    }
    return res;
  }

  override forward(input: Tensor, output_size: readonly number[] | { output_size?: readonly number[] | null } | null = null): Tensor {
    const size = output_size === null || Array.isArray(output_size) ? output_size : (output_size as { output_size?: readonly number[] | null }).output_size ?? null;
    const output_padding = this._output_padding(input, size as readonly number[] | null);
    return F.conv_transpose2d(input, this.weight, this.bias, {
      stride: this.stride, padding: this.padding as readonly number[], output_padding, groups: this.groups, dilation: this.dilation,
    });
  }
}
