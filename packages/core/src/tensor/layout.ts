/**
 * Stride predicates and layouts as c10's TensorImpl and ATen compute them: channels_last
 * contiguity, non-overlapping-and-dense, `suggest_memory_format`, `infer_dense_strides`, the
 * strides of each memory format, and the dim order that makes a dense layout row-major (what
 * lets a kernel write a permuted result as a plain contiguous buffer).
 */
import { RuntimeError } from '../errors.js';
import { contiguousStrides, isContiguousLayout } from '../shape.js';
import { channels_last, channels_last_3d, contiguous_format, type MemoryFormat } from './memory-format.js';

type Strides = readonly number[];

/**
 * TensorImpl::compute_channels_last_contiguous_2d (4-D only; dims checked in C, W, H, N order).
 *
 * @example
 * isChannelsLastContiguous([2, 3, 4, 5], [60, 1, 15, 3]); // true
 */
export function isChannelsLastContiguous(shape: Strides, strides: Strides): boolean {
  return shape.length === 4 && denseInOrder(shape, strides, [1, 3, 2, 0]);
}

/** TensorImpl::compute_channels_last_contiguous_3d (5-D only; C, W, H, D, N order). */
export function isChannelsLast3dContiguous(shape: Strides, strides: Strides): boolean {
  return shape.length === 5 && denseInOrder(shape, strides, [1, 4, 3, 2, 0]);
}

function denseInOrder(shape: Strides, strides: Strides, order: readonly number[]): boolean {
  let expected = 1;
  for (const d of order) {
    const size = shape[d]!;
    if (size !== 1) {
      if (strides[d] !== expected) return false;
      expected *= size;
    }
  }
  return true;
}

/**
 * `tensor.is_contiguous(memory_format=...)`: TensorImpl's flags. Like PyTorch, a 5-D tensor is
 * never channels_last contiguous, and preserve_format answers the row-major question.
 */
export function isContiguousAs(shape: Strides, strides: Strides, format: MemoryFormat): boolean {
  if (format === channels_last) return isChannelsLastContiguous(shape, strides);
  if (format === channels_last_3d) return isChannelsLast3dContiguous(shape, strides) && !isChannelsLastContiguous(shape, strides);
  return isContiguousLayout(shape, strides);
}

/**
 * TensorImpl::compute_non_overlapping_and_dense (plus the contiguous shortcuts refresh_contiguous
 * takes): the strides are some permutation of a dense layout.
 *
 * @example
 * isNonOverlappingAndDense([4, 3], [1, 4]); // true: a transposed (3, 4)
 * isNonOverlappingAndDense([4, 3], [1, 8]); // false: every other column
 */
export function isNonOverlappingAndDense(shape: Strides, strides: Strides): boolean {
  const n = shape.length;
  if (isContiguousLayout(shape, strides)) return true;
  if (n === 4 && isChannelsLastContiguous(shape, strides)) return true;
  if (n === 5 && isChannelsLast3dContiguous(shape, strides)) return true;
  if (n === 1) return shape[0]! < 2 || strides[0] === 1;
  // Sort by stride, dims of size < 2 last (std::sort: ties between such dims do not matter).
  const perm = [...Array(n).keys()].sort((a, b) => {
    const sa = shape[a]! < 2;
    const sb = shape[b]! < 2;
    if (sa || sb) return sa === sb ? 0 : sa ? 1 : -1;
    return strides[a]! - strides[b]!;
  });
  let require = 1;
  for (const d of perm) {
    const size = shape[d]!;
    if (size < 2) return true;
    if (strides[d] !== require) return false;
    require *= size;
  }
  return true;
}

/** c10::get_channels_last_strides_2d for a 4-D shape (no max(size, 1), as in c10). */
export function channelsLastStrides(shape: Strides): number[] {
  const s = [0, 1, 0, 0];
  s[3] = shape[1]!;
  s[2] = s[3] * shape[3]!;
  s[0] = s[2] * shape[2]!;
  return s;
}

/** c10::get_channels_last_strides_3d for a 5-D shape. */
export function channelsLast3dStrides(shape: Strides): number[] {
  const s = [0, 1, 0, 0, 0];
  s[4] = shape[1]!;
  s[3] = s[4] * shape[4]!;
  s[2] = s[3] * shape[3]!;
  s[0] = s[2] * shape[2]!;
  return s;
}

/**
 * The strides `at::empty(shape, memory_format)` gives (`format` is not preserve_format), with
 * PyTorch's rank errors.
 *
 * @example
 * stridesForFormat([2, 3, 4, 5], channels_last); // [60, 1, 15, 3]
 * stridesForFormat([2, 3], channels_last);       // RuntimeError: required rank 4 tensor to use channels_last format
 */
