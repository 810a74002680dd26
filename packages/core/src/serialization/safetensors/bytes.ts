/**
 * The pure bytes layer: safetensors files ↔ `{ dtype, shape, data }` records. Browser-safe (no
 * Node APIs). Writing follows the reference crate's `serialize` byte for byte: tensors sorted by
 * dtype (the crate's enum order, descending) then by name, `__metadata__` first, compact JSON,
 * header padded with spaces to a multiple of 8.
 */
import { DTYPES, type DTypeName } from '../../dtype.js';
import { decodeData, encodeData, itemsize, type TensorRecord } from './codec.js';
import { dtypeRank, fromDTypeName, toDTypeName, type SafetensorsDtype } from './dtypes.js';
import { SafetensorError } from './errors.js';
import { compareNames, MAX_HEADER_SIZE, N_LEN, readHeader, type TensorInfo } from './header.js';

/** Metadata as Python passes it: `dict[str, str]`; a `Map` keeps its order, as does an object. */
export type SafetensorsMetadata = Map<string, string> | Record<string, string>;

/** What a reader returns: tensors in file (data-offset) order, and `__metadata__` or `null`. */
export interface DeserializedRecords {
  tensors: Map<string, TensorRecord>;
  metadata: Map<string, string> | null;
}

function inputError(msg: string, tensor: string | null = null): never {
  throw new SafetensorError('InvalidInput', `Error while serializing: ${msg}`, tensor);
}

// Rust strings are valid Unicode; a lone surrogate could not even reach the crate.
const LONE_SURROGATE = /\p{Cs}/u;

function checkText(s: unknown, what: string): string {
  if (typeof s !== 'string') inputError(`${what} must be a string, got ${typeof s}`);
  if (LONE_SURROGATE.test(s)) inputError(`${what} ${JSON.stringify(s)} contains a lone UTF-16 surrogate, which is not valid Unicode`);
  return s;
}

/** Entries of a Map or a plain object, in their iteration order. */
export function entriesOf<V>(m: Map<string, V> | Record<string, V>, what: string): Array<[string, V]> {
  if (m instanceof Map) return [...m.entries()];
  if (m === null || typeof m !== 'object' || Array.isArray(m)) inputError(`expected a Map or an object of ${what}, got ${m === null ? 'null' : Array.isArray(m) ? 'an array' : typeof m}`);
  return Object.entries(m);
}

/** One tensor as the writer sees it: its code, shape and little-endian bytes. */
interface Prepared {
  name: string;
  code: SafetensorsDtype;
  shape: number[];
  bytes: Uint8Array;
}

/** The prefix and header of a file plus its tensors' bytes in file order (`prepare` in tensor.rs). */
export interface PreparedFile {
  head: Uint8Array;
  parts: Uint8Array[];
  totalLength: number;
}

/**
 * Validates records and lays out a file without concatenating it, so a file writer can stream
 * the parts. `encodeData` may return views of the records' own memory.
 */
export function prepareRecords(
  tensors: Map<string, TensorRecord> | Record<string, TensorRecord>,
  metadata?: SafetensorsMetadata | null,
): PreparedFile {
  const items: Prepared[] = [];
  for (const [name, rec] of entriesOf(tensors, 'tensors')) {
    checkText(name, 'tensor name');
    if (name === '__metadata__') inputError('a tensor cannot be named `__metadata__`, the header key reserved for metadata', name);
    if (rec === null || typeof rec !== 'object') inputError(`tensor \`${name}\` must be a { dtype, shape, data } record`, name);
    const code = fromDTypeName(rec.dtype);
    if (!code) inputError(`tensor \`${name}\` has unknown dtype ${String(rec.dtype)}; expected one of ${Object.keys(DTYPES).join(', ')}`, name);
    const shape = checkShape(rec.shape, name);
    const numel = shape.reduce((a, b) => a * b, 1);
    const bytes = encodeData(rec.dtype, rec.data, name);
    if (rec.data.length !== numel) {
      inputError(`tensor \`${name}\` has shape [${shape.join(', ')}] (${numel} elements) but its data holds ${rec.data.length}`, name);
    }
    items.push({ name, code, shape, bytes });
  }
  // The crate sorts by dtype, descending in its enum order, then by name (byte order).
  items.sort((a, b) => dtypeRank(b.code) - dtypeRank(a.code) || compareNames(a.name, b.name));

  let json = '{';
  let first = true;
  if (metadata !== undefined && metadata !== null) {
    json += '"__metadata__":{';
    let k0 = true;
    for (const [k, v] of entriesOf(metadata, 'metadata strings')) {
      checkText(k, 'metadata key');
      checkText(v, `metadata value for key ${JSON.stringify(k)}`);
      json += `${k0 ? '' : ','}${JSON.stringify(k)}:${JSON.stringify(v)}`;
      k0 = false;
    }
    json += '}';
    first = false;
  }
  let offset = 0;
  for (const it of items) {
    const end = offset + it.bytes.length;
    json += `${first ? '' : ','}${JSON.stringify(it.name)}:{"dtype":"${it.code}","shape":[${it.shape.join(',')}],"data_offsets":[${offset},${end}]}`;
    first = false;
    offset = end;
  }
  json += '}';
  const text = new TextEncoder().encode(json);
  const n = Math.ceil(text.length / N_LEN) * N_LEN;
  if (n > MAX_HEADER_SIZE) {
    throw new SafetensorError('HeaderTooLarge', `Error while serializing: header too large: ${n} bytes, above the limit of ${MAX_HEADER_SIZE}`);
  }
  const head = new Uint8Array(N_LEN + n).fill(0x20, N_LEN + text.length);
  new DataView(head.buffer).setUint32(0, n, true);
  head.set(text, N_LEN);
  return { head, parts: items.map((i) => i.bytes), totalLength: head.length + offset };
}

