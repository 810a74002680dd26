/**
 * Selecting `torch.*` functions that return a 1-D copy: `torch.take(input, index)` (flat
 * indices) and `torch.masked_select(input, mask)`.
 */
import type { Tensor } from '@nncompat/core';
import { type OutOption, rejectOut } from './args.js';

/**
 * `torch.take(input, index)`: the entries of the flattened input at `index` (negative indices
 * count from the end), shaped like `index`.
 *
 * @example
 * torch.take(torch.tensor([[4, 3], [5, 6]]), torch.tensor([0, 3])); // tensor([4, 6])
 */
export function take(input: Tensor, index: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('take', opts);
  return input.take(index);
}

/**
 * `torch.masked_select(input, mask)`: a 1-D tensor of the entries where the bool `mask` (broadcast
 * with `input`) is true.
 *
 * @example
 * torch.masked_select(x, x.gt(0));
 */
export function masked_select(input: Tensor, mask: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('masked_select', opts);
  return input.masked_select(mask);
}
