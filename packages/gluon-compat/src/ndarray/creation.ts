/** `mx.nd.array`, `zeros`, `ones`, `full`, `empty`, `zeros_like`, `ones_like`. */
import { allocHostArray, ValueError, type DTypeName, type HostArray } from '@nncompat/core';
import { Context, current_context } from '../context/context.js';
import { dtypeName, type DTypeLike } from './dtype.js';
import { castHost, numbersToHost } from './host.js';
import { NDArray } from './ndarray.js';

/** Keyword arguments of the creation functions. */
export interface CreationOptions {
  ctx?: Context | null;
  dtype?: DTypeLike | null;
}

/** A nested array of numbers (Python's nested lists). */
export type NestedNumbers = number | boolean | readonly NestedNumbers[];

/** Shape as MXNet accepts it: an int or a tuple. */
export type ShapeLike = number | readonly number[];

function opts(ctxOrOptions?: Context | CreationOptions | null, dtype?: DTypeLike | null): { ctx: Context; dtype: DTypeName | null } {
  if (ctxOrOptions instanceof Context || ctxOrOptions == null) {
    return { ctx: ctxOrOptions ?? current_context(), dtype: dtype == null ? null : dtypeName(dtype) };
  }
  return { ctx: ctxOrOptions.ctx ?? current_context(), dtype: ctxOrOptions.dtype == null ? null : dtypeName(ctxOrOptions.dtype) };
}

function toShape(shape: ShapeLike): number[] {
  const s = typeof shape === 'number' ? [shape] : [...shape];
  if (s.some((d) => !Number.isInteger(d) || d < 0)) throw new TypeError(`'shape' must be non-negative integers, got (${s.join(', ')})`);
  return s;
}

/**
 * `mx.nd.array(source_array, ctx=None, dtype=None)`: an NDArray from nested numbers, a typed
 * array (1-D, its values) or another NDArray. As in MXNet 1.9, the default dtype is an NDArray
 * source's own and float32 for anything else (typed arrays included, as NumPy sources are).
 *
 * @example
 * ```ts
 * mx.nd.array([[1, 2], [3, 4]]).shape; // [2, 2]
 * mx.nd.array(new Int32Array([1, 2]), { dtype: 'int32' }).dtype; // numpy.int32
 * ```
 */
export function array(source: NDArray | HostArray | NestedNumbers, ctx?: Context | CreationOptions | null, dtype?: DTypeLike | null): NDArray {
  const o = opts(ctx, dtype);
  if (source instanceof NDArray) {
    // An NDArray source keeps its dtype and context unless told otherwise.
    const from = source.tensor().dtype.name;
    const to = o.dtype ?? from;
    const ctxOut = ctx instanceof Context || (ctx != null && (ctx as CreationOptions).ctx) ? o.ctx : source.context;
    return NDArray._fromHost(castHost(source.asnumpy(), from, to), source.shape, to, ctxOut);
  }
  if (ArrayBuffer.isView(source)) {
    // Like a NumPy source in MXNet 1.9's `_array`: values are taken, the default dtype is float32.
    const values = source as HostArray;
    return NDArray._fromHost(numbersToHost(values, o.dtype ?? 'float32'), [values.length], o.dtype ?? 'float32', o.ctx);
  }
  const shape: number[] = [];
  const flat: number[] = [];
  flatten(source as NestedNumbers, 0, shape, flat);
  if (flat.length !== shape.reduce((p, d) => p * d, 1)) {
    throw new ValueError('setting an array element with a sequence. The requested array has an inhomogeneous shape');
  }
  const to = o.dtype ?? 'float32';
  return NDArray._fromHost(numbersToHost(flat, to), shape, to, o.ctx);
}

/** Row-major flattening of nested lists, checking that they are rectangular as NumPy requires. */
function flatten(v: NestedNumbers, depth: number, shape: number[], out: number[]): void {
  if (typeof v === 'number' || typeof v === 'boolean') {
    if (depth !== shape.length) throw new ValueError('setting an array element with a sequence. The requested array has an inhomogeneous shape');
    out.push(Number(v));
    return;
  }
  if (!Array.isArray(v)) throw new TypeError(`'source_array' must be nested lists of numbers, got ${typeof v}`);
  if (depth === shape.length) shape.push(v.length);
  else if (shape[depth] !== v.length) throw new ValueError('setting an array element with a sequence. The requested array has an inhomogeneous shape');
  for (const x of v) flatten(x, depth + 1, shape, out);
}

function filled(shape: ShapeLike, value: number, ctx?: Context | CreationOptions | null, dtype?: DTypeLike | null): NDArray {
  const o = opts(ctx, dtype);
  const s = toShape(shape);
  const d = o.dtype ?? 'float32';
  const n = s.reduce((p, x) => p * x, 1);
  const data = value === 0 ? allocHostArray(d, n) : numbersToHost(new Float64Array(n).fill(value), d);
  return NDArray._fromHost(data, s, d, o.ctx);
}

/** `mx.nd.zeros(shape, ctx=None, dtype=None)` (default dtype float32). */
export function zeros(shape: ShapeLike, ctx?: Context | CreationOptions | null, dtype?: DTypeLike | null): NDArray {
  return filled(shape, 0, ctx, dtype);
}
/** `mx.nd.ones(shape, ctx=None, dtype=None)`. */
export function ones(shape: ShapeLike, ctx?: Context | CreationOptions | null, dtype?: DTypeLike | null): NDArray {
  return filled(shape, 1, ctx, dtype);
}
/** `mx.nd.empty(shape, ctx=None, dtype=None)`: zero-filled here (uninitialised memory is not exposed). */
export function empty(shape: ShapeLike, ctx?: Context | CreationOptions | null, dtype?: DTypeLike | null): NDArray {
  return filled(shape, 0, ctx, dtype);
}
/** `mx.nd.full(shape, val, ctx=None, dtype=None)`. */
export function full(shape: ShapeLike, val: number, ctx?: Context | CreationOptions | null, dtype?: DTypeLike | null): NDArray {
  return filled(shape, val, ctx, dtype);
}
/** `mx.nd.zeros_like(data)`: same shape, dtype and context. */
export function zeros_like(data: NDArray): NDArray {
  return zeros(data.shape, data.context, data.tensor().dtype.name);
}
/** `mx.nd.ones_like(data)`. */
export function ones_like(data: NDArray): NDArray {
  return ones(data.shape, data.context, data.tensor().dtype.name);
}
