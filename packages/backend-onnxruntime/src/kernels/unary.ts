/**
 * Elementwise unary kernels. Ops ONNX lacks are composed (Rsqrt, Trunc, Silu, Gelu, Softplus
 * with beta/threshold); NaN handling follows PyTorch where onnxruntime's kernel differs (Sign).
 * Expm1 and Log1p are not registered: composing them from Exp/Log loses the precision near 0
 * that is their reason to exist, so they run on the reference backend.
 */
import { bool, kernels as K, type DType, type DTypeName, type HostArray, type KernelArgs, type KernelConfig } from '@nncompat/core';
import { computeDtype, FLOATS, NUMERIC } from '../exec/dtypes.js';
import { planKernel, type OpPlan } from '../exec/plan.js';
import type { OnnxGraphBuilder } from '../onnx/graph_builder.js';
import { attrKey, constScalar, node, tensorInput } from './graph_util.js';

type Body = (g: OnnxGraphBuilder, x: string, compute: DType, attrs: Readonly<Record<string, unknown>>) => string;

function unary(accepted: readonly DTypeName[], body: Body, out: 'same' | 'bool' = 'same', keyAttrs = false) {
  return (args: KernelArgs<HostArray>): OpPlan | null => {
    const x = tensorInput(args, 'x');
    const compute = computeDtype(x.dtype, accepted);
    if (!compute) return null;
    return {
      key: keyAttrs ? attrKey(args.attrs) : '',
      inputs: [{ info: x, compute }],
      outputs: [out === 'bool' ? { dtype: bool, compute: bool, rank: x.shape.length } : { dtype: x.dtype, compute, rank: x.shape.length }],
      build: (g, [v]) => [body(g, v!, compute, args.attrs)],
    };
  };
}

const op = (name: string): Body => (g, x) => node(g, name, [x]);

const gelu: Body = (g, x, c, attrs) => {
  const half = node(g, 'Mul', [x, constScalar(g, c, 0.5)]);
  let inner: string;
  if (attrs['approximate'] === 'tanh') {
    // 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))
    const x3 = node(g, 'Mul', [node(g, 'Mul', [x, x]), x]);
    const poly = node(g, 'Add', [x, node(g, 'Mul', [x3, constScalar(g, c, 0.044715)])]);
    inner = node(g, 'Tanh', [node(g, 'Mul', [poly, constScalar(g, c, Math.sqrt(2 / Math.PI))])]);
  } else {
    // 0.5·x·(1 + erf(x/√2))
    inner = node(g, 'Erf', [node(g, 'Mul', [x, constScalar(g, c, Math.SQRT1_2)])]);
  }
  return node(g, 'Mul', [half, node(g, 'Add', [inner, constScalar(g, c, 1)])]);
};

const softplus: Body = (g, x, c, attrs) => {
  // PyTorch: x where beta·x > threshold, else log(1 + exp(beta·x)) / beta.
  const beta = constScalar(g, c, attrs['beta'] as number);
  const bx = node(g, 'Mul', [x, beta]);
  const soft = node(g, 'Div', [node(g, 'Softplus', [bx]), beta]);
  return node(g, 'Where', [node(g, 'Greater', [bx, constScalar(g, c, attrs['threshold'] as number)]), x, soft]);
};

const clamp: Body = (g, x, c, attrs) => {
  const min = attrs['min'] as number | null;
  const max = attrs['max'] as number | null;
  return node(g, 'Clip', [x, min === null ? '' : constScalar(g, c, min), max === null ? '' : constScalar(g, c, max)]);
};

const leakyRelu: Body = (g, x, c, attrs) => {
  const slope = attrs['negativeSlope'] as number;
  if (c.name !== 'float64') return node(g, 'LeakyRelu', [x], { alpha: { f: slope } });
  // ONNX's alpha attribute is a float32: round-tripping 0.2 through it is off by ~1e-9 in
  // float64 results, so float64 composes PyTorch's x > 0 ? x : x·slope with a float64 slope.
  return node(g, 'Where', [node(g, 'Greater', [x, constScalar(g, c, 0)]), x, node(g, 'Mul', [x, constScalar(g, c, slope)])]);
};

const sign: Body = (g, x, c) => {
  if (!c.is_floating_point) return node(g, 'Sign', [x]);
  // onnxruntime's Sign maps NaN to 0; PyTorch keeps NaN.
  return node(g, 'Where', [node(g, 'IsNaN', [x]), x, node(g, 'Sign', [x])]);
};

/** Registrations of the unary kernels that run on onnxruntime. */
export const UNARY_KERNELS: KernelConfig<HostArray>[] = [
  planKernel(K.Neg, unary(NUMERIC, op('Neg'))),
  planKernel(K.Abs, unary(NUMERIC, op('Abs'))),
  planKernel(K.Exp, unary(FLOATS, op('Exp'))),
  planKernel(K.Log, unary(FLOATS, op('Log'))),
  planKernel(K.Sqrt, unary(FLOATS, op('Sqrt'))),
  planKernel(K.Rsqrt, unary(FLOATS, (g, x) => node(g, 'Reciprocal', [node(g, 'Sqrt', [x])]))),
  planKernel(K.Sin, unary(FLOATS, op('Sin'))),
  planKernel(K.Cos, unary(FLOATS, op('Cos'))),
  planKernel(K.Tanh, unary(FLOATS, op('Tanh'))),
  planKernel(K.Sigmoid, unary(FLOATS, op('Sigmoid'))),
  planKernel(K.Relu, unary(NUMERIC, op('Relu'))),
  planKernel(K.Silu, unary(FLOATS, (g, x) => node(g, 'Mul', [x, node(g, 'Sigmoid', [x])]))),
  planKernel(K.Erf, unary(FLOATS, op('Erf'))),
  planKernel(K.Sign, unary(NUMERIC, sign)),
  planKernel(K.Floor, unary(FLOATS, op('Floor'))),
  planKernel(K.Ceil, unary(FLOATS, op('Ceil'))),
  planKernel(K.Round, unary(FLOATS, op('Round'))),
  planKernel(K.Trunc, unary(FLOATS, (g, x, c) => node(g, 'Where', [node(g, 'Less', [x, constScalar(g, c, 0)]), node(g, 'Ceil', [x]), node(g, 'Floor', [x])]))),
  planKernel(K.Reciprocal, unary(FLOATS, op('Reciprocal'))),
  planKernel(K.LogicalNot, (args): OpPlan => ({
    key: '',
    // Cast to bool inside the graph: any nonzero value (NaN included) is true, as in PyTorch.
    inputs: [{ info: tensorInput(args, 'x'), compute: bool }],
    outputs: [{ dtype: bool, compute: bool, rank: tensorInput(args, 'x').shape.length }],
    build: (g, [v]) => [node(g, 'Not', [v!])],
  })),
  planKernel(K.IsNan, unary(FLOATS, op('IsNaN'), 'bool')),
  planKernel(K.Gelu, unary(FLOATS, gelu, 'same', true)),
  planKernel(K.Softplus, unary(FLOATS, softplus, 'same', true)),
  planKernel(K.LeakyRelu, unary(FLOATS, leakyRelu, 'same', true)),
  planKernel(K.Clamp, unary(NUMERIC, clamp, 'same', true)),
];
