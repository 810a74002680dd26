/**
 * `F.dropout1d`, `F.dropout2d`, `F.dropout3d`: channel dropout (ATen's `feature_dropout`), one
 * Bernoulli draw per `[N, C]` entry from core's PyTorch-exact generator, broadcast over the
 * spatial dims, with PyTorch 2.1's dimension checks and warnings.
 */
import { allocHostArray, dropoutMask, RuntimeError, type Tensor, Tensor as TensorClass, ValueError } from '@nncompat/core';
import { warn } from '../utils/warn.js';
import type { DropoutOptions } from './dropout.js';
import { bindArgs, p, type PyArgs } from './pyargs.js';

type DropoutNdOptions = Omit<DropoutOptions, 'generator'>;
type DropoutArgs = PyArgs<[p: number, training: boolean, inplace: boolean], DropoutNdOptions>;
const PARAMS = [p.float('p'), p.bool('training'), p.bool('inplace')];

function bind(fn: string, args: readonly unknown[]): { p: number; training: boolean; inplace: boolean } {
  const o = bindArgs<DropoutNdOptions>(fn, 1, PARAMS, args);
  const prob = o.p ?? 0.5;
  if (prob < 0 || prob > 1) throw new ValueError(`dropout probability has to be between 0 and 1, but got ${prob}`);
  return { p: prob, training: o.training ?? true, inplace: o.inplace ?? false };
}

/** `feature_dropout(x, p, train)` on a batched `[N, C, ...]` input; `unbatched` adds / drops the N. */
function featureDropout(input: Tensor, prob: number, training: boolean, inplace: boolean, unbatched: boolean): Tensor {
  if (!training || prob === 0 || input.numel() === 0) return input;
  const x = unbatched ? input.unsqueeze(0) : input;
  const shape = x.shape.map((s, i) => (i < 2 ? s : 1));
  const host = dropoutMask(allocHostArray(x.dtype, shape[0]! * shape[1]!), x.dtype, prob);
  const mask = TensorClass.fromHost(host, shape, x.dtype, x.backend);
  const m = unbatched ? mask.squeeze(0) : mask;
  return inplace ? input.mul_(m) : input.mul(m);
}

/**
 * `F.dropout1d(input, p=0.5, training=True, inplace=False)` on `[N, C, L]` or `[C, L]`.
 *
 * @example
 * F.dropout1d(x, 0.2);
 */
export function dropout1d(input: Tensor, ...args: DropoutArgs): Tensor {
  const o = bind('dropout1d', args);
  const d = input.dim();
  if (d !== 2 && d !== 3) {
    throw new RuntimeError(
      `dropout1d: Expected 2D or 3D input, but received a ${d}D input. Note that dropout1d exists to provide channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs).`,
    );
  }
  return featureDropout(input, o.p, o.training, o.inplace, d === 2);
}

/**
 * `F.dropout2d(input, p=0.5, training=True, inplace=False)` on `[N, C, H, W]`; a 3-D input is
 * read as `[N, C, L]` with PyTorch's warning (its no-batch-dim behaviour is still pending there).
 *
 * @example
 * F.dropout2d(x, 0.2);
 */
export function dropout2d(input: Tensor, ...args: DropoutArgs): Tensor {
  const o = bind('dropout2d', args);
  const d = input.dim();
  if (d !== 3 && d !== 4) {
    warn(`dropout2d: Received a ${d}-D input to dropout2d, which is deprecated and will result in an error in a future release. To retain the behavior and silence this warning, please use dropout instead. Note that dropout2d exists to provide channel-wise dropout on inputs with 2 spatial dimensions, a channel dimension, and an optional batch dimension (i.e. 3D or 4D inputs).`);
  }
  if (d === 3) {
    warn('dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D dropout behavior is desired - input is interpreted as shape (N, C, L), where C is the channel dim. This behavior will change in a future release to interpret the input as one without a batch dimension, i.e. shape (C, H, W). To maintain the 1D channel-wise dropout behavior, please switch to using dropout1d instead.');
  }
  return featureDropout(input, o.p, o.training, o.inplace, false);
}

/**
 * `F.dropout3d(input, p=0.5, training=True, inplace=False)` on `[N, C, D, H, W]` or
 * `[C, D, H, W]`.
 *
 * @example
 * F.dropout3d(x, 0.2);
 */
export function dropout3d(input: Tensor, ...args: DropoutArgs): Tensor {
  const o = bind('dropout3d', args);
  const d = input.dim();
  if (d !== 4 && d !== 5) {
    warn(`dropout3d: Received a ${d}-D input to dropout3d, which is deprecated and will result in an error in a future release. To retain the behavior and silence this warning, please use dropout instead. Note that dropout3d exists to provide channel-wise dropout on inputs with 3 spatial dimensions, a channel dimension, and an optional batch dimension (i.e. 4D or 5D inputs).`);
  }
  return featureDropout(input, o.p, o.training, o.inplace, d !== 5);
}
