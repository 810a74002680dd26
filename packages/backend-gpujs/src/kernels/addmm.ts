/**
 * Addmm: `beta*bias + alpha*(a·b)` for a [n,k] × b [k,m] → [n,m] as one gpu.js kernel (what
 * nn.Linear runs), instead of core composing BatchMatMul + Mul + Add. Operands are packed as
 * for BatchMatMul (a with k innermost, b transposed, so nn.Linear's `weight.t()` is already
 * packed); the bias is read in place through its broadcast strides. Each step rounds to float32
 * as core's contract asks: gpu.js computes in float32, and alpha and beta are float32 literals.
 */
import { float32, kernels as K, type HostArray, type TensorInfo } from '@nncompat/core';
import { kernelSource, lit, MAX_INDEX, offsetExpr, splitIndex } from '../codegen.js';
import { outputReason, type GpuKernelDef } from '../kernel.js';
import { broadcastStridesOf, packed, windowOf } from '../view.js';
import { dotCode } from './matmul.js';

/** Source of `beta*c + alpha*(a·bt)` for packed a [n,k], bt [m,k] and a bias view (null when beta = 0). */
export function addmmSource(n: number, k: number, m: number, alpha: number, beta: number, bias: TensorInfo | null): string {
  const split = splitIndex('i', [n, m], 'c');
  const [cr, cc] = split.coords as [string, string];
  const dot = dotCode(k);
  let body = `const i = this.thread.x;\n${split.code}const ao = ${cr === '0' ? '0' : `${cr} * ${k}.0`};\nconst bo = ${cc === '0' ? '0' : `${cc} * ${k}.0`};\n`;
  body += `${dot.code}let p = ${dot.sum};\n`;
  if (alpha !== 1) body += `p = p * ${lit(Math.fround(alpha))};\n`;
  if (bias) {
    const c = `c[${offsetExpr(split.coords, broadcastStridesOf(bias.shape, bias.strides, [n, m]))}]`;
    // beta = 1 adds the bias as it is (no multiply), as the composed ops do.
    body += `p = p + ${beta === 1 ? c : `${c} * ${lit(Math.fround(beta))}`};\n`;
  }
  return kernelSource(bias ? ['a', 'bt', 'c'] : ['a', 'bt'], `${body}return p;`);
}

/** Addmm on gpujs. */
export const ADDMM_DEF: GpuKernelDef = {
  name: K.Addmm,
  run: (kk) => {
    const a = kk.info('a');
    const b = kk.info('b');
    const { alpha, beta } = kk.attrs as unknown as K.AddmmAttrs;
    const [n, k] = a.shape as [number, number];
    const m = b.shape[1]!;
    const why = outputReason(n * m);
    if (why) return why;
    // k = 0 gives beta*bias: left to the reference backend (no product to run).
    if (k === 0) return 'empty';
    const ap = packed(a, [0, 1]);
    const bt = packed(b, [1, 0]);
    if (ap.length > MAX_INDEX || bt.length > MAX_INDEX) return 'size';
    // beta = 0 ignores the bias, NaN and Inf included (PyTorch's rule): it is not even passed.
    const bias: TensorInfo<HostArray> | null = beta === 0 ? null : kk.info('bias');
    const args = bias ? [ap, bt, windowOf(bias)] : [ap, bt];
    const out = kk.backend.kernels.run(addmmSource(n, k, m, alpha, beta, bias), n * m, args);
    return { storage: out, dtype: float32, shape: [n, m] };
  },
};
