/**
 * `torch.nn.BatchNorm1d` / `BatchNorm2d` (`_NormBase` + `_BatchNorm` of PyTorch 2.1): affine
 * parameters, running statistics buffers (`num_batches_tracked` is int64), `momentum=None`
 * as a cumulative moving average, and the version-2 state-dict upgrade.
 */
import { empty, no_grad, ones, Parameter, type Tensor, tensor, ValueError, zeros } from '@nncompat/core';
import * as F from '../../functional/index.js';
import { ones_, zeros_ } from '../../init/index.js';
import { bindArgs, type Factory, factoryOf, type WithKw } from './layers-util/args.js';
import { pyBool, pyFloat } from './layers-util/format.js';
import { Module } from './module.js';

/** Keyword arguments of the batch-norm modules. */
export interface BatchNormKw extends Factory {
  eps?: number;
  momentum?: number | null;
  affine?: boolean;
  track_running_stats?: boolean;
}

type BNPositional = [eps: number, momentum: number | null, affine: boolean, track_running_stats: boolean];
const BN_NAMES = ['eps', 'momentum', 'affine', 'track_running_stats', 'device', 'dtype'] as const;

/** `_BatchNorm`: the shared state, init, state-dict upgrade and forward. */
export abstract class BatchNormBase extends Module {
  static override __module__ = 'torch.nn.modules.batchnorm';
  /** Version 2 added `num_batches_tracked`. */
  static override _version = 2;
  declare num_features: number;
  declare eps: number;
  declare momentum: number | null;
  declare affine: boolean;
  declare track_running_stats: boolean;
  declare weight: Parameter | null;
  declare bias: Parameter | null;
  declare running_mean: Tensor | null;
  declare running_var: Tensor | null;
  declare num_batches_tracked: Tensor | null;

  constructor(num_features: number, args: readonly unknown[]) {
    super();
    const o = bindArgs<BatchNormKw>(`${new.target.name}.__init__`, BN_NAMES, args);
    const factory = factoryOf(o);
    this.num_features = num_features;
    this.eps = o.eps ?? 1e-5;
    this.momentum = o.momentum === undefined ? 0.1 : o.momentum;
    this.affine = o.affine ?? true;
    this.track_running_stats = o.track_running_stats ?? true;
    if (this.affine) {
      this.weight = new Parameter(empty([num_features], factory));
      this.bias = new Parameter(empty([num_features], factory));
    } else {
      this.register_parameter('weight', null);
      this.register_parameter('bias', null);
    }
    if (this.track_running_stats) {
      this.register_buffer('running_mean', zeros([num_features], factory));
      this.register_buffer('running_var', ones([num_features], factory));
      this.register_buffer('num_batches_tracked', tensor(0, { dtype: 'int64', device: factory.device }));
    } else {
      this.register_buffer('running_mean', null);
      this.register_buffer('running_var', null);
      this.register_buffer('num_batches_tracked', null);
    }
    this.reset_parameters();
  }

  /** `reset_running_stats()`: mean 0, var 1, no batches seen. */
  reset_running_stats(): void {
    if (this.track_running_stats) {
      no_grad(() => {
        this.running_mean!.zero_();
        this.running_var!.fill_(1);
        this.num_batches_tracked!.zero_();
      });
    }
  }

  /** `reset_parameters()`: running stats, then weight 1 and bias 0. */
  reset_parameters(): void {
    this.reset_running_stats();
    if (this.affine) {
      ones_(this.weight!);
      zeros_(this.bias!);
    }
  }

  /** `_check_input_dim(input)`. */
  abstract _check_input_dim(input: Tensor): void;

  override extra_repr(): string {
    return `${this.num_features}, eps=${pyFloat(this.eps)}, momentum=${pyFloat(this.momentum)}, affine=${pyBool(this.affine)}, track_running_stats=${pyBool(this.track_running_stats)}`;
  }

  /** State dicts of version < 2 lack `num_batches_tracked`: it is added as 0, as PyTorch does. */
  override _load_from_state_dict(
    state_dict: Map<string, unknown>, prefix: string, local_metadata: Map<string, unknown>, strict: boolean,
    missing_keys: string[], unexpected_keys: string[], error_msgs: string[],
  ): void {
    const version = local_metadata.get('version') as number | undefined;
    if ((version === undefined || version === null || version < 2) && this.track_running_stats) {
      const key = `${prefix}num_batches_tracked`;
      if (!state_dict.has(key)) {
        state_dict.set(key, this.num_batches_tracked !== null ? this.num_batches_tracked : tensor(0, { dtype: 'int64' }));
      }
    }
    super._load_from_state_dict(state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys, error_msgs);
  }

  override forward(input: Tensor): Tensor {
    this._check_input_dim(input);
    let eaf = this.momentum === null ? 0.0 : this.momentum;
    if (this.training && this.track_running_stats && this.num_batches_tracked !== null) {
      no_grad(() => this.num_batches_tracked!.add_(1));
      // momentum=None: cumulative moving average over the batches seen so far.
      eaf = this.momentum === null ? 1.0 / Number(this.num_batches_tracked.item()) : this.momentum;
    }
    const bnTraining = this.training ? true : this.running_mean === null && this.running_var === null;
    const useStats = !this.training || this.track_running_stats;
    return F.batch_norm(input, useStats ? this.running_mean : null, useStats ? this.running_var : null, {
      weight: this.weight, bias: this.bias, training: bnTraining, momentum: eaf, eps: this.eps,
    });
  }
}

/**
 * `nn.BatchNorm1d(num_features, eps=1e-05, momentum=0.1, affine=True,
 * track_running_stats=True, device=None, dtype=None)` over `[N, C]` or `[N, C, L]`.
 *
 * @example
 * ```ts
 * const bn = new nn.BatchNorm1d(100, { momentum: null }); // cumulative average
 * bn(torch.randn(20, 100));
 * ```
 */
export class BatchNorm1d extends BatchNormBase {
  constructor(num_features: number, ...args: WithKw<BNPositional, BatchNormKw>) {
    super(num_features, args);
  }
  override _check_input_dim(input: Tensor): void {
    if (input.dim() !== 2 && input.dim() !== 3) throw new ValueError(`expected 2D or 3D input (got ${input.dim()}D input)`);
  }
}

/**
 * `nn.BatchNorm2d(num_features, eps=1e-05, momentum=0.1, affine=True,
 * track_running_stats=True, device=None, dtype=None)` over `[N, C, H, W]`.
 *
 * @example
 * ```ts
 * const bn = new nn.BatchNorm2d(16);
 * bn(torch.randn(4, 16, 8, 8));
 * bn.eval(); // now normalizes with running_mean / running_var
 * ```
 */
export class BatchNorm2d extends BatchNormBase {
  constructor(num_features: number, ...args: WithKw<BNPositional, BatchNormKw>) {
    super(num_features, args);
  }
  override _check_input_dim(input: Tensor): void {
    if (input.dim() !== 4) throw new ValueError(`expected 4D input (got ${input.dim()}D input)`);
  }
}
