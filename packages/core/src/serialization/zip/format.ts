/** ZIP record signatures and sizes (APPNOTE.TXT 6.3), shared by the reader and the writer. */

export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_EOCD = 0x06054b50;
export const SIG_ZIP64_EOCD = 0x06064b50;
export const SIG_ZIP64_LOCATOR = 0x07064b50;
export const SIG_DATA_DESCRIPTOR = 0x08074b50;

export const LOCAL_HEADER_SIZE = 30;
export const CENTRAL_HEADER_SIZE = 46;
export const EOCD_SIZE = 22;
export const ZIP64_EOCD_SIZE = 56;
export const ZIP64_LOCATOR_SIZE = 20;

/** Extra-field id of the ZIP64 extended information field. */
export const EXTRA_ZIP64 = 0x0001;
/** Extra-field id PyTorch uses for its alignment padding ("FB", little-endian 0x4246). */
export const EXTRA_PYTORCH_PADDING = 0x4246;

export const UINT16_MAX = 0xffff;
export const UINT32_MAX = 0xffffffff;

/** General-purpose flag bits. */
export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_DATA_DESCRIPTOR = 0x0008;
export const FLAG_UTF8 = 0x0800;

export const METHOD_STORED = 0;
export const METHOD_DEFLATE = 8;

/** Reads a little-endian uint64 as a number; values beyond 2^53 become Infinity so any bounds check fails. */
export function readU64(view: DataView, offset: number): number {
  const lo = view.getUint32(offset, true);
  const hi = view.getUint32(offset + 4, true);
  if (hi >= 0x200000) return Number.POSITIVE_INFINITY;
  return hi * 0x100000000 + lo;
}

/** Writes a non-negative safe integer as a little-endian uint64. */
export function writeU64(view: DataView, offset: number, value: number): void {
  view.setUint32(offset, value % 0x100000000, true);
  view.setUint32(offset + 4, Math.floor(value / 0x100000000), true);
}
