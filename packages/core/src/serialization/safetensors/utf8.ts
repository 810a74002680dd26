/**
 * Strict UTF-8 decoding of a safetensors header, failing with the text of Rust's `Utf8Error`
 * (what the reference crate reports), e.g. `invalid utf-8 sequence of 1 bytes from index 0`.
 */

// `ignoreBOM` keeps a leading U+FEFF in the text, as Rust's from_utf8 does (JSON then rejects it).
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes `bytes`; returns the string, or Rust's `Utf8Error` message when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, message: utf8ErrorMessage(bytes) };
  }
}

/** Locates the first invalid sequence the way core::str::from_utf8 does and formats its error. */
export function utf8ErrorMessage(b: Uint8Array): string {
  let i = 0;
  const n = b.length;
  const cont = (k: number): boolean => k < n && (b[k]! & 0xc0) === 0x80;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let width: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) width = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      width = 3;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      width = 4;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return `invalid utf-8 sequence of 1 bytes from index ${i}`;
    // The second byte has a lead-dependent range; later ones are plain continuation bytes.
    if (i + 1 >= n) return `incomplete utf-8 byte sequence from index ${i}`;
    const s = b[i + 1]!;
    if (s < lo || s > hi) return `invalid utf-8 sequence of 1 bytes from index ${i}`;
    for (let k = 2; k < width; k++) {
      if (i + k >= n) return `incomplete utf-8 byte sequence from index ${i}`;
      if (!cont(i + k)) return `invalid utf-8 sequence of ${k} bytes from index ${i}`;
    }
    i += width;
  }
  return 'invalid utf-8';
}
