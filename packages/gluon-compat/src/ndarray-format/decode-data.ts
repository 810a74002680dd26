/** Turns the raw little-endian element bytes of one array into its canonical host array. */
import { MXNetError } from '../errors.js';
import type { FormatHostArray } from './record.js';
import type { FormatDTypeName } from './type-flags.js';

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Decodes `n` elements of `dtype` from `raw`, which must be a fresh buffer (offset 0, owned by
 * the caller): on little-endian hosts the result is a view over it, with no copy.
 */
export function decodeData(raw: Uint8Array, dtype: FormatDTypeName, n: number, where: string): FormatHostArray {
  const buf = raw.buffer as ArrayBuffer;
  if (!LITTLE_ENDIAN) return decodeSlow(new DataView(buf, raw.byteOffset, raw.byteLength), dtype, n, where);
  switch (dtype) {
    case 'float32': return new Float32Array(buf, raw.byteOffset, n);
    case 'float64': return new Float64Array(buf, raw.byteOffset, n);
    case 'float16': case 'bfloat16': return new Uint16Array(buf, raw.byteOffset, n);
    case 'uint8': return raw;
    case 'int8': return new Int8Array(buf, raw.byteOffset, n);
    case 'int16': return new Int16Array(buf, raw.byteOffset, n);
    case 'int32': return new Int32Array(buf, raw.byteOffset, n);
    case 'bool': {
      // C++ bool bytes other than 0/1 are undefined behaviour; core's canonical bool is 0/1.
      for (let i = 0; i < n; i++) raw[i] = raw[i] !== 0 ? 1 : 0;
      return raw;
    }
    case 'int64': return int64ToFloat64(new BigInt64Array(buf, raw.byteOffset, n), where);
  }
}

/** Core carries int64 as integer-valued float64 (exact to 2^53); a value past that is refused rather than rounded. */
function int64ToFloat64(src: BigInt64Array | bigint[], where: string): Float64Array {
  const out = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i]!;
    if (v > 9007199254740991n || v < -9007199254740991n) {
      throw new MXNetError(`${where}: int64 value ${v} at index ${i} is beyond 2^53 and cannot be held exactly (int64 travels as float64)`);
    }
    out[i] = Number(v);
  }
  return out;
}

/** Big-endian hosts: read each element through a DataView. */
function decodeSlow(v: DataView, dtype: FormatDTypeName, n: number, where: string): FormatHostArray {
  switch (dtype) {
    case 'float32': return Float32Array.from({ length: n }, (_, i) => v.getFloat32(i * 4, true));
    case 'float64': return Float64Array.from({ length: n }, (_, i) => v.getFloat64(i * 8, true));
    case 'float16': case 'bfloat16': return Uint16Array.from({ length: n }, (_, i) => v.getUint16(i * 2, true));
    case 'uint8': return Uint8Array.from({ length: n }, (_, i) => v.getUint8(i));
    case 'bool': return Uint8Array.from({ length: n }, (_, i) => (v.getUint8(i) !== 0 ? 1 : 0));
    case 'int8': return Int8Array.from({ length: n }, (_, i) => v.getInt8(i));
    case 'int16': return Int16Array.from({ length: n }, (_, i) => v.getInt16(i * 2, true));
    case 'int32': return Int32Array.from({ length: n }, (_, i) => v.getInt32(i * 4, true));
    case 'int64': return int64ToFloat64(Array.from({ length: n }, (_, i) => v.getBigInt64(i * 8, true)), where);
  }
}
