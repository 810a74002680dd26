/**
 * Tensor data ↔ safetensors bytes. The format is little-endian whatever the host is; on a
 * little-endian host (every platform Node and browsers run on today) data moves as one bulk copy,
 * and a DataView path keeps big-endian hosts correct. int64 travels in nncompat as integer-valued
 * float64, exact only up to 2^53: values beyond ±(2^53 − 1) are refused with an error on both
 * read and write instead of being silently rounded.
 */
import type { DTypeName, HostArray } from '../../dtype.js';
import { SafetensorError } from './errors.js';

/** One tensor as plain data: the canonical host array of its dtype, C-contiguous. */
export interface TensorRecord {
  dtype: DTypeName;
  shape: number[];
  data: HostArray;
}

/** True on little-endian hosts. */
export const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const CTOR: Readonly<Record<DTypeName, { new (n: number): HostArray; name: string }>> = {
  float32: Float32Array, float64: Float64Array, float16: Uint16Array, bfloat16: Uint16Array,
  int8: Int8Array, uint8: Uint8Array, int16: Int16Array, int32: Int32Array, int64: Float64Array,
  bool: Uint8Array,
};

const ITEMSIZE: Readonly<Record<DTypeName, number>> = {
  float32: 4, float64: 8, float16: 2, bfloat16: 2, int8: 1, uint8: 1, int16: 2, int32: 4, int64: 8, bool: 1,
};

/** Bytes per element of an nncompat dtype in the file. */
export function itemsize(d: DTypeName): number {
  return ITEMSIZE[d];
}

const TWO32 = 2 ** 32;

function int64Error(value: bigint | number, index: number, name: string, writing: boolean): never {
  const prefix = writing ? 'Error while serializing: ' : 'Error while deserializing: ';
  throw new SafetensorError(
    writing ? 'InvalidInput' : 'Int64OutOfRange',
    `${prefix}int64 value ${value} at flat index ${index} of tensor \`${name}\` is ${typeof value === 'number' && !Number.isInteger(value) ? 'not an integer' : 'beyond ±(2^53 - 1)'}; nncompat holds int64 as float64, which cannot represent it exactly`,
    name,
  );
}

/** Checks that `data` is the canonical host array of `dtype`. */
export function checkHostArray(dtype: DTypeName, data: unknown, name: string): asserts data is HostArray {
  const ctor = CTOR[dtype];
  if (!(data instanceof ctor)) {
    const got = data === null ? 'null' : typeof data === 'object' ? (data as object).constructor?.name ?? 'object' : typeof data;
    throw new SafetensorError('InvalidInput', `Error while serializing: tensor \`${name}\` has dtype ${dtype}, whose data must be a ${ctor.name}, got ${got}`, name);
  }
}

/**
 * The little-endian bytes of `data`. May return a view of `data`'s own memory (no copy) on
 * little-endian hosts; the caller must not keep it past the write.
 */
export function encodeData(dtype: DTypeName, data: HostArray, name: string, littleEndianHost = HOST_IS_LITTLE_ENDIAN): Uint8Array {
  checkHostArray(dtype, data, name);
  const n = data.length;
  if (dtype === 'int64') {
    const out = new Uint8Array(n * 8);
    const dv = new DataView(out.buffer);
    for (let i = 0; i < n; i++) {
      const v = data[i]!;
      if (!Number.isSafeInteger(v)) int64Error(Number.isInteger(v) ? BigInt(v) : v, i, name, true);
      const hi = Math.floor(v / TWO32);
      dv.setUint32(i * 8, v - hi * TWO32, true);
      dv.setInt32(i * 8 + 4, hi, true);
    }
    return out;
  }
  if (dtype === 'bool') {
    const u = data as Uint8Array;
    // PyTorch writes bool as 0/1 bytes; anything else would be read back as undefined behaviour.
    for (let i = 0; i < n; i++) {
      if (u[i]! > 1) return Uint8Array.from(u, (x) => (x ? 1 : 0));
    }
  }
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const size = ITEMSIZE[dtype];
  if (littleEndianHost || size === 1) return bytes;
  return swapped(bytes, size);
}

/** Reverses the byte order of each `size`-byte element (for big-endian hosts). */
function swapped(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i += size) {
    for (let k = 0; k < size; k++) out[i + k] = bytes[i + size - 1 - k]!;
  }
  return out;
}

/**
 * The canonical host array for the little-endian `bytes` of one tensor. Copies, so the result
 * owns aligned memory and does not keep a large file buffer alive, unless `owned` says `bytes`
 * is a fresh buffer of its own (as a per-tensor file read is), which is then used in place.
 */
export function decodeData(
  dtype: DTypeName,
  bytes: Uint8Array,
  name: string,
  littleEndianHost = HOST_IS_LITTLE_ENDIAN,
  owned = false,
): HostArray {
  const size = ITEMSIZE[dtype];
  const n = bytes.length / size;
  if (dtype === 'int64') {
    const out = new Float64Array(n);
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < n; i++) {
      const lo = dv.getUint32(i * 8, true);
      const hi = dv.getInt32(i * 8 + 4, true);
      // Safe integers are exactly hi in [-2^21, 2^21 - 1], minus -2^53 itself.
      if (hi > 0x1fffff || hi < -0x200000 || (hi === -0x200000 && lo === 0)) {
        int64Error((BigInt(hi) << 32n) + BigInt(lo), i, name, false);
      }
      out[i] = hi * TWO32 + lo;
    }
    return out;
  }
  const inPlace = owned && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const own = !(littleEndianHost || size === 1) ? swapped(bytes, size) : inPlace ? bytes : bytes.slice();
  if (dtype === 'bool') {
    for (let i = 0; i < own.length; i++) if (own[i]! > 1) own[i] = 1;
    return own;
  }
  const ctor = CTOR[dtype] as unknown as { new (b: ArrayBuffer, o: number, l: number): HostArray };
  return new ctor(own.buffer as ArrayBuffer, 0, n);
}
