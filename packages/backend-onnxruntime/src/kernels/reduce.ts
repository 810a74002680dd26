/**
 * Reductions: Sum/Prod/Max/Min over sorted axes (ReduceSum takes axes as an input since opset
 * 13, the others as an attribute until opset 18), MaxDim/MinDim as ReduceMax + ArgMax, and
 * ArgMax/ArgMin producing int64. onnxruntime sums float32 in float32 where the reference sums in
 * double, so results differ in the last bits for long reductions.
 */
import { allocHostArray, int64, kernels as K, type DType, type DTypeName, type HostArray, type KernelArgs, type KernelConfig } from '@nncompat/core';
import { computeDtype, FLOATS, NUMERIC, ONNX_TYPE } from '../exec/dtypes.js';
import { planKernel, type OpPlan } from '../exec/plan.js';
import type { OnnxGraphBuilder } from '../onnx/graph_builder.js';
import { constInt64, constScalar, node, tensorInput } from './graph_util.js';

/**
 * A float sum over leading axes (e.g. a bias gradient: [batch, features] summed over the batch)
 * as one product with a row of ones: [1, M] · [M, N]. In a compiled train step onnxruntime's
 * ReduceSum took ~150-200 µs for a 128×512 column sum where the product takes a fraction of it
 * (same graph, interleaved runs: the MLP step 3-4% faster). The graph serves every shape of the
 * input's rank (sessions are cached per rank), so M, N and the output shape come from Shape ops,
 * which onnxruntime folds away when the shapes are static (compiled graphs). Null when the axes
 * are not a leading prefix.
 */
function leadingSumAsProduct(g: OnnxGraphBuilder, x: string, rank: number, axes: readonly number[], keepdim: boolean, compute: DType): string | null {
  const k = axes.length;
  if (k === 0 || k >= rank || axes.some((a, i) => a !== i)) return null;
  const flat = node(g, 'Flatten', [x], { axis: { i: k } });
  const rows = node(g, 'Slice', [node(g, 'Shape', [flat]), constInt64(g, [0]), constInt64(g, [1])]);
  const one = allocHostArray(compute, 1).fill(1);
  const ones = node(g, 'ConstantOfShape', [node(g, 'Concat', [constInt64(g, [1]), rows], { axis: { i: 0 } })], {
    value: { t: { dims: [1], dataType: ONNX_TYPE[compute.name], rawData: new Uint8Array(one.buffer, one.byteOffset, one.byteLength) } },
  });
  const product = node(g, 'MatMul', [ones, flat]);
  const kept = node(g, 'Slice', [node(g, 'Shape', [x]), constInt64(g, [k]), constInt64(g, [rank])]);
  const shape = keepdim ? node(g, 'Concat', [constInt64(g, new Array<number>(k).fill(1)), kept], { axis: { i: 0 } }) : kept;
  return node(g, 'Reshape', [product, shape]);
}

/**
 * onnxruntime's ReduceMax/ReduceMin/ArgMax skip NaN; PyTorch returns NaN (and the first NaN's
 * index). `nanFlags` is IsNaN(x) as 0/1 numbers: its max tells whether a NaN is present, its
 * argmax where the first one is.
 */
function nanFlags(g: OnnxGraphBuilder, x: string, c: DType): string {
  return node(g, 'Cast', [node(g, 'IsNaN', [x])], { to: { i: ONNX_TYPE[c.name] } });
}

/** `value` where no NaN was reduced, NaN where one was. */
function withNaN(g: OnnxGraphBuilder, x: string, value: string, c: DType, axes: readonly number[], keepdim: boolean): string {
  const any = node(g, 'ReduceMax', [nanFlags(g, x, c)], { axes: { ints: axes }, keepdims: { i: keepdim ? 1 : 0 } });
  return node(g, 'Where', [node(g, 'Cast', [any], { to: { i: ONNX_TYPE.bool } }), constScalar(g, c, NaN), value]);
}

/** `index` where no NaN was reduced, the first NaN's index where one was. */
function indexWithNaN(g: OnnxGraphBuilder, x: string, index: string, c: DType, axis: number, keepdim: boolean): string {
  const flags = nanFlags(g, x, c);
  const kd = { i: keepdim ? 1 : 0 };
  const any = node(g, 'ReduceMax', [flags], { axes: { ints: [axis] }, keepdims: kd });
  const first = node(g, 'ArgMax', [flags], { axis: { i: axis }, keepdims: kd, select_last_index: { i: 0 } });
  return node(g, 'Where', [node(g, 'Cast', [any], { to: { i: ONNX_TYPE.bool } }), first, index]);
}

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
      outputs: [{ dtype: out, compute, rank: keepdim ? x.shape.length : x.shape.length - axes.length }],
      build: (g, [v]) => {
        if (op === 'ReduceSum') {
          const product = compute.name === 'float32' || compute.name === 'float64' ? leadingSumAsProduct(g, v!, x.shape.length, axes, keepdim, compute) : null;
          return [product ?? node(g, op, [v!, constInt64(g, axes)], { keepdims: { i: keepdim ? 1 : 0 } })];
        }
        const r = node(g, op, [v!], { axes: { ints: axes }, keepdims: { i: keepdim ? 1 : 0 } });
        const nanAware = (kernel === K.Max || kernel === K.Min) && compute.is_floating_point;
        return [nanAware ? withNaN(g, v!, r, compute, axes, keepdim) : r];
      },
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
    const outRank = keepdim ? x.shape.length : x.shape.length - 1;
    return {
      key: `${axis}|${keepdim}`,
      inputs: [{ info: x, compute }],
      outputs: [{ dtype: x.dtype, compute, rank: outRank }, { dtype: int64, compute: int64, rank: outRank }],
      build: (g, [v]) => {
        const kd = { i: keepdim ? 1 : 0 };
        const value = node(g, isMax ? 'ReduceMax' : 'ReduceMin', [v!], { axes: { ints: [axis] }, keepdims: kd });
        const index = node(g, isMax ? 'ArgMax' : 'ArgMin', [v!], { axis: { i: axis }, keepdims: kd, select_last_index: { i: 0 } });
        return [withNaN(g, v!, value, compute, [axis], keepdim), indexWithNaN(g, v!, index, compute, axis, keepdim)];
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
      outputs: [{ dtype: int64, compute: int64, rank: keepdim ? rank : rawAxis === null || rawAxis === undefined ? 0 : rank - 1 }],
      build: (g, [v]) => {
        const guard = (x: string, r: string, axis: number, kd: boolean): string =>
          compute.is_floating_point ? indexWithNaN(g, x, r, compute, axis, kd) : r;
        if (rawAxis === null || rawAxis === undefined) {
          // Over the flattened input; with keepdim PyTorch returns all-ones of x's rank.
          const flat = node(g, 'Reshape', [v!, constInt64(g, [-1])]);
          const r = guard(flat, node(g, op, [flat], { axis: { i: 0 }, keepdims: { i: 0 }, select_last_index: { i: 0 } }), 0, false);
          return [keepdim ? node(g, 'Reshape', [r, constInt64(g, new Array<number>(rank).fill(1))]) : r];
        }
        const r = node(g, op, [v!], { axis: { i: rawAxis }, keepdims: { i: keepdim ? 1 : 0 }, select_last_index: { i: 0 } });
        return [guard(v!, r, rawAxis, keepdim)];
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
