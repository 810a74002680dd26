/**
 * Random fills for initializers, drawn from core's generator (PyTorch's CPU mt19937 stream).
 * MXNet's own RNG stream is not reproduced: values follow the same distributions, not the
 * same numbers as MXNet for a given seed.
 */
import { normalFill, randomFromToFill, uniformFill, type DTypeName } from '@nncompat/core';
import type { NDArray } from '../ndarray/ndarray.js';
import { numbersToHost } from '../ndarray/host.js';

const FLOATING = new Set<DTypeName>(['float32', 'float64', 'float16', 'bfloat16']);

/** Core's samplers fill floating dtypes directly; other dtypes are drawn as float64 and cast. */
function fill(arr: NDArray, draw: (out: Float64Array | Float32Array | Uint16Array, d: DTypeName) => void): void {
  const d = arr.tensor().dtype.name;
  const n = arr.size;
  if (FLOATING.has(d)) {
    const out = d === 'float64' ? new Float64Array(n) : d === 'float32' ? new Float32Array(n) : new Uint16Array(n);
    draw(out, d);
    arr._setHost(out);
  } else {
    const out = new Float64Array(n);
    draw(out, 'float64');
    arr._setHost(numbersToHost(out, d));
  }
}

/** `mx.nd.random.uniform(low, high, arr.shape, out=arr)`. */
export function uniformInto(arr: NDArray, low: number, high: number): void {
  fill(arr, (out, d) => uniformFill(out, d, low, high));
}

/** `mx.nd.random.normal(loc, scale, arr.shape, out=arr)`. */
export function normalInto(arr: NDArray, loc: number, scale: number): void {
  fill(arr, (out, d) => normalFill(out, d, loc, scale));
}

/** `n` samples of U(low, high) as float64 (for host-side algorithms such as Orthogonal). */
export function uniformValues(n: number, low: number, high: number): Float64Array {
  return uniformFill(new Float64Array(n), 'float64', low, high);
}

/** `n` samples of N(loc, scale) as float64. */
export function normalValues(n: number, loc: number, scale: number): Float64Array {
  return normalFill(new Float64Array(n), 'float64', loc, scale);
}

/** `n` integers uniform in [low, high). */
export function randintValues(n: number, low: number, high: number): Float64Array {
  return randomFromToFill(new Float64Array(n), 'int64', low, high);
}
