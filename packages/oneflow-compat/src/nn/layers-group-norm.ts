/**
 * OneFlow's `GroupNorm` (python/oneflow/nn/modules/normalization.py, OneFlow 1.0): weight 1 and
 * bias 0 (or None parameters without `affine`), computed with torch-compat's `F.group_norm`.
 */
import { AssertionError, ones, zeros, no_grad, type DType } from '@nncompat/core';
import { functional as F } from '../functional/index.js';
import { asFlow, type Tensor } from '../tensor/tensor.js';
import { Module } from './module.js';
import { Parameter } from './parameter.js';
import { pyBool, pyFloat } from './py-format.js';

/** Options of `GroupNorm` after the two sizes. */
export interface GroupNormOptions {
  eps?: number;
  affine?: boolean;
  dtype?: DType | null;
}

/**
 * `oneflow.nn.GroupNorm(num_groups, num_channels, eps=1e-05, affine=True, device=None, dtype=None)`.
 *
 * @example
 * ```ts
 * const gn = new flow.nn.GroupNorm(2, 4);
 * gn(flow.randn(3, 4, 5)).shape; // [3, 4, 5]
 * String(gn); // 'GroupNorm(2, 4, eps=1e-05, affine=True)'
 * ```
 */
export class GroupNorm extends Module {
  static override __module__ = 'oneflow.nn.modules.normalization';
  declare num_groups: number;
  declare num_channels: number;
  declare eps: number;
  declare affine: boolean;
  declare weight: Parameter | null;
  declare bias: Parameter | null;

  constructor(num_groups: number, num_channels: number, opts: GroupNormOptions = {}) {
    super();
    if (!(num_groups > 0)) throw new AssertionError('The num_groups must larger than zero');
    if (!(num_channels > 0)) throw new AssertionError('The num_channels must larger than zero');
    this.num_groups = num_groups;
    this.num_channels = num_channels;
    this.eps = opts.eps ?? 1e-5;
    this.affine = opts.affine ?? true;
    const dt = opts.dtype ? { dtype: opts.dtype } : {};
    if (this.affine) {
      this.weight = new Parameter(asFlow(ones([num_channels], dt)));
      this.bias = new Parameter(asFlow(zeros([num_channels], dt)));
    } else {
      this.register_parameter('weight', null);
      this.register_parameter('bias', null);
    }
  }

  /** Weight 1, bias 0. */
  reset_parameters(): void {
    if (this.affine) {
      no_grad(() => {
        this.weight!.fill_(1);
        this.bias!.fill_(0);
      });
    }
  }

  override forward(x: Tensor): Tensor {
    return F.group_norm(x, this.num_groups, { weight: this.weight, bias: this.bias, eps: this.eps }) as Tensor;
  }

  override extra_repr(): string {
    return `${this.num_groups}, ${this.num_channels}, eps=${pyFloat(this.eps)}, affine=${pyBool(this.affine)}`;
  }
}
