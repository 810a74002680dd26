/**
 * CumSum on the reference backend: PyTorch's `torch.cumsum(x, axis, dtype)`, the running sum along
 * `axis` in `attrs.dtype`, accumulated in float64 and rounded once per element.
 */
import type { KernelArgs, KernelConfig, KernelResult } from '../../../backend/types.js';
import type { DType, HostArray } from '../../../dtype.js';
import { CumSum } from '../../../kernels/names.js';
import { normalizeDim, numelOf } from '../../../shape.js';
import { REFERENCE } from '../backend.js';
import { gatherDense } from '../strided.js';
import { fromFloat64, input, splitAxis } from './common.impl.js';
import { cumulateLines } from './sort.impl.js';

function cumSum(args: KernelArgs<HostArray>): KernelResult<HostArray> {
  const x = input(args, 'x');
  const dtype = (args.attrs['dtype'] as DType | undefined) ?? x.dtype;
  const axis = normalizeDim(args.attrs['axis'] as number, x.shape.length);
  const [outer, size, inner] = splitAxis(x.shape, axis);
  const out = new Float64Array(numelOf(x.shape));
  cumulateLines(gatherDense(x), outer, size, inner, false, out);
  return fromFloat64(dtype, out, x.shape);
}

/** Registration of CumSum on the reference backend. */
export const cumSumConfig: KernelConfig<HostArray> = { kernelName: CumSum, backendName: REFERENCE, kernelFunc: cumSum };
