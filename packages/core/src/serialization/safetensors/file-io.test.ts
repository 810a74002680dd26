import { closeSync, ftruncateSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeRecords } from './bytes.js';
import { SafetensorError } from './errors.js';
import { openRecords, readRecordsFile, writeRecordsFile } from './file-io.js';
import { bytesOf, expected, expectedRecords, FIXTURES, fileFrom } from './fixtures.test-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'st-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('safe_open-style lazy reader', () => {
  it('lists keys sorted (as Python keys()), offset_keys in file order, and metadata', () => {
    for (const stem of ['all_dtypes', 'names_no_metadata']) {
      const exp = expected(stem);
      const f = openRecords(FIXTURES + stem + '.safetensors');
      try {
        expect(f.keys()).toEqual(exp.keys);
        expect(f.offset_keys()).toEqual(exp.offset_keys);
        expect(f.metadata() === null ? null : Object.fromEntries(f.metadata()!)).toEqual(exp.metadata);
        for (const [name, want] of expectedRecords(exp)) {
          const got = f.get_record(name);
          expect(got.shape).toEqual(want.shape);
          expect(bytesOf(got.data)).toEqual(bytesOf(want.data));
        }
      } finally {
        f.close();
      }
    }
  });

  it('a missing tensor is TensorNotFound with Python\'s text; a closed file refuses reads', () => {
    const f = openRecords(FIXTURES + 'all_dtypes.safetensors');
    expect(() => f.get_record('nope')).toThrowError(new SafetensorError('TensorNotFound', 'File does not contain tensor nope', 'nope'));
    f.close();
    f.close();
    expect(() => f.get_record('f32')).toThrowError(/is closed/);
  });

  it('one unsupported tensor does not stop reading the others', () => {
    const f = openRecords(FIXTURES + 'unsupported_dtypes.safetensors');
    expect(f.get_record('fine').data).toEqual(new Float32Array([1, 2]));
    expect(f.info('fp8')).toEqual({ dtype: 'F8_E4M3', shape: [3], data_offsets: [12, 15] });
    expect(() => f.get_record('fp8')).toThrowError(/unsupported dtype F8_E4M3 for tensor `fp8`/);
    f.close();
  });

  it('reads only what it needs: a 5 GiB (sparse) file opens instantly and one tensor is read at its offset', () => {
    const big = 5 * 2 ** 30;
    const header = `{"big":{"dtype":"U8","shape":[${big}],"data_offsets":[0,${big}]},"small":{"dtype":"F32","shape":[4],"data_offsets":[${big},${big + 16}]}}`;
    const head = fileFrom(header);
    const path = join(dir, 'sparse.safetensors');
    const fd = openSync(path, 'w');
    writeSync(fd, head);
    ftruncateSync(fd, head.length + big + 16);
    writeSync(fd, new Uint8Array(new Float32Array([1, 2, 3, 4]).buffer), 0, 16, head.length + big);
    closeSync(fd);
    const mem0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const f = openRecords(path);
    const small = f.get_record('small');
    const ms = performance.now() - t0;
    f.close();
    expect(small.data).toEqual(new Float32Array([1, 2, 3, 4]));
    expect(ms).toBeLessThan(10_000); // a lazy read; reading all 5 GiB would take far longer
    expect(process.memoryUsage().rss - mem0).toBeLessThan(64 * 2 ** 20);
    rmSync(path);
  });

  it('validates the header against the file size (a truncated file)', () => {
    const whole = readFileSync(FIXTURES + 'all_dtypes.safetensors');
    const path = join(dir, 'trunc.safetensors');
    writeFileSync(path, whole.subarray(0, whole.length - 1));
    expect(() => openRecords(path)).toThrowError(/incomplete metadata, file not fully covered/);
    writeFileSync(path, whole.subarray(0, 5));
    expect(() => openRecords(path)).toThrowError(/header too small: the file has 5 bytes/);
  });
});

describe('writing files', () => {
  it('streams exactly the bytes serializeRecords produces, replacing an existing file, leaving no temp file', () => {
    const exp = expected('all_dtypes');
    const recs = expectedRecords(exp);
    const path = join(dir, 'out.safetensors');
    writeFileSync(path, 'old content');
    writeRecordsFile(recs, path, exp.metadata);
    expect(new Uint8Array(readFileSync(path))).toEqual(serializeRecords(recs, exp.metadata));
    expect(new Uint8Array(readFileSync(path))).toEqual(new Uint8Array(readFileSync(FIXTURES + 'all_dtypes.safetensors')));
    const back = readRecordsFile(path);
    expect([...back.tensors.keys()]).toEqual(exp.offset_keys);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a failed write leaves the existing file untouched', () => {
    const path = join(dir, 'keep.safetensors');
    writeFileSync(path, 'precious');
    expect(() => writeRecordsFile({ a: { dtype: 'float32', shape: [2], data: new Float32Array(1) } }, path)).toThrowError(SafetensorError);
    expect(readFileSync(path, 'utf8')).toBe('precious');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
