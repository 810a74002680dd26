/** Elementwise binary kernels (Add … LogicalXor) of the reference backend. */
import type { KernelConfig, KernelArgs, TensorInfo } from '../../../backend/types.js';
import { bool, type HostArray } from '../../../dtype.js';
import * as K from '../../../kernels/names.js';
import { RuntimeError } from '../../../errors.js';
import { REFERENCE } from '../backend.js';
import { binaryLoop } from './elementwise.impl.js';

type BinFn = (x: number, y: number) => number;

/** Python/PyTorch floor-division and modulo semantics (result takes the divisor's sign). */
const pyMod = (x: number, y: number): number => {
  const r = x % y;
  return r !== 0 && (r < 0) !== (y < 0) ? r + y : r;
};

const ARITH: [string, BinFn, BinFn?][] = [
  [K.Add, (x, y) => x + y],
  [K.Sub, (x, y) => x - y],
  [K.Mul, (x, y) => x * y],
  [K.Div, (x, y) => x / y, (x, y) => {
    if (y === 0) throw new RuntimeError('ZeroDivisionError');
    return Math.trunc(x / y);
  }],
  [K.Pow, (x, y) => Math.pow(x, y), (x, y) => {
    if (y < 0) throw new RuntimeError('Integers to negative integer powers are not allowed.');
    return Math.pow(x, y);
  }],
  // NaN propagates through maximum/minimum, as in PyTorch.
  [K.Maximum, (x, y) => (x !== x || y !== y ? NaN : x > y ? x : y)],
  [K.Minimum, (x, y) => (x !== x || y !== y ? NaN : x < y ? x : y)],
  [K.FloorDiv, (x, y) => Math.floor(x / y), (x, y) => {
    if (y === 0) throw new RuntimeError('ZeroDivisionError');
    return Math.floor(x / y);
  }],
  [K.Remainder, (x, y) => pyMod(x, y), (x, y) => {
    if (y === 0) throw new RuntimeError('ZeroDivisionError');
    return pyMod(x, y);
  }],
  [K.Atan2, (x, y) => Math.atan2(x, y)],
];

const COMPARE: [string, BinFn][] = [
  [K.Equal, (x, y) => (x === y ? 1 : 0)],
  [K.NotEqual, (x, y) => (x !== y ? 1 : 0)],
  [K.Less, (x, y) => (x < y ? 1 : 0)],
  [K.LessEqual, (x, y) => (x <= y ? 1 : 0)],
  [K.Greater, (x, y) => (x > y ? 1 : 0)],
  [K.GreaterEqual, (x, y) => (x >= y ? 1 : 0)],
  [K.LogicalAnd, (x, y) => (x && y ? 1 : 0)],
  [K.LogicalOr, (x, y) => (x || y ? 1 : 0)],
  [K.LogicalXor, (x, y) => (!x !== !y ? 1 : 0)],
];

function arith(f: BinFn, intF?: BinFn) {
  return ({ inputs, attrs }: KernelArgs<HostArray>) => {
    const a = inputs['a'] as TensorInfo<HostArray>;
    const b = inputs['b'] as TensorInfo<HostArray>;
    const fn = !a.dtype.is_floating_point && intF ? intF : f;
    return binaryLoop(a, b, attrs['outShape'] as number[], a.dtype, fn);
  };
}

function compare(f: BinFn) {
  return ({ inputs, attrs }: KernelArgs<HostArray>) =>
    binaryLoop(inputs['a'] as TensorInfo, inputs['b'] as TensorInfo, attrs['outShape'] as number[], bool, f);
}

/** Registrations of every binary kernel. */
export const BINARY_KERNELS: KernelConfig<HostArray>[] = [
  ...ARITH.map(([kernelName, f, intF]) => ({ kernelName, backendName: REFERENCE, kernelFunc: arith(f, intF) })),
  ...COMPARE.map(([kernelName, f]) => ({ kernelName, backendName: REFERENCE, kernelFunc: compare(f) })),
];
