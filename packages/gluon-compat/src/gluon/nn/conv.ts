/** `gluon.nn.Conv2D` (python/mxnet/gluon/nn/conv_layers.py, MXNet 1.9), NCHW layout. */
import { AssertionError } from '@nncompat/core';
import type { InitializerSpec } from '../../initializer/registry.js';
import type { ActType } from '../../ndarray/ops.js';
import type { NDArray } from '../../ndarray/ndarray.js';
import { pyTuple } from '../../util/pyfmt.js';
import type { BlockOptions } from '../block.js';
import { HybridBlock, type F } from '../hybrid-block.js';
import type { Parameter } from '../parameter.js';
import { Activation } from './activation.js';

/** Keyword arguments of `Conv2D`. */
export interface Conv2DOptions extends BlockOptions {
  strides?: number | readonly number[];
  padding?: number | readonly number[];
  dilation?: number | readonly number[];
  groups?: number;
  layout?: 'NCHW';
  activation?: ActType | null;
  use_bias?: boolean;
  weight_initializer?: InitializerSpec | null;
  bias_initializer?: InitializerSpec | null;
  /** Input channels; 0 (default) defers them to the first forward. */
  in_channels?: number;
}

function expand(v: number | readonly number[], n: number): readonly number[] {
  return Object.freeze(typeof v === 'number' ? Array<number>(n).fill(v) : [...v]);
}

/**
 * `Conv2D(channels, kernel_size, strides=(1, 1), padding=(0, 0), dilation=(1, 1), groups=1,
 * layout='NCHW', activation=None, use_bias=True, weight_initializer=None,
 * bias_initializer='zeros', in_channels=0)`. Weight shape `(channels, in_channels/groups, kh, kw)`.
 *
 * @example
 * ```ts
 * const conv = new mx.gluon.nn.Conv2D(10, 3, { padding: 1 });
 * conv.initialize();
 * conv(mx.nd.ones([1, 3, 8, 8])).shape; // [1, 10, 8, 8]
 * ```
 */
export class Conv2D extends HybridBlock {
  static override __module__ = 'mxnet.gluon.nn.conv_layers';
  declare _channels: number;
  declare _in_channels: number;
  declare _op_name: string;
  declare _kwargs: {
    kernel: readonly number[]; stride: readonly number[]; dilate: readonly number[]; pad: readonly number[];
    num_filter: number; num_group: number; no_bias: boolean; layout: string;
  };
  declare weight: Parameter;
  declare bias: Parameter | null;
  declare act: Activation | null;

  constructor(channels: number, kernel_size: number | readonly number[], opts: Conv2DOptions = {}) {
    const layout = opts.layout ?? 'NCHW';
    if (layout !== 'NCHW') {
      throw new AssertionError(layout === 'NHWC' ? "Conv2D: only layout 'NCHW' is supported here" : "Only supports 'NCHW' and 'NHWC' layout for now");
    }
    const kernel = expand(kernel_size, 2);
    if (kernel.length !== 2) throw new AssertionError('kernel_size must be a number or a list of 2 ints');
    super({ prefix: opts.prefix, params: opts.params });
    const groups = opts.groups ?? 1;
    const in_channels = opts.in_channels ?? 0;
    const use_bias = opts.use_bias ?? true;
    this.name_scope(() => {
      this._channels = channels;
      this._in_channels = in_channels;
      this._op_name = 'Convolution';
      this._kwargs = {
        kernel, stride: expand(opts.strides ?? [1, 1], 2), dilate: expand(opts.dilation ?? [1, 1], 2), pad: expand(opts.padding ?? [0, 0], 2),
        num_filter: channels, num_group: groups, no_bias: !use_bias, layout,
      };
      // _infer_weight_shape for Convolution: (num_filter, C / num_group, *kernel) and (num_filter,).
      this.weight = this.params.get('weight', {
        shape: [channels, Math.floor(in_channels / groups), ...kernel], init: opts.weight_initializer ?? null, allow_deferred_init: true,
      });
      this.bias = use_bias ? this.params.get('bias', { shape: [channels], init: opts.bias_initializer ?? 'zeros', allow_deferred_init: true }) : null;
      const activation = opts.activation ?? null;
      this.act = activation !== null ? new Activation(activation, { prefix: `${activation}_` }) : null;
    });
  }

  override _alias(): string {
    return 'conv';
  }

  /** `in_channels` from the input's axis 1. */
  override infer_shape(x: NDArray): void {
    if (x.ndim !== 4) throw new AssertionError(`Conv2D expects a 4-D NCHW input, got shape ${pyTuple(x.shape)}`);
    this.weight.shape = [this._channels, Math.floor(x.shape[1]! / this._kwargs.num_group), ...this._kwargs.kernel];
  }

  override hybrid_forward(F: F, x: NDArray, p: { weight: NDArray; bias?: NDArray }): NDArray {
    const out = F.Convolution(x, p.weight, p.bias ?? null, { ...this._kwargs, name: 'fwd' });
    return this.act !== null ? this.act(out) : out;
  }

  /** `Conv2D(3 -> 10, kernel_size=(3, 3), stride=(1, 1))`, plus non-default padding, dilation, groups, bias, activation. */
  override __repr__(): string {
    const k = this._kwargs;
    const n = k.kernel.length;
    const differs = (t: readonly number[], v: number) => t.length !== n || t.some((d) => d !== v);
    const shape = this.weight.shape!;
    let s = `${this._get_name()}(${shape[1] ? shape[1] : 'None'} -> ${shape[0]}, kernel_size=${pyTuple(k.kernel)}, stride=${pyTuple(k.stride)}`;
    if (differs(k.pad, 0)) s += `, padding=${pyTuple(k.pad)}`;
    if (differs(k.dilate, 1)) s += `, dilation=${pyTuple(k.dilate)}`;
    if (k.num_group !== 1) s += `, groups=${k.num_group}`;
    if (this.bias === null) s += ', bias=False';
    if (this.act) s += `, ${this.act.__repr__()}`;
    return `${s})`;
  }
}
