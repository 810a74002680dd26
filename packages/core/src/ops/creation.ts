/** Factory functions: tensor, zeros, ones, full, empty, arange, linspace, eye and `*_like`. */
import { _setZerosImpl } from '../autograd/function.js';
import { allocHostArray, bool, type DType, type DTypeName, float32, getDefaultDtype, type HostArray, int64, toDType } from '../dtype.js';
import { RuntimeError, ValueError } from '../errors.js';
import { floatToBfloat16, floatToHalf } from '../half.js';
import { checkShape, numelOf } from '../shape.js';
import { stridesForFormat, stridesLike } from '../tensor/layout.js';
import { contiguous_format, type MemoryFormat, memoryFormatArg, preserve_format } from '../tensor/memory-format.js';
import { resolveBackend, Tensor } from '../tensor/tensor.js';

/** Options every factory accepts (PyTorch's keyword arguments). */
export interface FactoryOptions {
  dtype?: DType | DTypeName | null;
  /** Backend name or `cpu`; default: the default backend. */
  device?: string | null;
  requires_grad?: boolean;
}

/** Options of the `*_like` factories: factory options plus the result's memory format. */
export interface LikeOptions extends FactoryOptions {
  /** Default preserve_format: a dense input's strides are kept (see `Tensor.clone`). */
  memory_format?: MemoryFormat | null;
}

/** Options of `torch.empty`: factory options plus the memory format of the new tensor. */
export interface EmptyOptions extends FactoryOptions {
  memory_format?: MemoryFormat | null;
}

/** A nested array of numbers/booleans, as `torch.tensor` accepts. */
export type NestedData = number | boolean | bigint | readonly NestedData[];

/** Encodes a JS number as the element of `dtype`'s canonical host array. */
export function encodeValue(dtype: DType, v: number): number {
  switch (dtype.name) {
    case 'float16': return floatToHalf(v);
    case 'bfloat16': return floatToBfloat16(v);
    case 'bool': return v ? 1 : 0;
    case 'int64': return Math.trunc(v);
    default: return v;
  }
}

function finishFactory(t: Tensor, opts: FactoryOptions | undefined): Tensor {
  if (opts?.requires_grad) t._setRequiresGrad(true, 'Only Tensors of floating point and complex dtype can require gradients');
  return t;
}

/** Accepts `zeros(2, 3)`, `zeros([2, 3])` and a trailing options object. */
export function parseSizeArgs(args: readonly unknown[]): { shape: number[]; opts: FactoryOptions | undefined } {
  let opts: FactoryOptions | undefined;
  let rest = args;
  const last = args[args.length - 1];
  if (last !== null && typeof last === 'object' && !Array.isArray(last)) {
    opts = last as FactoryOptions;
    rest = args.slice(0, -1);
  }
  const shape = rest.length === 1 && Array.isArray(rest[0]) ? (rest[0] as number[]) : (rest as number[]);
  return { shape: checkShape(shape), opts };
}

/** `torch.full(size, fill_value, {dtype, device, requires_grad})`. */
export function full(size: readonly number[], fill_value: number | boolean, opts?: FactoryOptions): Tensor {
  const shape = checkShape(size);
  const v = typeof fill_value === 'boolean' ? Number(fill_value) : fill_value;
  const dtype = opts?.dtype
    ? toDType(opts.dtype)
    : typeof fill_value === 'boolean' ? bool : Number.isInteger(v) ? int64 : getDefaultDtype();
  const host = allocHostArray(dtype, numelOf(shape));
  const e = encodeValue(dtype, v);
  if (e !== 0) host.fill(e);
  return finishFactory(Tensor.fromHost(host, shape, dtype, opts?.device), opts);
}

/** `torch.zeros(*size, {dtype, device, requires_grad})`. */
export function zeros(...args: (number | readonly number[] | FactoryOptions)[]): Tensor {
  const { shape, opts } = parseSizeArgs(args);
  return full(shape, 0, { ...opts, dtype: opts?.dtype ?? getDefaultDtype() });
}
/** `torch.ones(*size, {dtype, device, requires_grad})`. */
export function ones(...args: (number | readonly number[] | FactoryOptions)[]): Tensor {
  const { shape, opts } = parseSizeArgs(args);
  return full(shape, 1, { ...opts, dtype: opts?.dtype ?? getDefaultDtype() });
}
/**
 * `torch.empty(*size, {dtype, device, requires_grad, memory_format})`: zero-filled here (PyTorch
 * leaves memory uninitialised), laid out as `memory_format` says (default contiguous_format).
 *
 * @example
 * empty(2, 3, 4, 5, { memory_format: channels_last }).stride(); // [60, 1, 15, 3]
 */
