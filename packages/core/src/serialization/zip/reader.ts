/**
 * A synchronous, validating ZIP reader over an in-memory archive: what PyTorch's
 * PyTorchStreamReader (miniz) needs to read `torch.save` files, and nothing that can be made
 * to read outside the buffer, allocate more than the archive declares truthfully, or loop
 * longer than the central directory is long.
 */
import { crc32 } from './crc32.js';
import { ZipFormatError } from './errors.js';
import {
  CENTRAL_HEADER_SIZE, EOCD_SIZE, EXTRA_ZIP64, FLAG_ENCRYPTED, FLAG_UTF8, LOCAL_HEADER_SIZE,
  METHOD_DEFLATE, METHOD_STORED, SIG_CENTRAL, SIG_EOCD, SIG_LOCAL, SIG_ZIP64_EOCD,
  SIG_ZIP64_LOCATOR, UINT16_MAX, UINT32_MAX, ZIP64_EOCD_SIZE, ZIP64_LOCATOR_SIZE, readU64,
} from './format.js';
import { defaultInflateRaw, type InflateRaw } from './inflate.js';

/** What the central directory (and the entry's local header) say about one entry. */
export interface ZipEntryInfo {
  /** Full name inside the archive, e.g. `archive/data/0`. */
  readonly name: string;
  /** Compression method: 0 stored, 8 deflate (others are listed but cannot be read). */
  readonly method: number;
  /** General-purpose bit flags. */
  readonly flags: number;
  /** CRC-32 of the uncompressed data, as declared. */
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Offset of the local file header in the archive. */
  readonly localHeaderOffset: number;
  /** Offset of the entry's (possibly compressed) data: what PyTorch's getRecordOffset returns. */
  readonly dataOffset: number;
}

/** Options of {@link readZip}. */
export interface ReadZipOptions {
  /** Verify each entry's CRC-32 when it is read (default true). */
  checkCrc?: boolean;
  /** Raw-deflate decoder for method-8 entries; defaults to `node:zlib`, loaded on first use. */
  inflateRaw?: InflateRaw;
  /**
   * Called before any region of `bytes` is read, so a file-backed image can load just the
   * regions used (see `readZipFile`). In-memory archives leave it unset.
   */
  ensure?: (offset: number, length: number) => void;
}

/** Read access to the entries of an archive; see {@link readZip}. */
export interface ZipReader {
  /** Entry names in central-directory order. */
  names(): string[];
  has(name: string): boolean;
  /** Entry metadata; throws ZipFormatError naming the entry when there is none. */
  info(name: string): ZipEntryInfo;
  /** Every entry's metadata in central-directory order. */
  entries(): readonly ZipEntryInfo[];
  /**
   * The entry's uncompressed bytes. Stored entries are a zero-copy `subarray` of the archive
   * (copy it before mutating the archive buffer); deflated entries are inflated.
   */
  read(name: string): Uint8Array;
  /** Archive comment (from the end-of-central-directory record). */
  readonly comment: Uint8Array;
}

const utf8 = new TextDecoder('utf-8');

/** CP437 upper half, for names without the UTF-8 flag (APPNOTE appendix D). */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

function decodeName(raw: Uint8Array, flags: number): string {
  if (flags & FLAG_UTF8) return utf8.decode(raw);
  let s = '';
  for (const b of raw) s += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80];
  return s;
}

/** Locates the end-of-central-directory record: the last signature whose comment fits. */
function findEocd(bytes: Uint8Array, view: DataView): number {
  if (bytes.length < EOCD_SIZE) {
    throw new ZipFormatError(`not a zip archive: ${bytes.length} bytes is shorter than the 22-byte end of central directory record`);
  }
  const last = bytes.length - EOCD_SIZE;
  const first = Math.max(0, last - UINT16_MAX);
  for (let p = last; p >= first; p--) {
    if (bytes[p] === 0x50 && view.getUint32(p, true) === SIG_EOCD) {
      const commentLen = view.getUint16(p + 20, true);
      if (p + EOCD_SIZE + commentLen <= bytes.length) return p;
    }
  }
  throw new ZipFormatError('not a zip archive: end of central directory record not found');
}

interface Directory {
  count: number;
  size: number;
  offset: number;
  /** Where the directory must end: the start of the (zip64) end record. */
  limit: number;
}

