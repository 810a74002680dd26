/**
 * Matrix-building `torch.*` functions: `torch.diag`, `torch.trace`, `torch.outer` (and its old
 * name `torch.ger`).
 */
import type { Tensor } from '@nncompat/core';
import { type OutOption, rejectOut } from './args.js';

/**
 * `torch.diag(input, diagonal=0)`: a 1-D input becomes a square matrix with it on the
 * `diagonal`-th diagonal; a 2-D input gives that diagonal as a 1-D tensor.
 *
 * @example
 * torch.diag(torch.tensor([1, 2]));   // [[1, 0], [0, 2]]
 * torch.diag(m, 1);                   // the first superdiagonal
 */
export function diag(input: Tensor, diagonal = 0, opts: OutOption = {}): Tensor {
  rejectOut('diag', opts);
  return input.diag(diagonal);
}

/**
 * `torch.trace(input)`: the sum of a 2-D input's main diagonal (integers sum to int64).
 *
 * @example
 * torch.trace(torch.eye(3)); // tensor(3.)
 */
export function trace(input: Tensor): Tensor {
  return input.trace();
}

/**
 * `torch.outer(input, vec2)`: the outer product of two 1-D tensors, `out[i][j] = input[i] * vec2[j]`.
 *
 * @example
 * torch.outer(torch.tensor([1, 2]), torch.tensor([3, 4])); // [[3, 4], [6, 8]]
 */
export function outer(input: Tensor, vec2: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('outer', opts);
  return input.outer(vec2);
}

/**
 * `torch.ger(input, vec2)`: PyTorch's deprecated alias of `torch.outer`.
 *
 * @example
 * torch.ger(a, b);
 */
export function ger(input: Tensor, vec2: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('ger', opts);
  return input.ger(vec2);
}
