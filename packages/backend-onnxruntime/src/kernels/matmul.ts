/**
 * BatchMatMul as ONNX MatMul: [B,n,k] × [B,k,m]. A batch dim broadcast with stride 0 is fed as
 * size 1 (MatMul broadcasts batch dims), so an expanded weight is never copied B times. A single
 * matrix product (B = 1, what `mm` runs, e.g. the weight gradients of backward) with a transposed
 * float operand is a Gemm with transA/transB instead: the dense base is fed, nothing is gathered.
 */
import { kernels as K, type HostArray, type KernelArgs, type KernelConfig, type TensorInfo } from '@nncompat/core';
import { computeDtype, NUMERIC } from '../exec/dtypes.js';
import { planKernel, type OpPlan } from '../exec/plan.js';
import { gemmA, gemmOperand } from './addmm.js';
import { constInt64, node, tensorInput } from './graph_util.js';

function squeezeBroadcastBatch(t: TensorInfo<HostArray>): TensorInfo<HostArray> {
  if (t.shape.length !== 3 || t.strides[0] !== 0 || t.shape[0] === 1) return t;
  return { ...t, shape: [1, t.shape[1]!, t.shape[2]!] };
}

/** The matrix of a batch-1 [1,r,c] view. */
function matrixOf(t: TensorInfo<HostArray>): TensorInfo<HostArray> {
  return { ...t, shape: [t.shape[1]!, t.shape[2]!], strides: [t.strides[1]!, t.strides[2]!] };
}

function gemmPlan(a: TensorInfo<HostArray>, b: TensorInfo<HostArray>): OpPlan | null {
  if (a.shape[0] !== 1 || b.shape[0] !== 1 || a.dtype !== b.dtype) return null;
  if (a.dtype.name !== 'float32' && a.dtype.name !== 'float64') return null;
  const opA = gemmOperand(matrixOf(a));
  const opB = gemmOperand(matrixOf(b));
  if (!opA.trans && !opB.trans) return null;
  const dtype = a.dtype;
  return {
    key: `gemm|${opA.trans ? 'T' : 'N'}${opB.trans ? 'T' : 'N'}`,
    inputs: [{ info: opA.info, compute: dtype }, { info: opB.info, compute: dtype }],
    outputs: [{ dtype, compute: dtype, rank: 3 }],
    build: (g, [x, y]) => [node(g, 'Unsqueeze', [node(g, 'Gemm', [gemmA(g, x!, opA), y!], { transB: { i: opB.trans ? 1 : 0 } }), constInt64(g, [0])])],
    heavy: true,
  };
}

function matmulPlan(args: KernelArgs<HostArray>): OpPlan | null {
  const a = squeezeBroadcastBatch(tensorInput(args, 'a'));
  const b = squeezeBroadcastBatch(tensorInput(args, 'b'));
  const compute = computeDtype(a.dtype, NUMERIC);
  if (!compute) return null;
  const gemm = gemmPlan(a, b);
  if (gemm) return gemm;
  return {
    key: '',
    inputs: [{ info: a, compute }, { info: b, compute }],
    outputs: [{ dtype: a.dtype, compute, rank: 3 }],
    build: (g, [x, y]) => [node(g, 'MatMul', [x!, y!])],
    heavy: true,
  };
}

/** Registration of BatchMatMul. */
export const MATMUL_KERNELS: KernelConfig<HostArray>[] = [planKernel(K.BatchMatMul, matmulPlan)];
