/** Elementwise unary kernels of the reference backend. */
import type { KernelArgs, KernelConfig, TensorInfo } from '../../../backend/types.js';
import { bool, type HostArray } from '../../../dtype.js';
import * as K from '../../../kernels/names.js';
import { erf } from '../../../math/erf.js';
import { REFERENCE } from '../backend.js';
import { unaryLoop } from './elementwise.impl.js';

type UnFn = (x: number) => number;

/** Rounds half to even, as torch.round does. */
const roundHalfEven = (x: number): number => {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
};

const SAME: [string, UnFn][] = [
  [K.Neg, (x) => -x],
  [K.Abs, Math.abs],
  [K.Exp, Math.exp],
  [K.Expm1, Math.expm1],
  [K.Log, Math.log],
  [K.Log1p, Math.log1p],
  [K.Sqrt, Math.sqrt],
  [K.Rsqrt, (x) => 1 / Math.sqrt(x)],
  [K.Sin, Math.sin],
  [K.Cos, Math.cos],
  [K.Tanh, Math.tanh],
  [K.Sigmoid, (x) => 1 / (1 + Math.exp(-x))],
  [K.Relu, (x) => (x > 0 ? x : x !== x ? x : 0)],
  [K.Silu, (x) => x / (1 + Math.exp(-x))],
  [K.Erf, erf],
  [K.Sign, (x) => (x > 0 ? 1 : x < 0 ? -1 : x !== x ? NaN : 0)],
  [K.Floor, Math.floor],
  [K.Ceil, Math.ceil],
  [K.Round, roundHalfEven],
  [K.Trunc, Math.trunc],
  [K.Reciprocal, (x) => 1 / x],
];

const TO_BOOL: [string, UnFn][] = [
  [K.LogicalNot, (x) => (x ? 0 : 1)],
  [K.IsNan, (x) => (x !== x ? 1 : 0)],
];

const same = (f: UnFn) => ({ inputs }: KernelArgs<HostArray>) => {
  const x = inputs['x'] as TensorInfo<HostArray>;
  return unaryLoop(x, x.dtype, f);
};

const SQRT1_2 = Math.SQRT1_2;
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/** Registrations of every unary kernel, including the parameterised activations. */
export const UNARY_KERNELS: KernelConfig<HostArray>[] = [
  ...SAME.map(([kernelName, f]) => ({ kernelName, backendName: REFERENCE, kernelFunc: same(f) })),
  ...TO_BOOL.map(([kernelName, f]) => ({
    kernelName,
    backendName: REFERENCE,
    kernelFunc: ({ inputs }: KernelArgs<HostArray>) => unaryLoop(inputs['x'] as TensorInfo, bool, f),
  })),
  {
    kernelName: K.Gelu,
    backendName: REFERENCE,
    kernelFunc: ({ inputs, attrs }) => {
      const x = inputs['x'] as TensorInfo<HostArray>;
      const f: UnFn = attrs['approximate'] === 'tanh'
        ? (v) => 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v)))
        : (v) => 0.5 * v * (1 + erf(v * SQRT1_2));
      return unaryLoop(x, x.dtype, f);
    },
  },
  {
    kernelName: K.Softplus,
    backendName: REFERENCE,
    kernelFunc: ({ inputs, attrs }) => {
      const x = inputs['x'] as TensorInfo<HostArray>;
      const beta = attrs['beta'] as number;
      const threshold = attrs['threshold'] as number;
      return unaryLoop(x, x.dtype, (v) => (v * beta > threshold ? v : Math.log1p(Math.exp(v * beta)) / beta));
    },
  },
  {
    kernelName: K.LeakyRelu,
    backendName: REFERENCE,
    kernelFunc: ({ inputs, attrs }) => {
      const x = inputs['x'] as TensorInfo<HostArray>;
      const s = attrs['negativeSlope'] as number;
      return unaryLoop(x, x.dtype, (v) => (v > 0 ? v : v * s));
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
      return unaryLoop(x, x.dtype, (v) => {
        if (v !== v) return v;
        let r = v;
        if (lo !== null && r < lo) r = lo;
        if (hi !== null && r > hi) r = hi;
        return r;
      });
    },
  },
];
