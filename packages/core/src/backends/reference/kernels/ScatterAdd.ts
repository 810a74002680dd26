/**
 * ScatterAdd on the reference backend: PyTorch's `x.scatter_add(axis, index, src)`, a copy of x
 * with `out[i][index[i][j][k]][k] += src[i][j][k]` (axis 1) over index's shape. Sums are taken
 * in x's dtype one at a time in index order, as ATen does, so duplicates round the same way.
 */
import type { KernelArgs, KernelConfig, KernelResult } from '../../../backend/types.js';
import type { HostArray } from '../../../dtype.js';
import { ScatterAdd } from '../../../kernels/names.js';
import { contiguousStrides, normalizeDim, numelOf } from '../../../shape.js';
import { REFERENCE } from '../backend.js';
import { computeArray, finish, gatherDense, offsets, values } from '../strided.js';
import { indexValues, input, storageRounder } from './common.impl.js';
import { checkScatterIndex } from './indexing.impl.js';

function scatterAdd(args: KernelArgs<HostArray>): KernelResult<HostArray> {
  const x = input(args, 'x');
  const index = input(args, 'index');
  const src = input(args, 'src');
  const axis = normalizeDim(args.attrs['axis'] as number, x.shape.length);
  const out = computeArray(x.dtype, numelOf(x.shape));
  out.set(gatherDense(x));
  const n = numelOf(index.shape);
  if (n > 0) {
    const size = x.shape.length === 0 ? 1 : x.shape[axis]!;
    const outStrides = contiguousStrides(x.shape);
    const axisStride = x.shape.length === 0 ? 0 : outStrides[axis]!;
    const dstBase = x.shape.length === 0 ? new Int32Array(n) : offsets(index.shape, outStrides.map((s, d) => (d === axis ? 0 : s)), 0, index.shape);
    const srcOff = src.shape.length === 0 ? new Int32Array(n).fill(src.offset) : offsets(index.shape, src.strides, src.offset, index.shape);
    const sv = values(src);
    const idx = indexValues(index);
    const round = storageRounder(x.dtype);
    for (let p = 0; p < n; p++) {
      const i = idx[p]!;
      checkScatterIndex(i, axis, size);
      const o = dstBase[p]! + i * axisStride;
      out[o] = round(out[o]! + sv[srcOff[p]!]!);
    }
  }
  return finish(x.dtype, out, x.shape);
}

/** Registration of ScatterAdd on the reference backend. */
export const scatterAddConfig: KernelConfig<HostArray> = { kernelName: ScatterAdd, backendName: REFERENCE, kernelFunc: scatterAdd };
