/**
 * Gather (torch.gather → GatherElements), ScatterAdd (ScatterElements with reduction='add',
 * opset 16), IndexSelect (Gather), IndexAdd (ScatterElements with the 1-D index expanded along
 * the other dims) and Concat. PyTorch lets gather/scatter indices be smaller than the data in
 * the other dims, ONNX does not: those inputs are fed as sub-views of index's extent (no copy
 * of the unused part). Indices are checked on the host first: onnxruntime wraps negative ones,
 * PyTorch rejects them, so any index outside [0, size) runs the reference code (PyTorch's error).
 */
import { int64, kernels as K, type DType, type DTypeName, type HostArray, type KernelArgs, type KernelConfig, type TensorInfo } from '@nncompat/core';
import { computeDtype, NUMERIC } from '../exec/dtypes.js';
import { indicesInRange } from '../exec/materialize.js';
import { planKernel, type OpPlan } from '../exec/plan.js';
import { constInt64, node, tensorInput } from './graph_util.js';

/** Data movement only: every type with an exact onnxruntime tensor type (16-bit floats too). */
const ANY: readonly DTypeName[] = ['float32', 'float64', 'float16', 'int8', 'uint8', 'int16', 'int32', 'int64', 'bool'];

/** A sub-view of `t` limited to `extent` in every dim except `axis`. */
function limitTo(t: TensorInfo<HostArray>, extent: readonly number[], axis: number): TensorInfo<HostArray> {
  if (t.shape.every((d, i) => i === axis || d === extent[i])) return t;
  return { ...t, shape: t.shape.map((d, i) => (i === axis ? d : extent[i]!)) };
}

function gatherPlan(args: KernelArgs<HostArray>): OpPlan | null {
  const index = tensorInput(args, 'index');
  const axis = args.attrs['axis'] as number;
  const xFull = tensorInput(args, 'x');
  if (index.shape.length !== xFull.shape.length || xFull.shape.length === 0) return null;
  if (!indicesInRange(index, xFull.shape[axis]!)) return null;
  const x = limitTo(xFull, index.shape, axis);
  const compute = computeDtype(x.dtype, ANY);
  if (!compute) return null;
  return {
    key: String(axis),
    inputs: [{ info: x, compute }, { info: index, compute: int64 }],
    outputs: [{ dtype: x.dtype, compute, rank: index.shape.length }],
    build: (g, [d, i]) => [node(g, 'GatherElements', [d!, i!], { axis: { i: axis } })],
  };
}

function scatterAddPlan(args: KernelArgs<HostArray>): OpPlan | null {
  const x = tensorInput(args, 'x');
  const index = tensorInput(args, 'index');
  const axis = args.attrs['axis'] as number;
  if (index.shape.length !== x.shape.length || x.shape.length === 0) return null;
  if (!indicesInRange(index, x.shape[axis]!)) return null;
  const src = limitTo(tensorInput(args, 'src'), index.shape, -1);
  const compute = computeDtype(x.dtype, NUMERIC);
  if (!compute) return null;
  return {
    key: String(axis),
    inputs: [{ info: x, compute }, { info: index, compute: int64 }, { info: src, compute }],
    outputs: [{ dtype: x.dtype, compute, rank: x.shape.length }],
    build: (g, [d, i, s]) => [node(g, 'ScatterElements', [d!, i!, s!], { axis: { i: axis }, reduction: { s: 'add' } })],
  };
}

function indexSelectPlan(args: KernelArgs<HostArray>): OpPlan | null {
  const x = tensorInput(args, 'x');
  const index = tensorInput(args, 'index');
  const axis = args.attrs['axis'] as number;
  const compute = computeDtype(x.dtype, ANY);
  if (!compute || x.shape.length === 0 || index.shape.length !== 1) return null;
  if (!indicesInRange(index, x.shape[axis]!)) return null;
  return {
    key: String(axis),
    inputs: [{ info: x, compute }, { info: index, compute: int64 }],
    outputs: [{ dtype: x.dtype, compute, rank: x.shape.length }],
    build: (g, [d, i]) => [node(g, 'Gather', [d!, i!], { axis: { i: axis } })],
  };
}

function indexAddPlan(args: KernelArgs<HostArray>): OpPlan | null {
  const x = tensorInput(args, 'x');
  const index = tensorInput(args, 'index');
  const src = tensorInput(args, 'src');
  const axis = args.attrs['axis'] as number;
  const compute = computeDtype(x.dtype, NUMERIC);
  if (!compute || x.shape.length === 0 || index.shape.length !== 1 || src.shape.length !== x.shape.length) return null;
  if (!indicesInRange(index, x.shape[axis]!)) return null;
  const rank = x.shape.length;
  return {
    key: `${axis}|r${rank}`,
    inputs: [{ info: x, compute }, { info: index, compute: int64 }, { info: src, compute }],
    outputs: [{ dtype: x.dtype, compute, rank: x.shape.length }],
    build: (g, [d, i, s]) => {
      // index [n] → [1,…,n,…,1] → expanded to src's shape, so every src element has its row.
      const shape = new Array<number>(rank).fill(1);
      shape[axis] = -1;
      const full = node(g, 'Expand', [node(g, 'Reshape', [i!, constInt64(g, shape)]), node(g, 'Shape', [s!])]);
      return [node(g, 'ScatterElements', [d!, full, s!], { axis: { i: axis }, reduction: { s: 'add' } })];
    },
  };
}

function concatPlan(args: KernelArgs<HostArray>): OpPlan | null {
  const list = args.inputs['tensors'] as readonly TensorInfo<HostArray>[];
  const axis = args.attrs['axis'] as number;
  if (!list.length) return null;
  const dtype: DType = list[0]!.dtype;
  const compute = computeDtype(dtype, ANY);
  if (!compute) return null;
  // Empty pieces add nothing (PyTorch also accepts legacy 1-D empty tensors of another rank);
  // onnxruntime is not fed zero-size tensors.
  const parts = list.filter((t) => t.shape.every((d) => d !== 0));
  if (parts.length === 0 || parts[0]!.shape.length === 0 || parts.some((t) => t.shape.length !== parts[0]!.shape.length)) return null;
  return {
    key: `${axis}|n${parts.length}`,
    inputs: parts.map((info) => ({ info, compute })),
    outputs: [{ dtype, compute, rank: parts[0]!.shape.length }],
    build: (g, names) => [node(g, 'Concat', names, { axis: { i: axis } })],
  };
}

/** Registrations of the indexing kernels that run on onnxruntime. */
export const INDEXING_KERNELS: KernelConfig<HostArray>[] = [
  planKernel(K.Gather, gatherPlan),
  planKernel(K.ScatterAdd, scatterAddPlan),
  planKernel(K.IndexSelect, indexSelectPlan),
  planKernel(K.IndexAdd, indexAddPlan),
  planKernel(K.Concat, concatPlan),
];
