/**
 * Native elementwise unary kernels and activations (float32). Bodies are gpu.js statements
 * over `x`; parameters (slopes, clamp bounds) are baked in as literals.
 */
import { bool, kernels as K } from '@nncompat/core';
import { lit } from '../codegen.js';
import type { GpuKernelArgs, GpuKernelDef } from '../kernel.js';
import { runElementwise } from './elementwise.impl.js';

/**
 * erf in float32: the Maclaurin series below 0.5 (relative accuracy near 0), Numerical
 * Recipes' Chebyshev fit of erfc beyond (fractional error < 1.2e-7).
 */
const ERF = (v: string, out: string): string => `let ${out} = 0.0;
const ${out}a = Math.abs(${v});
if (${out}a < 0.5) {
  const ${out}z = ${v} * ${v};
  ${out} = 1.1283791670955126 * ${v} * (1.0 + ${out}z * (-0.3333333333333333 + ${out}z * (0.1 + ${out}z * (-0.023809523809523808 + ${out}z * (0.004629629629629629 + ${out}z * (-0.0007575757575757576 + ${out}z * 0.00010683760683760684))))));
} else {
  const ${out}t = 1.0 / (1.0 + 0.5 * ${out}a);
  const ${out}c = ${out}t * Math.exp(-${out}a * ${out}a - 1.26551223 + ${out}t * (1.00002368 + ${out}t * (0.37409196 + ${out}t * (0.09678418 + ${out}t * (-0.18628806 + ${out}t * (0.27886807 + ${out}t * (-1.13520398 + ${out}t * (1.48851587 + ${out}t * (-0.82215223 + ${out}t * 0.17087277)))))))));
  ${out} = 1.0 - ${out}c;
  if (${v} < 0.0) { ${out} = -${out}; }
}
`;

/** [kernel, body over x]. */
const SAME: readonly (readonly [string, string])[] = [
  [K.Neg, 'return -x;'],
  [K.Abs, 'return Math.abs(x);'],
  [K.Exp, 'return Math.exp(x);'],
  [K.Expm1, 'return Math.expm1(x);'],
  [K.Log, 'return Math.log(x);'],
  [K.Log1p, 'return Math.log1p(x);'],
  [K.Sqrt, 'return Math.sqrt(x);'],
  [K.Rsqrt, 'return 1.0 / Math.sqrt(x);'],
  [K.Sin, 'return Math.sin(x);'],
  [K.Cos, 'return Math.cos(x);'],
  [K.Tanh, 'return Math.tanh(x);'],
  [K.Sigmoid, 'return 1.0 / (1.0 + Math.exp(-x));'],
  [K.Relu, 'if (x > 0.0) { return x; }\nif (x !== x) { return x; }\nreturn 0.0;'],
  [K.Silu, 'return x / (1.0 + Math.exp(-x));'],
  [K.Erf, `${ERF('x', 'e')}return e;`],
  [K.Sign, 'if (x > 0.0) { return 1.0; }\nif (x < 0.0) { return -1.0; }\nif (x !== x) { return x; }\nreturn 0.0;'],
  [K.Floor, 'return Math.floor(x);'],
  [K.Ceil, 'return Math.ceil(x);'],
  // Half to even, as torch.round; x - floor(x) is exact in float32 (no x + 0.5 rounding).
  [K.Round, 'const f = Math.floor(x);\nconst d = x - f;\nif (d > 0.5) { return f + 1.0; }\nif (d < 0.5) { return f; }\nif (f - 2.0 * Math.floor(f * 0.5) === 0.0) { return f; }\nreturn f + 1.0;'],
  [K.Trunc, 'return Math.trunc(x);'],
  [K.Reciprocal, 'return 1.0 / x;'],
  [K.Contiguous, 'return x;'],
];

const TO_BOOL: readonly (readonly [string, string])[] = [
  [K.LogicalNot, 'if (x === 0.0) { return 1.0; }\nreturn 0.0;'],
  [K.IsNan, 'if (x !== x) { return 1.0; }\nreturn 0.0;'],
];

const unary = (name: string, body: (k: GpuKernelArgs) => string, toBool = false): GpuKernelDef => ({
  name,
  run: (k) => {
    const x = k.info('x');
    return runElementwise(k.backend, [x], x.shape, ['x'], body(k), toBool ? bool : undefined);
  },
});

function clampBody(k: GpuKernelArgs): string {
  const lo = k.attrs['min'] as number | null;
  const hi = k.attrs['max'] as number | null;
  // PyTorch: min(max(x, lo), hi), NaN propagating.
  let b = 'if (x !== x) { return x; }\nlet r = x;\n';
  if (lo !== null) b += `if (r < ${lit(lo)}) { r = ${lit(lo)}; }\n`;
  if (hi !== null) b += `if (r > ${lit(hi)}) { r = ${lit(hi)}; }\n`;
  return `${b}return r;`;
}

/** Unary kernels and activations run natively on gpujs. */
export const UNARY_DEFS: readonly GpuKernelDef[] = [
  ...SAME.map(([n, b]) => unary(n, () => b)),
  ...TO_BOOL.map(([n, b]) => unary(n, () => b, true)),
  unary(K.Gelu, (k) => (k.attrs['approximate'] === 'tanh'
    ? 'return 0.5 * x * (1.0 + Math.tanh(0.7978845608028654 * (x + 0.044715 * x * x * x)));'
    : `${ERF('x * 0.7071067811865476', 'e')}return 0.5 * x * (1.0 + e);`)),
  unary(K.Softplus, (k) => {
    const beta = lit(Number(k.attrs['beta']));
    const threshold = lit(Number(k.attrs['threshold']));
    return `if (x * ${beta} > ${threshold}) { return x; }\nreturn Math.log1p(Math.exp(x * ${beta})) / ${beta};`;
  }),
  unary(K.LeakyRelu, (k) => `if (x > 0.0) { return x; }\nreturn x * ${lit(Number(k.attrs['negativeSlope']))};`),
  unary(K.Clamp, clampBody),
];
