/**
 * A ZIP archive that cannot be read: the message names the problem and, where known, the entry.
 *
 * @example
 * ```ts
 * try { readZip(bytes).read('archive/data.pkl'); }
 * catch (e) { if (e instanceof ZipFormatError) console.error(e.message); } // "CRC-32 mismatch in entry 'archive/data.pkl': …"
 * ```
 */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}