export function empty(...args: (number | readonly number[] | EmptyOptions)[]): Tensor {
  const { shape, opts } = parseSizeArgs(args);
  const o = opts as EmptyOptions | undefined;
  const format = memoryFormatArg(o?.memory_format, 'empty', contiguous_format);
  if (format === contiguous_format) return zeros(...args);
  const strides = stridesForFormat(shape, format);
  const { memory_format: _mf, requires_grad, ...rest } = o ?? {};
  void _mf;
  const flat = full(shape, 0, { ...rest, dtype: rest.dtype ?? getDefaultDtype() });
  return finishFactory(new Tensor(flat._storage, shape, strides, 0), { requires_grad: requires_grad ?? false });
}

_setZerosImpl((shape, dtype, backend) => full(shape, 0, { dtype, device: backend }));

/**
 * A tensor shaped like `t`, filled with `fill_value`, laid out as `empty_like(t, memory_format)`
 * lays it out (ATen: preserve_format keeps a dense input's strides).
 */
function filledLike(fn: string, t: Tensor, fill_value: number | boolean, opts: LikeOptions | undefined): Tensor {
  const format = memoryFormatArg(opts?.memory_format, fn, preserve_format);
  const strides = stridesLike(t.shape, t._strides, format);
  const flat = full(t.shape, fill_value, { dtype: opts?.dtype ?? t.dtype, device: opts?.device ?? t.backend });
  return finishFactory(new Tensor(flat._storage, t.shape, strides, 0), opts);
}
/**
 * `torch.zeros_like(t, {dtype, device, requires_grad, memory_format})`.
 *
 * @example
 * zeros_like(x.t()).stride(); // x.t()'s strides (preserve_format)
 */
export function zeros_like(t: Tensor, opts?: LikeOptions): Tensor {
  return filledLike('zeros_like', t, 0, opts);
}
/**
 * `torch.ones_like(t, {dtype, device, requires_grad, memory_format})`.
 *
 * @example
 * ones_like(x, { memory_format: channels_last });
 */
export function ones_like(t: Tensor, opts?: LikeOptions): Tensor {
  return filledLike('ones_like', t, 1, opts);
}
/**
 * `torch.full_like(t, fill_value, {dtype, device, requires_grad, memory_format})`.
 *
 * @example
 * full_like(x, 0.5);
 */
export function full_like(t: Tensor, fill_value: number | boolean, opts?: LikeOptions): Tensor {
  return filledLike('full_like', t, fill_value, opts);
}
/**
 * `torch.empty_like(t, {dtype, device, requires_grad, memory_format})`: zero-filled here.
 *
 * @example
 * empty_like(x, { memory_format: contiguous_format });
 */
export function empty_like(t: Tensor, opts?: LikeOptions): Tensor {
  return filledLike('empty_like', t, 0, opts);
}

function inferShapeAndKind(data: NestedData): { shape: number[]; kind: 'bool' | 'int' | 'float' } {
  const shape: number[] = [];
  let d: NestedData = data;
  while (Array.isArray(d)) {
    shape.push(d.length);
    if (d.length === 0) break;
    d = d[0]!;
  }
  let kind: 'bool' | 'int' | 'float' = 'bool';
  let sawAny = false;
  const visit = (x: NestedData, dim: number): void => {
    if (Array.isArray(x)) {
      if (dim >= shape.length) throw new ValueError(`expected a number at dim ${dim} (got a sequence)`);
      if (x.length !== shape[dim]) throw new ValueError(`expected sequence of length ${shape[dim]} at dim ${dim} (got ${x.length})`);
      for (const y of x) visit(y, dim + 1);
      return;
    }
    if (dim !== shape.length) throw new TypeError(`not a sequence at dim ${dim}`);
    sawAny = true;
    if (typeof x === 'boolean') return;
    if (typeof x === 'bigint') {
      if (kind === 'bool') kind = 'int';
      return;
    }
    if (typeof x !== 'number') throw new TypeError(`Could not infer dtype of ${typeof x}`);
    if (!Number.isInteger(x)) kind = 'float';
    else if (kind === 'bool') kind = 'int';
  };
  visit(data, 0);
  if (!sawAny && kind === 'bool') kind = 'float';
  return { shape, kind };
}

function isHostArray(x: unknown): x is HostArray {
  return ArrayBuffer.isView(x) && !(x instanceof DataView);
}

/**
 * `torch.tensor(data, {dtype, device, requires_grad})` from nested arrays, numbers, booleans or a
 * typed array (copied). Integers infer int64, floats the default dtype, booleans bool.
 *
 * @example
 * tensor([[1, 2], [3, 4]], { dtype: 'float32' });
 */
