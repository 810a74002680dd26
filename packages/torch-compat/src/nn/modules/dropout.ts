/**
 * `torch.nn.Dropout`, `Dropout1d` and `Dropout2d`. Masks come from core's PyTorch-exact
 * generator, so after `torch.manual_seed(s)` a training-mode forward zeroes the same elements
 * (or channels) as PyTorch's CPU.
 */
import { allocHostArray, dropoutMask, RuntimeError, Tensor, ValueError } from '@nncompat/core';
import * as F from '../../functional/index.js';
import { warn } from '../../utils/warn.js';
import { bindArgs, type WithKw } from './layers-util/args.js';
import { pyBool, pyFloat } from './layers-util/format.js';
import { Module } from './module.js';

/** Keyword arguments of the dropout modules. */
export interface DropoutKw {
  p?: number;
  inplace?: boolean;
}

/** `_DropoutNd`: `p` and `inplace`, checked and printed alike by every dropout module. */
export abstract class DropoutNd extends Module {
  declare p: number;
  declare inplace: boolean;
  constructor(...args: WithKw<[p: number, inplace: boolean], DropoutKw>) {
    super();
    const o = bindArgs<DropoutKw>(`${new.target.name}.__init__`, ['p', 'inplace'], args);
    const p = o.p ?? 0.5;
    if (p < 0 || p > 1) throw new ValueError(`dropout probability has to be between 0 and 1, but got ${p}`);
    this.p = p;
    this.inplace = o.inplace ?? false;
  }
  override extra_repr(): string {
    return `p=${pyFloat(this.p)}, inplace=${pyBool(this.inplace)}`;
  }
}

/**
 * `nn.Dropout(p=0.5, inplace=False)`: identity in eval mode.
 *
 * @example
 * ```ts
 * torch.manual_seed(0);
 * new nn.Dropout(0.2)(torch.randn(20, 16)); // the mask PyTorch draws for seed 0
 * ```
 */
export class Dropout extends DropoutNd {
  static override __module__ = 'torch.nn.modules.dropout';
  override forward(input: Tensor): Tensor {
    return F.dropout(input, { p: this.p, training: this.training, inplace: this.inplace });
  }
}

/**
 * Channel dropout (`_dropout_impl` with `feature_dropout`): one Bernoulli draw per `[N, C]`
 * entry, broadcast over the trailing dims.
 */
function featureDropout(input: Tensor, p: number, training: boolean, inplace: boolean, batched: boolean): Tensor {
  if (!training || p === 0 || input.numel() === 0) return input;
  const x = batched ? input : input.unsqueeze(0);
  const shape = x.shape.map((s, i) => (i < 2 ? s : 1));
  const n = shape[0]! * shape[1]!;
  const mask = Tensor.fromHost(dropoutMask(allocHostArray(x.dtype, n), x.dtype, p), shape, x.dtype, x.backend);
  const m = batched ? mask : mask.squeeze(0);
  return inplace ? input.mul_(m) : input.mul(m);
}

/**
 * `nn.Dropout1d(p=0.5, inplace=False)`: zeroes whole channels of `[N, C, L]` or `[C, L]` input.
 *
 * @example
 * ```ts
 * new nn.Dropout1d(0.2)(torch.randn(20, 16, 32));
 * ```
 */
export class Dropout1d extends DropoutNd {
  static override __module__ = 'torch.nn.modules.dropout';
  override forward(input: Tensor): Tensor {
    const d = input.dim();
    if (d !== 2 && d !== 3) throw new RuntimeError(
        `dropout1d: Expected 2D or 3D input, but received a ${d}D input. Note that dropout1d exists to provide channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs).`,
      );
    return featureDropout(input, this.p, this.training, this.inplace, d === 3);
  }
}

/**
 * `nn.Dropout2d(p=0.5, inplace=False)`: zeroes whole channels of `[N, C, H, W]` or `[C, H, W]`
 * input. As in PyTorch 2.1, a 3D input warns and is treated as `[N, C, L]`.
 *
 * @example
 * ```ts
 * new nn.Dropout2d(0.2)(torch.randn(20, 16, 32, 32));
 * ```
 */
export class Dropout2d extends DropoutNd {
  static override __module__ = 'torch.nn.modules.dropout';
  override forward(input: Tensor): Tensor {
    const d = input.dim();
    if (d !== 3 && d !== 4) {
      warn(`dropout2d: Received a ${d}-D input to dropout2d, which is deprecated and will result in an error in a future release. To retain the behavior and silence this warning, please use dropout instead. Note that dropout2d exists to provide channel-wise dropout on inputs with 2 spatial dimensions, a channel dimension, and an optional batch dimension (i.e. 3D or 4D inputs).`);
    }
    if (d === 3) {
      warn('dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D dropout behavior is desired - input is interpreted as shape (N, C, L), where C is the channel dim. This behavior will change in a future release to interpret the input as one without a batch dimension, i.e. shape (C, H, W). To maintain the 1D channel-wise dropout behavior, please switch to using dropout1d instead.');
    }
    return featureDropout(input, this.p, this.training, this.inplace, true);
  }
}
