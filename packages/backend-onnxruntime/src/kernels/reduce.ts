/**
 * Reductions: Sum/Prod/Max/Min over sorted axes (ReduceSum takes axes as an input since opset
 * 13, the others as an attribute until opset 18), MaxDim/MinDim as ReduceMax + ArgMax, and
 * ArgMax/ArgMin producing int64. onnxruntime sums float32 in float32 where the reference sums in
 * double, so results differ in the last bits for long reductions.
 */
import { int64, kernels as K, type DType, type DTypeName, type HostArray, type KernelArgs, type KernelConfig } from '@nncompat/core';
import { computeDtype, FLOATS, NUMERIC } from '../exec/dtypes.js';
import { planKernel, type OpPlan } from '../exec/plan.js';
import { constInt64, node, tensorInput } from './graph_util.js';

const REDUCE_OPS: Record<string, string> = { [K.Sum]: 'ReduceSum', [K.Prod]: 'ReduceProd', [K.Max]: 'ReduceMax', [K.Min]: 'ReduceMin' };
const ACCEPTED: Record<string, readonly DTypeName[]> = {
  [K.Sum]: NUMERIC,
  [K.Prod]: NUMERIC,
  [K.Max]: NUMERIC,
  [K.Min]: NUMERIC,
};

function reducePlan(kernel: string) {
  return (args: KernelArgs<HostArray>): OpPlan | null => {
    const x = tensorInput(args, 'x');
    const axes = args.attrs['axes'] as readonly number[];
    const keepdim = args.attrs['keepdim'] === true;
    const out = (args.attrs['dtype'] as DType | undefined) ?? x.dtype;
    // No axes (a 0-d input) is a plain cast: the reference does that without a session.
    if (axes.length === 0) return null;
    // Sum with an explicit dtype (e.g. int → int64, or a float upcast) accumulates in that dtype.
    const compute = computeDtype(kernel === K.Sum || kernel === K.Prod ? out : x.dtype, ACCEPTED[kernel]!);
    if (!compute) return null;
    const op = REDUCE_OPS[kernel]!;
    return {
      key: `${axes.join(',')}|${keepdim}`,
      inputs: [{ info: x, compute }],
      outputs: [{ dtype: out, compute }],
      build: (g, [v]) => [
        op === 'ReduceSum'
          ? node(g, op, [v!, constInt64(g, axes)], { keepdims: { i: keepdim ? 1 : 0 } })
          : node(g, op, [v!], { axes: { ints: axes }, keepdims: { i: keepdim ? 1 : 0 } }),
      ],
    };
  };
}

function dimPlan(isMax: boolean) {
  return (args: KernelArgs<HostArray>): OpPlan | null => {
    const x = tensorInput(args, 'x');
    const axis = args.attrs['axis'] as number;
    const keepdim = args.attrs['keepdim'] === true;
    if (x.shape.length === 0) return null;
    const compute = computeDtype(x.dtype, FLOATS);
    if (!compute) return null;
    return {
      key: `${axis}|${keepdim}`,
      inputs: [{ info: x, compute }],
      outputs: [{ dtype: x.dtype, compute }, { dtype: int64, compute: int64 }],
      build: (g, [v]) => {
        const kd = { i: keepdim ? 1 : 0 };
        return [
          node(g, isMax ? 'ReduceMax' : 'ReduceMin', [v!], { axes: { ints: [axis] }, keepdims: kd }),
          node(g, isMax ? 'ArgMax' : 'ArgMin', [v!], { axis: { i: axis }, keepdims: kd, select_last_index: { i: 0 } }),
        ];
      },
    };
  };
}

function argPlan(isMax: boolean) {
  return (args: KernelArgs<HostArray>): OpPlan | null => {
    const x = tensorInput(args, 'x');
    const rawAxis = args.attrs['axis'] as number | null | undefined;
    const keepdim = args.attrs['keepdim'] === true;
    if (x.shape.length === 0) return null;
    const compute = computeDtype(x.dtype, ['float32', 'float64', 'int32']);
    if (!compute) return null;
    const op = isMax ? 'ArgMax' : 'ArgMin';
    const rank = x.shape.length;
    return {
      key: `${rawAxis ?? 'flat'}|${keepdim}`,
      inputs: [{ info: x, compute }],
      outputs: [{ dtype: int64, compute: int64 }],
      build: (g, [v]) => {
        if (rawAxis === null || rawAxis === undefined) {
          // Over the flattened input; with keepdim PyTorch returns all-ones of x's rank.
          const flat = node(g, 'Reshape', [v!, constInt64(g, [-1])]);
          const r = node(g, op, [flat], { axis: { i: 0 }, keepdims: { i: 0 }, select_last_index: { i: 0 } });
          return [keepdim ? node(g, 'Reshape', [r, constInt64(g, new Array<number>(rank).fill(1))]) : r];
        }
        return [node(g, op, [v!], { axis: { i: rawAxis }, keepdims: { i: keepdim ? 1 : 0 }, select_last_index: { i: 0 } })];
      },
    };
  };
}

/** Registrations of the reduction kernels that run on onnxruntime. */
export const REDUCE_KERNELS: KernelConfig<HostArray>[] = [
  ...[K.Sum, K.Prod, K.Max, K.Min].map((k) => planKernel(k, reducePlan(k))),
  planKernel(K.MaxDim, dimPlan(true)),
  planKernel(K.MinDim, dimPlan(false)),
  planKernel(K.ArgMax, argPlan(true)),
  planKernel(K.ArgMin, argPlan(false)),
];
