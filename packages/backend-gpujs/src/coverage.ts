/** `kernelCoverage()`: per SPI kernel, native on gpujs or core's reference fallback. */
import { fallbackLog, kernels, kernelsFor } from '@nncompat/core';
import { referenceRuns, type ReferenceReason } from './hostpath.js';
import { GPUJS } from './register.js';

/** One row of the coverage table. */
export interface KernelCoverageEntry {
  readonly kernel: string;
  /** `native`: a gpu.js kernel; `fallback`: core runs it on the reference backend (copy in/out). */
  readonly status: 'native' | 'fallback';
  /** Calls that run on the reference backend by design. */
  readonly onReference: string;
  /** Reasons seen so far in this process for calls of a native kernel that ran on the reference. */
  readonly seen: readonly ReferenceReason[];
}

const NATIVE_LIMITS = 'non-float32 dtypes; empty tensors; index spaces beyond 2^23 elements';

/**
 * Per kernel of core's SPI: whether the `gpujs` backend runs it as a gpu.js kernel, which calls
 * run on the reference backend, and which did so in this process.
 *
 * @example
 * import { kernelCoverage } from '@nncompat/backend-gpujs';
 * console.table(kernelCoverage());
 */
export function kernelCoverage(backend: string = GPUJS): KernelCoverageEntry[] {
  const native = new Set(kernelsFor(backend));
  const runs = referenceRuns.get(backend);
  const fallbacks = fallbackLog.get(backend);
  return kernels.ALL_KERNELS.map((kernel) => ({
    kernel,
    status: native.has(kernel) && !fallbacks?.has(kernel) ? 'native' : 'fallback',
    onReference: native.has(kernel) ? NATIVE_LIMITS : 'every call',
    seen: [...(runs?.get(kernel) ?? [])],
  }));
}
