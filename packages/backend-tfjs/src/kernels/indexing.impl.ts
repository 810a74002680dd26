/**
 * Shared parts of the tfjs indexing kernels: index values read to the host (PyTorch checks
 * bounds, which needs them anyway), and duplicate-safe scatter-adds: tfjs's scatterND keeps one
 * update per position, so updates are applied in rounds of distinct positions, in index order
 * (as ATen adds them). Calls with more than MAX_ROUNDS repeats of a position run on the
 * reference backend.
 */
import * as tf from '@tensorflow/tfjs';
import { IndexError, RuntimeError } from '@nncompat/core';
import type { TfKernelArgs } from '../kernel.js';

/** Most repeats of one position handled on tfjs by a scatter-add. */
export const MAX_ROUNDS = 16;

/** The named index input's values (row-major), read once per call. */
export function indexValues(k: TfKernelArgs, name = 'index'): Int32Array {
  const key = `idx:${name}`;
  let v = k.memo.get(key) as Int32Array | undefined;
  if (!v) {
    const t = tf.tidy(() => tf.cast(k.x(name), 'int32'));
    v = t.dataSync() as Int32Array;
    t.dispose();
    k.memo.set(key, v);
  }
  return v;
}

/** gather / scatter_add: ATen's RuntimeError for an index out of range. */
export function checkScatter(idx: Int32Array, axis: number, size: number): void {
  for (const i of idx) {
    if (!(i >= 0 && i < size)) throw new RuntimeError(`index ${i} is out of bounds for dimension ${axis} with size ${size}`);
  }
}

/** index_select / index_add: ATen's IndexError. */
export function checkSelect(idx: Int32Array, size: number): void {
  for (const i of idx) if (!(i >= 0 && i < size)) throw new IndexError('index out of range in self');
}

/** Occurrence number of every position (0 for its first use, 1 for the second, ...) and the maximum + 1. */
export function occurrences(pos: Int32Array): { occ: Int32Array; rounds: number } {
  const seen = new Map<number, number>();
  const occ = new Int32Array(pos.length);
  let rounds = pos.length > 0 ? 1 : 0;
  for (let i = 0; i < pos.length; i++) {
    const c = seen.get(pos[i]!) ?? 0;
    occ[i] = c;
    seen.set(pos[i]!, c + 1);
    if (c + 1 > rounds) rounds = c + 1;
  }
  return { occ, rounds };
}

/** target + Σ values[i] at row pos[i] of target (first axis), duplicates summed in order. */
export function scatterAdd(target: tf.Tensor, pos: Int32Array, values: tf.Tensor): tf.Tensor {
  const { occ, rounds } = occurrences(pos);
  let out = target;
  for (let r = 0; r < rounds; r++) {
    const sel: number[] = [];
    for (let i = 0; i < pos.length; i++) if (occ[i] === r) sel.push(i);
    const p = tf.tensor2d(Int32Array.from(sel, (i) => pos[i]!), [sel.length, 1], 'int32');
    const v = rounds === 1 ? values : tf.gather(values, tf.tensor1d(Int32Array.from(sel), 'int32'));
    out = tf.add(out, tf.scatterND(p, v, target.shape));
  }
  return out;
}

/** Row-major strides of a shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i]!;
  }
  return s;
}

/**
 * Flat positions into a contiguous tensor of `xShape` for every element of an index tensor of
 * `indexShape` along `axis` (torch.gather / scatter_add addressing).
 */
export function gatherPositions(xShape: readonly number[], indexShape: readonly number[], axis: number, idx: Int32Array): Int32Array {
  const xs = stridesOf(xShape);
  const nd = indexShape.length;
  const n = idx.length;
  const out = new Int32Array(n);
  const coord = new Array<number>(nd).fill(0);
  let base = 0;
  for (let p = 0; p < n; p++) {
    out[p] = base + idx[p]! * xs[axis]!;
    for (let d = nd - 1; d >= 0; d--) {
      coord[d]!++;
      if (d !== axis) base += xs[d]!;
      if (coord[d]! < indexShape[d]!) break;
      if (d !== axis) base -= xs[d]! * indexShape[d]!;
      coord[d] = 0;
    }
  }
  return out;
}
