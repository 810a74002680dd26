/**
 * The safetensors header: reading and validating it exactly as the reference crate's
 * `SafeTensors::read_metadata` does (safetensors/src/tensor.rs), and building it as the crate's
 * `prepare` does. Pure: no I/O, no tensors.
 *
 * Layout: 8-byte little-endian u64 `n`, then `n` bytes of UTF-8 JSON
 * (`{"__metadata__":{…},"name":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]},…}`, padded
 * with spaces to a multiple of 8), then the data section, which the tensors' offsets must
 * cover exactly, back to back from 0.
 */
import { SafetensorError } from './errors.js';
import { dtypeBits, isSafetensorsDtype, SAFETENSORS_DTYPES, type SafetensorsDtype } from './dtypes.js';
import { describeJson, JsonNumber, JsonObject, JsonSyntaxError, parseJson, type JsonValue } from './json.js';
import { decodeUtf8 } from './utf8.js';

/** The crate's `MAX_HEADER_SIZE`: headers above 100 MB are refused. */
export const MAX_HEADER_SIZE = 100_000_000;
/** Bytes of the length prefix. */
export const N_LEN = 8;

/** One tensor's entry in the header; offsets are relative to the data section. */
export interface TensorInfo {
  dtype: SafetensorsDtype;
  shape: number[];
  data_offsets: [number, number];
}

/** A validated header. */
export interface SafetensorsHeader {
  /** Header length `n` as declared by the prefix (padding included). */
  headerSize: number;
  /** Absolute byte position of the data section (`8 + n`). */
  dataStart: number;
  /** `__metadata__`, or `null` when absent or JSON `null`. */
  metadata: Map<string, string> | null;
  /** Tensors in data-offset order (what Python's `offset_keys()` lists). */
  tensors: Map<string, TensorInfo>;
}

const U64_MAX = (1n << 64n) - 1n;
const PREFIX = 'Error while deserializing header: ';

function err(kind: ConstructorParameters<typeof SafetensorError>[0], msg: string, tensor: string | null = null): never {
  throw new SafetensorError(kind, PREFIX + msg, tensor);
}

/**
 * Checks the 8-byte length prefix against the total size of the file or buffer and returns `n`.
 * @param prefix - the first bytes of the file (fewer than 8 when the file is shorter)
 * @param totalLength - size of the whole file or buffer in bytes
 */
export function readHeaderSize(prefix: Uint8Array, totalLength: number): number {
  if (prefix.length < N_LEN || totalLength < N_LEN) {
    err('HeaderTooSmall', `header too small: the file has ${totalLength} bytes, fewer than the 8-byte header length prefix`);
  }
  const dv = new DataView(prefix.buffer, prefix.byteOffset, N_LEN);
  const lo = dv.getUint32(0, true);
  const hi = dv.getUint32(4, true);
  const n = hi * 2 ** 32 + lo; // exact below 2^53; above, it is far past the limit anyway
  if (hi !== 0 || n > MAX_HEADER_SIZE) {
    const exact = (BigInt(hi) << 32n) | BigInt(lo);
    err('HeaderTooLarge', `header too large: the prefix declares ${exact} bytes of header, above the limit of ${MAX_HEADER_SIZE}`);
  }
  if (n + N_LEN > totalLength) {
    err('InvalidHeaderLength', `invalid header length: the prefix declares ${n} bytes of header but only ${totalLength - N_LEN} bytes follow it`);
  }
  return n;
}

/**
 * Parses and validates a whole in-memory file (`SafeTensors::read_metadata`).
 *
 * @example
 * ```ts
 * const h = readHeader(bytes);
 * for (const [name, info] of h.tensors) console.log(name, info.dtype, info.shape);
 * ```
 */
export function readHeader(buffer: Uint8Array): SafetensorsHeader {
  const n = readHeaderSize(buffer.subarray(0, N_LEN), buffer.length);
  return parseHeader(buffer.subarray(N_LEN, N_LEN + n), buffer.length);
}

/**
 * Parses and validates the header bytes (the `n` bytes after the prefix) of a file whose total
 * size is `totalLength`. The order of checks is the crate's, so the same file fails with the same kind.
 */