export function stridesForFormat(shape: Strides, format: MemoryFormat): number[] {
  if (format === contiguous_format) return contiguousStrides(shape);
  if (format === channels_last) {
    if (shape.length !== 4) throw new RuntimeError('required rank 4 tensor to use channels_last format');
    return channelsLastStrides(shape);
  }
  if (format === channels_last_3d) {
    if (shape.length !== 5) throw new RuntimeError('required rank 5 tensor to use channels_last_3d format');
    return channelsLast3dStrides(shape);
  }
  throw new RuntimeError('unsupported memory format Preserve');
}

/** c10::is_channels_last_strides_2d_s4 / _3d_s5: strides that look channels-last (ambiguous cases say no). */
function stridesLikeChannelsLast(shape: Strides, strides: Strides, order: readonly number[]): boolean {
  if (strides[1] === 0) return false;
  let min = 0;
  for (const d of order) {
    if (shape[d] === 0) return false;
    if (strides[d]! < min) return false;
    if (d === 0 && min === strides[1]) return false;
    min = strides[d]!;
    if (shape[d]! > 1) min *= shape[d]!;
  }
  return true;
}

/**
 * `tensor.suggest_memory_format()`: channels_last(_3d) when the strides look like it, else
 * contiguous_format (ambiguous layouts such as N111 say contiguous, as c10 does).
 *
 * @example
 * suggestMemoryFormat([2, 3, 4, 5], [60, 1, 15, 3]); // channels_last
 */
export function suggestMemoryFormat(shape: Strides, strides: Strides): MemoryFormat {
  if (shape.length === 4) {
    if (stridesLikeChannelsLast(shape, strides, [1, 3, 2, 0])) return channels_last;
  } else if (shape.length === 5) {
    // The 2-D rule never holds for 5-D tensors (c10 only applies it to 4 dims).
    if (stridesLikeChannelsLast(shape, strides, [1, 4, 3, 2, 0])) return channels_last_3d;
  }
  return contiguous_format;
}

/**
 * at::infer_dense_strides: dense strides that keep a (possibly non-dense) tensor's dim order,
 * sorted as TensorIterator sorts (stride-0 dims never move; equal strides put the smaller dim
 * inside).
 *
 * @example
 * inferDenseStrides([3, 4], [2, 6]); // [1, 3]: column-major, like the input
 */
export function inferDenseStrides(shape: Strides, strides: Strides): number[] {
  const n = shape.length;
  if (n === 0) return [];
  if (n === 1) return [1];
  const perm = [...Array(n).keys()].reverse();
  const shouldSwap = (d0: number, d1: number): number => {
    const s0 = strides[d0]!;
    const s1 = strides[d1]!;
    if (s0 === 0 || s1 === 0) return 0;
    if (s0 !== s1) return s0 < s1 ? -1 : 1;
    return shape[d0]! > shape[d1]! ? 1 : 0;
  };
  insertionSort(perm, shouldSwap);
  const out = new Array<number>(n);
  let cur = 1;
  for (const d of perm) {
    out[d] = cur;
    if (shape[d]! > 1) cur *= shape[d]!;
  }
  return out;
}

/**
 * TensorIterator's insertion sort with ambiguous comparisons (`cmp` > 0: swap, < 0: stop, 0:
 * keep looking further left). `perm` is fastest-moving dim first.
 */
export function insertionSort(perm: number[], cmp: (d0: number, d1: number) => number): void {
  for (let i = 1; i < perm.length; i++) {
    let d1 = i;
    for (let d0 = i - 1; d0 >= 0; d0--) {
      const c = cmp(perm[d0]!, perm[d1]!);
      if (c > 0) {
        const t = perm[d0]!;
        perm[d0] = perm[d1]!;
        perm[d1] = t;
        d1 = d0;
      } else if (c < 0) break;
    }
  }
}

/**
 * The strides `empty_like(t)` / `clone()` / `to()` give under preserve_format: a dense
 * non-overlapping tensor's own strides, else infer_dense_strides.
 */
export function preservedStrides(shape: Strides, strides: Strides): readonly number[] {
  return isNonOverlappingAndDense(shape, strides) ? strides : inferDenseStrides(shape, strides);
}

/** The strides a result gets under `format` (preserve_format: {@link preservedStrides}). */
export function stridesLike(shape: Strides, strides: Strides, format: MemoryFormat): readonly number[] {
  return format.name === 'preserve_format' ? preservedStrides(shape, strides) : stridesForFormat(shape, format);
}

/**
 * For dense `strides`, the dim order (outermost first) in which a row-major buffer of the
 * permuted shape is exactly that layout; null when it is the identity (already row-major).
 * Size-1 dims may go anywhere (their index is always 0).
 */
export function denseOrder(shape: Strides, strides: Strides): number[] | null {
  if (isContiguousLayout(shape, strides)) return null;
  const n = shape.length;
  const order = [...Array(n).keys()];
  // Stable: equal strides (size-1 dims) keep their relative order.
  order.sort((a, b) => strides[b]! - strides[a]! || a - b);
  return order;
}
