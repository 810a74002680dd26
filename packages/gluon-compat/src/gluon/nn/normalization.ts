/** `gluon.nn.BatchNorm` and `LayerNorm` (python/mxnet/gluon/nn/basic_layers.py, MXNet 1.9). */
import type { InitializerSpec } from '../../initializer/registry.js';
import { dtypeName, type DTypeLike } from '../../ndarray/dtype.js';
import type { NDArray } from '../../ndarray/ndarray.js';
import { pyFloat, pyRepr } from '../../util/pyfmt.js';
import type { BlockOptions } from '../block.js';
import { HybridBlock, type F } from '../hybrid-block.js';
import type { Parameter } from '../parameter.js';

/** Keyword arguments of `BatchNorm`. */
export interface BatchNormOptions extends BlockOptions {
  axis?: number;
  momentum?: number;
  epsilon?: number;
  center?: boolean;
  scale?: boolean;
  use_global_stats?: boolean;
  beta_initializer?: InitializerSpec;
  gamma_initializer?: InitializerSpec;
  running_mean_initializer?: InitializerSpec;
  running_variance_initializer?: InitializerSpec;
  /** Channels; 0 (default) defers them to the first forward. */
  in_channels?: number;
}

function axisOf(x: NDArray, axis: number): number {
  return axis < 0 ? axis + x.ndim : axis;
}

/**
 * `BatchNorm(axis=1, momentum=0.9, epsilon=1e-5, center=True, scale=True,
 * use_global_stats=False, …, in_channels=0)` with parameters `gamma`, `beta` and the
 * non-differentiable `running_mean`, `running_var`. Inside `autograd.record()` (training mode)
 * batch statistics are used and the running ones updated; otherwise the running ones.
 *
 * @example
 * ```ts
 * const bn = new mx.gluon.nn.BatchNorm();
 * bn.initialize();
 * mx.autograd.record(() => bn(mx.nd.ones([2, 3, 4, 4])));
 * ```
 */
export class BatchNorm extends HybridBlock {
  static override __module__ = 'mxnet.gluon.nn.basic_layers';
  declare _kwargs: { axis: number; eps: number; momentum: number; fix_gamma: boolean; use_global_stats: boolean };
  declare fuse_relu: boolean;
  declare in_channels: number;
  declare gamma: Parameter;
  declare beta: Parameter;
  declare running_mean: Parameter;
  declare running_var: Parameter;

  constructor(opts: BatchNormOptions = {}) {
    super({ prefix: opts.prefix, params: opts.params });
    const { axis = 1, momentum = 0.9, epsilon = 1e-5, center = true, scale = true, use_global_stats = false, in_channels = 0 } = opts;
    this._kwargs = { axis, eps: epsilon, momentum, fix_gamma: !scale, use_global_stats };
    this.fuse_relu = false;
    if (in_channels !== 0) this.in_channels = in_channels;
    this.gamma = this.params.get('gamma', {
      grad_req: scale ? 'write' : 'null', shape: [in_channels], init: opts.gamma_initializer ?? 'ones', allow_deferred_init: true, differentiable: scale,
    });
    this.beta = this.params.get('beta', {
      grad_req: center ? 'write' : 'null', shape: [in_channels], init: opts.beta_initializer ?? 'zeros', allow_deferred_init: true, differentiable: center,
    });
    this.running_mean = this.params.get('running_mean', {
      grad_req: 'null', shape: [in_channels], init: opts.running_mean_initializer ?? 'zeros', allow_deferred_init: true, differentiable: false,
    });
    this.running_var = this.params.get('running_var', {
      grad_req: 'null', shape: [in_channels], init: opts.running_variance_initializer ?? 'ones', allow_deferred_init: true, differentiable: false,
    });
  }

  /** float16 is cast to float32, as MXNet keeps BatchNorm's statistics in float32. */
  override cast(dtype: DTypeLike): void {
    super.cast(dtypeName(dtype) === 'float16' ? 'float32' : dtype);
  }

