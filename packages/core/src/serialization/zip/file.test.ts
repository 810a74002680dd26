import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readZip, readZipFile, writeZip, ZipFormatError } from './index.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/zip/', import.meta.url));

describe('readZipFile', () => {
  for (const f of ['torch_state_dict.pt', 'python_zip64.zip', 'python_deflate_comment.zip', 'hand_zip64_central.zip']) {
    it(`reads ${f} from disk exactly as readZip reads it from memory`, () => {
      const mem = readZip(new Uint8Array(readFileSync(join(FIXTURES, f))));
      const disk = readZipFile(join(FIXTURES, f));
      try {
        expect(disk.names()).toEqual(mem.names());
        expect(disk.entries()).toEqual(mem.entries());
        for (const n of mem.names()) expect(disk.read(n)).toEqual(mem.read(n));
        expect(disk.comment).toEqual(mem.comment);
      } finally {
        disk.close();
      }
    });
  }

  it('names truncation and use after close', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nncompat-zipfile-'));
    const bytes = readFileSync(join(FIXTURES, 'torch_state_dict.pt'));
    const cut = join(dir, 'cut.pt');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 10));
    expect(() => readZipFile(cut)).toThrow(ZipFormatError);
    // An entry lying before the last 64 KiB is read only on demand.
    const big = join(dir, 'big.zip');
    writeFileSync(big, writeZip([{ name: 'a/big', data: new Uint8Array(200_000).fill(7) }, { name: 'a/small', data: new Uint8Array([1, 2]) }]));
    const z = readZipFile(big);
    expect(z.read('a/small')).toEqual(new Uint8Array([1, 2]));
    z.close();
    expect(() => z.read('a/big')).toThrow('the archive was closed before this entry was read');
    const z2 = readZipFile(big, { checkCrc: false });
    expect(z2.read('a/big').every((b) => b === 7)).toBe(true);
    const detached = z2.readDetached('a/big');
    expect(detached.byteOffset).toBe(0);
    expect(detached.buffer.byteLength).toBe(200_000);
    expect(detached.every((b) => b === 7)).toBe(true);
    z2.close();
  });
});
