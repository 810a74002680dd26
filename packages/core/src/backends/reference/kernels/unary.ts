/** Elementwise unary kernels of the reference backend. */
import type { KernelArgs, KernelConfig, TensorInfo } from '../../../backend/types.js';
import { bool, type HostArray } from '../../../dtype.js';
import * as K from '../../../kernels/names.js';
import { erf } from '../../../math/erf.js';
import { REFERENCE } from '../backend.js';
import { type ScalarExpr, unaryLoop } from './elementwise.impl.js';

/** Rounds half to even, as torch.round does. */
const roundHalfEven = (x: number): number => {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
};
const H = { erf, roundHalfEven };

const SAME: [string, string][] = [
  [K.Neg, '-x'],
  [K.Abs, 'Math.abs(x)'],
  [K.Exp, 'Math.exp(x)'],
  [K.Expm1, 'Math.expm1(x)'],
  [K.Log, 'Math.log(x)'],
  [K.Log1p, 'Math.log1p(x)'],
  [K.Sqrt, 'Math.sqrt(x)'],
  [K.Rsqrt, '1 / Math.sqrt(x)'],
  [K.Sin, 'Math.sin(x)'],
  [K.Cos, 'Math.cos(x)'],
  [K.Tanh, 'Math.tanh(x)'],
  [K.Sigmoid, '1 / (1 + Math.exp(-x))'],
  [K.Relu, 'x > 0 ? x : (x !== x ? x : 0)'],
  [K.Silu, 'x / (1 + Math.exp(-x))'],
  [K.Erf, 'h.erf(x)'],
  [K.Sign, 'x > 0 ? 1 : x < 0 ? -1 : (x !== x ? NaN : 0)'],
  [K.Floor, 'Math.floor(x)'],
  [K.Ceil, 'Math.ceil(x)'],
  [K.Round, 'h.roundHalfEven(x)'],
  [K.Trunc, 'Math.trunc(x)'],
  [K.Reciprocal, '1 / x'],
];

const TO_BOOL: [string, string][] = [
  [K.LogicalNot, 'x !== 0 ? 0 : 1'],
  [K.IsNan, 'x !== x ? 1 : 0'],
];

const same = (expr: string) => {
  const e: ScalarExpr = { expr, helpers: H };
  return ({ inputs }: KernelArgs<HostArray>) => {
    const x = inputs['x'] as TensorInfo<HostArray>;
    return unaryLoop(x, x.dtype, e);
  };
};

const GELU_ERF: ScalarExpr = { expr: '0.5 * x * (1 + h.erf(x * Math.SQRT1_2))', helpers: H };
const GELU_TANH: ScalarExpr = { expr: `0.5 * x * (1 + Math.tanh(${Math.sqrt(2 / Math.PI)} * (x + 0.044715 * x * x * x)))` };

/** Registrations of every unary kernel, including the parameterised activations. */
export const UNARY_KERNELS: KernelConfig<HostArray>[] = [
  ...SAME.map(([kernelName, e]) => ({ kernelName, backendName: REFERENCE, kernelFunc: same(e) })),
  ...TO_BOOL.map(([kernelName, expr]) => ({
    kernelName,
    backendName: REFERENCE,
    kernelFunc: ({ inputs }: KernelArgs<HostArray>) => unaryLoop(inputs['x'] as TensorInfo, bool, { expr }),
  })),
  {
    kernelName: K.Gelu,
    backendName: REFERENCE,
    kernelFunc: ({ inputs, attrs }) => {
      const x = inputs['x'] as TensorInfo<HostArray>;
      return unaryLoop(x, x.dtype, attrs['approximate'] === 'tanh' ? GELU_TANH : GELU_ERF);
    },
  },
  {
    kernelName: K.Softplus,
    backendName: REFERENCE,
    kernelFunc: ({ inputs, attrs }) => {
      const x = inputs['x'] as TensorInfo<HostArray>;
      const beta = Number(attrs['beta']);
      const threshold = Number(attrs['threshold']);
      // Parameters become literals: one compiled loop per distinct (beta, threshold).
      return unaryLoop(x, x.dtype, { expr: `x * ${beta} > ${threshold} ? x : Math.log1p(Math.exp(x * ${beta})) / ${beta}` });
    },
  },
  {
    kernelName: K.LeakyRelu,
    backendName: REFERENCE,
    kernelFunc: ({ inputs, attrs }) => {
      const x = inputs['x'] as TensorInfo<HostArray>;
      return unaryLoop(x, x.dtype, { expr: `x > 0 ? x : x * ${Number(attrs['negativeSlope'])}` });
    },
  },
  {
    kernelName: K.Clamp,
    backendName: REFERENCE,
    kernelFunc: ({ inputs, attrs }) => {
      const x = inputs['x'] as TensorInfo<HostArray>;
      const lo = attrs['min'] as number | null;
      const hi = attrs['max'] as number | null;
      // PyTorch: min(max(x, lo), hi), NaN propagating.
      const expr = `x !== x ? x : ${hi === null ? '' : `(${lo === null ? 'x' : `(x < ${lo} ? ${lo} : x)`}) > ${hi} ? ${hi} : `}${lo === null ? 'x' : `(x < ${lo} ? ${lo} : x)`}`;
      return unaryLoop(x, x.dtype, { expr });
    },
  },
];
