/**
 * `readZipFile`: a ZIP archive on disk read region by region. The archive is mapped onto one
 * zero-filled image of the file's size, and only the regions the reader touches (end records,
 * central directory, local headers, the entries actually read) are read into it, each once,
 * straight into place: no whole-file buffer and no second copy. Node only.
 */
import { nodeFs } from '../../utils/node.js';
import { readZip, type ReadZipOptions, type ZipReader } from './reader.js';
import { ZipFormatError } from './errors.js';

/** An archive opened from a path; `close()` releases the file (reads after it fail). */
export interface ZipFileReader extends ZipReader {
  /**
   * The entry's bytes in a fresh buffer of their own, read from disk straight into it (for
   * large records that should not share one archive-sized allocation).
   */
  readDetached(name: string): Uint8Array;
  close(): void;
}

/**
 * Opens the archive at `path`; read entries, then `close()`.
 *
 * @example
 * ```ts
 * const zip = readZipFile('model.pt');
 * try { const pkl = zip.read('model/data.pkl'); } finally { zip.close(); }
 * ```
 */
export function readZipFile(path: string, options: Omit<ReadZipOptions, 'ensure'> = {}): ZipFileReader {
  const { closeSync, fstatSync, openSync, readSync } = nodeFs();
  let fd: number | null = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const image = new Uint8Array(size);
    // Loaded regions as sorted, non-overlapping [start, end) pairs.
    const loaded: [number, number][] = [];
    const ensure = (offset: number, length: number): void => {
      const end = Math.min(size, offset + length);
      if (offset < 0 || offset >= end) return;
      if (loaded.some(([s, e]) => s <= offset && end <= e)) return;
      if (fd === null) throw new ZipFormatError(`${path}: the archive was closed before this entry was read`);
      let p = offset;
      while (p < end) {
        const n = readSync(fd, image, p, end - p, p);
        if (n <= 0) throw new ZipFormatError(`${path}: file ended at ${p} while ${end - p} more bytes were expected (truncated or changed while reading)`);
        p += n;
      }
      loaded.push([offset, end]);
    };
    const reader = readZip(image, { ...options, ensure });
    return Object.assign(reader, {
      readDetached(name: string): Uint8Array {
        const e = reader.info(name);
        if (e.method !== 0 || options.checkCrc !== false) return reader.read(name).slice();
        if (fd === null) throw new ZipFormatError(`${path}: the archive was closed before this entry was read`);
        const out = new Uint8Array(e.compressedSize);
        let p = 0;
        while (p < out.length) {
          const n = readSync(fd, out, p, out.length - p, e.dataOffset + p);
          if (n <= 0) throw new ZipFormatError(`${path}: file ended inside entry '${name}' (truncated or changed while reading)`);
          p += n;
        }
        return out;
      },
      close(): void {
        if (fd !== null) closeSync(fd);
        fd = null;
      },
    });
  } catch (e) {
    if (fd !== null) closeSync(fd);
    throw e;
  }
}
