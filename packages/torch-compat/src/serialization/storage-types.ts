/**
 * PyTorch's legacy storage classes (`torch.FloatStorage` …) and their dtypes, and the byte
 * layout of a storage record: little-endian elements (or big-endian when the zip's `byteorder`
 * record says so).
 */
import { allocHostArray, type DType, DTYPES, type DTypeName, type HostArray, RuntimeError } from '@nncompat/core';

/** Storage class name (after `torch.`) → dtype name. */
export const STORAGE_DTYPES: Readonly<Record<string, DTypeName>> = Object.freeze({
  FloatStorage: 'float32',
  DoubleStorage: 'float64',
  HalfStorage: 'float16',
  BFloat16Storage: 'bfloat16',
  CharStorage: 'int8',
  ByteStorage: 'uint8',
  ShortStorage: 'int16',
  IntStorage: 'int32',
  LongStorage: 'int64',
  BoolStorage: 'bool',
  UntypedStorage: 'uint8',
});

/** The legacy storage class name torch.save writes for a dtype. */
export function storageClassFor(dtype: DType): string {
  for (const [cls, d] of Object.entries(STORAGE_DTYPES)) if (d === dtype.name && cls !== 'UntypedStorage') return cls;
  throw new RuntimeError(`no storage class for dtype ${dtype.name}`);
}

/** A storage class as the unpickler resolves `torch.FloatStorage`: a marker carrying its dtype. */
export class StorageType {
  constructor(readonly name: string, readonly dtype: DType) {}
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Decodes `numel` elements of `dtype` from raw bytes into the dtype's canonical host array.
 * With `share` (the caller owns `bytes`), little-endian data at an aligned offset is viewed in
 * place instead of copied, as PyTorch maps storages straight from the archive.
 */
export function decodeElements(bytes: Uint8Array, dtype: DType, numel: number, bigEndian: boolean, what: string, share = false): HostArray {
  const size = dtype.itemsize;
  if (bytes.length !== numel * size) {
    throw new RuntimeError(`${what}: holds ${bytes.length} bytes, but ${numel} elements of ${dtype.name} need ${numel * size}`);
  }
  if (!bigEndian && LITTLE_ENDIAN_HOST) {
    const fast = viewOrCopy(bytes, dtype, numel, share);
    if (fast) return fast;
  }
  const out = allocHostArray(dtype, numel);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = !bigEndian;
  switch (dtype.name) {
    case 'float32': for (let i = 0; i < numel; i++) out[i] = dv.getFloat32(i * 4, le); break;
    case 'float64': for (let i = 0; i < numel; i++) out[i] = dv.getFloat64(i * 8, le); break;
    case 'float16': case 'bfloat16': case 'int16': case 'int8': case 'uint8': case 'bool': case 'int32':
      if (size === 1) {
        for (let i = 0; i < numel; i++) out[i] = dtype.name === 'bool' ? (bytes[i] ? 1 : 0) : dtype.name === 'int8' ? dv.getInt8(i) : bytes[i]!;
      } else if (size === 2) {
        for (let i = 0; i < numel; i++) out[i] = dtype.name === 'int16' ? dv.getInt16(i * 2, le) : dv.getUint16(i * 2, le);
      } else {
        for (let i = 0; i < numel; i++) out[i] = dv.getInt32(i * 4, le);
      }
      break;
    case 'int64':
      for (let i = 0; i < numel; i++) {
        const v = dv.getBigInt64(i * 8, le);
        if (v > 9007199254740991n || v < -9007199254740991n) {
          throw new RuntimeError(`${what}: int64 value ${v} at element ${i} is beyond 2^53, which int64 tensors here cannot hold exactly`);
        }
        out[i] = Number(v);
      }
      break;
  }
  return out;
}

/** Encodes a canonical host array as little-endian bytes (what torch.save writes). */
export function encodeElements(data: HostArray, dtype: DType): Uint8Array {
  const n = data.length;
  const out = new Uint8Array(n * dtype.itemsize);
  const dv = new DataView(out.buffer);
  switch (dtype.name) {
    case 'float32': for (let i = 0; i < n; i++) dv.setFloat32(i * 4, data[i]!, true); break;
    case 'float64': for (let i = 0; i < n; i++) dv.setFloat64(i * 8, data[i]!, true); break;
    case 'float16': case 'bfloat16': for (let i = 0; i < n; i++) dv.setUint16(i * 2, data[i]!, true); break;
    case 'int16': for (let i = 0; i < n; i++) dv.setInt16(i * 2, data[i]!, true); break;
    case 'int32': for (let i = 0; i < n; i++) dv.setInt32(i * 4, data[i]!, true); break;
    case 'int8': for (let i = 0; i < n; i++) dv.setInt8(i, data[i]!); break;
    case 'uint8': case 'bool': out.set(data as Uint8Array); break;
    case 'int64': for (let i = 0; i < n; i++) dv.setBigInt64(i * 8, BigInt(data[i]!), true); break;
  }
  return out;
}

/** All dtypes by their `torch.<name>` global name. */
export const DTYPE_BY_NAME: Readonly<Record<string, DType>> = DTYPES;

/** Same-layout dtypes: a typed-array view (aligned, shared) or one bulk copy. Null for int64/bool. */
function viewOrCopy(bytes: Uint8Array, dtype: DType, numel: number, share: boolean): HostArray | null {
  type Ctor = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => HostArray;
  const ctors: Partial<Record<DTypeName, Ctor>> = {
    float32: Float32Array, float64: Float64Array, float16: Uint16Array, bfloat16: Uint16Array,
    int8: Int8Array, uint8: Uint8Array, int16: Int16Array, int32: Int32Array,
  };
  const C = ctors[dtype.name];
  if (!C) return int64OrBool(bytes, dtype, numel);
  const aligned = bytes.byteOffset % dtype.itemsize === 0;
  if (share && aligned) return new C(bytes.buffer, bytes.byteOffset, numel);
  const copy = bytes.slice();
  return new C(copy.buffer, 0, numel);
}

/** int64 (two 32-bit halves, no BigInt per element) and bool (normalised to 0/1). */
function int64OrBool(bytes: Uint8Array, dtype: DType, numel: number): HostArray | null {
  if (dtype.name === 'bool') {
    const out = new Uint8Array(numel);
    for (let i = 0; i < numel; i++) out[i] = bytes[i] ? 1 : 0;
    return out;
  }
  if (dtype.name !== 'int64') return null;
  const out = new Float64Array(numel);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < numel; i++) {
    const lo = dv.getUint32(i * 8, true);
    const hi = dv.getInt32(i * 8 + 4, true);
    // |value| < 2^53 exactly when hi is in [-2^21, 2^21) (with lo != 0 for the negative edge).
    if (hi >= 0x200000 || hi < -0x200000 || (hi === -0x200000 && lo === 0)) {
      throw new RuntimeError(`int64 value ${dv.getBigInt64(i * 8, true)} at element ${i} is beyond 2^53, which int64 tensors here cannot hold exactly`);
    }
    out[i] = hi * 4294967296 + lo;
  }
  return out;
}
