/**
 * Value-and-index reductions along one axis (max/min with indices, argmax/argmin) over a dense
 * buffer viewed as [outer, size, inner], with ATen's rules: the first extreme wins ties, and
 * the first NaN wins over everything.
 */
import { IndexError } from '../../../errors.js';
import type { NumArray } from '../strided.js';

/**
 * Writes the extreme value of each [outer, inner] slice into `vals` (when given) and its
 * position along the axis into `idx`.
 */
export function argReduce(
  src: NumArray, outer: number, size: number, inner: number, isMax: boolean,
  vals: NumArray | null, idx: Float64Array,
): void {
  for (let o = 0; o < outer; o++) {
    const base = o * size * inner;
    for (let r = 0; r < inner; r++) {
      let best = src[base + r]!;
      let at = 0;
      if (best === best) {
        for (let i = 1; i < size; i++) {
          const v = src[base + i * inner + r]!;
          // ATen: `!(v <= best)` (max) or `!(v >= best)` (min) replaces, so NaN does; the first
          // NaN then ends the scan.
          if (isMax ? !(v <= best) : !(v >= best)) {
            best = v;
            at = i;
            if (v !== v) break;
          }
        }
      }
      const q = o * inner + r;
      if (vals) vals[q] = best;
      idx[q] = at;
    }
  }
}

/** PyTorch's error for reducing a dimension of size 0 (`op` is e.g. `max` or `argmin`). */
export function emptyReductionError(op: string, axis: number | null): IndexError {
  return axis === null
    ? new IndexError(`${op}(): Expected reduction dim to be specified for input.numel() == 0.`)
    : new IndexError(`${op}(): Expected reduction dim ${axis} to have non-zero size.`);
}

/** The shape left after reducing `axis` (kept as 1 with `keepdim`). */
export function reducedShape(shape: readonly number[], axis: number, keepdim: boolean): number[] {
  if (shape.length === 0) return [];
  return keepdim ? shape.map((d, i) => (i === axis ? 1 : d)) : shape.filter((_, i) => i !== axis);
}
