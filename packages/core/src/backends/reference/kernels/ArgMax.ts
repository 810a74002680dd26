/**
 * ArgMax on the reference backend: PyTorch's `torch.argmax(x, axis, keepdim)` as int64; `axis`
 * null reduces the flattened input (with `keepdim`, to all-ones of x's rank). Ties give the
 * first position; a NaN wins (the first one).
 */
import type { KernelArgs, KernelConfig, KernelResult } from '../../../backend/types.js';
import { int64, type HostArray } from '../../../dtype.js';
import { ArgMax } from '../../../kernels/names.js';
import { normalizeDim, numelOf } from '../../../shape.js';
import { REFERENCE } from '../backend.js';
import { finish, gatherDense } from '../strided.js';
import { input, splitAxis } from './common.impl.js';
import { argReduce, emptyReductionError, reducedShape } from './argreduce.impl.js';

function argMax(args: KernelArgs<HostArray>): KernelResult<HostArray> {
  const x = input(args, 'x');
  const keepdim = args.attrs['keepdim'] === true;
  const rawAxis = args.attrs['axis'];
  if (rawAxis === null || rawAxis === undefined) {
    const n = numelOf(x.shape);
    if (n === 0) throw emptyReductionError('argmax', null);
    const idx = new Float64Array(1);
    argReduce(gatherDense(x), 1, n, 1, true, null, idx);
    return finish(int64, idx, keepdim ? x.shape.map(() => 1) : []);
  }
  const axis = normalizeDim(rawAxis as number, x.shape.length);
  const [outer, size, inner] = splitAxis(x.shape, axis);
  if (size === 0 && outer * inner > 0) throw emptyReductionError('argmax', axis);
  const idx = new Float64Array(outer * inner);
  argReduce(gatherDense(x), outer, size, inner, true, null, idx);
  return finish(int64, idx, reducedShape(x.shape, axis, keepdim));
}

/** Registration of ArgMax on the reference backend. */
export const argMaxConfig: KernelConfig<HostArray> = { kernelName: ArgMax, backendName: REFERENCE, kernelFunc: argMax };
