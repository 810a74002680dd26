/** Elementwise binary kernels (Add … LogicalXor) of the reference backend. */
import type { KernelArgs, KernelConfig, TensorInfo } from '../../../backend/types.js';
import { bool, type HostArray } from '../../../dtype.js';
import { RuntimeError } from '../../../errors.js';
import * as K from '../../../kernels/names.js';
import { REFERENCE } from '../backend.js';
import { binaryLoop, type ScalarExpr } from './elementwise.impl.js';

/** Python/PyTorch modulo: the result takes the divisor's sign. */
const pyMod = (x: number, y: number): number => {
  const r = x % y;
  return r !== 0 && r < 0 !== y < 0 ? r + y : r;
};
const nonZero = (y: number): number => {
  if (y === 0) throw new RuntimeError('ZeroDivisionError');
  return y;
};
const intPow = (x: number, y: number): number => {
  if (y < 0) throw new RuntimeError('Integers to negative integer powers are not allowed.');
  return Math.pow(x, y);
};
const H = { pyMod, nonZero, intPow };

/** [kernel, float expression, integer expression (when it differs)]. */
const ARITH: [string, string, string?][] = [
  [K.Add, 'x + y'],
  [K.Sub, 'x - y'],
  [K.Mul, 'x * y'],
  [K.Div, 'x / y', 'Math.trunc(x / h.nonZero(y))'],
  [K.Pow, 'Math.pow(x, y)', 'h.intPow(x, y)'],
  // NaN propagates through maximum/minimum, as in PyTorch.
  [K.Maximum, '(x !== x || y !== y) ? NaN : (x > y ? x : y)'],
  [K.Minimum, '(x !== x || y !== y) ? NaN : (x < y ? x : y)'],
  [K.FloorDiv, 'Math.floor(x / y)', 'Math.floor(x / h.nonZero(y))'],
  [K.Remainder, 'h.pyMod(x, y)', 'h.pyMod(x, h.nonZero(y))'],
  [K.Atan2, 'Math.atan2(x, y)'],
];

const COMPARE: [string, string][] = [
  [K.Equal, 'x === y ? 1 : 0'],
  [K.NotEqual, 'x !== y ? 1 : 0'],
  [K.Less, 'x < y ? 1 : 0'],
  [K.LessEqual, 'x <= y ? 1 : 0'],
  [K.Greater, 'x > y ? 1 : 0'],
  [K.GreaterEqual, 'x >= y ? 1 : 0'],
  // Truthiness is "!= 0" as in C: NaN counts as true (JS's `&&` would treat it as false).
  [K.LogicalAnd, '(x !== 0 && y !== 0) ? 1 : 0'],
  [K.LogicalOr, '(x !== 0 || y !== 0) ? 1 : 0'],
  [K.LogicalXor, '((x !== 0) !== (y !== 0)) ? 1 : 0'],
];

function arith(floatExpr: string, intExpr?: string) {
  const f: ScalarExpr = { expr: floatExpr, helpers: H };
  const i: ScalarExpr = { expr: intExpr ?? floatExpr, helpers: H };
  // bool results saturate to 0/1 (True + True is True in PyTorch).
  const b1: ScalarExpr = { expr: `(${intExpr ?? floatExpr}) ? 1 : 0`, helpers: H };
  return ({ inputs, attrs }: KernelArgs<HostArray>) => {
    const a = inputs['a'] as TensorInfo<HostArray>;
    const b = inputs['b'] as TensorInfo<HostArray>;
    const e = a.dtype.is_floating_point ? f : a.dtype === bool ? b1 : i;
    return binaryLoop(a, b, attrs['outShape'] as number[], a.dtype, e);
  };
}

function compare(expr: string) {
  const e: ScalarExpr = { expr };
  return ({ inputs, attrs }: KernelArgs<HostArray>) =>
    binaryLoop(inputs['a'] as TensorInfo, inputs['b'] as TensorInfo, attrs['outShape'] as number[], bool, e);
}

/** Registrations of every binary kernel. */
export const BINARY_KERNELS: KernelConfig<HostArray>[] = [
  ...ARITH.map(([kernelName, f, i]) => ({ kernelName, backendName: REFERENCE, kernelFunc: arith(f, i) })),
  ...COMPARE.map(([kernelName, e]) => ({ kernelName, backendName: REFERENCE, kernelFunc: compare(e) })),
];
