/**
 * BatchMatMul: a [B,n,k] × b [B,k,m] → [B,n,m] (batch strides may be 0). Both operands are
 * read along k in the inner loop, so the kernel wants a with k innermost and b transposed
 * ([B,m,k]); operands not already laid out so are packed on the host first (O(size), against
 * the O(n·k·m) product). The inner loop keeps four partial sums (k unrolled by 4).
 */
import { float32, kernels as K } from '@nncompat/core';
import { kernelSource, MAX_INDEX, splitIndex } from '../codegen.js';
import { outputReason, type GpuKernelDef } from '../kernel.js';
import { packed } from '../view.js';

/**
 * Statements summing `a[ao + j] * bt[bo + j]` over j < k into four partial sums, and the
 * expression combining them (shared by BatchMatMul and Addmm, so both round alike).
 */
export function dotCode(k: number): { code: string; sum: string } {
  const k4 = k - (k % 4);
  let code = 'let s0 = 0.0;\nlet s1 = 0.0;\nlet s2 = 0.0;\nlet s3 = 0.0;\n';
  if (k4 > 0) {
    code += `for (let j = 0; j < ${k4}; j += 4) {
s0 += a[ao + j] * bt[bo + j];
s1 += a[ao + j + 1] * bt[bo + j + 1];
s2 += a[ao + j + 2] * bt[bo + j + 2];
s3 += a[ao + j + 3] * bt[bo + j + 3];
}\n`;
  }
  for (let j = k4; j < k; j++) code += `s${j - k4} += a[ao + ${j}] * bt[bo + ${j}];\n`;
  return { code, sum: '(s0 + s1) + (s2 + s3)' };
}

/** Source of the product of packed a [Ba,n,k] and bt [Bb,m,k] (Ba, Bb are 1 or B). */
export function matmulSource(B: number, n: number, k: number, m: number, aBatched: boolean, bBatched: boolean): string {
  const split = splitIndex('i', [B, n, m], 'c');
  const [cb, cr, cc] = split.coords as [string, string, string];
  const aBase = `${aBatched && cb !== '0' ? `${cb} * ${n * k}.0 + ` : ''}${cr === '0' ? '0' : `${cr} * ${k}.0`}`;
  const bBase = `${bBatched && cb !== '0' ? `${cb} * ${m * k}.0 + ` : ''}${cc === '0' ? '0' : `${cc} * ${k}.0`}`;
  const dot = dotCode(k);
  const body = `const i = this.thread.x;\n${split.code}const ao = ${aBase};\nconst bo = ${bBase};\n${dot.code}return ${dot.sum};`;
  return kernelSource(['a', 'bt'], body);
}

/** BatchMatMul on gpujs. */
export const BATCH_MATMUL_DEF: GpuKernelDef = {
  name: K.BatchMatMul,
  run: (kk) => {
    const a = kk.info('a');
    const b = kk.info('b');
    const [B, n, k] = a.shape as [number, number, number];
    const m = b.shape[2]!;
    const why = outputReason(B * n * m);
    if (why) return why;
    if (k === 0) return 'empty';
    // A 0 batch stride (broadcast operand) is packed once, not per batch.
    const aBatched = B > 1 && a.strides[0] !== 0;
    const bBatched = B > 1 && b.strides[0] !== 0;
    const aView = aBatched ? a : { ...a, shape: [n, k], strides: [a.strides[1]!, a.strides[2]!] };
    const bView = bBatched ? b : { ...b, shape: [k, m], strides: [b.strides[1]!, b.strides[2]!] };
    const ap = packed(aView, aBatched ? [0, 1, 2] : [0, 1]);
    const bt = packed(bView, bBatched ? [0, 2, 1] : [1, 0]);
    if (ap.length > MAX_INDEX || bt.length > MAX_INDEX) return 'size';
    const out = kk.backend.kernels.run(matmulSource(B, n, k, m, aBatched, bBatched), B * n * m, [ap, bt]);
    return { storage: out, dtype: float32, shape: [B, n, m] };
  },
};
