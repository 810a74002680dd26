/**
 * MinDim on the reference backend: PyTorch's `torch.min(x, axis, keepdim)`, returning
 * `[values, indices]` (indices int64). Ties give the first position; a NaN wins (the first one).
 */
import type { KernelArgs, KernelConfig, KernelResult } from '../../../backend/types.js';
import { int64, type HostArray } from '../../../dtype.js';
import { MinDim } from '../../../kernels/names.js';
import { normalizeDim } from '../../../shape.js';
import { REFERENCE } from '../backend.js';
import { computeArray, finish, gatherDense } from '../strided.js';
import { input, splitAxis } from './common.impl.js';
import { argReduce, emptyReductionError, reducedShape } from './argreduce.impl.js';

function minDim(args: KernelArgs<HostArray>): KernelResult<HostArray>[] {
  const x = input(args, 'x');
  const axis = normalizeDim(args.attrs['axis'] as number, x.shape.length);
  const [outer, size, inner] = splitAxis(x.shape, axis);
  if (size === 0 && outer * inner > 0) throw emptyReductionError('min', axis);
  const shape = reducedShape(x.shape, axis, args.attrs['keepdim'] === true);
  const vals = computeArray(x.dtype, outer * inner);
  const idx = new Float64Array(outer * inner);
  argReduce(gatherDense(x), outer, size, inner, false, vals, idx);
  return [finish(x.dtype, vals, shape), finish(int64, idx, shape)];
}

/** Registration of MinDim on the reference backend. */
export const minDimConfig: KernelConfig<HostArray> = { kernelName: MinDim, backendName: REFERENCE, kernelFunc: minDim };