function readDirectory(bytes: Uint8Array, view: DataView, eocd: number, ensure: (offset: number, length: number) => void): Directory {
  const disk = view.getUint16(eocd + 4, true);
  const cdDisk = view.getUint16(eocd + 6, true);
  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  let limit = eocd;
  const loc = eocd - ZIP64_LOCATOR_SIZE;
  if (loc >= 0 && view.getUint32(loc, true) === SIG_ZIP64_LOCATOR) {
    const recOffset = readU64(view, loc + 8);
    if (!(recOffset + ZIP64_EOCD_SIZE <= loc)) {
      throw new ZipFormatError(`zip64 end of central directory locator points to offset ${recOffset}, outside the archive`);
    }
    ensure(recOffset, ZIP64_EOCD_SIZE);
    if (view.getUint32(recOffset, true) !== SIG_ZIP64_EOCD) {
      throw new ZipFormatError(`bad zip64 end of central directory signature at offset ${recOffset}`);
    }
    const z64Disk = view.getUint32(recOffset + 16, true);
    const z64CdDisk = view.getUint32(recOffset + 20, true);
    if (z64Disk !== 0 || z64CdDisk !== 0 || view.getUint32(loc + 16, true) > 1) {
      throw new ZipFormatError('multi-disk (spanned) zip archives are not supported');
    }
    count = readU64(view, recOffset + 32);
    size = readU64(view, recOffset + 40);
    offset = readU64(view, recOffset + 48);
    limit = recOffset;
  } else if (count === UINT16_MAX || size === UINT32_MAX || offset === UINT32_MAX) {
    throw new ZipFormatError('end of central directory has zip64 markers but the zip64 locator is missing');
  } else if (disk !== 0 || cdDisk !== 0) {
    throw new ZipFormatError('multi-disk (spanned) zip archives are not supported');
  }
  if (!(offset + size <= limit)) {
    throw new ZipFormatError(
      `truncated central directory: it declares ${size} bytes at offset ${offset} but the archive has only ${limit} bytes before its end record`,
    );
  }
  // Every header is at least 46 bytes: a bogus count cannot make us loop past the directory.
  if (count * CENTRAL_HEADER_SIZE > size) {
    throw new ZipFormatError(`central directory declares ${count} entries but is only ${size} bytes long`);
  }
  return { count, size, offset, limit };
}

/** Applies the zip64 extended-information extra field (values present only for 0xFFFFFFFF fields). */
function applyZip64Extra(
  view: DataView, start: number, end: number, name: string,
  e: { usize: number; csize: number; offset: number },
): void {
  let p = start;
  while (p + 4 <= end) {
    const id = view.getUint16(p, true);
    const len = view.getUint16(p + 2, true);
    const body = p + 4;
    if (body + len > end) throw new ZipFormatError(`entry '${name}': extra field overruns its header`);
    if (id === EXTRA_ZIP64) {
      let q = body;
      const take = (): number => {
        if (q + 8 > body + len) throw new ZipFormatError(`entry '${name}': zip64 extra field is too short`);
        const v = readU64(view, q);
        q += 8;
        return v;
      };
      if (e.usize === UINT32_MAX) e.usize = take();
      if (e.csize === UINT32_MAX) e.csize = take();
      if (e.offset === UINT32_MAX) e.offset = take();
    }
    p = body + len;
  }
}

/**
 * Opens a ZIP archive held in memory. Validates the end records, the whole central directory
 * and every local header up front; entry data is checked (CRC) when read.
 *
 * @example
 * ```ts
 * const zip = readZip(bytes);
 * const top = zip.names()[0].split('/')[0]; // e.g. 'archive'
 * const pkl = zip.read(`${top}/data.pkl`);
 * ```
 */
