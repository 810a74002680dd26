/**
 * BatchMatMul as ONNX MatMul: [B,n,k] × [B,k,m]. A batch dim broadcast with stride 0 is fed as
 * size 1 (MatMul broadcasts batch dims), so an expanded weight is never copied B times.
 */
import { kernels as K, type HostArray, type KernelArgs, type KernelConfig, type TensorInfo } from '@nncompat/core';
import { computeDtype, NUMERIC } from '../exec/dtypes.js';
import { planKernel, type OpPlan } from '../exec/plan.js';
import { node, tensorInput } from './graph_util.js';

function squeezeBroadcastBatch(t: TensorInfo<HostArray>): TensorInfo<HostArray> {
  if (t.shape.length !== 3 || t.strides[0] !== 0 || t.shape[0] === 1) return t;
  return { ...t, shape: [1, t.shape[1]!, t.shape[2]!] };
}

function matmulPlan(args: KernelArgs<HostArray>): OpPlan | null {
  const a = squeezeBroadcastBatch(tensorInput(args, 'a'));
  const b = squeezeBroadcastBatch(tensorInput(args, 'b'));
  const compute = computeDtype(a.dtype, NUMERIC);
  if (!compute) return null;
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
