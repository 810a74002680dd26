/**
 * LogSoftmax on the reference backend: PyTorch's `log_softmax(x, dim=axis)`, numerically stable (the
 * maximum is subtracted first), computed in float64 and rounded once to the input's dtype.
 */
import type { KernelArgs, KernelConfig, KernelResult } from '../../../backend/types.js';
import type { HostArray } from '../../../dtype.js';
import { LogSoftmax } from '../../../kernels/names.js';
import { REFERENCE } from '../backend.js';
import { softmaxKernel } from './softmax.impl.js';

function logSoftmax(args: KernelArgs<HostArray>): KernelResult<HostArray> {
  return softmaxKernel(args, true);
}

/** Registration of LogSoftmax on the reference backend. */
export const logSoftmaxConfig: KernelConfig<HostArray> = { kernelName: LogSoftmax, backendName: REFERENCE, kernelFunc: logSoftmax };
