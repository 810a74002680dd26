/**
 * Cast and Where on onnxruntime; Contiguous and Assign run the shared host code directly on this
 * backend's buffers (they are memory copies of host arrays: there is nothing for a session to do).
 */
import { bool, float32, kernels as K, type HostArray, type KernelArgs, type KernelConfig, type DType } from '@nncompat/core';
import { computeDtype, ONNX_TYPE } from '../exec/dtypes.js';
import { ONNXRUNTIME, planKernel, runReference, type OpPlan } from '../exec/plan.js';
import { constScalar, node, tensorInput } from './graph_util.js';

function castPlan(args: KernelArgs<HostArray>): OpPlan | null {
  const x = tensorInput(args, 'x');
  const to = args.attrs['dtype'] as DType;
  // float64 → 16-bit floats would round twice (via float32); bfloat16 → float16 likewise.
  if (x.dtype.name === 'float64' && (to.name === 'float16' || to.name === 'bfloat16')) return null;
  if (x.dtype.name === 'bfloat16' && to.name === 'float16') return null;
  const fromFloat = x.dtype.is_floating_point;
  const toInt = !to.is_floating_point && to.name !== 'bool';
  // bfloat16 results come out as float32 and are rounded on the host.
  const outCompute = to.name === 'bfloat16' ? float32 : to;
  return {
    key: to.name,
    inputs: [{ info: x, compute: x.dtype.name === 'bfloat16' || x.dtype.name === 'float16' ? float32 : x.dtype }],
    outputs: [{ dtype: to, compute: outCompute, rank: x.shape.length }],
    build: (g, [v]) => {
      let src = v!;
      // PyTorch's CPU cast (and the reference backend) turns NaN into 0 for integer results;
      // a native float→int conversion of NaN is undefined behaviour in C++.
      if (fromFloat && toInt) {
        const c = x.dtype.name === 'float64' ? x.dtype : float32;
        src = node(g, 'Where', [node(g, 'IsNaN', [src]), constScalar(g, c, 0), src]);
      }
      return [node(g, 'Cast', [src], { to: { i: onnxTypeFor(outCompute) } })];
    },
  };
}

function onnxTypeFor(d: DType): number {
  return ONNX_TYPE[d.name];
}

const WHERE_TYPES = ['float32', 'float64', 'int32', 'int64', 'uint8', 'bool'] as const;

function wherePlan(args: KernelArgs<HostArray>): OpPlan | null {
  const c = tensorInput(args, 'condition');
  const a = tensorInput(args, 'a');
  const b = tensorInput(args, 'b');
  const compute = computeDtype(a.dtype, WHERE_TYPES);
  if (!compute) return null;
  return {
    key: '',
    outShape: args.attrs['outShape'] as readonly number[],
    inputs: [{ info: c, compute: bool, compact: true }, { info: a, compute, compact: true }, { info: b, compute, compact: true }],
    outputs: [{ dtype: a.dtype, compute, rank: (args.attrs['outShape'] as readonly number[]).length }],
    build: (g, [cv, av, bv]) => [node(g, 'Where', [cv!, av!, bv!])],
  };
}

const host = (kernelName: string): KernelConfig<HostArray> => ({
  kernelName,
  backendName: ONNXRUNTIME,
  kernelFunc: (args) => runReference(kernelName, args),
});

/** Registrations of Cast, Where, Contiguous and Assign. */
export const COPY_KERNELS: KernelConfig<HostArray>[] = [
  planKernel(K.Cast, castPlan),
  planKernel(K.Where, wherePlan),
  host(K.Contiguous),
  host(K.Assign),
];

/** Kernels this backend runs with host code by design (memory operations on host arrays). */
export const HOST_KERNELS: readonly string[] = [K.Contiguous, K.Assign];
