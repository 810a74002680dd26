/**
 * Addmm on the reference backend: `beta*bias + alpha*(a·b)` for `[n,k] · [k,m]` in one kernel,
 * the product through `gemm` (a direct loop for tiny sizes, so a Linear(1, 1) call costs one
 * small loop instead of BatchMatMul + Add with their views and intermediate buffers).
 * Rounding mirrors the composed ops exactly (see the kernel's contract in kernels/names.ts).
 */
import type { KernelArgs, KernelConfig, KernelResult, TensorInfo } from '../../../backend/types.js';
import { allocHostArray, type HostArray } from '../../../dtype.js';
import { RuntimeError } from '../../../errors.js';
import { Addmm, type AddmmAttrs } from '../../../kernels/names.js';
import { REFERENCE } from '../backend.js';
import { values } from '../strided.js';
import { input } from './common.impl.js';
import { gemm, isSmallGemm } from './gemm.impl.js';

const identity = (v: number): number => v;

function addmm(args: KernelArgs<HostArray>): KernelResult<HostArray> {
  const bias = input(args, 'bias');
  const a = input(args, 'a');
  const b = input(args, 'b');
  const { alpha, beta } = args.attrs as unknown as AddmmAttrs;
  checkOperands(bias, a, b);
  const n = a.shape[0]!;
  const k = a.shape[1]!;
  const m = b.shape[1]!;
  // Each composed op (mm, mul, mul, add) rounds its result to the dtype; float32 stores round.
  const round = a.dtype.name === 'float32' ? Math.fround : identity;
  const al = round(alpha);
  const be = round(beta);
  const out = allocHostArray(a.dtype, n * m) as Float32Array | Float64Array;
  // Bias strides broadcast to [n, m]: missing or size-1 dims read with stride 0.
  const r = bias.shape.length;
  const bRow = r === 2 && bias.shape[0] !== 1 ? bias.strides[0]! : 0;
  const bCol = r >= 1 && bias.shape[r - 1] !== 1 ? bias.strides[r - 1]! : 0;
  const bv = values(bias);
  const av = values(a);
  const bm = values(b);
  const as0 = a.strides[0]!;
  const as1 = a.strides[1]!;
  const bs0 = b.strides[0]!;
  const bs1 = b.strides[1]!;
  // Tiny products (a Linear(1, 1) call) sum each element inline, in gemm's p order from 0;
  // larger ones go through gemm into float64 accumulators first.
  const small = isSmallGemm(n, m, k);
  let acc: Float64Array | null = null;
  if (!small && k > 0 && n * m > 0) {
    acc = new Float64Array(n * m);
    gemm(n, m, k, { data: av, offset: a.offset, rowStride: as0, colStride: as1 }, { data: bm, offset: b.offset, rowStride: bs0, colStride: bs1 }, acc, 0, m, false);
  }
  for (let i = 0; i < n; i++) {
    let o = bias.offset + i * bRow;
    for (let j = 0; j < m; j++) {
      let s = 0;
      if (acc) s = acc[i * m + j]!;
      else if (small) {
        let ia = a.offset + i * as0;
        let ib = b.offset + j * bs1;
        for (let q = 0; q < k; q++) {
          s += av[ia]! * bm[ib]!;
          ia += as1;
          ib += bs0;
        }
      }
      let p = round(s);
      if (alpha !== 1) p = round(p * al);
      if (beta !== 0) {
        const q = bv[o]!;
        p += beta === 1 ? q : round(q * be);
      }
      out[i * m + j] = p;
      o += bCol;
    }
  }
  return { storage: out, dtype: a.dtype, shape: [n, m] };
}

function checkOperands(bias: TensorInfo, a: TensorInfo, b: TensorInfo): void {
  if (a.shape.length !== 2 || b.shape.length !== 2 || a.shape[1] !== b.shape[0]) {
    throw new RuntimeError(`Addmm expects [n,k] and [k,m] operands, got shapes [${a.shape.join(', ')}] and [${b.shape.join(', ')}]`);
  }
  const d = a.dtype.name;
  if ((d !== 'float32' && d !== 'float64') || b.dtype !== a.dtype || bias.dtype !== a.dtype) {
    throw new RuntimeError(`Addmm expects one float32 or float64 dtype, got ${bias.dtype.name}, ${d} and ${b.dtype.name}`);
  }
  const out = [a.shape[0]!, b.shape[1]!];
  const r = bias.shape.length;
  let fits = r <= 2;
  for (let i = 0; fits && i < r; i++) fits = bias.shape[i] === 1 || bias.shape[i] === out[2 - r + i];
  if (!fits) throw new RuntimeError(`Addmm: bias of shape [${bias.shape.join(', ')}] does not broadcast to [${out.join(', ')}]`);
}

/** Registration of Addmm on the reference backend. */
export const addmmConfig: KernelConfig<HostArray> = { kernelName: Addmm, backendName: REFERENCE, kernelFunc: addmm };