export function parseHeader(headerBytes: Uint8Array, totalLength: number): SafetensorsHeader {
  const n = headerBytes.length;
  const decoded = decodeUtf8(headerBytes);
  if (!decoded.ok) err('InvalidHeader', `invalid UTF-8 in header: ${decoded.message}`);
  const text = decoded.text;
  const first = /[^ \t\n\r]/.exec(text);
  if (first && first[0] !== '{') {
    // The crate rejects these too (a header is a JSON object); this names the reason plainly.
    err('InvalidHeaderStart', `invalid start character in header, must be \`{\`: found ${JSON.stringify(first[0])} at index ${first.index}`);
  }
  let json: JsonValue;
  try {
    json = parseJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) err('InvalidHeaderDeserialization', `invalid JSON in header: ${e.message}`);
    throw e;
  }
  const { metadata, entries } = deserializeHeader(json as JsonObject);
  const dataLen = validate(entries);
  if (dataLen + BigInt(N_LEN + n) !== BigInt(totalLength)) {
    err(
      'MetadataIncompleteBuffer',
      `incomplete metadata, file not fully covered: the tensors cover ${dataLen} bytes of data but the file has ${totalLength - N_LEN - n} bytes after the header`,
    );
  }
  const tensors = new Map<string, TensorInfo>();
  for (const e of entries) {
    for (const d of e.shape) {
      if (d > BigInt(Number.MAX_SAFE_INTEGER)) {
        // Only reachable with a zero elsewhere in the shape; the crate allows it, JS numbers cannot hold it.
        err('ValidationOverflow', `dimension ${d} of tensor \`${e.name}\` is beyond 2^53 - 1, which nncompat cannot represent`, e.name);
      }
    }
    tensors.set(e.name, {
      dtype: e.dtype,
      shape: e.shape.map(Number),
      data_offsets: [Number(e.start), Number(e.end)],
    });
  }
  return { headerSize: n, dataStart: N_LEN + n, metadata, tensors };
}

interface RawEntry {
  name: string;
  dtype: SafetensorsDtype;
  shape: bigint[];
  start: bigint;
  end: bigint;
}

function badJson(msg: string): never {
  err('InvalidHeaderDeserialization', `invalid JSON in header: ${msg}`);
}

/** Mirrors serde's derive of `HashMetadata` (`__metadata__` + flattened `HashMap<String, TensorInfo>`). */
function deserializeHeader(root: JsonObject): { metadata: Map<string, string> | null; entries: RawEntry[] } {
  let metadata: Map<string, string> | null = null;
  let sawMetadata = false;
  // A HashMap keeps the last of duplicate keys, as serde's HashMap visitor does.
  const byName = new Map<string, JsonValue>();
  for (const [k, v] of root.entries) {
    if (k === '__metadata__') {
      if (sawMetadata) badJson('duplicate field `__metadata__`');
      sawMetadata = true;
      metadata = deserializeMetadata(v);
    } else byName.set(k, v);
  }
  const entries: RawEntry[] = [];
  for (const [name, v] of byName) entries.push({ name, ...deserializeInfo(v, name) });
  return { metadata, entries };
}

function deserializeMetadata(v: JsonValue): Map<string, string> | null {
  if (v === null) return null;
  if (!(v instanceof JsonObject)) badJson(`invalid type: ${describeJson(v)}, expected a map (in \`__metadata__\`)`);
  const m = new Map<string, string>();
  for (const [k, s] of v.entries) {
    if (typeof s !== 'string') badJson(`invalid type: ${describeJson(s)}, expected a string (in \`__metadata__\` key ${JSON.stringify(k)}); metadata values must be strings`);
    m.set(k, s);
  }
  return m;
}

function deserializeInfo(v: JsonValue, name: string): Omit<RawEntry, 'name'> {
  let dtype: JsonValue | undefined;
  let shape: JsonValue | undefined;
  let offsets: JsonValue | undefined;
  const where = ` (tensor \`${name}\`)`;
  if (Array.isArray(v)) {
    // serde's derived struct visitor also accepts a sequence of the fields in order.
    if (v.length !== 3) badJson(`invalid length ${v.length}, expected struct TensorInfo with 3 elements${where}`);
    [dtype, shape, offsets] = v;
  } else if (v instanceof JsonObject) {
    for (const [k, f] of v.entries) {
      // Unknown fields are ignored, as serde does without `deny_unknown_fields`.
      if (k === 'dtype' || k === 'shape' || k === 'data_offsets') {
        const seen = k === 'dtype' ? dtype : k === 'shape' ? shape : offsets;
        if (seen !== undefined) badJson(`duplicate field \`${k}\`${where}`);
        if (k === 'dtype') dtype = f;
        else if (k === 'shape') shape = f;
        else offsets = f;
      }
    }
  } else badJson(`invalid type: ${describeJson(v)}, expected struct TensorInfo${where}`);
  if (dtype === undefined) badJson(`missing field \`dtype\`${where}`);
  if (shape === undefined) badJson(`missing field \`shape\`${where}`);
  if (offsets === undefined) badJson(`missing field \`data_offsets\`${where}`);
  if (typeof dtype !== 'string') badJson(`invalid type: ${describeJson(dtype)}, expected a dtype string${where}`);
  if (!isSafetensorsDtype(dtype)) {
    badJson(`unknown variant \`${dtype}\`, expected one of ${SAFETENSORS_DTYPES.map((d) => `\`${d}\``).join(', ')}${where}`);
  }
  if (!Array.isArray(shape)) badJson(`invalid type: ${describeJson(shape)}, expected a sequence (field \`shape\`)${where}`);
  if (!Array.isArray(offsets)) badJson(`invalid type: ${describeJson(offsets)}, expected a tuple of size 2 (field \`data_offsets\`)${where}`);
  if (offsets.length !== 2) badJson(`invalid length ${offsets.length}, expected a tuple of size 2 (field \`data_offsets\`)${where}`);
  return {
    dtype,
    shape: shape.map((d) => usize(d, 'shape', where)),
    start: usize(offsets[0]!, 'data_offsets', where),
    end: usize(offsets[1]!, 'data_offsets', where),
  };
}

