/** `F.dropout`, with masks from core's PyTorch-exact generator (bit-identical to PyTorch's CPU). */
import { allocHostArray, dropoutMask, type Generator, type Tensor, Tensor as TensorClass, ValueError } from '@nncompat/core';
import { bindArgs, p, type PyArgs } from './pyargs.js';

/** Options of `F.dropout`. */
export interface DropoutOptions {
  p?: number;
  training?: boolean;
  inplace?: boolean;
  /** Not a PyTorch argument: draw from this generator instead of the default one. */
  generator?: Generator;
}

const DROPOUT_PARAMS = [p.float('p'), p.bool('training'), p.bool('inplace')];
const DROPOUT_KW = [p.optGenerator('generator')];

/**
 * `F.dropout(input, p=0.5, training=True, inplace=False)`: zeroes elements with probability p
 * and scales the rest by `1 / (1 - p)`. After `torch.manual_seed(s)` the mask equals PyTorch's
 * CPU mask for the same seed (a Bernoulli(1 - p) draw in the input's dtype).
 *
 * @example
 * torch.manual_seed(0);
 * F.dropout(x, 0.2);
 * F.dropout(x, 0.2, false);                   // x itself
 * F.dropout(x, { p: 0.2, training: false }); // x itself
 */
export function dropout(input: Tensor, ...args: PyArgs<[p: number, training: boolean, inplace: boolean], DropoutOptions>): Tensor {
  const o = bindArgs<DropoutOptions>('dropout', 1, DROPOUT_PARAMS, args, DROPOUT_KW);
  const prob = o.p ?? 0.5;
  if (prob < 0 || prob > 1) throw new ValueError(`dropout probability has to be between 0 and 1, but got ${prob}`);
  const train = o.training ?? true;
  if (!train || prob === 0 || input.numel() === 0) return input;
  if (!input.dtype.is_floating_point) throw new ValueError(`dropout is only defined for floating point inputs, got ${input.dtype.toString()}`);
  const host = dropoutMask(allocHostArray(input.dtype, input.numel()), input.dtype, prob, o.generator);
  const mask = TensorClass.fromHost(host, input.shape, input.dtype, input.backend);
  return o.inplace ? input.mul_(mask) : input.mul(mask);
}
