/**
 * Shape and view `torch.*` functions (`torch.reshape(x, [2, -1])`, `torch.transpose`, `torch.split`,
 * …): views share storage with `input` as the Tensor methods' results do.
 */
import { normalizeDim, RuntimeError, type Tensor } from '@nncompat/core';
import { type OutOption, rejectOut } from './args.js';

/**
 * `torch.reshape(input, shape)`: a view when the strides allow it, else a copy; one entry may
 * be -1.
 *
 * @example
 * torch.reshape(x, [2, -1]);
 */
export function reshape(input: Tensor, shape: readonly number[]): Tensor {
  return input.reshape(shape);
}

/**
 * `torch.flatten(input, start_dim=0, end_dim=-1)`.
 *
 * @example
 * torch.flatten(x, 1); // [N, C, H, W] → [N, C*H*W]
 */
export function flatten(input: Tensor, start_dim = 0, end_dim = -1): Tensor {
  return input.flatten(start_dim, end_dim);
}

/**
 * `torch.ravel(input)`: the elements as a 1-D tensor (a view when contiguous).
 *
 * @example
 * torch.ravel(x);
 */
export function ravel(input: Tensor): Tensor {
  return input.reshape(-1);
}

/**
 * `torch.unflatten(input, dim, sizes)`: splits one dim into `sizes` (one may be -1).
 *
 * @example
 * torch.unflatten(x, 1, [2, -1]);
 */
export function unflatten(input: Tensor, dim: number, sizes: readonly number[]): Tensor {
  return input.unflatten(dim, sizes);
}

/**
 * `torch.transpose(input, dim0, dim1)`: a view with two dims swapped.
 *
 * @example
 * torch.transpose(x, 0, 1);
 */
export function transpose(input: Tensor, dim0: number, dim1: number): Tensor {
  return input.transpose(dim0, dim1);
}

/**
 * `torch.swapaxes`: PyTorch's (NumPy-named) alias of `torch.transpose`.
 *
 * @example
 * torch.swapaxes(x, 0, -1);
 */
export function swapaxes(input: Tensor, axis0: number, axis1: number): Tensor {
  return input.transpose(axis0, axis1);
}

/**
 * `torch.swapdims`: PyTorch's alias of `torch.transpose`.
 *
 * @example
 * torch.swapdims(x, 1, 2);
 */
export function swapdims(input: Tensor, dim0: number, dim1: number): Tensor {
  return input.transpose(dim0, dim1);
}

/**
 * `torch.t(input)`: transposes a 2-D tensor; 0-D and 1-D tensors come back as they are.
 *
 * @example
 * torch.t(w);
 */
export function t(input: Tensor): Tensor {
  return input.t();
}

/**
 * `torch.permute(input, dims)`: a view with the dims reordered.
 *
 * @example
 * torch.permute(x, [0, 2, 3, 1]); // NCHW → NHWC
 */
export function permute(input: Tensor, dims: readonly number[]): Tensor {
  return input.permute(dims);
}

/**
 * `torch.squeeze(input, dim=None)`: removes size-1 dims (all, one, or a tuple of them as in 2.1).
 *
 * @example
 * torch.squeeze(x);
 * torch.squeeze(x, 0);
 */
export function squeeze(input: Tensor, dim?: number | readonly number[] | null): Tensor {
  return dim === null || dim === undefined ? input.squeeze() : input.squeeze(dim);
}

/**
 * `torch.unsqueeze(input, dim)`: inserts a size-1 dim at `dim` (negative counts from the end).
 *
 * @example
 * torch.unsqueeze(x, -1);
 */
export function unsqueeze(input: Tensor, dim: number): Tensor {
  return input.unsqueeze(dim);
}

/**
 * `torch.movedim(input, source, destination)` with ints or equal-length lists of dims: the
 * other dims keep their order, as in PyTorch.
 *
 * @example
 * torch.movedim(x, 1, -1);
 * torch.movedim(x, [0, 1], [2, 0]);
 */