  /** Channels from the input's `axis`. */
  override infer_shape(x: NDArray): void {
    const c = x.shape[axisOf(x, this._kwargs.axis)]!;
    for (const p of [this.gamma, this.beta, this.running_mean, this.running_var]) p.shape = [c];
  }

  override hybrid_forward(F: F, x: NDArray, p: { gamma: NDArray; beta: NDArray; running_mean: NDArray; running_var: NDArray }): NDArray {
    return F.BatchNorm(x, p.gamma, p.beta, p.running_mean, p.running_var, { ...this._kwargs, name: 'fwd' });
  }

  /** `BatchNorm(axis=1, eps=1e-05, momentum=0.9, fix_gamma=False, use_global_stats=False, in_channels=None)`. */
  override __repr__(): string {
    const k = this._kwargs;
    const c = this.gamma.shape![0];
    return (
      `${this._get_name()}(axis=${pyRepr(k.axis)}, eps=${pyFloat(k.eps)}, momentum=${pyFloat(k.momentum)}, fix_gamma=${pyRepr(k.fix_gamma)}, ` +
      `use_global_stats=${pyRepr(k.use_global_stats)}, in_channels=${c ? c : 'None'})`
    );
  }
}

/** Keyword arguments of `LayerNorm`. */
export interface LayerNormOptions extends BlockOptions {
  axis?: number;
  epsilon?: number;
  center?: boolean;
  scale?: boolean;
  beta_initializer?: InitializerSpec;
  gamma_initializer?: InitializerSpec;
  /** Channels; 0 (default) defers them to the first forward. */
  in_channels?: number;
}

/**
 * `LayerNorm(axis=-1, epsilon=1e-5, center=True, scale=True, beta_initializer='zeros',
 * gamma_initializer='ones', in_channels=0)`.
 *
 * @example
 * ```ts
 * const ln = new mx.gluon.nn.LayerNorm();
 * ln.initialize();
 * ln(mx.nd.array([[1, 2, 3, 4, 5]]));
 * ```
 */
export class LayerNorm extends HybridBlock {
  static override __module__ = 'mxnet.gluon.nn.basic_layers';
  declare _kwargs: { eps: number; axis: number; center: boolean; scale: boolean };
  declare _axis: number;
  declare _epsilon: number;
  declare _center: boolean;
  declare _scale: boolean;
  declare gamma: Parameter;
  declare beta: Parameter;

  constructor(opts: LayerNormOptions = {}) {
    super({ prefix: opts.prefix, params: opts.params });
    const { axis = -1, epsilon = 1e-5, center = true, scale = true, in_channels = 0 } = opts;
    this._kwargs = { eps: epsilon, axis, center, scale };
    this._axis = axis;
    this._epsilon = epsilon;
    this._center = center;
    this._scale = scale;
    this.gamma = this.params.get('gamma', { grad_req: scale ? 'write' : 'null', shape: [in_channels], init: opts.gamma_initializer ?? 'ones', allow_deferred_init: true });
    this.beta = this.params.get('beta', { grad_req: center ? 'write' : 'null', shape: [in_channels], init: opts.beta_initializer ?? 'zeros', allow_deferred_init: true });
  }

  /** Channels from the input's `axis`. */
  override infer_shape(x: NDArray): void {
    const c = x.shape[axisOf(x, this._axis)]!;
    this.gamma.shape = [c];
    this.beta.shape = [c];
  }

  override hybrid_forward(F: F, data: NDArray, p: { gamma: NDArray; beta: NDArray }): NDArray {
    return F.LayerNorm(data, p.gamma, p.beta, { axis: this._axis, eps: this._epsilon });
  }

  /** `LayerNorm(eps=1e-05, axis=-1, center=True, scale=True, in_channels=0)`. */
  override __repr__(): string {
    const k = this._kwargs;
    return `${this._get_name()}(eps=${pyFloat(k.eps)}, axis=${pyRepr(k.axis)}, center=${pyRepr(k.center)}, scale=${pyRepr(k.scale)}, in_channels=${this.gamma.shape![0]})`;
  }
}
