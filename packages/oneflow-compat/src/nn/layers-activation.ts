/**
 * OneFlow's activation layers beyond ReLU/Sigmoid/Tanh (python/oneflow/nn/modules/activation.py,
 * OneFlow 1.0): GELU, LeakyReLU, Softmax, LogSoftmax, computed with torch-compat's functional ops.
 */
import { NotImplementedError } from '@nncompat/core';
import { functional as F } from '../functional/index.js';
import type { Tensor } from '../tensor/tensor.js';
import { inplaceRepr } from './activation-inplace.js';
import { Module } from './module.js';
import { pyFloat } from './py-format.js';

/**
 * `oneflow.nn.GELU(approximate='none')` (OneFlow defines no `extra_repr` for it).
 *
 * @example
 * ```ts
 * new flow.nn.GELU('tanh')(flow.randn(3)).shape; // [3]
 * ```
 */
export class GELU extends Module {
  static override __module__ = 'oneflow.nn.modules.activation';
  declare approximate: string;
  constructor(approximate: 'none' | 'tanh' = 'none') {
    super();
    this.approximate = approximate;
  }
  override forward(x: Tensor): Tensor {
    if (this.approximate !== 'none' && this.approximate !== 'tanh') throw new NotImplementedError('');
    return F.gelu(x, { approximate: this.approximate }) as Tensor;
  }
}

/**
 * `oneflow.nn.LeakyReLU(negative_slope=0.01, inplace=False)`.
 *
 * @example
 * ```ts
 * String(new flow.nn.LeakyReLU(0.2)); // 'LeakyReLU(negative_slope=0.2)'
 * ```
 */
export class LeakyReLU extends Module {
  static override __module__ = 'oneflow.nn.modules.activation';
  declare negative_slope: number;
  declare inplace: boolean;
  constructor(negative_slope = 0.01, inplace = false) {
    super();
    this.negative_slope = negative_slope;
    this.inplace = inplace;
  }
  override forward(x: Tensor): Tensor {
    return F.leaky_relu(x, { negative_slope: this.negative_slope, inplace: this.inplace }) as Tensor;
  }
  override extra_repr(): string {
    return `negative_slope=${pyFloat(this.negative_slope)}${inplaceRepr(this.inplace, ', ')}`;
  }
}

/**
 * `oneflow.nn.Softmax(dim=None)`.
 *
 * @example
 * ```ts
 * new flow.nn.Softmax(1)(flow.zeros(2, 2)); // every entry 0.5
 * ```
 */
export class Softmax extends Module {
  static override __module__ = 'oneflow.nn.modules.activation';
  declare dim: number | null;
  constructor(dim: number | null = null) {
    super();
    this.dim = dim;
  }
  override forward(x: Tensor): Tensor {
    return F.softmax(x, this.dim) as Tensor;
  }
  override extra_repr(): string {
    return `dim=${this.dim === null ? 'None' : this.dim}`;
  }
}

/**
 * `oneflow.nn.LogSoftmax(dim=None)`.
 *
 * @example
 * ```ts
 * new flow.nn.LogSoftmax(1)(flow.zeros(1, 2)); // every entry log(0.5)
 * ```
 */
export class LogSoftmax extends Module {
  static override __module__ = 'oneflow.nn.modules.activation';
  declare dim: number | null;
  constructor(dim: number | null = null) {
    super();
    this.dim = dim;
  }
  override forward(x: Tensor): Tensor {
    return F.log_softmax(x, this.dim) as Tensor;
  }
  override extra_repr(): string {
    return `dim=${this.dim === null ? 'None' : this.dim}`;
  }
}
