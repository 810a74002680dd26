// Its own file so that node:zlib has not been loaded (and cached) by another test yet.
import { describe, expect, it, vi } from 'vitest';
import { readZip, ZipFormatError } from './index.js';
import { fixture } from './fixtures.test-util.js';

describe('deflate without node:zlib (e.g. in a browser)', () => {
  it('fails with an error naming the entry and the way out, and stored entries still read', () => {
    const zip = readZip(fixture('zip', 'python_deflate_comment.zip'));
    const proc = globalThis.process as unknown as { getBuiltinModule: (id: string) => unknown };
    const spy = vi.spyOn(proc, 'getBuiltinModule').mockReturnValue(undefined);
    try {
      expect(() => zip.read('folder/text.txt')).toThrow(ZipFormatError);
      expect(() => zip.read('folder/text.txt')).toThrow(
        "entry 'folder/text.txt' is deflate-compressed (method 8) but node:zlib is not available in this environment; pass an `inflateRaw` function to readZip to read it",
      );
      expect(Array.from(zip.read('folder/stored.bin'))).toEqual([0, 1, 2]);
    } finally {
      spy.mockRestore();
    }
    // Once zlib is there again, the same reader inflates.
    expect(new TextDecoder().decode(zip.read('folder/text.txt'))).toBe('deflate me '.repeat(50));
  });

  it('uses a caller-supplied decoder instead', () => {
    const calls: number[] = [];
    const zip = readZip(fixture('zip', 'python_deflate_comment.zip'), {
      inflateRaw: (data, size) => {
        calls.push(data.length, size);
        return new TextEncoder().encode('deflate me '.repeat(50));
      },
    });
    expect(zip.read('folder/text.txt').length).toBe(550);
    expect(calls[1]).toBe(550);
  });
});
