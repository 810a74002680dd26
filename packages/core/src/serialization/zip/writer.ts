/**
 * Writes ZIP archives laid out byte for byte like PyTorch's PyTorchStreamWriter (miniz with
 * MZ_ZIP_FLAG_WRITE_ZIP64, caffe2/serialize/inline_container.cc):
 * - every entry stored (method 0), flags 0x0808 (data descriptor + UTF-8), versions, times and
 *   attributes 0, zero CRC/sizes in the local header and the real ones in a data descriptor;
 * - an extra field 'FB' + uint16 length + 'Z' padding so each entry's data starts on an
 *   `align`-byte boundary (getPadding());
 * - zip64 extra fields when a size or offset reaches 0xFFFFFFFF, 24-byte descriptors then;
 * - the central directory, then always a zip64 end record and locator, then the classic end
 *   record with its fields clamped to their maximum.
 */
import { crc32 } from './crc32.js';
import { ZipFormatError } from './errors.js';
import {
  CENTRAL_HEADER_SIZE, EOCD_SIZE, EXTRA_PYTORCH_PADDING, EXTRA_ZIP64, FLAG_DATA_DESCRIPTOR, FLAG_UTF8,
  LOCAL_HEADER_SIZE, SIG_CENTRAL, SIG_DATA_DESCRIPTOR, SIG_EOCD, SIG_LOCAL, SIG_ZIP64_EOCD,
  SIG_ZIP64_LOCATOR, UINT16_MAX, UINT32_MAX, ZIP64_EOCD_SIZE, ZIP64_LOCATOR_SIZE, writeU64,
} from './format.js';

/** One file to put in the archive. */
export interface ZipInputEntry {
  /** Full name inside the archive, e.g. `archive/data.pkl`. */
  name: string;
  data: Uint8Array;
}

/** Options of {@link writeZip}. */
export interface WriteZipOptions {
  /** Data alignment in bytes (PyTorch's kFieldAlignment is 64). */
  align?: number;
}

const FLAGS = FLAG_DATA_DESCRIPTOR | FLAG_UTF8;
const encoder = new TextEncoder();

interface Planned {
  name: Uint8Array;
  data: Uint8Array;
  crc: number;
  offset: number;
  /** Local zip64 extra: [usize, csize] when large, + offset when the header sits past 4 GiB. */
  bigSize: boolean;
  bigOffset: boolean;
  padding: number;
}

function zip64ExtraLength(bigSize: boolean, bigOffset: boolean): number {
  if (!bigSize && !bigOffset) return 0;
  return 4 + (bigSize ? 16 : 0) + (bigOffset ? 8 : 0);
}

/**
 * Builds an archive in memory, entries in the given order.
 *
 * @example
 * ```ts
 * const bytes = writeZip([
 *   { name: 'archive/data.pkl', data: pkl },
 *   { name: 'archive/data/0', data: storageBytes },
 *   { name: 'archive/version', data: new TextEncoder().encode('3\n') },
 * ]);
 * ```
 */
export function writeZip(entries: readonly ZipInputEntry[], options: WriteZipOptions = {}): Uint8Array {
  const align = options.align ?? 64;
  if (!Number.isInteger(align) || align < 1 || align > 0x8000) {
    throw new RangeError(`writeZip: 'align' must be an integer between 1 and 32768, got ${align}`);
  }
  const seen = new Set<string>();
  const planned: Planned[] = [];
  let cursor = 0;
  for (const entry of entries) {
    if (seen.has(entry.name)) throw new ZipFormatError(`writeZip: duplicate entry name '${entry.name}'`);
    seen.add(entry.name);
    const name = encoder.encode(entry.name);
    if (name.length > UINT16_MAX) throw new ZipFormatError(`writeZip: entry name '${entry.name.slice(0, 40)}…' is too long`);
    const size = entry.data.length;
    const bigSize = size >= UINT32_MAX;
    const bigOffset = cursor >= UINT32_MAX;
    // getPadding(): the 'FB' header (4 bytes) and any zip64 extra precede the data.
    const start = cursor + LOCAL_HEADER_SIZE + name.length + 4 + zip64ExtraLength(bigSize, bigOffset);
    const padding = (align - (start % align)) % align;
    planned.push({ name, data: entry.data, crc: crc32(entry.data), offset: cursor, bigSize, bigOffset, padding });
    cursor = start + padding + size + (bigSize || bigOffset ? 24 : 16);
  }
  const cdOffset = cursor;
  let cdSize = 0;
  for (const e of planned) cdSize += CENTRAL_HEADER_SIZE + e.name.length + centralExtraLength(e);
  const total = cdOffset + cdSize + ZIP64_EOCD_SIZE + ZIP64_LOCATOR_SIZE + EOCD_SIZE;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let p = 0;
  for (const e of planned) p = writeLocal(out, view, p, e);
  for (const e of planned) p = writeCentral(out, view, p, e);
  writeEnd(view, p, planned.length, cdSize, cdOffset);
  return out;
}

