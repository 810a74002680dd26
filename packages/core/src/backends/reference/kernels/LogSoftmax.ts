/**
 * LogSoftmax on the reference backend: PyTorch's `log_softmax(x, dim=axis)`, numerically stable (the
 * maximum is subtracted first), computed in float64 and rounded once to the input's dtype.
 */
import type { KernelArgs, KernelConfig, KernelResult } from '../../../backend/types.js';
import type { HostArray } from '../../../dtype.js';
import { LogSoftmax } from '../../../kernels/names.js';
import { normalizeDim } from '../../../shape.js';
import { REFERENCE } from '../backend.js';
import { computeArray, finish, gatherDense } from '../strided.js';
import { input, splitAxis } from './common.impl.js';
import { softmaxAlong } from './softmax.impl.js';

function logSoftmax(args: KernelArgs<HostArray>): KernelResult<HostArray> {
  const x = input(args, 'x');
  const axis = normalizeDim(args.attrs['axis'] as number, x.shape.length);
  const [outer, size, inner] = splitAxis(x.shape, axis);
  const out = computeArray(x.dtype, outer * size * inner);
  softmaxAlong(gatherDense(x), out, outer, size, inner, true);
  return finish(x.dtype, out, x.shape);
}

/** Registration of LogSoftmax on the reference backend. */
export const logSoftmaxConfig: KernelConfig<HostArray> = { kernelName: LogSoftmax, backendName: REFERENCE, kernelFunc: logSoftmax };
