/**
 * Sorting along one axis of a dense buffer viewed as [outer, size, inner], with PyTorch's order:
 * NaN above every number, ties in input order (stable).
 */
import type { NumArray } from '../strided.js';

/** Writes the sorted values and their source positions for every [outer, inner] line. */
export function sortLines(
  src: NumArray, outer: number, size: number, inner: number, descending: boolean, vals: NumArray, idx: Float64Array,
): void {
  const order = new Array<number>(size);
  const line = new Float64Array(size);
  // NaN compares as the largest value; equal keys keep input order (Array.prototype.sort is stable).
  const cmp = (a: number, b: number): number => {
    const x = line[a]!;
    const y = line[b]!;
    const xn = x !== x;
    const yn = y !== y;
    if (xn || yn) return xn === yn ? 0 : (xn ? 1 : -1) * (descending ? -1 : 1);
    return x === y ? 0 : (x < y ? -1 : 1) * (descending ? -1 : 1);
  };
  for (let o = 0; o < outer; o++) {
    for (let r = 0; r < inner; r++) {
      const base = o * size * inner + r;
      for (let i = 0; i < size; i++) {
        line[i] = src[base + i * inner]!;
        order[i] = i;
      }
      order.sort(cmp);
      for (let i = 0; i < size; i++) {
        vals[base + i * inner] = line[order[i]!]!;
        idx[base + i * inner] = order[i]!;
      }
    }
  }
}

/** Running sums or products along the axis, accumulated in float64 (ATen's CPU acc_type); the caller casts `out` to the output dtype. */
export function cumulateLines(
  src: NumArray, outer: number, size: number, inner: number, product: boolean, out: Float64Array,
): void {
  for (let o = 0; o < outer; o++) {
    for (let r = 0; r < inner; r++) {
      const base = o * size * inner + r;
      let acc = product ? 1 : 0;
      for (let i = 0; i < size; i++) {
        const v = src[base + i * inner]!;
        acc = product ? acc * v : acc + v;
        out[base + i * inner] = acc;
      }
    }
  }
}
