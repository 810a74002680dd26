/**
 * Python ints in pickles: LONG1/LONG4 carry little-endian two's-complement bytes
 * (pickle.decode_long / encode_long); JS gets a number when the value is a safe integer and a
 * bigint beyond 2^53 (DESIGN.md §4).
 */

/** A safe integer as a number, anything larger as a bigint. */
export function normalizeInt(v: bigint): number | bigint {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/** pickle.decode_long: little-endian two's complement; empty means 0. */
export function decodeLong(bytes: Uint8Array): number | bigint {
  const n = bytes.length;
  if (n === 0) return 0;
  if (n <= 6) {
    let v = 0;
    for (let i = n - 1; i >= 0; i--) v = v * 256 + bytes[i]!;
    if (bytes[n - 1]! & 0x80) v -= 2 ** (8 * n);
    return v;
  }
  let hex = '';
  for (let i = n - 1; i >= 0; i--) hex += bytes[i]!.toString(16).padStart(2, '0');
  let v = BigInt('0x' + hex);
  if (bytes[n - 1]! & 0x80) v -= 1n << BigInt(8 * n);
  return normalizeInt(v);
}

/** pickle.encode_long: the shortest two's-complement little-endian bytes. */
export function encodeLong(x: bigint): Uint8Array {
  if (x === 0n) return new Uint8Array(0);
  const bitLength = (x < 0n ? -x : x).toString(2).length;
  let nbytes = (bitLength >> 3) + 1;
  let v = x < 0n ? (1n << BigInt(8 * nbytes)) + x : x;
  const out = new Uint8Array(nbytes);
  for (let i = 0; i < nbytes; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  if (x < 0n && nbytes > 1 && out[nbytes - 1] === 0xff && (out[nbytes - 2]! & 0x80) !== 0) nbytes--;
  return out.subarray(0, nbytes);
}

/** Parses Python's decimal int literal (INT / LONG text opcodes); null if it is not one. */
export function parseIntLiteral(s: string): number | bigint | null {
  const t = s.trim().replace(/_/g, '');
  if (!/^[+-]?\d+$/.test(t)) return null;
  return normalizeInt(BigInt(t));
}
