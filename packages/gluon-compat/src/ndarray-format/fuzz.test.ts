// Seeded mutation fuzzing of the reader: whatever the bytes, it must either decode consistent
// records or throw MXNetError, quickly (no huge allocation, no hang, no other exception type).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mulberry32 as prng } from '@nncompat/core/testing';
import { MXNetError } from '../errors.js';
import { readNDArrayList } from './read.js';

const dir = new URL('../../fixtures/ndarray-format/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { cases: Record<string, object> };
const corpus = Object.keys(manifest.cases).map((n) => new Uint8Array(readFileSync(new URL(`${n}.params`, dir))));

// Field values that stress length and dimension handling.
const INTERESTING_32 = [0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe, 0xf993fac8, 0xf993fac9, 0xf993faca, 12, 13, 9];
const INTERESTING_64 = [0n, 1n, 0x112n, 2n ** 31n, 2n ** 53n + 1n, 2n ** 62n, 2n ** 63n, 2n ** 64n - 1n];

function mutate(src: Uint8Array, rnd: () => number): Uint8Array {
  const pick = (n: number): number => Math.floor(rnd() * n);
  let b = src.slice();
  const rounds = 1 + pick(4);
  for (let k = 0; k < rounds; k++) {
    const op = pick(7);
    const at = b.length ? pick(b.length) : 0;
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    if (op === 0 && b.length) b[at] = pick(256);
    else if (op === 1 && b.length) b[at]! ^= 1 << pick(8);
    else if (op === 2 && at + 4 <= b.length) view.setUint32(at & ~3, INTERESTING_32[pick(INTERESTING_32.length)]!, true);
    else if (op === 3 && at + 8 <= b.length) view.setBigUint64(Math.min(at & ~3, b.length - 8), INTERESTING_64[pick(INTERESTING_64.length)]!, true);
    else if (op === 4) b = b.slice(0, pick(b.length + 1));
    else if (op === 5) {
      const extra = Uint8Array.from({ length: 1 + pick(16) }, () => pick(256));
      const out = new Uint8Array(b.length + extra.length);
      out.set(b.subarray(0, at)); out.set(extra, at); out.set(b.subarray(at), at + extra.length);
      b = out;
    } else if (op === 6 && b.length) {
      const end = at + pick(b.length - at);
      b = Uint8Array.from([...b.subarray(0, end), ...b.subarray(at)]);
    }
  }
  return b;
}

describe('readNDArrayList fuzz', () => {
  it('12,000 seeded mutations end in success or MXNetError, in bounded time', () => {
    const rnd = prng(0x9e3779b9);
    const counts = { ok: 0, mxnetError: 0 };
    let slowest = 0;
    const t0 = performance.now();
    for (let i = 0; i < 12_000; i++) {
      const input = mutate(corpus[i % corpus.length]!, rnd);
      const s = performance.now();
      try {
        const { arrays, names } = readNDArrayList(input);
        expect(names.length === 0 || names.length === arrays.length).toBe(true);
        for (const a of arrays) {
          if (a) expect(a.data.length).toBe(a.shape.reduce((p, d) => p * d, 1));
        }
        counts.ok++;
      } catch (e) {
        if (!(e instanceof MXNetError)) throw new Error(`case ${i}: ${String(e)} (${Buffer.from(input).toString('hex').slice(0, 200)})`);
        counts.mxnetError++;
      }
      slowest = Math.max(slowest, performance.now() - s);
    }
    const total = performance.now() - t0;
    // Both outcomes must actually occur, or the mutations are not exercising the reader.
    expect(counts.ok).toBeGreaterThan(200);
    expect(counts.mxnetError).toBeGreaterThan(5000);
    expect(slowest).toBeLessThan(10_000); // hang detector; loaded CI machines are slow
  });
});
