/**
 * Elementwise binary kernels as ONNX Add/Sub/Mul/Div/Pow/Max/Min/Equal/Less/…, with numpy-style
 * broadcasting done by onnxruntime (expanded views are fed with size-1 dims, never copied).
 * Integer Div/FloorDiv/Remainder/Pow stay on the reference code: a zero divisor must raise
 * PyTorch's error, not crash the process in native integer division.
 */
import { bool, kernels as K, type DType, type DTypeName, type HostArray, type KernelArgs, type KernelConfig } from '@nncompat/core';
import { computeDtype, FLOATS, NUMERIC } from '../exec/dtypes.js';
import { planKernel, type OpPlan } from '../exec/plan.js';
import type { OnnxGraphBuilder } from '../onnx/graph_builder.js';
import { constScalar, node, tensorInput } from './graph_util.js';

type Body = (g: OnnxGraphBuilder, a: string, b: string, compute: DType) => string;

/** `logical`: inputs are cast to bool inside the graph (any nonzero, NaN included, is true). */
function binary(accepted: readonly DTypeName[], body: Body, resultBool = false, logical = false) {
  return (args: KernelArgs<HostArray>): OpPlan | null => {
    const a = tensorInput(args, 'a');
    const b = tensorInput(args, 'b');
    const compute = logical ? bool : computeDtype(a.dtype, accepted);
    if (!compute) return null;
    return {
      key: '',
      outShape: args.attrs['outShape'] as readonly number[],
      inputs: [{ info: a, compute, compact: true }, { info: b, compute, compact: true }],
      outputs: [{ dtype: resultBool ? bool : a.dtype, compute: resultBool ? bool : compute, rank: (args.attrs['outShape'] as readonly number[]).length }],
      build: (g, [x, y]) => [body(g, x!, y!, compute)],
    };
  };
}

const op = (name: string): Body => (g, a, b) => node(g, name, [a, b]);

/** Python's modulo: fmod, then moved into the divisor's sign. */
const remainder: Body = (g, a, b, c) => {
  const r = node(g, 'Mod', [a, b], { fmod: { i: 1 } });
  const zero = constScalar(g, c, 0);
  const signsDiffer = node(g, 'Xor', [node(g, 'Less', [r, zero]), node(g, 'Less', [b, zero])]);
  const adjust = node(g, 'And', [node(g, 'Not', [node(g, 'Equal', [r, zero])]), signsDiffer]);
  return node(g, 'Where', [adjust, node(g, 'Add', [r, b]), r]);
};

// Comparisons accept bool where onnxruntime's Equal does; logical ops compare as bool.
const EQ_TYPES: readonly DTypeName[] = ['bool', 'int32', 'int64', 'float32', 'float64'];

/** Registrations of the binary kernels that run on onnxruntime. */
export const BINARY_KERNELS: KernelConfig<HostArray>[] = [
  planKernel(K.Add, binary(NUMERIC, op('Add'))),
  planKernel(K.Sub, binary(NUMERIC, op('Sub'))),
  planKernel(K.Mul, binary(NUMERIC, op('Mul'))),
  planKernel(K.Div, binary(FLOATS, op('Div'))),
  planKernel(K.Pow, binary(FLOATS, op('Pow'))),
  planKernel(K.Maximum, binary(NUMERIC, op('Max'))),
  planKernel(K.Minimum, binary(NUMERIC, op('Min'))),
  planKernel(K.FloorDiv, binary(FLOATS, (g, a, b) => node(g, 'Floor', [node(g, 'Div', [a, b])]))),
  planKernel(K.Remainder, binary(FLOATS, remainder)),
  planKernel(K.Equal, binary(EQ_TYPES, op('Equal'), true)),
  planKernel(K.NotEqual, binary(EQ_TYPES, (g, a, b) => node(g, 'Not', [node(g, 'Equal', [a, b])]), true)),
  planKernel(K.Less, binary(NUMERIC, op('Less'), true)),
  planKernel(K.LessEqual, binary(NUMERIC, op('LessOrEqual'), true)),
  planKernel(K.Greater, binary(NUMERIC, op('Greater'), true)),
  planKernel(K.GreaterEqual, binary(NUMERIC, op('GreaterOrEqual'), true)),
  planKernel(K.LogicalAnd, binary([], op('And'), true, true)),
  planKernel(K.LogicalOr, binary([], op('Or'), true, true)),
  planKernel(K.LogicalXor, binary([], op('Xor'), true, true)),
];
