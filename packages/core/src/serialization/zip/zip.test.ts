import { describe, expect, it } from 'vitest';
import { crc32, readZip, writeZip, ZipFormatError } from './index.js';
import { fixture, fixtureJson, hex } from './fixtures.test-util.js';

interface EntryJson {
  name: string; method: number; flags: number; crc32: number; compressedSize: number;
  uncompressedSize: number; localHeaderOffset: number; dataOffset: number; hex: string | null;
}
interface ZipCase { file: string; comment: string; entries: EntryJson[] }
const zips = fixtureJson<{ cases: ZipCase[] }>('zip', 'zips.json').cases;

function expectZipError(fn: () => unknown, pattern: RegExp): void {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ZipFormatError);
  expect((err as Error).message).toMatch(pattern);
}

describe('crc32', () => {
  it('gives the CRC-32/ISO-HDLC check value and continues across chunks', () => {
    const data = new TextEncoder().encode('123456789');
    expect(crc32(data)).toBe(0xcbf43926); // the catalogued check value of this CRC
    expect(crc32(data.subarray(4), crc32(data.subarray(0, 4)))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('readZip on archives written by torch.save and Python zipfile', () => {
  for (const c of zips) {
    it(`reads ${c.file} as zipfile does`, () => {
      const zip = readZip(fixture('zip', c.file));
      expect(zip.names()).toEqual(c.entries.map((e) => e.name));
      expect(hex(zip.comment)).toBe(c.comment);
      for (const e of c.entries) {
        const { hex: content, ...meta } = e;
        expect(zip.has(e.name)).toBe(true);
        expect(zip.info(e.name)).toEqual(meta);
        if (content !== null) expect(hex(zip.read(e.name))).toBe(content);
      }
    });
  }

  it('returns stored entries as zero-copy views and aligns torch records to 64 bytes', () => {
    for (const file of ['torch_state_dict.pt', 'my_checkpoint.pt']) {
      const bytes = fixture('zip', file);
      const zip = readZip(bytes);
      for (const e of zip.entries()) {
        expect(e.dataOffset % 64).toBe(0);
        const data = zip.read(e.name);
        expect(data.buffer).toBe(bytes.buffer);
        expect(data.byteOffset).toBe(bytes.byteOffset + e.dataOffset);
      }
    }
  });

  it('finds the top folder whatever it is called', () => {
    expect(readZip(fixture('zip', 'my_checkpoint.pt')).names()[0]).toBe('my_checkpoint/data.pkl');
  });
});

describe('writeZip', () => {
  for (const file of ['torch_state_dict.pt', 'my_checkpoint.pt']) {
    it(`reproduces ${file} (written by torch.save) byte for byte`, () => {
      const original = fixture('zip', file);
      const zip = readZip(original);
      const rebuilt = writeZip(zip.names().map((name) => ({ name, data: zip.read(name) })));
      expect(hex(rebuilt)).toBe(hex(original));
    });
  }

  it('pads with the FB extra field to any alignment and round-trips through readZip', () => {
    const entries = [
      { name: 'a/x', data: new Uint8Array([1, 2, 3]) },
      { name: 'a/ünï', data: new Uint8Array(100).fill(7) },
      { name: 'a/empty', data: new Uint8Array(0) },
    ];
    for (const align of [1, 8, 64, 4096]) {
      const bytes = writeZip(entries, { align });
      const zip = readZip(bytes);
      expect(zip.names()).toEqual(entries.map((e) => e.name));
      for (const e of entries) {
        const info = zip.info(e.name);
        expect(info.dataOffset % align).toBe(0);
        expect(Array.from(zip.read(e.name))).toEqual(Array.from(e.data));
        // The extra field: 'FB', little-endian padding length, then that many 'Z'.
        const view = new DataView(bytes.buffer);
        const nameLen = view.getUint16(info.localHeaderOffset + 26, true);
        const extraAt = info.localHeaderOffset + 30 + nameLen;
        expect(String.fromCharCode(bytes[extraAt]!, bytes[extraAt + 1]!)).toBe('FB');
        const pad = view.getUint16(extraAt + 2, true);
        expect(extraAt + 4 + pad).toBe(info.dataOffset);
        expect(bytes.subarray(extraAt + 4, extraAt + 4 + pad).every((b) => b === 0x5a)).toBe(true);
        // Flags 0x0808: sizes follow in a data descriptor, names are UTF-8.
        expect(info.flags).toBe(0x0808);
        expect(view.getUint32(info.dataOffset + e.data.length, true)).toBe(0x08074b50);
        expect(view.getUint32(info.dataOffset + e.data.length + 4, true)).toBe(crc32(e.data));
      }
    }
  });

  it('rejects duplicate names and bad alignments', () => {
    const d = new Uint8Array(1);
    expectZipError(() => writeZip([{ name: 'a/b', data: d }, { name: 'a/b', data: d }]), /duplicate entry name 'a\/b'/);
    expect(() => writeZip([], { align: 0 })).toThrow(RangeError);
  });
});

describe('readZip validation', () => {
  const good = (): Uint8Array => fixture('zip', 'torch_state_dict.pt');
  const eocdOf = (b: Uint8Array): number => b.length - 22;

  it('rejects non-zips and truncated archives', () => {
    expectZipError(() => readZip(new Uint8Array(10)), /shorter than the 22-byte end of central directory/);
    expectZipError(() => readZip(new Uint8Array(100)), /end of central directory record not found/);
    const b = good();
    expectZipError(() => readZip(b.subarray(0, b.length - 30)), /end of central directory|zip64|truncated/);
  });

  it('names the entry whose CRC does not match, unless CRC checks are off', () => {
    const b = good();
    const zip = readZip(b);
    const info = zip.info('archive/data/0');
    b[info.dataOffset]! ^= 0xff;
    expectZipError(() => readZip(b).read('archive/data/0'), /CRC-32 mismatch in entry 'archive\/data\/0'/);
    expect(readZip(b, { checkCrc: false }).read('archive/data/0')[0]).toBe(b[info.dataOffset]);
  });

  it('rejects bad signatures, out-of-range offsets and sizes', () => {
    let b = good();
    const zip = readZip(b);
    const view = (x: Uint8Array): DataView => new DataView(x.buffer, x.byteOffset);
    const z64 = Number(view(b).getBigUint64(eocdOf(b) - 20 + 8, true));
    const cdOffset = Number(view(b).getBigUint64(z64 + 48, true));
    b[cdOffset] = 0;
    expectZipError(() => readZip(b), /bad central directory header signature for entry 0/);
    b = good();
    b[zip.info('archive/data/1').localHeaderOffset] = 0;
    expectZipError(() => readZip(b), /entry 'archive\/data\/1': bad local file header signature/);
    b = good();
    view(b).setUint32(cdOffset + 24, 0x7fffffff, true); // uncompressed size of data.pkl
    view(b).setUint32(cdOffset + 20, 0x7fffffff, true);
    expectZipError(() => readZip(b), /entry 'archive\/data.pkl': 2147483647 bytes of data at offset 64 run past/);
    b = good();
    view(b).setUint32(cdOffset + 42, 0x7ffffff0, true);
    expectZipError(() => readZip(b), /entry 'archive\/data.pkl': local header offset 2147483632 is outside/);
    b = good();
    view(b).setBigUint64(z64 + 32, 1n << 40n, true); // entry count
    expectZipError(() => readZip(b), /central directory declares 1099511627776 entries but is only/);
    b = good();
    view(b).setBigUint64(z64 + 40, 1n << 60n, true); // directory size beyond 2^53
    expectZipError(() => readZip(b), /truncated central directory/);
    b = good();
    view(b).setUint32(z64, 0, true);
    expectZipError(() => readZip(b), /bad zip64 end of central directory signature/);
  });

  it('rejects encrypted entries and unsupported methods by name', () => {
    let b = good();
    const view = new DataView(b.buffer);
    const z64 = Number(view.getBigUint64(eocdOf(b) - 20 + 8, true));
    const cdOffset = Number(view.getBigUint64(z64 + 48, true));
    view.setUint16(cdOffset + 8, 0x0809, true);
    expectZipError(() => readZip(b).read('archive/data.pkl'), /entry 'archive\/data.pkl' is encrypted/);
    b = good();
    new DataView(b.buffer).setUint16(cdOffset + 10, 12, true);
    expectZipError(() => readZip(b).read('archive/data.pkl'), /'archive\/data.pkl' uses compression method 12/);
    expectZipError(() => readZip(good()).read('archive/nope'), /no entry named 'archive\/nope'/);
  });

  it('inflates deflate entries with node:zlib, bounded by the declared size', () => {
    const b = fixture('zip', 'python_deflate_comment.zip');
    const zip = readZip(b);
    expect(zip.info('folder/text.txt').method).toBe(8);
    expect(new TextDecoder().decode(zip.read('folder/text.txt'))).toBe('deflate me '.repeat(50));
    // A smaller declared size must not let zlib write past it.
    const cd = zip.entries()[0]!;
    const view = new DataView(b.buffer);
    const cdStart = b.length - 22 - zip.comment.length - 2 * 46 - 'folder/text.txt'.length - 'folder/stored.bin'.length;
    expect(view.getUint32(cdStart, true)).toBe(0x02014b50);
    view.setUint32(cdStart + 24, cd.uncompressedSize - 10, true);
    expectZipError(() => readZip(b).read('folder/text.txt'), /entry 'folder\/text.txt': .*(inflated to more than 540|invalid deflate)/);
  });
});
