/**
 * Reader for MXNet's NDArray list format (`mx.nd.save`, `.params` files), following
 * `NDArray::Load` in MXNet 1.9's src/ndarray/ndarray.cc field by field. All integers are
 * little-endian.
 *
 * List: uint64 magic 0x112, uint64 reserved, uint64 array count, the arrays, uint64 name count,
 * then each name as uint64 length + bytes. Per array, by its leading uint32:
 * - V2/V3 (0xF993FAC9/0xF993FACA): int32 storage type, [storage shape if sparse], shape,
 *   [context, int32 type flag, data] unless the shape says "none";
 * - V1 (0xF993FAC8): shape, then as V2 without storage type;
 * - V0 (anything else): that uint32 is ndim, then ndim uint32 dims, context, type flag, data.
 * A shape (`TShape::Save`) is int32 ndim + ndim int64 dims; a context is int32 dev_type + int32 dev_id.
 */
import { MXNetError } from '../errors.js';
import { ByteReader, ShortRead } from './byte-reader.js';
import { decodeData } from './decode-data.js';
import { NDARRAY_LIST_MAGIC, NDARRAY_V1_MAGIC, NDARRAY_V2_MAGIC, NDARRAY_V3_MAGIC } from './magic.js';
import type { LoadedNDArrayRecord, NDArrayList } from './record.js';
import { STORAGE_TYPES, TYPE_FLAGS } from './type-flags.js';

