/**
 * Gather on the reference backend: PyTorch's `torch.gather(x, axis, index)`:
 * `out[i][j][k] = x[i][index[i][j][k]][k]` for axis 1. The result has index's shape and x's
 * dtype; elements are copied as raw storage bits. Out-of-range (or negative) indices raise
 * PyTorch's RuntimeError.
 */
import type { KernelArgs, KernelConfig, KernelResult } from '../../../backend/types.js';
import type { HostArray } from '../../../dtype.js';
import { Gather } from '../../../kernels/names.js';
import { normalizeDim, numelOf } from '../../../shape.js';
import { REFERENCE } from '../backend.js';
import { offsets } from '../strided.js';
import { allocLike, indexValues, input } from './common.impl.js';
import { checkScatterIndex } from './indexing.impl.js';

function gather(args: KernelArgs<HostArray>): KernelResult<HostArray> {
  const x = input(args, 'x');
  const index = input(args, 'index');
  const axis = normalizeDim(args.attrs['axis'] as number, x.shape.length);
  const size = x.shape.length === 0 ? 1 : x.shape[axis]!;
  const axisStride = x.shape.length === 0 ? 0 : x.strides[axis]!;
  // x's offset at each index position with the axis coordinate left at 0.
  const strides = x.strides.map((s, d) => (d === axis ? 0 : s));
  const n = numelOf(index.shape);
  const base = index.shape.length === x.shape.length ? offsets(index.shape, strides, x.offset, index.shape) : new Int32Array(n).fill(x.offset);
  const idx = indexValues(index);
  const src = x.storage;
  const out = allocLike(src, n);
  for (let p = 0; p < n; p++) {
    const i = idx[p]!;
    checkScatterIndex(i, axis, size);
    out[p] = src[base[p]! + i * axisStride]!;
  }
  return { storage: out, dtype: x.dtype, shape: [...index.shape] };
}

/** Registration of Gather on the reference backend. */
export const gatherConfig: KernelConfig<HostArray> = { kernelName: Gather, backendName: REFERENCE, kernelFunc: gather };
