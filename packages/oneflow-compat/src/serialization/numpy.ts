/**
 * numpy's ndarray pickle reduction, written and read exactly as numpy 1.x pickles arrays at
 * protocols 2–4 (`ndarray.__reduce__`):
 * `numpy.core.multiarray._reconstruct(numpy.ndarray, (0,), b'b')`, then BUILD with
 * `(1, shape, dtype, is_fortran, rawdata)`, the dtype being
 * `numpy.dtype(<kind+size>, False, True)` BUILD `(3, <byteorder>, None, None, None, -1, -1, 0)`.
 */
import {
  allocHostArray, type DType, type HostArray, RuntimeError, Tensor, pickle,
} from '@nncompat/core';
import { dtypeFromNumpy, flowDType } from '../dtype.js';

const tuple = pickle.tuple;

const RECONSTRUCT = pickle.defineGlobal('numpy.core.multiarray', '_reconstruct');
const NDARRAY = pickle.defineGlobal('numpy', 'ndarray');
const NP_DTYPE = pickle.defineGlobal('numpy', 'dtype');
/** CPython caches one-byte bytes objects: every array's `b'b'` is the same object (one memo entry). */
const B_CHAR = Uint8Array.of(0x62);

/**
 * A numpy dtype as pickled (`numpy.dtype('f4', False, True)` + BUILD state).
 *
 * @example
 * ```ts
 * new NumpyDType('f4').str; // '<f4'
 * ```
 */
export class NumpyDType implements pickle.Reducible {
  /** `'<'`, `'>'`, `'|'` or `'='`. */
  byteorder: string;
  constructor(readonly kind: string, byteorder = '') {
    this.byteorder = byteorder || (kind.endsWith('1') || kind === 'b1' ? '|' : '<');
  }

  /** numpy's `dtype.str`, e.g. `'<f4'`. */
  get str(): string {
    return this.byteorder + this.kind;
  }

  /** `dtype.__setstate__(state)`: version 3/4 tuples; only the byte order matters for plain types. */
  __setstate__(state: unknown): void {
    if (!Array.isArray(state) || typeof state[1] !== 'string') throw new RuntimeError(`numpy.dtype: invalid state ${String(state)}`);
    if (state[3] !== null || state[4] !== null) throw new RuntimeError('numpy structured dtypes are not supported');
    this.byteorder = state[1];
  }

  __reduce_ex__(): pickle.PickleReduction {
    return { func: NP_DTYPE, args: tuple(this.kind, false, true), state: tuple(3, this.byteorder, null, null, null, -1, -1, 0) };
  }
}

/** One dtype object per kind, as numpy's builtin dtypes are singletons (pickled once, then memo refs). */
const DTYPE_CACHE = new Map<string, NumpyDType>();
function npDType(descr: string): NumpyDType {
  let d = DTYPE_CACHE.get(descr);
  if (!d) DTYPE_CACHE.set(descr, (d = new NumpyDType(descr.slice(1), descr[0])));
  return d;
}

function byteSwapped(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i += size) for (let j = 0; j < size; j++) out[i + j] = bytes[i + size - 1 - j]!;
  return out;
}

/** Little-endian raw bytes of a host array of `dtype` (numpy's `tobytes()` on a C-order array). */
export function hostToBytes(data: HostArray, dtype: DType): Uint8Array {
  if (dtype.name === 'int64') {
    const b = new BigInt64Array(data.length);
    for (let i = 0; i < data.length; i++) b[i] = BigInt(data[i]!);
    return new Uint8Array(b.buffer);
  }
  return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
}

/** A host array of `dtype` from little-endian raw bytes. */
export function bytesToHost(bytes: Uint8Array, dtype: DType, count: number): HostArray {
  const size = dtype.itemsize;
  if (bytes.length !== count * size) {
    throw new RuntimeError(`expected ${count * size} bytes for ${count} ${flowDType(dtype).flowName} values, got ${bytes.length}`);
  }
  const buf = bytes.slice().buffer;
  if (dtype.name === 'int64') {
    const src = new BigInt64Array(buf);
    const out = allocHostArray(dtype, count);
    for (let i = 0; i < count; i++) out[i] = Number(src[i]!);
    return out;
  }
  if (dtype.name === 'bool') {
    const out = new Uint8Array(buf);
    for (let i = 0; i < count; i++) out[i] = out[i] ? 1 : 0;
    return out;
  }
  const ctor = allocHostArray(dtype, 0).constructor as new (b: ArrayBuffer) => HostArray;
  return new ctor(buf);
}

