// Checks the reader and writer against byte-exact fixtures laid out field by field from MXNet
// 1.9's format rules by tooling/goldens/gen_mxnet_params.py (independent of this code).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MXNetError } from '../errors.js';
import { readNDArrayList } from './read.js';
import { writeNDArrayList } from './write.js';
import type { LoadedNDArrayRecord, NDArrayRecord } from './record.js';

interface ExpectedArray { version: number; dtype: string; shape: number[]; ctx: { devType: number; devId: number }; data: number[] }
type Case =
  | { expect: { names: string[]; arrays: (ExpectedArray | null)[] }; writer_exact: boolean }
  | { error: string };

const dir = new URL('../../fixtures/ndarray-format/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { cases: Record<string, Case> };
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`${name}.params`, dir)));
const entries = Object.entries(manifest.cases);

describe('readNDArrayList on well-formed fixtures', () => {
  for (const [name, c] of entries) {
    if (!('expect' in c)) continue;
    it(name, () => {
      const got = readNDArrayList(bytesOf(name));
      expect(got.names).toEqual(c.expect.names);
      expect(got.arrays.length).toBe(c.expect.arrays.length);
      c.expect.arrays.forEach((e, i) => {
        const a = got.arrays[i]!;
        if (e === null) return expect(a).toBeNull();
        expect({ version: a.version, dtype: a.dtype, shape: a.shape, ctx: a.ctx }).toEqual({ version: e.version, dtype: e.dtype, shape: e.shape, ctx: e.ctx });
        expect(Array.from(a.data)).toEqual(e.data);
      });
    });
  }
});

describe('writeNDArrayList reproduces MXNet 1.9 bytes', () => {
  for (const [name, c] of entries) {
    if (!('expect' in c) || !c.writer_exact) continue;
    it(name, () => {
      const bytes = bytesOf(name);
      const { arrays, names } = readNDArrayList(bytes);
      const records = arrays.map((a) => strip(a!));
      expect(Buffer.from(writeNDArrayList(records, names)).equals(Buffer.from(bytes))).toBe(true);
    });
  }
  it('v3_scalar_and_arrays with { version: 3 }', () => {
    const bytes = bytesOf('v3_scalar_and_arrays');
    const { arrays, names } = readNDArrayList(bytes);
    expect(Buffer.from(writeNDArrayList(arrays.map((a) => strip(a!)), names, { version: 3 })).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('readNDArrayList on corrupt fixtures', () => {
  for (const [name, c] of entries) {
    if (!('error' in c)) continue;
    it(name, () => {
      let err: unknown;
      try {
        readNDArrayList(bytesOf(name));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(MXNetError);
      expect((err as Error).message).toContain(c.error);
      // MXNet's CHECK texts start the message; ours only adds detail after them.
      if (c.error.startsWith('Check failed') || c.error.startsWith('Unknown')) expect((err as Error).message.startsWith(c.error)).toBe(true);
    });
  }
});

function strip(a: LoadedNDArrayRecord): NDArrayRecord {
  return { dtype: a.dtype, shape: a.shape, data: a.data, ctx: a.ctx };
}