function writeLocal(out: Uint8Array, view: DataView, p: number, e: Planned): number {
  const z64 = zip64ExtraLength(e.bigSize, e.bigOffset);
  view.setUint32(p, SIG_LOCAL, true);
  // version needed (0), time, date, crc and sizes stay 0 as miniz writes them with a descriptor.
  view.setUint16(p + 6, FLAGS, true);
  view.setUint16(p + 26, e.name.length, true);
  view.setUint16(p + 28, z64 + 4 + e.padding, true);
  out.set(e.name, p + LOCAL_HEADER_SIZE);
  let q = p + LOCAL_HEADER_SIZE + e.name.length;
  if (z64) {
    view.setUint16(q, EXTRA_ZIP64, true);
    view.setUint16(q + 2, z64 - 4, true);
    q += 4;
    if (e.bigSize) {
      writeU64(view, q, e.data.length);
      writeU64(view, q + 8, e.data.length);
      q += 16;
    }
    if (e.bigOffset) {
      writeU64(view, q, e.offset);
      q += 8;
    }
  }
  view.setUint16(q, EXTRA_PYTORCH_PADDING, true);
  view.setUint16(q + 2, e.padding, true);
  out.fill(0x5a /* 'Z' */, q + 4, q + 4 + e.padding);
  q += 4 + e.padding;
  out.set(e.data, q);
  q += e.data.length;
  view.setUint32(q, SIG_DATA_DESCRIPTOR, true);
  view.setUint32(q + 4, e.crc, true);
  if (e.bigSize || e.bigOffset) {
    writeU64(view, q + 8, e.data.length);
    writeU64(view, q + 16, e.data.length);
    return q + 24;
  }
  view.setUint32(q + 8, e.data.length, true);
  view.setUint32(q + 12, e.data.length, true);
  return q + 16;
}

function centralExtraLength(e: Planned): number {
  const n = (e.data.length >= UINT32_MAX ? 16 : 0) + (e.offset >= UINT32_MAX ? 8 : 0);
  return n ? n + 4 : 0;
}

function writeCentral(out: Uint8Array, view: DataView, p: number, e: Planned): number {
  const size = e.data.length;
  const extra = centralExtraLength(e);
  view.setUint32(p, SIG_CENTRAL, true);
  view.setUint16(p + 8, FLAGS, true);
  view.setUint32(p + 16, e.crc, true);
  view.setUint32(p + 20, Math.min(size, UINT32_MAX), true);
  view.setUint32(p + 24, Math.min(size, UINT32_MAX), true);
  view.setUint16(p + 28, e.name.length, true);
  view.setUint16(p + 30, extra, true);
  view.setUint32(p + 42, Math.min(e.offset, UINT32_MAX), true);
  out.set(e.name, p + CENTRAL_HEADER_SIZE);
  let q = p + CENTRAL_HEADER_SIZE + e.name.length;
  if (extra) {
    view.setUint16(q, EXTRA_ZIP64, true);
    view.setUint16(q + 2, extra - 4, true);
    q += 4;
    if (size >= UINT32_MAX) {
      writeU64(view, q, size);
      writeU64(view, q + 8, size);
      q += 16;
    }
    if (e.offset >= UINT32_MAX) {
      writeU64(view, q, e.offset);
      q += 8;
    }
  }
  return q;
}

function writeEnd(view: DataView, p: number, count: number, cdSize: number, cdOffset: number): void {
  const z64 = p;
  view.setUint32(p, SIG_ZIP64_EOCD, true);
  writeU64(view, p + 4, ZIP64_EOCD_SIZE - 12);
  view.setUint16(p + 12, 0x031e, true); // made by: Unix, spec 3.0 (miniz's value)
  view.setUint16(p + 14, 0x002d, true); // needed: 4.5, the zip64 version
  writeU64(view, p + 24, count);
  writeU64(view, p + 32, count);
  writeU64(view, p + 40, cdSize);
  writeU64(view, p + 48, cdOffset);
  p += ZIP64_EOCD_SIZE;
  view.setUint32(p, SIG_ZIP64_LOCATOR, true);
  writeU64(view, p + 8, z64);
  view.setUint32(p + 16, 1, true);
  p += ZIP64_LOCATOR_SIZE;
  view.setUint32(p, SIG_EOCD, true);
  view.setUint16(p + 8, Math.min(count, UINT16_MAX), true);
  view.setUint16(p + 10, Math.min(count, UINT16_MAX), true);
  view.setUint32(p + 12, Math.min(cdSize, UINT32_MAX), true);
  view.setUint32(p + 16, Math.min(cdOffset, UINT32_MAX), true);
}
