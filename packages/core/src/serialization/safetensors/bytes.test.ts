import { describe, expect, it } from 'vitest';
import { deserializeRecords, serializeRecords } from './bytes.js';
import { decodeData, encodeData, type TensorRecord } from './codec.js';
import { SafetensorError } from './errors.js';
import { readHeader } from './header.js';
import { bytesOf, expected, expectedRecords, fileFrom, fixtureBytes } from './fixtures.test-helpers.js';

const STEMS = ['all_dtypes', 'names_no_metadata', 'empty', 'empty_with_metadata'];

function catchError(f: () => unknown): SafetensorError {
  try {
    f();
  } catch (e) {
    if (e instanceof SafetensorError) return e;
    throw e;
  }
  throw new Error('expected a SafetensorError');
}

describe('reading files written by the format rules (values from torch)', () => {
  for (const stem of STEMS) {
    it(`${stem}: every tensor, dtype, shape, value and the metadata`, () => {
      const exp = expected(stem);
      const { tensors, metadata } = deserializeRecords(fixtureBytes(stem));
      expect([...tensors.keys()]).toEqual(exp.offset_keys);
      expect(metadata === null ? null : Object.fromEntries(metadata)).toEqual(exp.metadata);
      const want = expectedRecords(exp);
      expect(tensors.size).toBe(want.size);
      for (const [name, w] of want) {
        const got = tensors.get(name)!;
        expect(got.dtype, name).toBe(w.dtype);
        expect(got.shape, name).toEqual(w.shape);
        expect(got.data.constructor, name).toBe(w.data.constructor);
        expect(bytesOf(got.data), name).toEqual(bytesOf(w.data));
      }
    });
  }

  it('scalars have shape [] and one element; zero-size tensors have no data', () => {
    const { tensors } = deserializeRecords(fixtureBytes('all_dtypes'));
    expect(tensors.get('scalar')).toEqual({ dtype: 'float32', shape: [], data: new Float32Array([3.5]) });
    expect(tensors.get('scalar_i64')!.data).toEqual(new Float64Array([-7]));
    expect(tensors.get('empty')).toEqual({ dtype: 'float32', shape: [2, 0], data: new Float32Array(0) });
  });

  it('int64 values beyond ±(2^53 - 1) fail, naming the tensor and the exact value', () => {
    const e = catchError(() => deserializeRecords(fixtureBytes('int64_beyond_2_53')));
    expect(e.kind).toBe('Int64OutOfRange');
    expect(e.tensor).toBe('big');
    expect(e.message).toContain('9007199254740993');
    expect(e.message).toContain('`big`');
  });

  it('dtypes the crate knows but nncompat lacks fail with "unsupported dtype" naming it', () => {
    const bytes = fixtureBytes('unsupported_dtypes');
    // The header is valid for the crate (it knows F8_E4M3 and U16).
    expect([...readHeader(bytes).tensors.keys()].sort()).toEqual(['fine', 'fp8', 'u16']);
    const e = catchError(() => deserializeRecords(bytes));
    expect(e.kind).toBe('UnsupportedDtype');
    expect(e.message).toMatch(/unsupported dtype (F8_E4M3|U16) for tensor `(fp8|u16)`/);
  });
});

