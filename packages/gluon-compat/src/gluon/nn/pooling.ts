/** `gluon.nn.MaxPool2D` (python/mxnet/gluon/nn/conv_layers.py, MXNet 1.9), NCHW layout. */
import { AssertionError } from '@nncompat/core';
import type { NDArray } from '../../ndarray/ndarray.js';
import { pyTuple } from '../../util/pyfmt.js';
import type { BlockOptions } from '../block.js';
import { HybridBlock, type F } from '../hybrid-block.js';

/** Keyword arguments of `MaxPool2D`. */
export interface MaxPool2DOptions extends BlockOptions {
  strides?: number | readonly number[] | null;
  padding?: number | readonly number[];
  layout?: 'NCHW';
  ceil_mode?: boolean;
}

function expand(v: number | readonly number[], n: number): readonly number[] {
  return Object.freeze(typeof v === 'number' ? Array<number>(n).fill(v) : [...v]);
}

/**
 * `MaxPool2D(pool_size=(2, 2), strides=None, padding=0, layout='NCHW', ceil_mode=False)`;
 * `strides` defaults to `pool_size`.
 *
 * @example
 * ```ts
 * new mx.gluon.nn.MaxPool2D()(mx.nd.ones([1, 1, 4, 4])).shape; // [1, 1, 2, 2]
 * ```
 */
export class MaxPool2D extends HybridBlock {
  static override __module__ = 'mxnet.gluon.nn.conv_layers';
  declare _kwargs: {
    kernel: readonly number[]; stride: readonly number[]; pad: readonly number[]; global_pool: boolean;
    pool_type: 'max'; layout: string; pooling_convention: 'full' | 'valid';
  };

  constructor(pool_size: number | readonly number[] = [2, 2], opts: MaxPool2DOptions = {}) {
    const layout = opts.layout ?? 'NCHW';
    if (layout !== 'NCHW') {
      throw new AssertionError(layout === 'NHWC' ? "MaxPool2D: only layout 'NCHW' is supported here" : 'Only NCHW and NHWC layouts are valid for 2D Pooling');
    }
    const kernel = expand(pool_size, 2);
    if (kernel.length !== 2) throw new AssertionError('pool_size must be a number or a list of 2 ints');
    super({ prefix: opts.prefix, params: opts.params });
    const strides = opts.strides ?? kernel;
    this._kwargs = {
      kernel, stride: expand(strides, kernel.length), pad: expand(opts.padding ?? 0, kernel.length), global_pool: false,
      pool_type: 'max', layout, pooling_convention: opts.ceil_mode ? 'full' : 'valid',
    };
  }

  override _alias(): string {
    return 'pool';
  }

  override hybrid_forward(F: F, x: NDArray): NDArray {
    return F.Pooling(x, { ...this._kwargs, name: 'fwd' });
  }

  /** `MaxPool2D(size=(2, 2), stride=(2, 2), padding=(0, 0), ceil_mode=False, global_pool=False, pool_type=max, layout=NCHW)`. */
  override __repr__(): string {
    const k = this._kwargs;
    return (
      `${this._get_name()}(size=${pyTuple(k.kernel)}, stride=${pyTuple(k.stride)}, padding=${pyTuple(k.pad)}, ceil_mode=${k.pooling_convention === 'full' ? 'True' : 'False'}` +
      `, global_pool=${k.global_pool ? 'True' : 'False'}, pool_type=${k.pool_type}, layout=${k.layout})`
    );
  }
}
