/**
 * Robustness: seeded mutations of valid files must each end in a SafetensorError or a successful
 * read, quickly and without unbounded memory, and never in any other exception.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deserializeRecords } from './bytes.js';
import { SafetensorError, type SafetensorErrorKind } from './errors.js';
import { readRecordsFile } from './file-io.js';
import { fixtureBytes } from './fixtures.test-helpers.js';
import { mulberry32 } from '../../testing/prng.js';

const BASES = ['all_dtypes', 'names_no_metadata', 'unsupported_dtypes', 'int64_beyond_2_53', 'empty_with_metadata'].map(fixtureBytes);
const HUGE = ['18446744073709551615', '18446744073709551616', '9007199254740993', '4294967296', '100000001', '0', '1', '-1', '1.5', '1e3'];

function headerLength(b: Uint8Array): number {
  return b.length >= 8 ? Number(new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true)) : 0;
}

/** One mutation of `base`, chosen by `rnd`. */
function mutate(base: Uint8Array, rnd: () => number): Uint8Array {
  const int = (n: number): number => Math.floor(rnd() * n);
  let b = base.slice();
  const n = Math.min(headerLength(b), b.length - 8);
  const kind = int(9);
  switch (kind) {
    case 0: // truncation
      return b.subarray(0, int(b.length));
    case 1: // bit flips, anywhere
      for (let k = 1 + int(8); k > 0; k--) { const i = int(b.length); b[i] = b[i]! ^ (1 << int(8)); }
      return b;
    case 2: // bit flips inside the header JSON
      for (let k = 1 + int(4); k > 0; k--) { const i = 8 + int(Math.max(1, n)); b[i] = b[i]! ^ (1 << int(8)); }
      return b;
    case 3: { // bogus declared header length: near the truth, random, or huge
      const dv = new DataView(b.buffer);
      const choice = int(4);
      const v = choice === 0 ? BigInt(Math.max(0, n + int(33) - 16)) : choice === 1 ? BigInt(int(2 ** 31)) : choice === 2 ? (1n << 64n) - 1n - BigInt(int(1000)) : BigInt(100_000_000 + int(3) - 1);
      dv.setBigUint64(0, v, true);
      return b;
    }
    case 4: { // bogus numbers in the header: offsets, shapes (huge declared sizes)
      const text = new TextDecoder().decode(b.subarray(8, 8 + n));
      const runs = [...text.matchAll(/\d+/g)];
      if (runs.length === 0) return b;
      let out = text;
      for (let k = 1 + int(3); k > 0; k--) {
        const r = runs[int(runs.length)]!;
        const rep = int(2) ? HUGE[int(HUGE.length)]! : String(int(1000));
        out = out.slice(0, r.index) + rep + out.slice(r.index! + r[0].length);
        break; // indices shift after one replacement; one per case keeps them valid
      }
      const h = new TextEncoder().encode(out);
      const f = new Uint8Array(8 + h.length + (b.length - 8 - n));
      new DataView(f.buffer).setBigUint64(0, BigInt(int(4) ? h.length : n), true);
      f.set(h, 8);
      f.set(b.subarray(8 + n), 8 + h.length);
      return f;
    }
    case 5: { // insert or delete bytes inside the header
      const at = 8 + int(Math.max(1, n));
      const del = int(2) === 0;
      const junk = Array.from({ length: 1 + int(4) }, () => int(256));
      b = del ? new Uint8Array([...b.subarray(0, at), ...b.subarray(at + junk.length)]) : new Uint8Array([...b.subarray(0, at), ...junk, ...b.subarray(at)]);
      return b;
    }
    case 6: // trailing garbage
      return new Uint8Array([...b, ...Array.from({ length: 1 + int(16) }, () => int(256))]);
    case 7: { // swap two header bytes
      const i = 8 + int(Math.max(1, n));
      const j = 8 + int(Math.max(1, n));
      [b[i], b[j]] = [b[j]!, b[i]!];
      return b;
    }
    default: // random bytes in the data section
      for (let k = 1 + int(8); k > 0; k--) { const i = 8 + n + int(Math.max(1, b.length - 8 - n)); if (i < b.length) b[i] = int(256); }
      return b;
  }
}

describe('fuzz', () => {
  it('10,000 seeded mutations end in a SafetensorError or success, fast and bounded', () => {
    const rnd = mulberry32(0x5afe7e);
    const kinds = new Map<SafetensorErrorKind | 'ok', number>();
    const start = performance.now();
    let slowest = 0;
    const heap0 = process.memoryUsage().heapUsed;
    for (let c = 0; c < 10_000; c++) {
      const input = mutate(BASES[c % BASES.length]!, rnd);
      const t0 = performance.now();
      let kind: SafetensorErrorKind | 'ok' = 'ok';
      try {
        deserializeRecords(input);
      } catch (e) {
        if (!(e instanceof SafetensorError)) {
          throw new Error(`case ${c}: ${String(e)} for input ${Buffer.from(input).toString('hex').slice(0, 400)}`);
        }
        expect(e.message.length).toBeGreaterThan(20);
        kind = e.kind;
      }
      slowest = Math.max(slowest, performance.now() - t0);
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    const total = performance.now() - start;
    console.log(`fuzz: ${total.toFixed(0)} ms, slowest case ${slowest.toFixed(2)} ms, outcomes`, Object.fromEntries(kinds));
    expect(slowest).toBeLessThan(10_000); // hang detector; loaded CI machines are slow
    expect(process.memoryUsage().heapUsed - heap0).toBeLessThan(256 * 1024 * 1024);
    // The mutations reach the validations, not just one early check.
    for (const k of ['HeaderTooSmall', 'HeaderTooLarge', 'InvalidHeaderLength', 'InvalidHeader', 'InvalidHeaderDeserialization', 'InvalidOffset', 'TensorInvalidInfo', 'MetadataIncompleteBuffer', 'ValidationOverflow', 'ok'] as const) {
      expect(kinds.get(k) ?? 0, k).toBeGreaterThan(0);
    }
  });

  it('500 mutations through the file reader behave the same as through bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'st-fuzz-'));
    try {
      const rnd = mulberry32(42);
      const file = join(dir, 'f.safetensors');
      for (let c = 0; c < 500; c++) {
        const input = mutate(BASES[c % BASES.length]!, rnd);
        writeFileSync(file, input);
        const outcome = (f: () => unknown): string => {
          try {
            f();
            return 'ok';
          } catch (e) {
            if (!(e instanceof SafetensorError)) throw e;
            return e.kind;
          }
        };
        expect(outcome(() => readRecordsFile(file)), `case ${c}`).toBe(outcome(() => deserializeRecords(input)));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
