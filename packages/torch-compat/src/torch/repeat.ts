/**
 * Repetition `torch.*` functions: `torch.repeat_interleave` (both overloads) and `torch.tile`.
 */
import { arange, int64, RuntimeError, type Tensor } from '@nncompat/core';

/** Keyword-only argument of `torch.repeat_interleave`. */
export interface RepeatInterleaveOptions {
  output_size?: number | null;
}

/**
 * `torch.repeat_interleave(input, repeats, dim=None, *, output_size=None)`: each element (or each
 * slice along `dim`) repeated `repeats` times; the input is flattened when `dim` is None.
 * `torch.repeat_interleave(repeats)` (an int tensor alone) gives the indices `0..n-1`, each
 * repeated `repeats[i]` times.
 *
 * @example
 * torch.repeat_interleave(torch.tensor([1, 2]), 2);          // tensor([1, 1, 2, 2])
 * torch.repeat_interleave(x, torch.tensor([1, 2]), 0);
 * torch.repeat_interleave(torch.tensor([2, 1]));             // tensor([0, 0, 1])
 */
export function repeat_interleave(input: Tensor, repeats?: number | Tensor, dim: number | null = null, opts: RepeatInterleaveOptions = {}): Tensor {
  if (repeats === undefined) {
    // The repeats-only overload: input holds the counts.
    if (input.dim() !== 1) throw new RuntimeError('repeats must be 0-dim or 1-dim tensor');
    if (input.dtype.is_floating_point || input.dtype.name === 'bool') throw new RuntimeError('repeats has to be Long or Int tensor');
    return arange(input.shape[0]!, { dtype: int64 }).repeat_interleave(input, 0, opts);
  }
  return input.repeat_interleave(repeats, dim, opts);
}

/**
 * `torch.tile(input, dims)`: `input.repeat(dims)` with `dims` padded by leading 1s to the input's rank.
 *
 * @example
 * torch.tile(torch.tensor([1, 2]), [2]);       // tensor([1, 2, 1, 2])
 * torch.tile(x, [2, 1, 1]);
 */
export function tile(input: Tensor, dims: readonly number[]): Tensor {
  return input.tile(dims);
}
