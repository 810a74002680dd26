/** Test-only helpers: fixture loading and a seeded PRNG for the fuzz tests (not exported). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures');

export function fixture(topic: string, file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, topic, file)));
}

export function fixtureJson<T>(topic: string, file: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, topic, file), 'utf8')) as T;
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** mulberry32: small, fast, seeded, so every fuzz case can be replayed from its seed. */
export { mulberry32 as prng } from '../../testing/prng.js';

/**
 * One mutation of `src`: truncation, bit flips, random bytes, a bogus 16/32/64-bit length or
 * offset (0, max, huge, or slightly off), or a duplicated/removed span.
 */
export function mutate(src: Uint8Array, rnd: () => number): Uint8Array {
  const int = (n: number): number => Math.floor(rnd() * n);
  const out = new Uint8Array(src);
  const kind = int(6);
  if (kind === 0) return out.slice(0, int(out.length));
  if (kind === 1) {
    const flips = 1 + int(4);
    for (let i = 0; i < flips; i++) out[int(out.length)]! ^= 1 << int(8);
    return out;
  }
  if (kind === 2) {
    const n = 1 + int(8);
    const at = int(out.length);
    for (let i = 0; i < n && at + i < out.length; i++) out[at + i] = int(256);
    return out;
  }
  if (kind === 3) {
    const width = [2, 4, 8][int(3)]!;
    const at = int(Math.max(1, out.length - width));
    const view = new DataView(out.buffer);
    const choices = [0, 0xffffffff, 0x7fffffff, 0x10000, int(0xffffffff), 1 + int(64)];
    const v = choices[int(choices.length)]!;
    if (at + width > out.length) return out;
    if (width === 2) view.setUint16(at, v & 0xffff, true);
    else if (width === 4) view.setUint32(at, v >>> 0, true);
    else {
      view.setUint32(at, v >>> 0, true);
      view.setUint32(at + 4, rnd() < 0.5 ? 0 : int(0xffffffff), true);
    }
    return out;
  }
  if (kind === 4) {
    const a = int(out.length);
    const b = Math.min(out.length, a + 1 + int(32));
    const res = new Uint8Array(out.length + (b - a));
    res.set(out.subarray(0, b));
    res.set(out.subarray(a), b);
    return res;
  }
  const a = int(out.length);
  const b = Math.min(out.length, a + 1 + int(32));
  const res = new Uint8Array(out.length - (b - a));
  res.set(out.subarray(0, a));
  res.set(out.subarray(b), a);
  return res;
}
