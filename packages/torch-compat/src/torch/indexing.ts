/** Gather/scatter-style `torch.*` functions: gather, index_select, index_add, scatter_add, masked_fill. */
import { NotImplementedError, type Tensor, type TensorOrScalar } from '@nncompat/core';
import { type OutOption, rejectOut } from './args.js';

/** Keyword-only arguments of `torch.gather`. */
export interface GatherOptions extends OutOption {
  /** Sparse gradients are not supported (true throws NotImplementedError). */
  sparse_grad?: boolean;
}

/** Keyword-only arguments of `torch.index_add`. */
export interface IndexAddOptions extends OutOption {
  alpha?: number;
}

/**
 * `torch.gather(input, dim, index, *, sparse_grad=False)`: `out[i][j] = input[index[i][j]][j]`
 * for dim 0, and so on.
 *
 * @example
 * torch.gather(logp, 1, target.unsqueeze(1));
 */
export function gather(input: Tensor, dim: number, index: Tensor, opts: GatherOptions = {}): Tensor {
  rejectOut('gather', opts);
  if (opts.sparse_grad) throw new NotImplementedError('torch.gather(sparse_grad=True): sparse gradients are not supported');
  return input.gather(dim, index);
}

/**
 * `torch.index_select(input, dim, index)`: the entries of `input` along `dim` at the 1-D
 * integer `index` (a copy).
 *
 * @example
 * torch.index_select(x, 0, torch.tensor([0, 2]));
 */
export function index_select(input: Tensor, dim: number, index: Tensor, opts: OutOption = {}): Tensor {
  rejectOut('index_select', opts);
  return input.index_select(dim, index);
}

/**
 * `torch.index_add(input, dim, index, source, *, alpha=1)`: a copy of `input` with
 * `alpha * source` slices added at `index` along `dim` (repeated indices accumulate).
 *
 * @example
 * torch.index_add(x, 0, torch.tensor([0, 0]), rows);
 */
export function index_add(input: Tensor, dim: number, index: Tensor, source: Tensor, opts: IndexAddOptions = {}): Tensor {
  rejectOut('index_add', opts);
  return input.index_add(dim, index, source, opts.alpha === undefined ? undefined : { alpha: opts.alpha });
}

/**
 * `torch.scatter_add(input, dim, index, src)`: a copy of `input` with `src` added at `index`
 * along `dim`.
 *
 * @example
 * torch.scatter_add(torch.zeros(3), 0, torch.tensor([0, 0, 2]), torch.ones(3)); // tensor([2., 0., 1.])
 */
export function scatter_add(input: Tensor, dim: number, index: Tensor, src: Tensor): Tensor {
  return input.scatter_add(dim, index, src);
}

/**
 * `torch.masked_fill(input, mask, value)`: `value` where the bool `mask` (broadcast) is true;
 * `value` is cast to `input`'s dtype.
 *
 * @example
 * torch.masked_fill(scores, pad.unsqueeze(1), -Infinity);
 */
export function masked_fill(input: Tensor, mask: Tensor, value: TensorOrScalar): Tensor {
  return input.masked_fill(mask, value);
}