export function tensor(data: NestedData | HostArray | ArrayLike<number>, opts?: FactoryOptions): Tensor {
  if (isHostArray(data)) {
    const src = data as unknown as ArrayLike<number>;
    const dtype = opts?.dtype ? toDType(opts.dtype) : typedArrayDtype(data);
    const host = allocHostArray(dtype, src.length);
    const sameKind = host.constructor === data.constructor && dtype.name !== 'float16' && dtype.name !== 'bfloat16';
    for (let i = 0; i < src.length; i++) host[i] = sameKind ? src[i]! : encodeValue(dtype, Number(src[i]));
    return finishFactory(Tensor.fromHost(host, [src.length], dtype, opts?.device), opts);
  }
  const { shape, kind } = inferShapeAndKind(data as NestedData);
  const dtype = opts?.dtype ? toDType(opts.dtype) : kind === 'bool' ? bool : kind === 'int' ? int64 : getDefaultDtype();
  const host = allocHostArray(dtype, numelOf(shape));
  let i = 0;
  const fill = (x: NestedData): void => {
    if (Array.isArray(x)) for (const y of x) fill(y);
    else host[i++] = encodeValue(dtype, Number(x as number | boolean | bigint));
  };
  fill(data as NestedData);
  return finishFactory(Tensor.fromHost(host, shape, dtype, opts?.device), opts);
}

function typedArrayDtype(a: HostArray): DType {
  if (a instanceof Float32Array) return float32;
  if (a instanceof Float64Array) return toDType('float64');
  if (a instanceof Int32Array) return toDType('int32');
  if (a instanceof Int16Array) return toDType('int16');
  if (a instanceof Int8Array) return toDType('int8');
  if (a instanceof Uint8Array) return toDType('uint8');
  throw new TypeError(`'data': cannot infer a dtype from ${a.constructor.name}; pass { dtype }`);
}

/** `torch.arange(end)`, `arange(start, end, step?)`. Integer arguments give int64. */
export function arange(start: number, end?: number | FactoryOptions, step?: number | FactoryOptions, opts?: FactoryOptions): Tensor {
  let s = start;
  let e: number;
  let st = 1;
  let o = opts;
  if (typeof end !== 'number') {
    o = end;
    e = start;
    s = 0;
  } else {
    e = end;
    if (typeof step === 'number') st = step;
    else o = step;
  }
  if (st === 0) throw new RuntimeError('step must be nonzero');
  if ((e - s) / st < 0) throw new RuntimeError('upper bound and larger bound inconsistent with step sign');
  const dtype = o?.dtype ? toDType(o.dtype) : [s, e, st].every(Number.isInteger) ? int64 : getDefaultDtype();
  const n = Math.ceil((e - s) / st);
  const host = allocHostArray(dtype, n);
  for (let i = 0; i < n; i++) host[i] = encodeValue(dtype, s + i * st);
  return finishFactory(Tensor.fromHost(host, [n], dtype, o?.device), o);
}

/** `torch.linspace(start, end, steps)`, computed symmetrically from both ends as ATen does. */
export function linspace(start: number, end: number, steps: number, opts?: FactoryOptions): Tensor {
  if (steps < 0) throw new RuntimeError('number of steps must be non-negative');
  const dtype = opts?.dtype ? toDType(opts.dtype) : getDefaultDtype();
  const host = allocHostArray(dtype, steps);
  const step = steps > 1 ? (end - start) / (steps - 1) : 0;
  const half = Math.floor(steps / 2);
  for (let i = 0; i < steps; i++) host[i] = encodeValue(dtype, i < half ? start + step * i : end - step * (steps - i - 1));
  return finishFactory(Tensor.fromHost(host, [steps], dtype, opts?.device), opts);
}

/** `torch.eye(n, m?)`. */
export function eye(n: number, m?: number | FactoryOptions, opts?: FactoryOptions): Tensor {
  const cols = typeof m === 'number' ? m : n;
  const o = typeof m === 'object' ? m : opts;
  const dtype = o?.dtype ? toDType(o.dtype) : getDefaultDtype();
  const host = allocHostArray(dtype, n * cols);
  const one = encodeValue(dtype, 1);
  for (let i = 0; i < Math.min(n, cols); i++) host[i * cols + i] = one;
  return finishFactory(Tensor.fromHost(host, [n, cols], dtype, o?.device), o);
}

/** A 0-dim tensor holding `v` (used for scalar operands). */
export function scalarTensor(v: number, dtype: DType, backend: string): Tensor {
  const host = allocHostArray(dtype, 1);
  host[0] = encodeValue(dtype, v);
  return Tensor.fromHost(host, [], dtype, backend);
}
