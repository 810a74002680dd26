/**
 * Reordering `torch.*` functions: `torch.flip(input, dims)`, `torch.fliplr`, `torch.flipud` and
 * `torch.roll(input, shifts, dims)` (copies, as in PyTorch).
 */
import type { Tensor } from '@nncompat/core';

/**
 * `torch.flip(input, dims)`: reverses the order along each of `dims`.
 *
 * @example
 * torch.flip(torch.tensor([[1, 2], [3, 4]]), [0, 1]); // [[4, 3], [2, 1]]
 */
export function flip(input: Tensor, dims: number | readonly number[]): Tensor {
  return input.flip(dims);
}

/**
 * `torch.fliplr(input)`: flips dim 1 (left/right); the input needs at least 2 dims.
 *
 * @example
 * torch.fliplr(image2d);
 */
export function fliplr(input: Tensor): Tensor {
  return input.fliplr();
}

/**
 * `torch.flipud(input)`: flips dim 0 (up/down); the input needs at least 1 dim.
 *
 * @example
 * torch.flipud(x);
 */
export function flipud(input: Tensor): Tensor {
  return input.flipud();
}

/**
 * `torch.roll(input, shifts, dims=None)`: rotates entries along `dims` by `shifts` (the
 * flattened input when `dims` is None, with its shape kept).
 *
 * @example
 * torch.roll(torch.tensor([1, 2, 3, 4]), 1);        // tensor([4, 1, 2, 3])
 * torch.roll(x, [1, -1], [0, 1]);
 */
export function roll(input: Tensor, shifts: number | readonly number[], dims: number | readonly number[] | null = null): Tensor {
  return input.roll(shifts, dims);
}
