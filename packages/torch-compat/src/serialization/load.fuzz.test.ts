// Seeded mutation fuzzing of torch.load over real checkpoints of both formats: every mutated
// file must load or fail with one of the library's own errors (clear message), quickly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PythonError, ZipFormatError } from '@nncompat/core';
import { load } from './load.js';

const DIR = new URL('../../fixtures/checkpoints/', import.meta.url);
const CORPUS = ['zip_all_dtypes.pt', 'legacy_all_dtypes.pt', 'zip_shared_views.pt', 'legacy_shared_views.pt', 'zip_nested.pt',
  'legacy_nested.pt', 'training_checkpoint.pt', 'zip_protocol4.pt'].map((f) => new Uint8Array(readFileSync(new URL(f, DIR))));
const CASES = 10_000;

/** xorshift32: reproducible mutations. */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

function mutate(src: Uint8Array, rnd: () => number): Uint8Array {
  const b = src.slice();
  const kind = Math.floor(rnd() * 5);
  const at = Math.floor(rnd() * b.length);
  switch (kind) {
    case 0: return b.subarray(0, at); // truncation
    case 1: for (let i = 0; i < 1 + Math.floor(rnd() * 8); i++) b[Math.floor(rnd() * b.length)]! ^= 1 << Math.floor(rnd() * 8); return b; // bit flips
    case 2: { // a bogus 32-bit length/offset/count
      const dv = new DataView(b.buffer);
      if (at + 4 <= b.length) dv.setUint32(at, [0xffffffff, 0x7fffffff, 0x80000000, Math.floor(rnd() * 1e6)][Math.floor(rnd() * 4)]!, true);
      return b;
    }
    case 3: { // a huge declared 64-bit size
      const dv = new DataView(b.buffer);
      if (at + 8 <= b.length) dv.setBigUint64(at, 0xffffffffffffn << BigInt(Math.floor(rnd() * 16)), true);
      return b;
    }
    default: b.fill(Math.floor(rnd() * 256), at, Math.min(b.length, at + 1 + Math.floor(rnd() * 32))); return b; // garbage run
  }
}

describe('torch.load fuzz', () => {
  it(`ends ${CASES} mutated checkpoints in a library error or a clean load`, () => {
    const rnd = prng(0x70c4_11d);
    const outcomes = new Map<string, number>();
    let slowest = 0;
    for (let i = 0; i < CASES; i++) {
      const input = mutate(CORPUS[i % CORPUS.length]!, rnd);
      const t0 = performance.now();
      let outcome = 'loaded';
      try {
        load(input);
      } catch (e) {
        if (!(e instanceof PythonError || e instanceof ZipFormatError)) {
          throw new Error(`case ${i}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)} escaped (input head ${Buffer.from(input.subarray(0, 64)).toString('hex')})`);
        }
        expect((e as Error).message.length).toBeGreaterThan(10);
        outcome = (e as Error).name;
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      slowest = Math.max(slowest, performance.now() - t0);
    }
    console.log(`torch.load fuzz: ${CASES} cases, ${JSON.stringify(Object.fromEntries(outcomes))}, slowest ${slowest.toFixed(1)} ms`);
    expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(CASES);
    // A hang detector, loose enough for a loaded 2-core CI machine (cases take well under 100 ms).
    expect(slowest).toBeLessThan(10_000);
  });
});
