/**
 * OneFlow's channel dropouts `Dropout1d` and `Dropout2d` (python/oneflow/nn/modules/dropout.py,
 * OneFlow 1.0): subclasses of `Dropout` (so they keep `generator`) whose forward is
 * `flow._C.dropout1d/2d(x, p, training)` (here `flow.nn.functional.dropout1d/2d`); `inplace`
 * is stored but not used.
 */
import { functional as F } from '../functional/index.js';
import type { Tensor } from '../tensor/tensor.js';
import { Dropout } from './layers-misc.js';

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
    return F.dropout1d(x, this.p, this.training);
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
    return F.dropout2d(x, this.p, this.training);
  }
}
