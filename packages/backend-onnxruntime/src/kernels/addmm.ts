/**
 * Addmm (`beta*bias + alpha*(a·b)`, what `F.linear` runs for 2-D input) as one ONNX Gemm.
 * A transposed view (`w.t()` of a Linear weight) is fed as its dense base with transA/transB
 * set, so it is never copied on the host; the bias is Gemm's C, broadcast by Gemm itself
 * (stride-0 dims fed as size 1). float32/float64 only: other dtypes, shapes that do not fit
 * and empty operands run the reference code, which raises PyTorch's errors.
 */
import { kernels as K, type HostArray, type KernelArgs, type KernelConfig, type TensorInfo } from '@nncompat/core';
import { planKernel, type OpPlan, type PlanInput } from '../exec/plan.js';
import { isDense } from '../exec/materialize.js';
import type { OnnxGraphBuilder } from '../onnx/graph_builder.js';
import type { OnnxAttrValue } from '../onnx/proto.js';
import { constScalar, node, tensorInput } from './graph_util.js';

/** A 2-D view as fed to Gemm: either as is, or as its dense transpose with `trans` set. */
export interface GemmOperand {
  readonly info: TensorInfo<HostArray>;
  readonly trans: boolean;
}

/**
 * A non-dense 2-D view whose transpose is dense (`x.t()` of a contiguous x) is fed as that
 * transpose with Gemm's trans flag; anything else is fed as is (gathered densely if strided).
 */
export function gemmOperand(info: TensorInfo<HostArray>): GemmOperand {
  if (isDense(info)) return { info, trans: false };
  const t: TensorInfo<HostArray> = { ...info, shape: [info.shape[1]!, info.shape[0]!], strides: [info.strides[1]!, info.strides[0]!] };
  return isDense(t) ? { info: t, trans: true } : { info, trans: false };
}

/**
 * Gemm's transA input: MLAS packs a transposed A slowly (a 512×128ᵀ·128×784 product runs at ~45
 * GFLOP/s with transA, ~72 with A transposed first on this machine), so A is transposed by a
 * Transpose node (tiny next to the product) and Gemm gets transA=0. Sessions that run these
 * graphs disable onnxruntime's GemmTransposeFusion, which would fold it back (see
 * exec/session_options.ts). transB is fast in MLAS and stays an attribute.
 */
export function gemmA(g: OnnxGraphBuilder, a: string, op: GemmOperand): string {
  return op.trans ? node(g, 'Transpose', [a], { perm: { ints: [1, 0] } }) : a;
}

/** True when `bias` broadcasts to `[n, m]` the way Gemm's C (and torch.addmm's input) may. */
function biasFits(bias: TensorInfo, n: number, m: number): boolean {
  const r = bias.shape.length;
  if (r > 2) return false;
  const out = [n, m];
  for (let i = 0; i < r; i++) {
    const d = bias.shape[i]!;
    if (d !== 1 && d !== out[2 - r + i]) return false;
  }
  return true;
}

function addmmPlan(args: KernelArgs<HostArray>): OpPlan | null {
  const bias = tensorInput(args, 'bias');
  const a = tensorInput(args, 'a');
  const b = tensorInput(args, 'b');
  const alpha = args.attrs['alpha'] as number;
  const beta = args.attrs['beta'] as number;
  const dtype = a.dtype;
  if (dtype.name !== 'float32' && dtype.name !== 'float64') return null;
  if (b.dtype !== dtype || bias.dtype !== dtype) return null;
  if (a.shape.length !== 2 || b.shape.length !== 2 || a.shape[1] !== b.shape[0]) return null;
  if (!biasFits(bias, a.shape[0]!, b.shape[1]!)) return null;
  const opA = gemmOperand(a);
  const opB = gemmOperand(b);
  // The contract ignores bias when beta is 0 (NaN included): C is then left out of the graph.
  const useBias = beta !== 0;
  // Gemm's alpha/beta are float32 attributes: exact for float32 (the reference rounds them to
  // float32 too), but a float64 scale that float32 cannot hold is applied by Mul nodes in
  // float64 instead, in the reference's order (product, then alpha*·, then + beta*bias).
  const inGraph = dtype.name === 'float64' && (Math.fround(alpha) !== alpha || Math.fround(beta) !== beta);
  const inputs: PlanInput[] = [{ info: opA.info, compute: dtype }, { info: opB.info, compute: dtype }];
  if (useBias) inputs.push({ info: bias, compute: dtype, compact: true });
  const gemmAttrs: Record<string, OnnxAttrValue> = {
    alpha: { f: inGraph ? 1 : alpha },
    beta: { f: inGraph ? 1 : beta },
    transA: { i: 0 },
    transB: { i: opB.trans ? 1 : 0 },
  };
  return {
    // alpha/beta are baked into the graph, so they are part of the session's key.
    key: `${opA.trans ? 'T' : 'N'}${opB.trans ? 'T' : 'N'}|${useBias ? 'C' : '-'}|${inGraph ? 'mul' : 'attr'}|${alpha}|${beta}`,
    inputs,
    outputs: [{ dtype, compute: dtype, rank: 2 }],
    build: (g, [xIn, y, c]) => {
      const x = gemmA(g, xIn!, opA);
      if (!inGraph) return [node(g, 'Gemm', useBias ? [x, y!, c!] : [x, y!], gemmAttrs)];
      let out = node(g, 'Gemm', [x, y!], gemmAttrs);
      if (alpha !== 1) out = node(g, 'Mul', [out, constScalar(g, dtype, alpha)]);
      if (useBias) out = node(g, 'Add', [out, beta === 1 ? c! : node(g, 'Mul', [c!, constScalar(g, dtype, beta)])]);
      return [out];
    },
    heavy: true,
  };
}

/** Registration of Addmm. */
export const ADDMM_KERNELS: KernelConfig<HostArray>[] = [planKernel(K.Addmm, addmmPlan)];