/**
 * A numpy ndarray (C order, plain numeric dtype) as it travels through pickles.
 *
 * @example
 * ```ts
 * const a = NumpyArray.fromTensor(flow.ones(2, 3));
 * pickle.dumps(a, { protocol: 4 }); // numpy.loads gives array([[1., 1., 1.], [1., 1., 1.]], dtype=float32)
 * ```
 */
export class NumpyArray implements pickle.Reducible {
  shape: readonly number[] = [];
  dtype: NumpyDType = npDType('<f8');
  fortran = false;
  /** Raw element bytes in `dtype`'s byte order. */
  raw: Uint8Array = new Uint8Array(0);

  /** The array holding `t`'s values (OneFlow's `tensor.numpy()`); bfloat16 has no numpy dtype. */
  static fromTensor(t: Tensor): NumpyArray {
    const descr = flowDType(t.dtype).numpy;
    if (descr === null) throw new RuntimeError(`${flowDType(t.dtype).flowName} tensors cannot be converted to numpy arrays`);
    const a = new NumpyArray();
    a.shape = [...t.shape];
    a.dtype = npDType(descr);
    a.raw = hostToBytes(t.dataSync(), t.dtype);
    return a;
  }

  /** `ndarray.__setstate__((version, shape, dtype, is_fortran, rawdata))`. */
  __setstate__(state: unknown): void {
    if (!Array.isArray(state) || (state.length !== 5 && state.length !== 4)) throw new RuntimeError('numpy.ndarray: invalid pickle state');
    const s = state.length === 5 ? state.slice(1) : state;
    const [shape, dtype, fortran, raw] = s as [unknown, unknown, unknown, unknown];
    if (!Array.isArray(shape) || !shape.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 0)) {
      throw new RuntimeError('numpy.ndarray: invalid shape in pickle state');
    }
    if (!(dtype instanceof NumpyDType)) throw new RuntimeError('numpy.ndarray: pickle state has no numpy dtype');
    if (!(raw instanceof Uint8Array)) {
      throw new RuntimeError('numpy.ndarray: only arrays whose data is pickled as bytes are supported (object arrays are not)');
    }
    this.shape = Object.freeze([...shape]);
    this.dtype = dtype;
    this.fortran = fortran === true;
    this.raw = raw;
  }

  __reduce_ex__(): pickle.PickleReduction {
    return {
      func: RECONSTRUCT,
      args: tuple(NDARRAY, tuple(0), B_CHAR),
      state: tuple(1, tuple(...this.shape), this.dtype, this.fortran, this.raw),
    };
  }

  /** The values as a tensor of the matching dtype (a copy). */
  toTensor(): Tensor {
    const d = dtypeFromNumpy(this.dtype.str);
    if (!d) throw new RuntimeError(`numpy dtype '${this.dtype.str}' has no oneflow dtype`);
    const count = this.shape.reduce((a, b) => a * b, 1);
    let raw = this.raw;
    if (this.dtype.byteorder === '>' && d.itemsize > 1) raw = byteSwapped(raw, d.itemsize);
    let t = Tensor.fromHost(bytesToHost(raw, d, count), this.fortran ? [...this.shape].reverse() : [...this.shape], d);
    if (this.fortran && this.shape.length > 1) t = t.permute(...[...this.shape.keys()].reverse()).contiguous();
    return t;
  }

  toString(): string {
    return `array(shape=(${this.shape.join(', ')}), dtype=${this.dtype.str})`;
  }
}

/** The globals numpy's pickles reference, for the unpickler's allow-list. */
export const NUMPY_GLOBALS: readonly pickle.PickleGlobal[] = Object.freeze([
  ...['numpy.core.multiarray', 'numpy._core.multiarray'].map((m) =>
    pickle.defineGlobal(m, '_reconstruct', {
      call: (args) => {
        if (args.length !== 3) throw new RuntimeError('_reconstruct expects 3 arguments');
        return new NumpyArray();
      },
    })),
  pickle.defineGlobal('numpy', 'ndarray'),
  pickle.defineGlobal('numpy', 'dtype', {
    call: (args) => {
      const k = args[0];
      if (typeof k !== 'string') throw new RuntimeError('numpy.dtype expects a type string');
      return new NumpyDType(k.replace(/^[<>|=]/, ''), /^[<>|=]/.test(k) ? k[0] : '');
    },
  }),
]);
