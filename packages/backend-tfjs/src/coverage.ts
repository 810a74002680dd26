/** `kernelCoverage()`: per kernel, native on tfjs or the reference fallback, and what leaves tfjs. */
import { fallbackLog, kernels, kernelsFor } from '@nncompat/core';
import { hostRuns, type HostReason } from './hostpath.js';
import { TFJS } from './register.js';

/** One row of the coverage table. */
export interface KernelCoverageEntry {
  readonly kernel: string;
  /** `native`: registered on tfjs; `fallback`: core runs it on the reference backend. */
  readonly status: 'native' | 'fallback';
  /** Calls of a native kernel that still run on the reference backend (by design, exactly). */
  readonly onReference: string;
  /** Reasons seen so far in this process for calls that ran on the reference backend. */
  readonly seen: readonly HostReason[];
}

const HOST = 'float64/float16/bfloat16 tensors and int64 beyond int32 (held on the host)';
const FLOAT_ONLY = `${HOST}; non-float32 dtypes`;
const ON_REFERENCE: Readonly<Record<string, string>> = {
  Exp: FLOAT_ONLY, Expm1: FLOAT_ONLY, Log: FLOAT_ONLY, Log1p: FLOAT_ONLY, Sqrt: FLOAT_ONLY, Rsqrt: FLOAT_ONLY,
  Sin: FLOAT_ONLY, Cos: FLOAT_ONLY, Tanh: FLOAT_ONLY, Sigmoid: FLOAT_ONLY, Silu: FLOAT_ONLY, Erf: FLOAT_ONLY,
  Floor: FLOAT_ONLY, Ceil: FLOAT_ONLY, Round: FLOAT_ONLY, Reciprocal: FLOAT_ONLY, Gelu: FLOAT_ONLY,
  Softplus: FLOAT_ONLY, LeakyRelu: FLOAT_ONLY, Softmax: FLOAT_ONLY, LogSoftmax: FLOAT_ONLY,
  BatchMatMul: FLOAT_ONLY, Addmm: `${FLOAT_ONLY}; empty operands`, Conv2D: FLOAT_ONLY, ConvTranspose2D: FLOAT_ONLY, Conv2DBackpropFilter: FLOAT_ONLY,
  MaxPool2D: `${FLOAT_ONLY}; empty inputs`, AvgPool2D: `${FLOAT_ONLY}; empty inputs`, AvgPool2DBackward: `${FLOAT_ONLY}; empty inputs`,
  Add: `${HOST}; int64 results that may exceed int32`, Sub: `${HOST}; int64 results that may exceed int32`,
  Mul: `${HOST}; int64 results that may exceed int32`, Pow: `${HOST}; int64 results that may exceed int32`,
  Neg: `${HOST}; int64 results that may exceed int32`, Abs: `${HOST}; int64 results that may exceed int32`,
  Sum: `${HOST}; int64 results that may exceed int32`, Prod: `${HOST}; int64 results that may exceed int32`,
  Cast: `${HOST}; casts to float64/float16/bfloat16; float → int64 beyond int32`,
  MaxDim: `${HOST}; 0-d and empty inputs`, MinDim: `${HOST}; 0-d and empty inputs`,
  ArgMax: `${HOST}; empty inputs`, ArgMin: `${HOST}; empty inputs`,
  Gather: `${HOST}; 0-d inputs`, IndexSelect: `${HOST}; 0-d inputs`,
  ScatterAdd: `${HOST}; bool, 0-d inputs; more than 16 repeats of one position; int64 beyond int32`,
  IndexAdd: `${HOST}; bool, 0-d inputs; more than 16 repeats of one index; int64 beyond int32`,
};

/**
 * Per kernel of core's SPI: whether `backend` (default `tfjs`) runs it natively, which calls run
 * on the reference backend by design, and which did so in this process.
 *
 * @example
 * import { kernelCoverage } from '@nncompat/backend-tfjs';
 * console.table(kernelCoverage());
 */
export function kernelCoverage(backend: string = TFJS): KernelCoverageEntry[] {
  const native = new Set(kernelsFor(backend));
  const runs = hostRuns.get(backend);
  const fallbacks = fallbackLog.get(backend);
  return kernels.ALL_KERNELS.map((kernel) => ({
    kernel,
    status: native.has(kernel) && !fallbacks?.has(kernel) ? 'native' : 'fallback',
    onReference: native.has(kernel) ? (ON_REFERENCE[kernel] ?? HOST) : 'every call',
    seen: [...(runs?.get(kernel) ?? [])],
  }));
}