export function movedim(input: Tensor, source: number | readonly number[], destination: number | readonly number[]): Tensor {
  if (typeof source === 'number' && typeof destination === 'number') return input.movedim(source, destination);
  const n = input.dim();
  const src = (typeof source === 'number' ? [source] : [...source]).map((d) => normalizeDim(d, n));
  const dst = (typeof destination === 'number' ? [destination] : [...destination]).map((d) => normalizeDim(d, n));
  if (src.length !== dst.length) {
    throw new RuntimeError(`movedim: Invalid source or destination dims: source (${JSON.stringify(src)} dims) should contain the same number of dims as destination (${JSON.stringify(dst)} dims)`);
  }
  if (new Set(src).size !== src.length) throw new RuntimeError(`movedim: repeated dim in \`source\` (${JSON.stringify(source)})`);
  if (new Set(dst).size !== dst.length) throw new RuntimeError(`movedim: repeated dim in \`destination\` (${JSON.stringify(destination)})`);
  // Destination slots take their sources; the remaining slots take the other dims in order.
  const order: (number | null)[] = Array(n).fill(null);
  src.forEach((s, i) => (order[dst[i]!] = s));
  const rest = [...Array(n).keys()].filter((d) => !src.includes(d));
  let k = 0;
  for (let i = 0; i < n; i++) if (order[i] === null) order[i] = rest[k++]!;
  return input.permute(order as number[]);
}

/**
 * `torch.moveaxis`: PyTorch's (NumPy-named) alias of `torch.movedim`.
 *
 * @example
 * torch.moveaxis(x, 0, -1);
 */
export function moveaxis(input: Tensor, source: number | readonly number[], destination: number | readonly number[]): Tensor {
  return movedim(input, source, destination);
}

/**
 * `torch.narrow(input, dim, start, length)`: a view of `length` entries from `start` (a number
 * or a 0-dim integer tensor, as PyTorch accepts).
 *
 * @example
 * torch.narrow(x, 1, 2, 3); // x[:, 2:5]
 */
export function narrow(input: Tensor, dim: number, start: number | Tensor, length: number): Tensor {
  return input.narrow(dim, typeof start === 'number' ? start : Number(start.item()), length);
}

/**
 * `torch.select(input, dim, index)`: the view `x[..., index, ...]` with `dim` removed.
 *
 * @example
 * torch.select(x, 0, -1); // x[-1]
 */
export function select(input: Tensor, dim: number, index: number): Tensor {
  return input.select(dim, index);
}

/**
 * `torch.split(tensor, split_size_or_sections, dim=0)`: views of `split_size` entries (the last
 * may be shorter) or of the given section sizes.
 *
 * @example
 * const [a, b] = torch.split(x, [2, 3], 1);
 */
export function split(tensor: Tensor, split_size_or_sections: number | readonly number[], dim = 0): Tensor[] {
  return tensor.split(split_size_or_sections, dim);
}

/**
 * `torch.chunk(input, chunks, dim=0)`: at most `chunks` views of equal size (the last may be
 * smaller).
 *
 * @example
 * const [q, k, v] = torch.chunk(qkv, 3, -1);
 */
export function chunk(input: Tensor, chunks: number, dim = 0): Tensor[] {
  return input.chunk(chunks, dim);
}

/**
 * `torch.unbind(input, dim=0)`: the slices along `dim`, with it removed.
 *
 * @example
 * const rows = torch.unbind(x);
 */
export function unbind(input: Tensor, dim = 0): Tensor[] {
  return input.unbind(dim);
}

/**
 * `torch.as_strided(input, size, stride, storage_offset=None)`: a view with explicit strides.
 *
 * @example
 * torch.as_strided(x, [2, 2], [1, 2]);
 */
export function as_strided(input: Tensor, size: readonly number[], stride: readonly number[], storage_offset?: number | null): Tensor {
  return storage_offset === null || storage_offset === undefined ? input.as_strided(size, stride) : input.as_strided(size, stride, storage_offset);
}

/**
 * `torch.clone(input, *, memory_format=torch.preserve_format)`: a differentiable copy. The
 * options are whatever `Tensor.clone` takes (`memory_format` where core supports layouts).
 *
 * @example
 * torch.clone(x);
 */
export function clone(input: Tensor, ...opts: Parameters<Tensor['clone']>): Tensor {
  return input.clone(...opts);
}

/**
 * `torch.detach(input)`: the same data, cut from the autograd graph.
 *
 * @example
 * torch.detach(y);
 */
export function detach(input: Tensor): Tensor {
  return input.detach();
}

/**
 * `torch.tril(input, diagonal=0)`: zeroes the elements above the `diagonal`-th diagonal of the
 * last two dims.
 *
 * @example
 * torch.tril(torch.ones(3, 3));
 */
export function tril(input: Tensor, diagonal = 0, opts: OutOption = {}): Tensor {
  rejectOut('tril', opts);
  return input.tril(diagonal);
}

/**
 * `torch.triu(input, diagonal=0)`: zeroes the elements below the `diagonal`-th diagonal.
 *
 * @example
 * torch.triu(scores, 1); // a causal mask's upper part
 */
export function triu(input: Tensor, diagonal = 0, opts: OutOption = {}): Tensor {
  rejectOut('triu', opts);
  return input.triu(diagonal);
}
