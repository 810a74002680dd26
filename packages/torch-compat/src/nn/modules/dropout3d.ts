/** `torch.nn.Dropout3d` (its forward is `F.dropout3d`). */
import type { Tensor } from '@nncompat/core';
import * as F from '../../functional/index.js';
import { DropoutNd } from './dropout.js';

/**
 * `nn.Dropout3d(p=0.5, inplace=False)`: zeroes whole channels of `[N, C, D, H, W]` or
 * `[C, D, H, W]` input.
 *
 * @example
 * ```ts
 * new nn.Dropout3d(0.2)(torch.randn(2, 4, 3, 3, 3));
 * ```
 */
export class Dropout3d extends DropoutNd {
  static override __module__ = 'torch.nn.modules.dropout';
  override forward(input: Tensor): Tensor {
    return F.dropout3d(input, this.p, this.training, this.inplace);
  }
}