export function readZip(bytes: Uint8Array, options: ReadZipOptions = {}): ZipReader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ensure = options.ensure ?? noEnsure;
  // The end record and its comment lie in the last 64 KiB + 22 bytes.
  const tail = Math.min(bytes.length, EOCD_SIZE + UINT16_MAX + ZIP64_LOCATOR_SIZE);
  ensure(bytes.length - tail, tail);
  const eocd = findEocd(bytes, view);
  const comment = bytes.subarray(eocd + EOCD_SIZE, eocd + EOCD_SIZE + view.getUint16(eocd + 20, true));
  const dir = readDirectory(bytes, view, eocd, ensure);
  ensure(dir.offset, dir.size);
  const list: ZipEntryInfo[] = [];
  const byName = new Map<string, ZipEntryInfo>();
  let p = dir.offset;
  const end = dir.offset + dir.size;
  for (let i = 0; i < dir.count; i++) {
    if (p + CENTRAL_HEADER_SIZE > end) {
      throw new ZipFormatError(`truncated central directory: entry ${i} of ${dir.count} starts at ${p}, past its end`);
    }
    if (view.getUint32(p, true) !== SIG_CENTRAL) {
      throw new ZipFormatError(`bad central directory header signature for entry ${i} at offset ${p}`);
    }
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const next = p + CENTRAL_HEADER_SIZE + nameLen + extraLen + commentLen;
    if (next > end) throw new ZipFormatError(`truncated central directory: entry ${i} overruns it`);
    const name = decodeName(bytes.subarray(p + CENTRAL_HEADER_SIZE, p + CENTRAL_HEADER_SIZE + nameLen), flags);
    const e = { usize: view.getUint32(p + 24, true), csize: view.getUint32(p + 20, true), offset: view.getUint32(p + 42, true) };
    const extraStart = p + CENTRAL_HEADER_SIZE + nameLen;
    applyZip64Extra(view, extraStart, extraStart + extraLen, name, e);
    if (e.offset + LOCAL_HEADER_SIZE <= dir.offset) ensure(e.offset, LOCAL_HEADER_SIZE);
    const dataOffset = localDataOffset(bytes, view, name, e.offset, dir.offset);
    if (!(dataOffset + e.csize <= dir.offset)) {
      throw new ZipFormatError(
        `entry '${name}': ${e.csize} bytes of data at offset ${dataOffset} run past the start of the central directory (${dir.offset})`,
      );
    }
    const info: ZipEntryInfo = Object.freeze({
      name, method, flags, crc32: crc, compressedSize: e.csize, uncompressedSize: e.usize,
      localHeaderOffset: e.offset, dataOffset,
    });
    list.push(info);
    byName.set(name, info);
    p = next;
  }
  return new Reader(bytes, list, byName, comment, options);
}

const noEnsure = (): void => {};

function localDataOffset(bytes: Uint8Array, view: DataView, name: string, offset: number, limit: number): number {
  if (!(offset + LOCAL_HEADER_SIZE <= limit)) {
    throw new ZipFormatError(`entry '${name}': local header offset ${offset} is outside the archive data`);
  }
  if (view.getUint32(offset, true) !== SIG_LOCAL) {
    throw new ZipFormatError(`entry '${name}': bad local file header signature at offset ${offset}`);
  }
  const dataOffset = offset + LOCAL_HEADER_SIZE + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
  if (dataOffset > limit || dataOffset > bytes.length) {
    throw new ZipFormatError(`entry '${name}': local header at offset ${offset} overruns the archive data`);
  }
  return dataOffset;
}

class Reader implements ZipReader {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly list: readonly ZipEntryInfo[],
    private readonly byName: ReadonlyMap<string, ZipEntryInfo>,
    readonly comment: Uint8Array,
    private readonly options: ReadZipOptions,
  ) {}

  names(): string[] {
    return this.list.map((e) => e.name);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  entries(): readonly ZipEntryInfo[] {
    return this.list;
  }

  info(name: string): ZipEntryInfo {
    const e = this.byName.get(name);
    if (!e) throw new ZipFormatError(`no entry named '${name}' in the archive`);
    return e;
  }

  read(name: string): Uint8Array {
    const e = this.info(name);
    if (e.flags & FLAG_ENCRYPTED) throw new ZipFormatError(`entry '${name}' is encrypted, which is not supported`);
    this.options.ensure?.(e.dataOffset, e.compressedSize);
    const raw = this.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    let data: Uint8Array;
    if (e.method === METHOD_STORED) {
      if (e.compressedSize !== e.uncompressedSize) {
        throw new ZipFormatError(
          `entry '${name}' is stored but its compressed size ${e.compressedSize} differs from its size ${e.uncompressedSize}`,
        );
      }
      data = raw;
    } else if (e.method === METHOD_DEFLATE) {
      data = (this.options.inflateRaw ?? defaultInflateRaw(name))(raw, e.uncompressedSize);
    } else {
      throw new ZipFormatError(`entry '${name}' uses compression method ${e.method}; only 0 (stored) and 8 (deflate) are supported`);
    }
    if (this.options.checkCrc !== false) {
      const actual = crc32(data);
      if (actual !== e.crc32) {
        throw new ZipFormatError(
          `CRC-32 mismatch in entry '${name}': computed 0x${hex(actual)}, the directory says 0x${hex(e.crc32)}`,
        );
      }
    }
    return data;
  }
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}
