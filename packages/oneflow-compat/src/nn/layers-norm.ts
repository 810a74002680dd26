/**
 * OneFlow's normalisation layers: `BatchNorm1d` / `BatchNorm2d` (python/oneflow/nn/modules/
 * batchnorm.py, OneFlow 1.0) and `LayerNorm` (normalization.py). OneFlow's `_NormBase` keeps
 * float32 `running_mean` (zeros) / `running_var` (ones) and an int64 scalar `num_batches_tracked`;
 * without `track_running_stats` the statistics are registered as None parameters and the
 * counter as a None buffer, as OneFlow does. Its `momentum` has no `None`
 * (cumulative average) form: OneFlow computes `1 - momentum`.
 */
import { no_grad, ones, tensor, ValueError, zeros, type DType } from '@nncompat/core';
import { functional as F } from '../functional/index.js';
import { asFlow, type Tensor } from '../tensor/tensor.js';
import { Module } from './module.js';
import { Parameter } from './parameter.js';
import { pyBool, pyFloat, pyTuple } from './py-format.js';

/** Options of `BatchNorm1d` / `BatchNorm2d` after `num_features`. */
export interface BatchNormOptions {
  eps?: number;
  momentum?: number;
  affine?: boolean;
  track_running_stats?: boolean;
}

/** `_NormBase` + `_BatchNorm`: parameters, buffers, init and the forward shared by both. */
export abstract class BatchNormBase extends Module {
  static override __module__ = 'oneflow.nn.modules.batchnorm';
  declare num_features: number;
  declare eps: number;
  declare momentum: number;
  declare affine: boolean;
  declare track_running_stats: boolean;
  declare weight: Parameter | null;
  declare bias: Parameter | null;
  declare running_mean: Tensor | null;
  declare running_var: Tensor | null;
  declare num_batches_tracked: Tensor | null;

  constructor(num_features: number, opts: BatchNormOptions = {}) {
    super();
    if (typeof opts.momentum !== 'number' && opts.momentum !== undefined) {
      // OneFlow computes `1 - momentum` (PyTorch's None = cumulative average has no OneFlow form).
      throw new ValueError(`BatchNorm momentum must be a float, got ${String(opts.momentum)} (OneFlow has no cumulative-average momentum=None)`);
    }
    this.num_features = num_features;
    this.eps = opts.eps ?? 1e-5;
    this.momentum = opts.momentum ?? 0.1;
    this.affine = opts.affine ?? true;
    this.track_running_stats = opts.track_running_stats ?? true;
    if (this.affine) {
      this.weight = new Parameter(asFlow(ones([num_features])));
      this.bias = new Parameter(asFlow(zeros([num_features])));
    } else {
      this.register_parameter('weight', null);
      this.register_parameter('bias', null);
    }
    if (this.track_running_stats) {
      this.register_buffer('running_mean', asFlow(zeros([num_features])));
      this.register_buffer('running_var', asFlow(ones([num_features])));
      this.register_buffer('num_batches_tracked', asFlow(tensor(0, { dtype: 'int64' })));
    } else {
      // OneFlow registers the two statistics as None *parameters* here (only the counter as a buffer).
      this.register_parameter('running_mean', null);
      this.register_parameter('running_var', null);
      this.register_buffer('num_batches_tracked', null);
    }
    this.reset_parameters();
  }

  /** Running mean 0, running variance 1 (`num_batches_tracked` is left as is, as in OneFlow). */
  reset_running_stats(): void {
    if (this.track_running_stats) {
      no_grad(() => {
        this.running_mean!.fill_(0);
        this.running_var!.fill_(1);
      });
    }
  }

  /** Running stats reset, weight 1, bias 0. */
  reset_parameters(): void {
    this.reset_running_stats();
    if (this.affine) {
      no_grad(() => {
        this.weight!.fill_(1);
        this.bias!.fill_(0);
      });
    }
  }

  /** Raises OneFlow's ValueError for an input of the wrong rank. */
  protected abstract _check_input_dim(x: Tensor): void;