describe('writing matches the reference serializer byte for byte', () => {
  for (const stem of STEMS) {
    it(`${stem}: same bytes as the fixture`, () => {
      const exp = expected(stem);
      const out = serializeRecords(expectedRecords(exp), exp.metadata);
      expect(out).toEqual(fixtureBytes(stem));
    });
  }

  it('reproduces the crate\'s own test vector (tensor.rs test_serialization)', () => {
    const data = new Float32Array([0, 1, 2, 3, 4, 5]);
    const out = serializeRecords({ 'attn.0': { dtype: 'float32', shape: [1, 2, 3], data } });
    // Bytes copied from the crate's test_serialization expectation.
    expect([...out]).toEqual([
      64, 0, 0, 0, 0, 0, 0, 0, 123, 34, 97, 116, 116, 110, 46, 48, 34, 58, 123, 34, 100,
      116, 121, 112, 101, 34, 58, 34, 70, 51, 50, 34, 44, 34, 115, 104, 97, 112, 101, 34,
      58, 91, 49, 44, 50, 44, 51, 93, 44, 34, 100, 97, 116, 97, 95, 111, 102, 102, 115,
      101, 116, 115, 34, 58, 91, 48, 44, 50, 52, 93, 125, 125, 0, 0, 0, 0, 0, 0, 128, 63,
      0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64, 0, 0, 160, 64,
    ]);
  });

  it('round-trips Map order-independent content, metadata as a Map', () => {
    const recs = expectedRecords(expected('all_dtypes'));
    const meta = new Map([['z', '1'], ['a', '2']]);
    const back = deserializeRecords(serializeRecords(recs, meta));
    expect([...back.metadata!]).toEqual([['z', '1'], ['a', '2']]);
    for (const [k, v] of recs) expect(bytesOf(back.tensors.get(k)!.data)).toEqual(bytesOf(v.data));
  });

  it('refuses bad records with a clear error naming the tensor', () => {
    const f32 = (n: number): TensorRecord => ({ dtype: 'float32', shape: [n], data: new Float32Array(n) });
    const cases: Array<[unknown, RegExp]> = [
      [{ a: { dtype: 'float32', shape: [3], data: new Float32Array(2) } }, /`a` has shape \[3\] \(3 elements\) but its data holds 2/],
      [{ a: { dtype: 'float32', shape: [2], data: new Int32Array(2) } }, /`a` has dtype float32, whose data must be a Float32Array, got Int32Array/],
      [{ a: { dtype: 'complex64', shape: [1], data: new Float32Array(2) } }, /`a` has unknown dtype complex64/],
      [{ a: { dtype: 'float32', shape: [-1], data: new Float32Array(0) } }, /`a` has an invalid dimension -1/],
      [{ a: { dtype: 'int64', shape: [1], data: new Float64Array([2 ** 60]) } }, /int64 value 1152921504606846976 at flat index 0 of tensor `a` is beyond ±\(2\^53 - 1\)/],
      [{ a: { dtype: 'int64', shape: [1], data: new Float64Array([0.5]) } }, /int64 value 0.5 .* is not an integer/],
      [{ __metadata__: f32(1) }, /cannot be named `__metadata__`/],
      [{ ['\ud800']: f32(1) }, /lone UTF-16 surrogate/],
      [[f32(1)], /expected a Map or an object of tensors, got an array/],
    ];
    for (const [input, re] of cases) {
      const e = catchError(() => serializeRecords(input as Record<string, TensorRecord>));
      expect(e.kind).toBe('InvalidInput');
      expect(e.message).toMatch(re);
    }
    const e = catchError(() => serializeRecords({ a: f32(1) }, { k: 1 } as unknown as Record<string, string>));
    expect(e.message).toMatch(/metadata value for key "k" must be a string, got number/);
  });

  it('writes bool as 0/1 bytes even when the host array holds other non-zero values', () => {
    const out = serializeRecords({ b: { dtype: 'bool', shape: [3], data: new Uint8Array([0, 7, 1]) } });
    expect([...out.subarray(out.length - 3)]).toEqual([0, 1, 1]);
  });

  it('refuses headers over 100 MB', () => {
    const many: Record<string, TensorRecord> = {};
    const name = 'x'.repeat(100_000);
    for (let i = 0; i < 1001; i++) many[i + name] = { dtype: 'uint8', shape: [0], data: new Uint8Array(0) };
    expect(catchError(() => serializeRecords(many)).kind).toBe('HeaderTooLarge');
  });
});

describe('byte order', () => {
  it('the big-endian host path gives the same values as the little-endian fast path', () => {
    const recs = expectedRecords(expected('all_dtypes'));
    for (const [name, r] of recs) {
      const le = encodeData(r.dtype, r.data, name, true);
      const be = encodeData(r.dtype, r.data, name, false);
      if (r.dtype !== 'int64' && r.data.BYTES_PER_ELEMENT > 1 && r.data.length > 0) expect(be).not.toEqual(le);
      // A big-endian host holds swapped bytes in memory; decoding its file must restore them.
      const decodedOnBe = decodeData(r.dtype, le, name, false);
      if (r.dtype === 'int64') expect(decodedOnBe).toEqual(r.data);
      else expect(encodeData(r.dtype, decodedOnBe, name, false)).toEqual(le);
    }
  });
});

describe('hand-built files', () => {
  it('accepts JSON whitespace before and after the object, as the crate does', () => {
    expect(deserializeRecords(fileFrom('\t\n{}\r ')).tensors.size).toBe(0);
    expect(deserializeRecords(fileFrom('{}\r \t\n')).tensors.size).toBe(0);
  });

  it('accepts the crate test vectors: empty shape, zero-size tensor', () => {
    const a = deserializeRecords(fileFrom('{"test":{"dtype":"I32","shape":[],"data_offsets":[0,4]}}', [0, 0, 0, 0]));
    expect(a.tensors.get('test')).toEqual({ dtype: 'int32', shape: [], data: new Int32Array([0]) });
    const b = deserializeRecords(fileFrom('{"test":{"dtype":"I32","shape":[2,0],"data_offsets":[0, 0]}}'));
    expect(b.tensors.get('test')).toEqual({ dtype: 'int32', shape: [2, 0], data: new Int32Array(0) });
  });

  it('reads tensors stored in any header order, extra fields ignored, null metadata', () => {
    const f = fileFrom(
      '{"b":{"data_offsets":[4,8],"shape":[1],"dtype":"F32","extra":[1,{"x":null}]},"__metadata__":null,"a":["I32",[1],[0,4]]}',
      [1, 0, 0, 0, 0, 0, 128, 63],
    );
    const r = deserializeRecords(f);
    expect([...r.tensors.keys()]).toEqual(['a', 'b']);
    expect(r.tensors.get('a')!.data).toEqual(new Int32Array([1]));
    expect(r.tensors.get('b')!.data).toEqual(new Float32Array([1]));
    expect(r.metadata).toBeNull();
  });
});
