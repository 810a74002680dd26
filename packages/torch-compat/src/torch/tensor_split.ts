/**
 * Splitting `torch.*` functions with NumPy's semantics: `torch.tensor_split` (a number of
 * sections, or split indices) and `torch.hsplit` / `vsplit` / `dsplit`. Pieces are views.
 */
import { normalizeDim, RuntimeError, Tensor } from '@nncompat/core';

/** Views of `input` along `d` between consecutive boundaries (clamped as Python slices are). */
function slices(input: Tensor, d: number, bounds: readonly number[]): Tensor[] {
  const size = input.size(d);
  const out: Tensor[] = [];
  let start = 0;
  for (const b of [...bounds, size]) {
    const lo = Math.min(Math.max(start < 0 ? start + size : start, 0), size);
    const hiRaw = b < 0 ? b + size : b;
    const hi = Math.min(Math.max(hiRaw, lo), size);
    out.push(input.narrow(d, lo, hi - lo));
    start = b;
  }
  return out;
}

/**
 * `torch.tensor_split(input, indices_or_sections, dim=0)`: `n` sections (the first `size % n`
 * one longer, so all `n` exist even when empty), or pieces split before each index in a list.
 * A 0-dim int tensor counts as sections and a 1-D one as indices.
 *
 * @example
 * torch.tensor_split(torch.arange(7), 3);          // sizes 3, 2, 2
 * torch.tensor_split(torch.arange(7), [1, 5]);     // [0], [1..4], [5, 6]
 */
export function tensor_split(input: Tensor, indices_or_sections: number | readonly number[] | Tensor, dim = 0): Tensor[] {
  if (input.dim() === 0) throw new RuntimeError(`tensor_split expected at least a 1-dimensional tensor, but got a tensor with ${input.dim()} dims`);
  const d = normalizeDim(dim, input.dim());
  let spec = indices_or_sections;
  if (spec instanceof Tensor) {
    if (spec.dtype.is_floating_point || spec.dtype.name === 'bool') throw new RuntimeError(`tensor_split expected tensor_indices_or_sections to have integral dtype, but got ${spec.dtype.name}`);
    spec = spec.dim() === 0 ? Number(spec.item()) : (spec.tolist() as number[]);
  }
  if (typeof spec === 'number') {
    if (spec <= 0) throw new RuntimeError(`number of sections must be larger than 0, got ${spec}`);
    const size = input.size(d);
    const [q, r] = [Math.floor(size / spec), size % spec];
    const bounds: number[] = [];
    let at = 0;
    for (let i = 0; i < spec - 1; i++) bounds.push((at += q + (i < r ? 1 : 0)));
    return slices(input, d, bounds);
  }
  return slices(input, d, spec);
}

function npSplit(fn: 'hsplit' | 'vsplit' | 'dsplit', input: Tensor, spec: number | readonly number[], minDims: number, dim: number): Tensor[] {
  if (input.dim() < minDims) {
    throw new RuntimeError(`torch.${fn} requires a tensor with at least ${minDims} dimension, but got a tensor with ${input.dim()} dimensions!`);
  }
  if (typeof spec === 'number' && (spec === 0 || input.size(dim) % spec !== 0)) {
    throw new RuntimeError(`torch.${fn} attempted to split along dimension ${dim}, but the size of the dimension ${input.size(dim)} is not divisible by the split_size ${spec}!`);
  }
  return tensor_split(input, spec, dim);
}

/**
 * `torch.hsplit(input, indices_or_sections)`: `tensor_split` along dim 1 (dim 0 for 1-D input);
 * a number of sections must divide the dim.
 *
 * @example
 * const [left, right] = torch.hsplit(torch.ones(2, 4), 2);
 */
export function hsplit(input: Tensor, indices_or_sections: number | readonly number[]): Tensor[] {
  return npSplit('hsplit', input, indices_or_sections, 1, input.dim() === 1 ? 0 : 1);
}

/**
 * `torch.vsplit(input, indices_or_sections)`: `tensor_split` along dim 0 (input at least 2-D).
 *
 * @example
 * torch.vsplit(torch.ones(4, 2), [1, 3]);
 */
export function vsplit(input: Tensor, indices_or_sections: number | readonly number[]): Tensor[] {
  return npSplit('vsplit', input, indices_or_sections, 2, 0);
}

/**
 * `torch.dsplit(input, indices_or_sections)`: `tensor_split` along dim 2 (input at least 3-D).
 *
 * @example
 * torch.dsplit(torch.ones(2, 2, 4), 2);
 */
export function dsplit(input: Tensor, indices_or_sections: number | readonly number[]): Tensor[] {
  return npSplit('dsplit', input, indices_or_sections, 3, 2);
}
