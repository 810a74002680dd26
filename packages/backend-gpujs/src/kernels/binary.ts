/**
 * Native elementwise binary kernels (float32 inputs, broadcast to `attrs.outShape`). FloorDiv
 * and Remainder are left to the reference backend: a float32 quotient rounds up to an integer
 * where PyTorch's (exact) floor division does not, e.g. 1 // 0.1 is 9, not 10.
 */
import { bool, kernels as K } from '@nncompat/core';
import type { GpuKernelDef } from '../kernel.js';
import { runElementwise } from './elementwise.impl.js';

/** [kernel, body over x and y]: statements ending in `return`. */
const ARITH: readonly (readonly [string, string])[] = [
  [K.Add, 'return x + y;'],
  [K.Sub, 'return x - y;'],
  [K.Mul, 'return x * y;'],
  [K.Div, 'return x / y;'],
  // GLSL's pow(x, y) is undefined for x < 0 (it gave wrong gradients of x.pow(2) on WebGL):
  // negative bases are raised by magnitude, with the sign of odd integer exponents, else NaN.
  [K.Pow, [
    'if (y == 0.0) { return 1.0; }',
    'if (x >= 0.0) { return Math.pow(x, y); }',
    'if (x != x) { return x; }',
    'if (Math.floor(y) == y) {',
    '  let m = Math.pow(-x, y);',
    '  if (y - 2.0 * Math.floor(y / 2.0) == 1.0) { return -m; }',
    '  return m;',
    '}',
    'return Math.sqrt(-1.0);',
  ].join('\n')],
  // NaN propagates through maximum/minimum, as in PyTorch.
  [K.Maximum, 'if (x !== x) { return x; }\nif (y !== y) { return y; }\nif (x > y) { return x; }\nreturn y;'],
  [K.Minimum, 'if (x !== x) { return x; }\nif (y !== y) { return y; }\nif (x < y) { return x; }\nreturn y;'],
  [K.Atan2, 'return Math.atan2(x, y);'],
];

const COMPARE: readonly (readonly [string, string])[] = [
  [K.Equal, 'if (x === y) { return 1.0; }\nreturn 0.0;'],
  [K.NotEqual, 'if (x === y) { return 0.0; }\nreturn 1.0;'],
  [K.Less, 'if (x < y) { return 1.0; }\nreturn 0.0;'],
  [K.LessEqual, 'if (x <= y) { return 1.0; }\nreturn 0.0;'],
  [K.Greater, 'if (x > y) { return 1.0; }\nreturn 0.0;'],
  [K.GreaterEqual, 'if (x >= y) { return 1.0; }\nreturn 0.0;'],
];

const def = (name: string, body: string, toBool: boolean): GpuKernelDef => ({
  name,
  run: (k) => runElementwise(k.backend, [k.info('a'), k.info('b')], k.attrs['outShape'] as number[], ['x', 'y'], body, toBool ? bool : undefined),
});

/** Binary kernels run natively on gpujs. */
export const BINARY_DEFS: readonly GpuKernelDef[] = [
  ...ARITH.map(([n, b]) => def(n, b, false)),
  ...COMPARE.map(([n, b]) => def(n, b, true)),
];
