/**
 * Sort on the reference backend: PyTorch's `torch.sort(x, axis, descending, stable)` →
 * `[values, indices (int64)]`, NaN largest, ties in input order.
 */
import type { KernelArgs, KernelConfig, KernelResult } from '../../../backend/types.js';
import { int64, type HostArray } from '../../../dtype.js';
import { Sort } from '../../../kernels/names.js';
import { normalizeDim, numelOf } from '../../../shape.js';
import { REFERENCE } from '../backend.js';
import { computeArray, finish, gatherDense } from '../strided.js';
import { input, splitAxis } from './common.impl.js';
import { sortLines } from './sort.impl.js';

function sort(args: KernelArgs<HostArray>): KernelResult<HostArray>[] {
  const x = input(args, 'x');
  const axis = normalizeDim(args.attrs['axis'] as number, x.shape.length);
  const [outer, size, inner] = splitAxis(x.shape, axis);
  const n = numelOf(x.shape);
  const vals = computeArray(x.dtype, n);
  const idx = new Float64Array(n);
  sortLines(gatherDense(x), outer, size, inner, args.attrs['descending'] === true, vals, idx);
  return [finish(x.dtype, vals, x.shape), finish(int64, idx, x.shape)];
}

/** Registration of Sort on the reference backend. */
export const sortConfig: KernelConfig<HostArray> = { kernelName: Sort, backendName: REFERENCE, kernelFunc: sort };