/** A JSON value as a Rust `usize` (u64 here): a non-negative integer literal that fits. */
function usize(v: JsonValue, field: string, where: string): bigint {
  if (!(v instanceof JsonNumber)) badJson(`invalid type: ${describeJson(v)}, expected usize (field \`${field}\`)${where}`);
  if (!v.isInteger) badJson(`invalid type: floating point \`${v.text}\`, expected usize (field \`${field}\`)${where}`);
  const b = BigInt(v.text);
  if (b < 0n) badJson(`invalid value: integer \`${v.text}\`, expected usize (field \`${field}\`)${where}`);
  // serde_json reads integers beyond u64 as floats, which then are not a usize.
  if (b > U64_MAX) badJson(`invalid type: floating point \`${v.text}\`, expected usize (field \`${field}\`)${where}`);
  return b;
}

const fmtShape = (s: readonly bigint[]): string => `[${s.join(', ')}]`;

/** `Metadata::validate`: offsets contiguous from 0 in offset order, sizes matching shape × dtype. */
function validate(entries: RawEntry[]): bigint {
  // The crate sorts by (start, end); ties have no defined order there, the name makes it stable here.
  entries.sort((a, b) => (a.start !== b.start ? (a.start < b.start ? -1 : 1) : a.end !== b.end ? (a.end < b.end ? -1 : 1) : compareNames(a.name, b.name)));
  let start = 0n;
  for (const e of entries) {
    if (e.start !== start || e.end < e.start) {
      const why = e.end < e.start
        ? `its end ${e.end} is before its start ${e.start}`
        : e.start > start
          ? `there is a gap: the previous tensor ends at ${start} but this one starts at ${e.start}`
          : `it overlaps the previous tensor, which ends at ${start}`;
      err('InvalidOffset', `invalid offset for tensor \`${e.name}\`: data_offsets [${e.start}, ${e.end}], ${why}`, e.name);
    }
    start = e.end;
    let nelements = 1n;
    for (const d of e.shape) {
      nelements *= d;
      if (nelements > U64_MAX) {
        err('ValidationOverflow', `overflow computing buffer size from shape and/or element type: tensor \`${e.name}\` has shape ${fmtShape(e.shape)}`, e.name);
      }
    }
    const nbits = nelements * BigInt(dtypeBits(e.dtype));
    if (nbits > U64_MAX) {
      err('ValidationOverflow', `overflow computing buffer size from shape and/or element type: tensor \`${e.name}\` has shape ${fmtShape(e.shape)} of ${e.dtype}`, e.name);
    }
    if (nbits % 8n !== 0n) {
      err('MisalignedSlice', `The slice is slicing for subbytes dtypes, and the slice does not end up at a byte boundary, this is invalid. (tensor \`${e.name}\`: ${nelements} elements of ${e.dtype} are ${nbits} bits)`, e.name);
    }
    const size = nbits / 8n;
    if (e.end - e.start !== size) {
      err(
        'TensorInvalidInfo',
        `invalid shape, data type, or offset for tensor \`${e.name}\`: shape ${fmtShape(e.shape)} of ${e.dtype} needs ${size} bytes but data_offsets [${e.start}, ${e.end}] span ${e.end - e.start}`,
        e.name,
      );
    }
  }
  return start;
}

/** Rust's `str` ordering: by UTF-8 bytes, which is code point order (not JS's UTF-16 unit order). */
export function compareNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return unitKey(x) - unitKey(y);
  }
  return a.length - b.length;
}

// Surrogates encode code points above U+FFFF, so they must sort after every other UTF-16 unit.
const unitKey = (u: number): number => (u >= 0xd800 && u <= 0xdfff ? u + 0x10000 : u);