function checkShape(shape: unknown, name: string): number[] {
  if (!Array.isArray(shape)) inputError(`tensor \`${name}\` must have a shape array, got ${typeof shape}`, name);
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || (d as number) < 0) inputError(`tensor \`${name}\` has an invalid dimension ${String(d)} in its shape; dimensions are non-negative integers`, name);
  }
  return shape as number[];
}

/**
 * Serializes records to the bytes of a safetensors file (`safetensors.serialize`).
 *
 * @example
 * ```ts
 * const bytes = serializeRecords({ w: { dtype: 'float32', shape: [2], data: new Float32Array([1, 2]) } }, { format: 'pt' });
 * ```
 */
export function serializeRecords(
  tensors: Map<string, TensorRecord> | Record<string, TensorRecord>,
  metadata?: SafetensorsMetadata | null,
): Uint8Array {
  const { head, parts, totalLength } = prepareRecords(tensors, metadata);
  const out = new Uint8Array(totalLength);
  out.set(head, 0);
  let at = head.length;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Turns the bytes of one tensor into a record; fails for dtypes nncompat has no tensor type for.
 * @param bytes - exactly the tensor's `data_offsets` range
 * @param owned - `bytes` is a fresh buffer nothing else uses, so it may become the tensor's memory
 */
export function decodeRecord(name: string, info: TensorInfo, bytes: Uint8Array, owned = false): TensorRecord {
  const dtype: DTypeName | null = toDTypeName(info.dtype);
  if (!dtype) {
    throw new SafetensorError(
      'UnsupportedDtype',
      `Error while deserializing: unsupported dtype ${info.dtype} for tensor \`${name}\`; nncompat reads F64, F32, F16, BF16, I64, I32, I16, I8, U8 and BOOL`,
      name,
    );
  }
  // Validation guarantees this; the check keeps a corrupted caller-built TensorInfo from misreading.
  if (bytes.length !== info.shape.reduce((a, b) => a * b, 1) * itemsize(dtype)) {
    throw new SafetensorError('TensorInvalidInfo', `Error while deserializing: tensor \`${name}\` has ${bytes.length} bytes, which does not match its shape and dtype`, name);
  }
  return { dtype, shape: [...info.shape], data: decodeData(dtype, bytes, name, undefined, owned) };
}

/**
 * Reads every tensor of an in-memory safetensors file (`safetensors.deserialize`), validating the
 * header exactly as the reference crate does.
 *
 * @example
 * ```ts
 * const { tensors, metadata } = deserializeRecords(bytes);
 * tensors.get('w')!.data; // Float32Array
 * ```
 */
export function deserializeRecords(bytes: Uint8Array): DeserializedRecords {
  if (!(bytes instanceof Uint8Array)) {
    throw new SafetensorError('InvalidInput', `Error while deserializing: expected a Uint8Array, got ${bytes === null ? 'null' : typeof bytes}`);
  }
  const header = readHeader(bytes);
  const tensors = new Map<string, TensorRecord>();
  for (const [name, info] of header.tensors) {
    const [s, e] = info.data_offsets;
    tensors.set(name, decodeRecord(name, info, bytes.subarray(header.dataStart + s, header.dataStart + e)));
  }
  return { tensors, metadata: header.metadata };
}