  override forward(x: Tensor): Tensor {
    this._check_input_dim(x);
    // Batch statistics while training or when no running stats exist; the running stats
    // otherwise. The update uses the unbiased variance, like OneFlow's CPU path and kernel.
    const useBatch = this.training || this.running_mean === null;
    if (this.training && this.track_running_stats) {
      no_grad(() => {
        this.num_batches_tracked!.add_(1);
      });
    }
    return F.batch_norm(x, this.running_mean, this.running_var, {
      weight: this.weight, bias: this.bias, training: useBatch, momentum: this.momentum, eps: this.eps,
    }) as Tensor;
  }

  override extra_repr(): string {
    return `${this.num_features}, eps=${pyFloat(this.eps)}, momentum=${pyFloat(this.momentum)}, affine=${pyBool(this.affine)}, track_running_stats=${pyBool(this.track_running_stats)}`;
  }
}

/**
 * `oneflow.nn.BatchNorm1d(num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)`
 * over `(N, C)` or `(N, C, L)` inputs.
 *
 * @example
 * ```ts
 * const bn = new flow.nn.BatchNorm1d(3);
 * bn(flow.randn(4, 3)).shape; // [4, 3]; bn.num_batches_tracked is now 1
 * ```
 */
export class BatchNorm1d extends BatchNormBase {
  // pickles name the concrete class's own module (a static is not inherited by pyModuleOf).
  static override __module__ = 'oneflow.nn.modules.batchnorm';
  protected _check_input_dim(x: Tensor): void {
    if (x.dim() !== 2 && x.dim() !== 3) throw new ValueError(`expected 2D or 3D input (got ${x.dim()}D input)`);
  }
}

/**
 * `oneflow.nn.BatchNorm2d(num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)`
 * over `(N, C, H, W)` inputs.
 *
 * @example
 * ```ts
 * const bn = new flow.nn.BatchNorm2d(2, { momentum: 0.2 });
 * bn.eval()(flow.randn(1, 2, 3, 3)).shape; // [1, 2, 3, 3], normalised with the running stats
 * ```
 */
export class BatchNorm2d extends BatchNormBase {
  // pickles name the concrete class's own module (a static is not inherited by pyModuleOf).
  static override __module__ = 'oneflow.nn.modules.batchnorm';
  protected _check_input_dim(x: Tensor): void {
    if (x.dim() !== 4) throw new ValueError(`expected 4D input (got ${x.dim()}D input)`);
  }
}

/** Options of `LayerNorm` after `normalized_shape`. */
export interface LayerNormOptions {
  eps?: number;
  elementwise_affine?: boolean;
  dtype?: DType | null;
}

/**
 * `oneflow.nn.LayerNorm(normalized_shape, eps=1e-05, elementwise_affine=True)`: weight 1, bias 0.
 *
 * @example
 * ```ts
 * String(new flow.nn.LayerNorm(4)); // 'LayerNorm((4,), eps=1e-05, elementwise_affine=True)'
 * ```
 */
export class LayerNorm extends Module {
  static override __module__ = 'oneflow.nn.modules.normalization';
  declare normalized_shape: readonly number[];
  declare eps: number;
  declare elementwise_affine: boolean;
  declare weight: Parameter | null;
  declare bias: Parameter | null;

  constructor(normalized_shape: number | readonly number[], opts: LayerNormOptions = {}) {
    super();
    this.normalized_shape = Object.freeze(typeof normalized_shape === 'number' ? [normalized_shape] : [...normalized_shape]);
    this.eps = opts.eps ?? 1e-5;
    this.elementwise_affine = opts.elementwise_affine ?? true;
    const dt = opts.dtype ? { dtype: opts.dtype } : {};
    if (this.elementwise_affine) {
      this.weight = new Parameter(asFlow(ones([...this.normalized_shape], dt)));
      this.bias = new Parameter(asFlow(zeros([...this.normalized_shape], dt)));
    } else {
      this.register_parameter('weight', null);
      this.register_parameter('bias', null);
    }
  }

  /** Weight 1, bias 0. */
  reset_parameters(): void {
    if (this.elementwise_affine) {
      no_grad(() => {
        this.weight!.fill_(1);
        this.bias!.fill_(0);
      });
    }
  }

  override forward(x: Tensor): Tensor {
    return F.layer_norm(x, this.normalized_shape, { weight: this.weight, bias: this.bias, eps: this.eps }) as Tensor;
  }

  override extra_repr(): string {
    return `${pyTuple(this.normalized_shape)}, eps=${pyFloat(this.eps)}, elementwise_affine=${pyBool(this.elementwise_affine)}`;
  }
}
