/**
 * safetensors files on disk through `node:fs`, kept apart from the bytes layer so that stays
 * browser-safe. Reading is lazy: opening reads only the prefix and the header; each tensor is
 * then read with one positioned read of exactly its bytes, so a large file is never held whole
 * in memory. Writing streams the header and each tensor to a sibling temporary file and renames
 * it into place, as the reference crate does, so an existing file is never left half-written.
 */
import type * as Fs from 'node:fs';
import { nodeFs, nodePath as nodePathModule } from '../../utils/node.js';
import { decodeRecord, prepareRecords, type DeserializedRecords, type SafetensorsMetadata } from './bytes.js';
import type { TensorRecord } from './codec.js';
import { SafetensorError } from './errors.js';
import { compareNames, N_LEN, parseHeader, readHeaderSize, type SafetensorsHeader, type TensorInfo } from './header.js';

// One positioned read is capped well below Node's 2 GiB per-call limit.
const READ_CHUNK = 1 << 30;

function readExactly(fd: number, length: number, position: number): Uint8Array {
  // Uninitialized memory: every byte is overwritten below or the read throws, so none escapes,
  // and skipping the zero-fill saves a pass over large tensors. Not pooled, so it owns its buffer.
  const out = new Uint8Array(Buffer.allocUnsafeSlow(length).buffer, 0, length);
  let done = 0;
  while (done < length) {
    const got = nodeFs().readSync(fd, out, done, Math.min(READ_CHUNK, length - done), position + done);
    if (got === 0) {
      throw new SafetensorError('IoError', `I/O error: unexpected end of file at byte ${position + done} (the file shrank while open?)`);
    }
    done += got;
  }
  return out;
}

/**
 * A safetensors file opened for lazy reads of records (what `safe_open` wraps).
 *
 * @example
 * ```ts
 * const f = openRecords('model.safetensors');
 * try { const w = f.get_record('fc.weight'); } finally { f.close(); }
 * ```
 */
export class SafeOpenRecords {
  private fd: number | null;
  /** The validated header. */
  readonly header: SafetensorsHeader;

  /** Opens `path` and validates its header against the file size. */
  constructor(readonly path: Fs.PathLike) {
    const fd = nodeFs().openSync(path, 'r');
    try {
      const size = nodeFs().fstatSync(fd).size;
      const prefix = readExactly(fd, Math.min(N_LEN, size), 0);
      const n = readHeaderSize(prefix, size);
      this.header = parseHeader(readExactly(fd, n, N_LEN), size);
    } catch (e) {
      nodeFs().closeSync(fd);
      throw e;
    }
    this.fd = fd;
  }

  /** Tensor names, sorted as Python's `safe_open.keys()` sorts them. */
  keys(): string[] {
    return [...this.header.tensors.keys()].sort(compareNames);
  }

  /** Tensor names in the order of their data in the file (`offset_keys()`). */
  offset_keys(): string[] {
    return [...this.header.tensors.keys()];
  }

  /** `__metadata__`, or `null` when the file has none. */
  metadata(): Map<string, string> | null {
    return this.header.metadata === null ? null : new Map(this.header.metadata);
  }

  /** The header entry of one tensor (dtype code, shape, offsets). */
  info(name: string): TensorInfo {
    const info = this.header.tensors.get(name);
    if (!info) throw new SafetensorError('TensorNotFound', `File does not contain tensor ${name}`, name);
    return info;
  }

  /** Reads one tensor: a single positioned read of its bytes. */
  get_record(name: string): TensorRecord {
    const info = this.info(name);
    if (this.fd === null) throw new SafetensorError('IoError', `I/O error: ${String(this.path)} is closed`, name);
    const [s, e] = info.data_offsets;
    return decodeRecord(name, info, readExactly(this.fd, e - s, this.header.dataStart + s), true);
  }

  /** Closes the file; later reads fail. Calling it twice is harmless. */
  close(): void {
    if (this.fd !== null) {
      nodeFs().closeSync(this.fd);
      this.fd = null;
    }
  }
}

/**
 * Opens a safetensors file for lazy reads.
 *
 * @example
 * ```ts
 * const f = openRecords('model.safetensors');
 * console.log(f.keys(), f.metadata());
 * f.close();
 * ```
 */
export function openRecords(path: Fs.PathLike): SafeOpenRecords {
  return new SafeOpenRecords(path);
}

/**
 * Reads every tensor of a file, in file order, one positioned read per tensor.
 *
 * @example
 * ```ts
 * const { tensors, metadata } = readRecordsFile('model.safetensors');
 * ```
 */
export function readRecordsFile(path: Fs.PathLike): DeserializedRecords {
  const f = new SafeOpenRecords(path);
  try {
    const tensors = new Map<string, TensorRecord>();
    for (const name of f.offset_keys()) tensors.set(name, f.get_record(name));
    return { tensors, metadata: f.metadata() };
  } finally {
    f.close();
  }
}

/**
 * Writes records to `path` (`serialize_file`): header and tensors are streamed to a temporary
 * file beside `path`, which then replaces it.
 *
 * @example
 * ```ts
 * writeRecordsFile({ w: { dtype: 'float32', shape: [1], data: new Float32Array([1]) } }, 'w.safetensors');
 * ```
 */
export function writeRecordsFile(
  tensors: Map<string, TensorRecord> | Record<string, TensorRecord>,
  path: string,
  metadata?: SafetensorsMetadata | null,
): void {
  const { head, parts } = prepareRecords(tensors, metadata);
  const tmp = nodePathModule().join(nodePathModule().dirname(path), `.${nodePathModule().basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const fd = nodeFs().openSync(tmp, 'w');
  try {
    try {
      writeAll(fd, head);
      for (const p of parts) writeAll(fd, p);
    } finally {
      nodeFs().closeSync(fd);
    }
    nodeFs().renameSync(tmp, path);
  } catch (e) {
    nodeFs().rmSync(tmp, { force: true });
    throw e;
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) {
    done += nodeFs().writeSync(fd, bytes, done, Math.min(READ_CHUNK, bytes.length - done));
  }
}
