/**
 * OneFlow's channel dropouts `Dropout1d` and `Dropout2d` (python/oneflow/nn/modules/dropout.py,
 * OneFlow 1.0): subclasses of `Dropout` (so they keep `generator`) whose forward is
 * `flow._C.dropout1d/2d(x, p, training)`; `inplace` is stored but not used. The channel
 * masks are torch-compat's `nn.Dropout1d` / `nn.Dropout2d` (same checks and warnings as
 * OneFlow's functors: 2-D/3-D input for 1d, 3-D/4-D expected for 2d), drawn from the same
 * generator.
 */
import { Dropout1d as TorchDropout1d, Dropout2d as TorchDropout2d } from '@nncompat/torch-compat/nn';
import type { Tensor } from '../tensor/tensor.js';
import { Dropout } from './layers-misc.js';
import { torchTwin } from './torch-twin.js';

/**
 * `oneflow.nn.Dropout1d(p=0.5, inplace=False)`: zeroes whole channels of `(N, C, L)` or `(C, L)`.
 *
 * @example
 * ```ts
 * new flow.nn.Dropout1d(0.2)(flow.randn(20, 16, 32)).shape; // [20, 16, 32]
 * ```
 */
export class Dropout1d extends Dropout {
  static override __module__ = 'oneflow.nn.modules.dropout';
  override forward(x: Tensor): Tensor {
    return torchTwin(this, String(this.p), () => new TorchDropout1d(this.p))(x) as Tensor;
  }
}

/**
 * `oneflow.nn.Dropout2d(p=0.5, inplace=False)`: zeroes whole channels of `(N, C, H, W)` or
 * `(N, C, L)` input.
 *
 * @example
 * ```ts
 * new flow.nn.Dropout2d(0.2)(flow.randn(2, 16, 8, 8)).shape; // [2, 16, 8, 8]
 * ```
 */
export class Dropout2d extends Dropout {
  static override __module__ = 'oneflow.nn.modules.dropout';
  override forward(x: Tensor): Tensor {
    return torchTwin(this, String(this.p), () => new TorchDropout2d(this.p))(x) as Tensor;
  }
}
