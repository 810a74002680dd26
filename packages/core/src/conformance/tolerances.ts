/**
 * Tolerances of the golden replay, per op and dtype (documented in packages/core/README.md,
 * section "Conformance"). The default is torch.testing's per-dtype tolerance; ops that sum many
 * terms in a different order than ATen (reductions, matmul, conv, softmax) or that go through a
 * different elementary-function implementation get a documented multiple of it.
 */
import { DEFAULT_TOLERANCE, type Tolerance } from '../testing/index.js';

/** Multipliers of the default rtol/atol per op (1 when absent). */
export const OP_TOLERANCE_FACTOR: Readonly<Record<string, number>> = Object.freeze({
  // Pairwise/vectorised summation in ATen vs sequential float64-accumulated sums here.
  sum: 4, mean: 4, var: 8, std: 8, logsumexp: 4, prod: 4,
  // Blocked GEMM / im2col order of accumulation.
  matmul: 8, mm: 8, bmm: 8, conv2d: 8,
  // exp/log/tanh implementations (Sleef/VML in ATen vs V8's libm) differ by a few ulp.
  exp: 4, log: 4, sigmoid: 4, tanh: 4, silu: 4, gelu: 4, softmax: 4, log_softmax: 4, pow: 4, div: 2,
  avg_pool2d: 2,
});

/**
 * Ops whose bfloat16 results differ from PyTorch by more than a rounding of the exact value:
 * ATen rounds bfloat16 partial results (per block or per step), the reference backend
 * accumulates in float32 and rounds once, so results can differ by a few bfloat16 ulps of the
 * largest term (not of the result): these get an absolute tolerance of 2^-5.
 */
export const BF16_ACCUMULATING: ReadonlySet<string> = new Set(['matmul', 'mm', 'bmm', 'conv2d', 'softmax', 'log_softmax']);

/** Tolerance for values of `dtype` produced by `op` (null: exact, for integer and bool dtypes). */
export function toleranceFor(op: string, dtype: string, gradient = false): Tolerance | null {
  const base = DEFAULT_TOLERANCE[dtype];
  if (!base) return null;
  // Gradients chain several ops (each rounding in float32), hence twice the op's factor.
  const k = (OP_TOLERANCE_FACTOR[op] ?? 1) * (gradient ? 2 : 1);
  const atol = dtype === 'bfloat16' && BF16_ACCUMULATING.has(op) ? 2 ** -5 : base.atol * k;
  return { rtol: base.rtol * k, atol };
}
