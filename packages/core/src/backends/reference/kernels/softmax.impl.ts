/**
 * Numerically stable softmax / log-softmax along one axis of a dense buffer viewed as
 * [outer, size, inner]: subtract the maximum, exponentiate, normalize (float64 arithmetic).
 */
import type { KernelArgs, KernelResult } from '../../../backend/types.js';
import type { HostArray } from '../../../dtype.js';
import { normalizeDim } from '../../../shape.js';
import { computeArray, finish, gatherDense, type NumArray } from '../strided.js';
import { input, splitAxis } from './common.impl.js';

/**
 * The Softmax (or LogSoftmax when `log`) kernel body: softmax of input `x` along attribute
 * `axis`, computed in float64 and rounded once to the input's dtype.
 */
export function softmaxKernel(args: KernelArgs<HostArray>, log: boolean): KernelResult<HostArray> {
  const x = input(args, 'x');
  const axis = normalizeDim(args.attrs['axis'] as number, x.shape.length);
  const [outer, size, inner] = splitAxis(x.shape, axis);
  const out = computeArray(x.dtype, outer * size * inner);
  softmaxAlong(gatherDense(x), out, outer, size, inner, log);
  return finish(x.dtype, out, x.shape);
}

/**
 * Writes softmax (or log-softmax when `log`) of `src` along the middle axis into `out`.
 * A slice of only -inf gives NaN, as PyTorch (-inf - -inf).
 */
export function softmaxAlong(src: NumArray, out: NumArray, outer: number, size: number, inner: number, log: boolean): void {
  if (inner === 1) {
    for (let o = 0; o < outer; o++) softmaxRow(src, out, o * size, size, log);
    return;
  }
  // Work on whole rows of `inner` contiguous values at a time, so memory is read in order.
  const max = new Float64Array(inner);
  const sum = new Float64Array(inner);
  for (let o = 0; o < outer; o++) {
    const base = o * size * inner;
    max.fill(-Infinity);
    for (let i = 0; i < size; i++) {
      const r = base + i * inner;
      for (let j = 0; j < inner; j++) {
        const v = src[r + j]!;
        // NaN must propagate: `!(v <= max)` is true for NaN.
        if (!(v <= max[j]!)) max[j] = v;
      }
    }
    sum.fill(0);
    for (let i = 0; i < size; i++) {
      const r = base + i * inner;
      for (let j = 0; j < inner; j++) {
        const e = Math.exp(src[r + j]! - max[j]!);
        sum[j] += e;
        // Softmax keeps each exponential (as ATen does) so exp runs once per element.
        if (!log) out[r + j] = e;
      }
    }
    if (log) {
      for (let j = 0; j < inner; j++) sum[j] = Math.log(sum[j]!);
      for (let i = 0; i < size; i++) {
        const r = base + i * inner;
        for (let j = 0; j < inner; j++) out[r + j] = src[r + j]! - max[j]! - sum[j]!;
      }
    } else {
      for (let i = 0; i < size; i++) {
        const r = base + i * inner;
        for (let j = 0; j < inner; j++) out[r + j] = out[r + j]! / sum[j]!;
      }
    }
  }
}

function softmaxRow(src: NumArray, out: NumArray, start: number, size: number, log: boolean): void {
  const end = start + size;
  let max = -Infinity;
  for (let i = start; i < end; i++) {
    const v = src[i]!;
    if (!(v <= max)) max = v;
  }
  let sum = 0;
  if (log) {
    for (let i = start; i < end; i++) sum += Math.exp(src[i]! - max);
    const ls = Math.log(sum);
    for (let i = start; i < end; i++) out[i] = src[i]! - max - ls;
  } else {
    // Keep each exponential so exp runs once per element, as ATen's kernel does.
    for (let i = start; i < end; i++) {
      const e = Math.exp(src[i]! - max);
      out[i] = e;
      sum += e;
    }
    for (let i = start; i < end; i++) out[i] = out[i]! / sum;
  }
}
