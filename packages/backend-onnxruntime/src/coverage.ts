/**
 * What this backend runs natively: per kernel, whether it runs as an ONNX graph on onnxruntime,
 * as host code on this backend's own buffers (memory copies), or falls back to the reference
 * backend through core's dispatch (copy in, copy out, one warning), plus the dtypes observed so
 * far on each path (a kernel registered here still runs dtypes onnxruntime lacks on the reference
 * code, without copies).
 */
import { kernels as K, kernelsFor } from '@nncompat/core';
import { observedDtypes } from './exec/coverage_log.js';
import { ONNXRUNTIME } from './exec/plan.js';
import { HOST_KERNELS } from './kernels/copy.js';

/** How a kernel runs on this backend. */
export type KernelStatus = 'onnx' | 'host' | 'fallback';

/** One row of {@link kernelCoverage}. */
export interface KernelCoverage {
  readonly kernel: string;
  readonly status: KernelStatus;
  /** Dtypes seen running in onnxruntime so far in this process. */
  readonly nativeDtypes: readonly string[];
  /** Dtypes seen running on the reference code so far (no ONNX kernel for them, or bad input). */
  readonly referenceDtypes: readonly string[];
}

/**
 * Every core kernel with its status on the onnxruntime backend.
 *
 * @example
 * import { kernelCoverage } from '@nncompat/backend-onnxruntime';
 * kernelCoverage().filter((k) => k.status === 'fallback').map((k) => k.kernel);
 * // ['Atan2', 'AvgPool2DBackward', 'CumProd', 'CumSum', 'Expm1', 'Log1p', 'Sort']
 */
export function kernelCoverage(): KernelCoverage[] {
  const registered = new Set(kernelsFor(ONNXRUNTIME));
  return K.ALL_KERNELS.map((kernel) => {
    const status: KernelStatus = !registered.has(kernel) ? 'fallback' : HOST_KERNELS.includes(kernel) ? 'host' : 'onnx';
    const seen = observedDtypes(kernel);
    return { kernel, status, nativeDtypes: seen.native, referenceDtypes: seen.reference };
  });
}
