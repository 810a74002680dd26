/**
 * Writer for MXNet's NDArray list format, byte for byte what MXNet 1.9's `NDArray::Save`
 * (src/ndarray/ndarray.cc) writes for dense CPU arrays outside NumPy shape semantics: list magic
 * 0x112, reserved 0, uint64 count, each array as V2 (magic 0xF993FAC9, int32 storage type 0,
 * int32 ndim + int64 dims, int32 dev_type + int32 dev_id, int32 type flag, raw little-endian
 * data), then uint64 name count and each name as uint64 length + UTF-8 bytes.
 */
import { MXNetError } from '../errors.js';
import { ByteWriter } from './byte-writer.js';
import { NDARRAY_LIST_MAGIC, NDARRAY_V2_MAGIC, NDARRAY_V3_MAGIC } from './magic.js';
import type { FormatHostArray, NDArrayRecord } from './record.js';
import { FLAG_OF_DTYPE, type FormatDTypeName } from './type-flags.js';

/** Options of `writeNDArrayList`. */
export interface WriteNDArrayListOptions {
  /**
   * Per-array format: 2 (default) as MXNet 1.9 writes by default; 3 as it writes inside
   * `np_shape(True)`, the only way to store a 0-dim (scalar) array.
   */
  version?: 2 | 3;
}

const CANONICAL: Record<FormatDTypeName, new (n: number) => FormatHostArray> = {
  float32: Float32Array, float64: Float64Array, float16: Uint16Array, bfloat16: Uint16Array,
  int8: Int8Array, uint8: Uint8Array, int16: Int16Array, int32: Int32Array, int64: Float64Array, bool: Uint8Array,
};

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Encodes arrays (and optional names, one per array, as `mx.nd.save` does for a dict) into the
 * bytes of a `.params` file.
 *
 * @throws TypeError naming the argument when a record is malformed; MXNetError for a 0-dim
 *   array in V2 (MXNet would read it back as a "none" array).
 * @example
 * ```ts
 * const bytes = writeNDArrayList(
 *   [{ dtype: 'float32', shape: [2], data: new Float32Array([1, 2]), ctx: { devType: 1, devId: 0 } }],
 *   ['weight'],
 * );
 * ```
 */
export function writeNDArrayList(arrays: readonly NDArrayRecord[], names: readonly string[] = [], options: WriteNDArrayListOptions = {}): Uint8Array {
  if (!Array.isArray(arrays)) throw new TypeError("'arrays' must be an array of NDArray records");
  if (!Array.isArray(names)) throw new TypeError("'names' must be an array of strings");
  if (names.length !== 0 && names.length !== arrays.length) {
    throw new TypeError(`'names' must be empty or hold one name per array: got ${names.length} names for ${arrays.length} arrays`);
  }
  const version = options.version ?? 2;
  if (version !== 2 && version !== 3) throw new TypeError(`'version' must be 2 or 3, got ${String(version)}`);
  const w = new ByteWriter();
  w.u64(BigInt(NDARRAY_LIST_MAGIC));
  w.u64(0n);
  w.u64(BigInt(arrays.length));
  arrays.forEach((a, i) => writeArray(w, a, i, version));
  w.u64(BigInt(names.length));
  const enc = new TextEncoder();
  names.forEach((name, i) => {
    if (typeof name !== 'string') throw new TypeError(`'names[${i}]' must be a string, got ${typeof name}`);
    const b = enc.encode(name);
    w.u64(BigInt(b.byteLength));
    w.bytes(b);
  });
  return w.finish();
}

function writeArray(w: ByteWriter, a: NDArrayRecord, i: number, version: 2 | 3): void {
  const at = `arrays[${i}]`;
  if (a === null || typeof a !== 'object') throw new TypeError(`'${at}' must be an NDArray record`);
  const flag = (FLAG_OF_DTYPE as Record<string, number | undefined>)[a.dtype];
  if (flag === undefined) throw new TypeError(`'${at}.dtype' must be one of ${Object.keys(FLAG_OF_DTYPE).join(', ')}, got ${String(a.dtype)}`);
  if (!Array.isArray(a.shape) || a.shape.some((d) => !Number.isSafeInteger(d) || d < 0)) {
    throw new TypeError(`'${at}.shape' must be an array of non-negative integers, got ${String(a.shape)}`);
  }
  if (version === 2 && a.shape.length === 0) {
    throw new MXNetError(`${at}: a 0-dim array cannot be written as V2, where ndim 0 means "none" (MXNet writes scalars only under np_shape, as V3: pass { version: 3 })`);
  }
  const n = a.shape.reduce((p, d) => p * d, 1);
  const Ctor = CANONICAL[a.dtype];
  if (!(a.data instanceof Ctor)) throw new TypeError(`'${at}.data' must be a ${Ctor.name} for dtype ${a.dtype}, got ${a.data?.constructor?.name ?? typeof a.data}`);
  if (a.data.length !== n) throw new TypeError(`'${at}.data' has ${a.data.length} elements but shape [${a.shape.join(', ')}] needs ${n}`);
  const ctx = a.ctx ?? { devType: 1, devId: 0 };
  w.u32(version === 2 ? NDARRAY_V2_MAGIC : NDARRAY_V3_MAGIC);
  w.i32(0); // kDefaultStorage: dense, so no storage shape or aux data follow.
  w.i32(a.shape.length);
  for (const d of a.shape) w.i64(BigInt(d));
  w.i32(ctx.devType);
  w.i32(ctx.devId);
  w.i32(flag);
  w.bytes(encodeData(a.data, a.dtype, at));
}

function encodeData(data: FormatHostArray, dtype: FormatDTypeName, at: string): Uint8Array {
  if (dtype === 'int64') {
    const out = new BigInt64Array(data.length);
    for (let k = 0; k < data.length; k++) {
      const v = data[k]!;
      if (!Number.isSafeInteger(v)) throw new TypeError(`'${at}.data[${k}]' must be an integer within 2^53 for int64, got ${v}`);
      out[k] = BigInt(v);
    }
    return littleEndianBytes(out, 8);
  }
  if (dtype === 'bool') {
    const out = new Uint8Array(data.length);
    for (let k = 0; k < data.length; k++) out[k] = data[k] !== 0 ? 1 : 0;
    return out;
  }
  return littleEndianBytes(data, data.BYTES_PER_ELEMENT);
}

function littleEndianBytes(data: FormatHostArray | BigInt64Array, size: number): Uint8Array {
  const b = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (LITTLE_ENDIAN || size === 1) return b;
  const out = new Uint8Array(b.byteLength);
  for (let k = 0; k < b.byteLength; k += size) for (let j = 0; j < size; j++) out[k + j] = b[k + size - 1 - j]!;
  return out;
}