const INVALID = 'Invalid NDArray file format';
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Decodes an MXNet NDArray list (the bytes of a `.params` file or of `mx.nd.save`'s output).
 * Reads per-array formats V0 (legacy), V1, V2 and V3, dense storage, every dtype core has.
 * Work is bounded by the input size: every declared length is checked against the bytes left
 * before anything is allocated.
 *
 * @throws MXNetError with MXNet's `CHECK` text (`Check failed: fi->Read(data): Invalid NDArray
 *   file format`, followed by what exactly was wrong in parentheses), or MXNet's fatal message
 *   (`Unknown type enum 13`), or a clear message for what MXNet reads but core cannot hold
 *   (sparse storage, uint16/uint32/uint64).
 * @example
 * ```ts
 * const { arrays, names } = readNDArrayList(readFileSync('net.params'));
 * console.log(names[0], arrays[0]?.shape, arrays[0]?.dtype);
 * ```
 */
export function readNDArrayList(bytes: Uint8Array): NDArrayList {
  if (!(bytes instanceof Uint8Array)) throw new TypeError(`'bytes' must be a Uint8Array, got ${typeof bytes}`);
  const r = new ByteReader(bytes);
  if (r.remaining < 8) fail('fi->Read(&header)', `file is ${bytes.byteLength} bytes, shorter than the 8-byte header`);
  const header = r.u64('header');
  if (r.remaining < 8) fail('fi->Read(&reserved)', `file ends inside the reserved field at offset 8`);
  r.u64('reserved');
  if (header !== BigInt(NDARRAY_LIST_MAGIC)) {
    fail('header == kMXAPINDArrayListMagic', `header is 0x${header.toString(16)}, expected 0x112`);
  }
  const arrays = guarded('fi->Read(data)', () => readVector(r, 'array', 4, (i) => readArray(r, i)));
  const names = guarded('fi->Read(keys)', () => readVector(r, 'name', 8, () => readString(r)));
  if (names.length !== 0 && names.length !== arrays.length) {
    fail('keys->size() == 0 || keys->size() == data->size()', `${names.length} names for ${arrays.length} arrays`);
  }
  return { arrays, names };
}

function fail(cond: string, detail: string): never {
  throw new MXNetError(`Check failed: ${cond}: ${INVALID} (${detail})`);
}

/** Runs one top-level `fi->Read(...)`; a short read inside becomes that `CHECK`'s failure. */
function guarded<T>(cond: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ShortRead) fail(cond, e.message);
    throw e;
  }
}

/** dmlc's vector serializer: uint64 count, then the elements; `minSize` bounds the count by the bytes left. */
function readVector<T>(r: ByteReader, what: string, minSize: number, item: (i: number) => T): T[] {
  const count = r.u64(`${what} count`);
  if (count > BigInt(Math.floor(r.remaining / minSize))) {
    throw new ShortRead(`${what} count ${count} cannot fit in the ${r.remaining} bytes left at offset ${r.offset}`);
  }
  const out: T[] = [];
  for (let i = 0; i < Number(count); i++) out.push(item(i));
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readString(r: ByteReader): string {
  const len = r.u64('name length');
  if (len > BigInt(r.remaining)) throw new ShortRead(`name of ${len} bytes at offset ${r.offset}, ${r.remaining} left`);
  const at = r.offset;
  const raw = r.take(Number(len), 'name');
  try {
    return utf8.decode(raw);
  } catch {
    // MXNet's Python layer decodes names with py_str (UTF-8) and would raise there.
    throw new MXNetError(`name at offset ${at} is not valid UTF-8`);
  }
}

/** `Tuple<int64>::Load`: int32 ndim, then ndim int64 dims. */
function readShape(r: ByteReader, where: string): bigint[] {
  const ndim = r.i32(`${where}: shape ndim`);
  if (ndim < -1) throw new MXNetError(`Check failed: ndim >= -1 (${ndim} vs. -1) : ndim cannot be less than -1, received ${ndim}`);
  // ndim -1 makes Tuple::Load ask for sizeof(int64) * (size_t)-1 bytes: always a short read.
  if (ndim === -1) throw new ShortRead(`${where}: shape ndim is -1, whose dims cannot be read`);
  r.need(ndim * 8, `${where}: ${ndim} shape dims`);
  const dims: bigint[] = [];
  for (let i = 0; i < ndim; i++) dims.push(r.i64(`${where}: shape dim`));
  return dims;
}

/** `shape_is_known`: false for a -1 dim; a dim below -1 fails MXNet's `CHECK_GE`. */
function shapeIsKnown(dims: bigint[]): boolean {
  for (const d of dims) {
    if (d < -1n) throw new MXNetError(`Check failed: dim_size >= -1 (${d} vs. -1) : shape dim size must be >= -1, while received ${d}`);
    if (d === -1n) return false;
  }
  return true;
}

function readArray(r: ByteReader, index: number): LoadedNDArrayRecord | null {
  const where = `array ${index}`;
  const magic = r.u32(`${where}: magic`);
  let version: 0 | 1 | 2 | 3;
  let dims: bigint[];
  if (magic === NDARRAY_V2_MAGIC || magic === NDARRAY_V3_MAGIC) {
    version = magic === NDARRAY_V2_MAGIC ? 2 : 3;
    const stype = r.i32(`${where}: storage type`);
    if (stype === 1 || stype === 2) {
      throw new MXNetError(`${where}: sparse storage is not supported (storage type ${stype}, ${STORAGE_TYPES[stype]}); only dense (default) arrays can be read`);
    }
    if (stype !== 0) throw new MXNetError(`Unknown storage type${stype}`);
    dims = readShape(r, where);
    if (version === 3 ? !shapeIsKnown(dims) : dims.length === 0) return null;
  } else if (magic === NDARRAY_V1_MAGIC) {
    version = 1;
    dims = readShape(r, where);
    if (!shapeIsKnown(dims)) return null;
  } else {
    // Legacy: the leading uint32 was the ndim of a uint32 TShape.
    version = 0;
    if (magic === 0xffffffff) throw new ShortRead(`${where}: legacy ndim 0xffffffff (-1) leaves the shape unreadable`);
    if (magic > 0x7fffffff) {
      const ndim = magic | 0;
      throw new MXNetError(`Check failed: ndim >= -1 (${ndim} vs. -1) : ndim cannot be less than -1, received ${ndim}`);
    }
    r.need(magic * 4, `${where}: ${magic} legacy shape dims (or an unknown magic 0x${magic.toString(16)})`);
    dims = [];
    for (let i = 0; i < magic; i++) dims.push(BigInt(r.u32(`${where}: shape dim`)));
  }
  const devType = r.i32(`${where}: context dev_type`);
  const devId = r.i32(`${where}: context dev_id`);
  const flag = r.i32(`${where}: type flag`);
  const shape = checkedShape(dims, where);
  const info = TYPE_FLAGS[flag];
  if (flag < 0 || !info) throw new MXNetError(`Unknown type enum ${flag}`);
  if (!info.dtype) {
    throw new MXNetError(`${where}: type flag ${flag} (${info.mshadowName}, ${info.numpyName}) is not supported: @nncompat/core has no ${info.numpyName} dtype`);
  }
  const n = elementCount(shape, info.itemsize, r, where);
  const raw = r.take(n * info.itemsize, `${where}: data of ${n} ${info.numpyName} elements`);
  return { version, dtype: info.dtype, shape, data: decodeData(raw, info.dtype, n, where), ctx: { devType, devId } };
}

/** `TShape::Size()`'s checks, then the dims as JS numbers (exact below 2^53). */
function checkedShape(dims: bigint[], where: string): number[] {
  for (const d of dims) {
    if (d < -1n) throw new MXNetError(`Check failed: dim_size >= -1 (${d} vs. -1) : shape dim size must be >= -1, while received ${d}`);
    if (d === -1n) throw new MXNetError(`Check failed: dim_size_is_known(*it): Shape dim size cannot be a negative value ${d}`);
    if (d > MAX_SAFE) throw new MXNetError(`${where}: shape dim ${d} is beyond 2^53`);
  }
  return dims.map(Number);
}

/** Element count, refused as a short read as soon as it outgrows the bytes left (no overflow, no huge allocation). */
function elementCount(shape: number[], itemsize: number, r: ByteReader, where: string): number {
  if (shape.includes(0)) return 0;
  const cap = r.remaining / itemsize;
  let n = 1;
  for (const d of shape) {
    n *= d;
    if (n > cap) throw new ShortRead(`${where}: shape [${shape.join(', ')}] needs more than the ${r.remaining} bytes left at offset ${r.offset}`);
  }
  return n;
}
