/**
 * The string codecs pickle uses, with Python's semantics where JS's differ: UTF-8 with
 * 'surrogatepass' (lone surrogates survive both ways), raw-unicode-escape (protocol 0
 * UNICODE), Python string-literal escapes (protocol 0 STRING) and strict ASCII / latin-1.
 */

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

/** Thrown with Python's UnicodeDecodeError text; the unpickler turns it into an UnpicklingError. */
export class CodecError extends Error {}

/** UTF-8 decode with Python's 'surrogatepass' error handler. */
export function decodeUtf8(bytes: Uint8Array): string {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return bytes.length < 64 ? String.fromCharCode(...bytes) : fatalUtf8.decode(bytes);
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return decodeUtf8Slow(bytes);
  }
}

function decodeUtf8Slow(b: Uint8Array): string {
  const units: number[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new CodecError(`'utf-8' codec can't decode byte 0x${b[i]!.toString(16).padStart(2, '0')} in position ${i}: ${why}`);
  };
  const cont = (k: number): number => {
    const c = b[i + k];
    if (c === undefined) fail('unexpected end of data');
    if ((c! & 0xc0) !== 0x80) fail('invalid continuation byte');
    return c! & 0x3f;
  };
  while (i < b.length) {
    const c = b[i]!;
    let cp: number;
    let n: number;
    if (c < 0x80) {
      cp = c;
      n = 1;
    } else if (c >= 0xc2 && c <= 0xdf) {
      cp = ((c & 0x1f) << 6) | cont(1);
      n = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
      cp = ((c & 0x0f) << 12) | (cont(1) << 6) | cont(2);
      if (cp < 0x800) fail('invalid continuation byte');
      n = 3; // surrogates (ED A0..BF xx) are let through: 'surrogatepass'
    } else if (c >= 0xf0 && c <= 0xf4) {
      cp = ((c & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
      if (cp < 0x10000 || cp > 0x10ffff) fail('invalid continuation byte');
      n = 4;
    } else {
      return fail('invalid start byte');
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else units.push(cp);
    i += n;
  }
  let s = '';
  for (let k = 0; k < units.length; k += 8192) s += String.fromCharCode(...units.slice(k, k + 8192));
  return s;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** UTF-8 encode with 'surrogatepass' (TextEncoder would turn lone surrogates into U+FFFD). */
export function encodeUtf8(s: string): Uint8Array {
  if (!LONE_SURROGATE.test(s)) return utf8Encoder.encode(s);
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return new Uint8Array(out);
}

/** latin-1: every byte is the code point of the same value. */
export function decodeLatin1(bytes: Uint8Array): string {
  let s = '';
  for (let k = 0; k < bytes.length; k += 8192) s += String.fromCharCode(...bytes.subarray(k, k + 8192));
  return s;
}

/** Strict ASCII, as Python's default `encoding='ASCII'` for protocol-0–2 byte strings. */
export function decodeAscii(bytes: Uint8Array): string {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      throw new CodecError(
        `'ascii' codec can't decode byte 0x${bytes[i]!.toString(16)} in position ${i}: ordinal not in range(128)`,
      );
    }
  }
  return decodeLatin1(bytes);
}

function codePointToString(cp: number): string {
  return String.fromCodePoint(cp);
}

/** Python's 'raw-unicode-escape' decoding (protocol 0 UNICODE): only \uXXXX and \UXXXXXXXX are escapes. */
export function decodeRawUnicodeEscape(b: Uint8Array): string {
  let s = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c === 0x5c /* \ */) {
      // An odd run of backslashes before u/U starts an escape; an even run is literal.
      let j = i;
      while (j < b.length && b[j] === 0x5c) j++;
      const run = j - i;
      const next = b[j];
      if (run % 2 === 1 && (next === 0x75 || next === 0x55)) {
        s += '\\'.repeat(run - 1);
        const len = next === 0x75 ? 4 : 8;
        const digits = decodeLatin1(b.subarray(j + 1, j + 1 + len));
        if (digits.length !== len || !/^[0-9a-fA-F]+$/.test(digits)) {
          throw new CodecError(`'rawunicodeescape' codec can't decode bytes in position ${j - 1}-${j + digits.length}: truncated \\${next === 0x75 ? 'uXXXX' : 'UXXXXXXXX'} escape`);
        }
        const cp = parseInt(digits, 16);
        if (cp > 0x10ffff) throw new CodecError(`'rawunicodeescape' codec can't decode bytes in position ${j - 1}-${j + len}: \\Uxxxxxxxx out of range`);
        s += codePointToString(cp);
        i = j + 1 + len;
      } else {
        s += '\\'.repeat(run);
        i = j;
      }
    } else {
      s += String.fromCharCode(c);
      i++;
    }
  }
  return s;
}

const SIMPLE_ESCAPES: Record<number, number> = {
  0x5c: 0x5c, 0x27: 0x27, 0x22: 0x22, 0x61: 0x07, 0x62: 0x08, 0x66: 0x0c, 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x76: 0x0b,
};

/** Python's `codecs.escape_decode` (string-literal escapes of protocol 0 STRING) to bytes. */
export function escapeDecode(b: Uint8Array): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < b.length) {
    const c = b[i++]!;
    if (c !== 0x5c) {
      out.push(c);
      continue;
    }
    if (i >= b.length) throw new CodecError('Trailing \\ in string');
    const e = b[i++]!;
    if (e === 0x0a) continue; // backslash-newline: line continuation
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out.push(simple);
    } else if (e >= 0x30 && e <= 0x37) {
      let v = e - 0x30;
      for (let k = 0; k < 2 && i < b.length && b[i]! >= 0x30 && b[i]! <= 0x37; k++) v = v * 8 + (b[i++]! - 0x30);
      out.push(v & 0xff);
    } else if (e === 0x78 /* x */) {
      const h = decodeLatin1(b.subarray(i, i + 2));
      if (!/^[0-9a-fA-F]{2}$/.test(h)) throw new CodecError(`invalid \\x escape at position ${i - 2}`);
      out.push(parseInt(h, 16));
      i += 2;
    } else {
      out.push(0x5c, e); // unknown escapes are kept verbatim, as Python does
    }
  }
  return new Uint8Array(out);
}

export { utf8Encoder };
