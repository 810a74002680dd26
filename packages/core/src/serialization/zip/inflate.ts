/**
 * Raw-deflate decompression for ZIP method 8, loaded only when a deflated entry is read so
 * that stored-only archives (everything PyTorch writes) never touch `node:zlib` and the zip
 * reader keeps working in browsers.
 */
import { ZipFormatError } from './errors.js';

/** Decompresses raw deflate data to exactly `expectedSize` bytes or throws. */
export type InflateRaw = (data: Uint8Array, expectedSize: number) => Uint8Array;

interface ZlibLike {
  inflateRawSync(buf: Uint8Array, options?: { maxOutputLength?: number }): Uint8Array;
}

let cached: ZlibLike | undefined;

/**
 * `node:zlib` through `process.getBuiltinModule` (Node ≥ 20.16; synchronous, and invisible to
 * browser bundlers), or null where there is none. Only a success is cached.
 */
function loadZlib(): ZlibLike | null {
  if (cached) return cached;
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const mod = proc?.getBuiltinModule?.('node:zlib') as ZlibLike | undefined;
  if (mod && typeof mod.inflateRawSync === 'function') cached = mod;
  return cached ?? null;
}

/**
 * The default {@link InflateRaw}: `node:zlib`'s `inflateRawSync`, with the output bounded by
 * the declared size so a hostile entry cannot make it allocate more.
 */
export function defaultInflateRaw(entryName: string): InflateRaw {
  return (data, expectedSize) => {
    const zlib = loadZlib();
    if (!zlib) {
      throw new ZipFormatError(
        `entry '${entryName}' is deflate-compressed (method 8) but node:zlib is not available in this ` +
          'environment; pass an `inflateRaw` function to readZip to read it',
      );
    }
    let out: Uint8Array;
    try {
      // One byte of slack lets us tell "exactly the declared size" from "more than declared".
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, expectedSize + 1) });
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new ZipFormatError(`entry '${entryName}': invalid deflate data (${reason})`);
    }
    if (out.length !== expectedSize) {
      const got = out.length > expectedSize ? `more than ${expectedSize}` : `${out.length}`;
      throw new ZipFormatError(`entry '${entryName}': inflated to ${got} bytes but the central directory declares ${expectedSize}`);
    }
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  };
}
