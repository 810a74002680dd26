/** Strided, broadcasting loops shared by every elementwise reference kernel. */
import type { KernelResult, TensorInfo } from '../../../backend/types.js';
import type { DType, HostArray } from '../../../dtype.js';
import { numelOf } from '../../../shape.js';
import { computeArray, finish, isDense, type NumArray, offsets, values } from '../strided.js';

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** out[i] = f(a[i], b[i]) over the broadcast shape. */
export function binaryLoop(
  a: TensorInfo,
  b: TensorInfo,
  outShape: readonly number[],
  outDtype: DType,
  f: (x: number, y: number) => number,
): KernelResult<HostArray> {
  const n = numelOf(outShape);
  const out = computeArray(outDtype, n);
  const av = values(a);
  const bv = values(b);
  const aDense = isDense(a) && sameShape(a.shape, outShape);
  const bDense = isDense(b) && sameShape(b.shape, outShape);
  const aScalar = numelOf(a.shape) === 1;
  const bScalar = numelOf(b.shape) === 1;
  if (aDense && bDense) {
    const ao = a.offset, bo = b.offset;
    for (let i = 0; i < n; i++) out[i] = f(av[ao + i]!, bv[bo + i]!);
  } else if (aDense && bScalar) {
    const ao = a.offset, y = bv[b.offset]!;
    for (let i = 0; i < n; i++) out[i] = f(av[ao + i]!, y);
  } else if (aScalar && bDense) {
    const x = av[a.offset]!, bo = b.offset;
    for (let i = 0; i < n; i++) out[i] = f(x, bv[bo + i]!);
  } else {
    const ao = offsets(a.shape, a.strides, a.offset, outShape);
    const bo = offsets(b.shape, b.strides, b.offset, outShape);
    for (let i = 0; i < n; i++) out[i] = f(av[ao[i]!]!, bv[bo[i]!]!);
  }
  return finish(outDtype, out, outShape);
}

/** out[i] = f(x[i]) over x's shape. */
export function unaryLoop(x: TensorInfo, outDtype: DType, f: (v: number) => number): KernelResult<HostArray> {
  const n = numelOf(x.shape);
  const out = computeArray(outDtype, n);
  const xv = values(x);
  if (isDense(x)) {
    const o = x.offset;
    for (let i = 0; i < n; i++) out[i] = f(xv[o + i]!);
  } else {
    const off = offsets(x.shape, x.strides, x.offset, x.shape);
    for (let i = 0; i < n; i++) out[i] = f(xv[off[i]!]!);
  }
  return finish(outDtype, out, x.shape);
}

/** Copies a view into a fresh dense compute array of `outDtype` (values converted by `conv`). */
export function copyLoop(x: TensorInfo, outDtype: DType, conv: (v: number) => number): NumArray {
  const n = numelOf(x.shape);
  const out = computeArray(outDtype, n);
  const xv = values(x);
  if (isDense(x)) {
    const o = x.offset;
    for (let i = 0; i < n; i++) out[i] = conv(xv[o + i]!);
  } else {
    const off = offsets(x.shape, x.strides, x.offset, x.shape);
    for (let i = 0; i < n; i++) out[i] = conv(xv[off[i]!]!);
  }
  return out;
}
