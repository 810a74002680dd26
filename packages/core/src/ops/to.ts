/**
 * `Tensor.to(...)`: dtype casts, backend moves and memory-format conversions, with ATen's
 * `to` / `_to_copy` rules: the tensor itself when nothing would change (for a memory format,
 * when `suggest_memory_format()` already names it), otherwise a copy whose layout follows
 * preserve_format (dense tensors keep their strides) or the format asked for.
 */
import { record } from '../autograd/function.js';
import { type DType, type DTypeName, toDType } from '../dtype.js';
import * as K from '../kernels/names.js';
import { stridesLike, suggestMemoryFormat } from '../tensor/layout.js';
import { type MemoryFormat, memoryFormatArg, preserve_format } from '../tensor/memory-format.js';
import { resolveBackend, Tensor } from '../tensor/tensor.js';
import { runLaidOut } from './laid-out.js';
import { moveTo } from './move.js';

/** Keyword arguments of `tensor.to(...)`. */
export interface TensorToOptions {
  dtype?: DType | DTypeName | null;
  /** Backend name or `cpu`. */
  device?: string | null;
  non_blocking?: boolean;
  copy?: boolean;
  /** Layout of a copy (default preserve_format); also makes `to` copy when the tensor is not in it. */
  memory_format?: MemoryFormat | null;
}

const DTYPE_NAMES = new Set(['float32', 'float64', 'float16', 'bfloat16', 'int8', 'uint8', 'int16', 'int32', 'int64', 'bool']);

function isDType(x: unknown): x is DType | DTypeName {
  return (typeof x === 'string' && DTYPE_NAMES.has(x)) || (typeof x === 'object' && x !== null && 'itemsize' in x && 'is_floating_point' in x);
}

/** A differentiable copy of `t` in `dtype` with the layout `format` gives it. */
export function castCopy(t: Tensor, dtype: DType, format: MemoryFormat): Tensor {
  const y = runLaidOut(K.Cast, { x: t }, { dtype }, t.shape, stridesLike(t.shape, t._strides, format));
  const from = t.dtype;
  record('ToCopyBackward0', [t], [y], ([g]) => [g!.to(from)]);
  return y;
}

/** The implementation of `Tensor.prototype.to`. */
export function toTensor(self: Tensor, target: DType | DTypeName | string | Tensor | TensorToOptions | undefined, opts?: TensorToOptions): Tensor {
  let dtype: DType | null = null;
  let device: string | null = null;
  let o: TensorToOptions = opts ?? {};
  if (target instanceof Tensor) {
    dtype = target.dtype;
    device = target.backend;
  } else if (isDType(target)) {
    dtype = toDType(target);
  } else if (typeof target === 'string') {
    device = target;
  } else if (target != null) {
    o = { ...target, ...opts };
  }
  if (o.dtype != null) dtype = toDType(o.dtype);
  if (o.device != null) device = o.device;
  const format = memoryFormatArg(o.memory_format, 'to', preserve_format);
  const move = device !== null && resolveBackend(device) !== self._storage.backend;
  const cast = dtype !== null && dtype !== self.dtype;
  const relayout = format !== preserve_format && suggestMemoryFormat(self.shape, self._strides) !== format;
  if (!move && !cast && !relayout && !o.copy) return self;
  let t = self;
  if (move) t = moveTo(t, device!, format);
  // After a move the layout is settled; a cast (or a requested copy) keeps it.
  if (cast || !move) t = castCopy(t, dtype ?? t.dtype, move ? preserve_format : format);
  return t;
}
