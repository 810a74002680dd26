/** Cast, Contiguous, Assign (the one in-place kernel) and Where on the reference backend. */
import type { KernelConfig, TensorInfo } from '../../../backend/types.js';
import type { DType, HostArray } from '../../../dtype.js';
import { floatToBfloat16, floatToHalf } from '../../../half.js';
import * as K from '../../../kernels/names.js';
import { numelOf } from '../../../shape.js';
import { REFERENCE } from '../backend.js';
import { computeArray, finish, isDense, markWritten, offsets, values } from '../strided.js';
import { copyLoop, type ScalarExpr } from './elementwise.impl.js';

/** The value conversion PyTorch's casts perform (C semantics: truncation toward zero). */
export function castExpr(to: DType): ScalarExpr {
  if (to.name === 'bool') return { expr: 'x !== 0 ? 1 : 0' };
  if (to.is_floating_point) return { expr: 'x' };
  if (to.name === 'int64') return { expr: 'x !== x ? 0 : Math.trunc(x)' };
  // Typed-array stores of int8/uint8/int16/int32 already truncate and wrap like C.
  return { expr: 'x' };
}

/** The same conversion as a function (for per-value use). */
export function castFn(to: DType): (v: number) => number {
  if (to.name === 'bool') return (v) => (v !== 0 ? 1 : 0);
  if (to.name === 'int64') return (v) => (v !== v ? 0 : Math.trunc(v));
  return (v) => v;
}

const identity = (v: number): number => v;

/** Registrations of the copy-like kernels. */
export const COPY_KERNELS: KernelConfig<HostArray>[] = [
  {
    kernelName: K.Cast,
    backendName: REFERENCE,
    kernelFunc: ({ inputs, attrs }) => {
      const x = inputs['x'] as TensorInfo<HostArray>;
      const to = attrs['dtype'] as DType;
      return finish(to, copyLoop(x, to, castExpr(to)), x.shape);
    },
  },
  {
    kernelName: K.Contiguous,
    backendName: REFERENCE,
    kernelFunc: ({ inputs }) => {
      const x = inputs['x'] as TensorInfo<HostArray>;
      const n = numelOf(x.shape);
      if (isDense(x)) {
        // Copy the raw buffer so 16-bit floats keep their exact bits.
        return { storage: x.storage.slice(x.offset, x.offset + n) as HostArray, dtype: x.dtype, shape: x.shape };
      }
      const src = x.storage;
      const out = new (src.constructor as new (n: number) => HostArray)(n);
      const off = offsets(x.shape, x.strides, x.offset, x.shape);
      for (let i = 0; i < n; i++) out[i] = src[off[i]!]!;
      return { storage: out, dtype: x.dtype, shape: x.shape };
    },
  },
  {
    kernelName: K.Assign,
    backendName: REFERENCE,
    kernelFunc: ({ inputs }) => {
      const dst = inputs['dst'] as TensorInfo<HostArray>;
      const src = inputs['src'] as TensorInfo<HostArray>;
      const n = numelOf(dst.shape);
      const d = dst.storage;
      const sameDtype = src.dtype === dst.dtype;
      // The common in-place update (x.add_(y) writes a dense result into a dense x): a memcpy,
      // and a fill for a broadcast scalar (fill_, zero_); same dtype, so raw bits are exact.
      if (sameDtype && isDense(dst)) {
        if (numelOf(src.shape) === n && isDense(src)) {
          if (src.storage !== d || src.offset !== dst.offset) d.set(src.storage.subarray(src.offset, src.offset + n) as never, dst.offset);
          markWritten(d);
          return;
        }
        if (numelOf(src.shape) === 1) {
          d.fill(src.storage[src.offset]! as never, dst.offset, dst.offset + n);
          markWritten(d);
          return;
        }
      }
      const half = dst.dtype.name === 'float16' || dst.dtype.name === 'bfloat16';
      // Same dtype: copy raw elements (exact bits); otherwise convert through numbers.
      const sv = sameDtype ? src.storage : values(src);
      const enc = !sameDtype && half ? (dst.dtype.name === 'float16' ? floatToHalf : floatToBfloat16) : identity;
      const conv = sameDtype ? identity : castFn(dst.dtype);
      const dOff = isDense(dst) ? null : offsets(dst.shape, dst.strides, dst.offset, dst.shape);
      const sOff = offsets(src.shape, src.strides, src.offset, dst.shape);
      for (let i = 0; i < n; i++) d[dOff ? dOff[i]! : dst.offset + i] = enc(conv(sv[sOff[i]!]!));
      markWritten(d);
    },
  },
  {
    kernelName: K.Where,
    backendName: REFERENCE,
    kernelFunc: ({ inputs, attrs }) => {
      const c = inputs['condition'] as TensorInfo<HostArray>;
      const a = inputs['a'] as TensorInfo<HostArray>;
      const b = inputs['b'] as TensorInfo<HostArray>;
      const outShape = attrs['outShape'] as number[];
      const n = numelOf(outShape);
      const out = computeArray(a.dtype, n);
      const cv = values(c), av = values(a), bv = values(b);
      const co = offsets(c.shape, c.strides, c.offset, outShape);
      const ao = offsets(a.shape, a.strides, a.offset, outShape);
      const bo = offsets(b.shape, b.strides, b.offset, outShape);
      for (let i = 0; i < n; i++) out[i] = cv[co[i]!] ? av[ao[i]!]! : bv[bo[i]!]!;
      return finish(a.dtype, out, outShape);
    },
  },
];
