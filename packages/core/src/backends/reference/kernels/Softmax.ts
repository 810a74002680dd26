/**
 * Softmax on the reference backend: PyTorch's `softmax(x, dim=axis)`, numerically stable (the
 * maximum is subtracted first), computed in float64 and rounded once to the input's dtype.
 */
import type { KernelArgs, KernelConfig, KernelResult } from '../../../backend/types.js';
import type { HostArray } from '../../../dtype.js';
import { Softmax } from '../../../kernels/names.js';
import { REFERENCE } from '../backend.js';
import { softmaxKernel } from './softmax.impl.js';

function softmax(args: KernelArgs<HostArray>): KernelResult<HostArray> {
  return softmaxKernel(args, false);
}

/** Registration of Softmax on the reference backend. */
export const softmaxConfig: KernelConfig<HostArray> = { kernelName: Softmax, backendName: REFERENCE, kernelFunc: softmax };
