import { describe, expect, it } from 'vitest';
import { SafetensorError, type SafetensorErrorKind } from './errors.js';
import { compareNames, readHeader } from './header.js';
import { fileFrom } from './fixtures.test-helpers.js';

const enc = (s: string): number[] => [...new TextEncoder().encode(s)];
const zeros = (n: number): number[] => new Array<number>(n).fill(0);

function fails(bytes: Uint8Array | number[], kind: SafetensorErrorKind, message: RegExp, tensor: string | null = null): void {
  let err: unknown;
  try {
    readHeader(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(SafetensorError);
  const e = err as SafetensorError;
  expect(e.name).toBe('SafetensorError');
  expect(e.kind).toBe(kind);
  expect(e.message).toMatch(message);
  expect(e.message.startsWith('Error while deserializing header: ')).toBe(true);
  expect(e.tensor).toBe(tensor);
}

// The crate's own test vectors (safetensors/src/tensor.rs, mod tests), then variations.
const I32_2x2 = '{"test":{"dtype":"I32","shape":[2,2],"data_offsets":[0,16]}}';

describe('every validation of the reference reader', () => {
  it('accepts the crate\'s test_deserialization vector', () => {
    const h = readHeader(fileFrom(I32_2x2, zeros(16)));
    expect(h.tensors.get('test')).toEqual({ dtype: 'I32', shape: [2, 2], data_offsets: [0, 16] });
    expect(h.dataStart).toBe(8 + I32_2x2.length);
  });

  it('HeaderTooSmall: fewer than 8 bytes', () => {
    fails([], 'HeaderTooSmall', /header too small: the file has 0 bytes/);
    fails([1, 0, 0, 0, 0, 0, 0], 'HeaderTooSmall', /header too small: the file has 7 bytes/);
  });

  it('HeaderTooLarge: declared header above 100 MB (the crate\'s vector and the u64 maximum)', () => {
    fails([...fileFrom(I32_2x2, zeros(16), 0xffffff000000003cn)], 'HeaderTooLarge', /header too large: the prefix declares 18446742974197923900 bytes/);
    fails([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], 'HeaderTooLarge', /declares 18446744073709551615 bytes of header, above the limit of 100000000/);
    fails([...fileFrom('{}', [], 100_000_001)], 'HeaderTooLarge', /declares 100000001 bytes/);
  });

  it('InvalidHeaderLength: the declared header runs past the end', () => {
    fails([60, 0, 0, 0, 0, 0, 0, 0], 'InvalidHeaderLength', /invalid header length: the prefix declares 60 bytes of header but only 0 bytes follow it/);
    fails([...fileFrom('{}', [], 100_000_000)], 'InvalidHeaderLength', /declares 100000000 bytes/);
  });

  it('InvalidHeader: not UTF-8, with Rust\'s Utf8Error text', () => {
    fails([1, 0, 0, 0, 0, 0, 0, 0, 0xff], 'InvalidHeader', /invalid UTF-8 in header: invalid utf-8 sequence of 1 bytes from index 0$/);
    fails([4, 0, 0, 0, 0, 0, 0, 0, 0x7b, 0x7d, 0xe2, 0x82], 'InvalidHeader', /incomplete utf-8 byte sequence from index 2$/);
    fails([4, 0, 0, 0, 0, 0, 0, 0, 0x7b, 0xf0, 0x9f, 0x41], 'InvalidHeader', /invalid utf-8 sequence of 2 bytes from index 1$/);
    // Encoded surrogates and overlong forms are not UTF-8 either.
    fails([3, 0, 0, 0, 0, 0, 0, 0, 0xed, 0xa0, 0x80], 'InvalidHeader', /invalid utf-8 sequence of 1 bytes from index 0$/);
    fails([2, 0, 0, 0, 0, 0, 0, 0, 0xc0, 0x80], 'InvalidHeader', /invalid utf-8 sequence of 1 bytes from index 0$/);
  });

  it('InvalidHeaderStart: the first non-blank character is not `{`', () => {
    fails([...fileFrom('[]')], 'InvalidHeaderStart', /invalid start character in header, must be `\{`: found "\[" at index 0/);
    fails([...fileFrom('  "x"')], 'InvalidHeaderStart', /found "\\"" at index 2/);
    // A byte-order mark is kept (as Rust does) and is not JSON.
    fails([...fileFrom('\ufeff{}')], 'InvalidHeaderStart', /found "\ufeff"/);
  });

  it('InvalidHeaderDeserialization: JSON syntax, with serde_json-style positions', () => {
    fails([1, 0, 0, 0, 0, 0, 0, 0, 0x7b], 'InvalidHeaderDeserialization', /invalid JSON in header: EOF while parsing an object at line 1 column 1$/);
    fails([...fileFrom('')], 'InvalidHeaderDeserialization', /EOF while parsing a value at line 1 column 0/);
    fails([...fileFrom('{} x')], 'InvalidHeaderDeserialization', /trailing characters at line 1 column 4/);
    fails([...fileFrom('{}\0\0')], 'InvalidHeaderDeserialization', /trailing characters/);
    fails([...fileFrom('{"a" 1}')], 'InvalidHeaderDeserialization', /expected `:` at line 1 column 6/);
    fails([...fileFrom('{"a":1,}')], 'InvalidHeaderDeserialization', /trailing comma/);
    fails([...fileFrom('{a:1}')], 'InvalidHeaderDeserialization', /key must be a string at line 1 column 2/);
    fails([...fileFrom('{"a\u0001":1}')], 'InvalidHeaderDeserialization', /control character/);
    fails([...fileFrom('{"\\ud800":1}')], 'InvalidHeaderDeserialization', /surrogate|hex escape/);
    fails([...fileFrom('{"a":[01]}')], 'InvalidHeaderDeserialization', /invalid number/);
    fails([...fileFrom('{"a":' + '['.repeat(200) + ']'.repeat(200) + '}')], 'InvalidHeaderDeserialization', /recursion limit exceeded/);
  });

  it('InvalidHeaderDeserialization: schema (types, fields, dtype names, usize)', () => {
    const t = (info: string): number[] => [...fileFrom(`{"w":${info}}`)];
    fails(t('{"shape":[1],"data_offsets":[0,4]}'), 'InvalidHeaderDeserialization', /missing field `dtype` \(tensor `w`\)/);
    fails(t('{"dtype":"F32","data_offsets":[0,4]}'), 'InvalidHeaderDeserialization', /missing field `shape`/);
    fails(t('{"dtype":"F32","shape":[1]}'), 'InvalidHeaderDeserialization', /missing field `data_offsets`/);
    fails(t('{"dtype":"F32","dtype":"F32","shape":[1],"data_offsets":[0,4]}'), 'InvalidHeaderDeserialization', /duplicate field `dtype`/);
    fails(t('{"dtype":"F8","shape":[1],"data_offsets":[0,4]}'), 'InvalidHeaderDeserialization', /unknown variant `F8`, expected one of `BOOL`, `F4`.*`U64` \(tensor `w`\)/);
    fails(t('{"dtype":"f32","shape":[1],"data_offsets":[0,4]}'), 'InvalidHeaderDeserialization', /unknown variant `f32`/);
    fails(t('{"dtype":"F32","shape":[1.0],"data_offsets":[0,4]}'), 'InvalidHeaderDeserialization', /invalid type: floating point `1.0`, expected usize \(field `shape`\)/);
    fails(t('{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}'), 'InvalidHeaderDeserialization', /invalid value: integer `-1`, expected usize/);
    fails(t('{"dtype":"F32","shape":["1"],"data_offsets":[0,4]}'), 'InvalidHeaderDeserialization', /invalid type: string "1", expected usize/);
    fails(t('{"dtype":"F32","shape":[1],"data_offsets":[0,18446744073709551616]}'), 'InvalidHeaderDeserialization', /expected usize \(field `data_offsets`\)/);
    fails(t('{"dtype":"F32","shape":[1],"data_offsets":[0,4,8]}'), 'InvalidHeaderDeserialization', /invalid length 3, expected a tuple of size 2/);
    fails(t('{"dtype":"F32","shape":1,"data_offsets":[0,4]}'), 'InvalidHeaderDeserialization', /invalid type: integer `1`, expected a sequence/);
    fails(t('"F32"'), 'InvalidHeaderDeserialization', /invalid type: string "F32", expected struct TensorInfo/);
    fails(t('["F32",[1]]'), 'InvalidHeaderDeserialization', /invalid length 2, expected struct TensorInfo with 3 elements/);
    fails([...fileFrom('{"__metadata__":{"a":1}}')], 'InvalidHeaderDeserialization', /invalid type: integer `1`, expected a string .*metadata values must be strings/);
    fails([...fileFrom('{"__metadata__":[]}')], 'InvalidHeaderDeserialization', /invalid type: sequence, expected a map/);
    fails([...fileFrom('{"__metadata__":{},"__metadata__":{}}')], 'InvalidHeaderDeserialization', /duplicate field `__metadata__`/);
  });

  it('InvalidOffset: gaps, overlaps and reversed ranges, naming the tensor', () => {
    // The crate's test_json_attack: offsets that overlap.
    const attack = '{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}';
    fails([...fileFrom(attack, zeros(12))], 'InvalidOffset', /invalid offset for tensor `b`: data_offsets \[4, 12\], it overlaps the previous tensor, which ends at 8/, 'b');
    const gap = '{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}';
    fails([...fileFrom(gap, zeros(12))], 'InvalidOffset', /`b`: data_offsets \[8, 12\], there is a gap: the previous tensor ends at 4/, 'b');
    fails([...fileFrom('{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,4]}}', zeros(4))], 'InvalidOffset', /gap/, 'a');
    fails([...fileFrom('{"a":{"dtype":"F32","shape":[0],"data_offsets":[0,0]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,0]}}', zeros(4))], 'InvalidOffset', /`b`: data_offsets \[4, 0\], its end 0 is before its start 4/, 'b');
    // Duplicate names keep the last entry (serde's HashMap), which leaves a hole.
    const dup = '{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}';
    fails([...fileFrom(dup, zeros(8))], 'InvalidOffset', /`a`/, 'a');
  });

  it('TensorInvalidInfo: byte range does not match shape × dtype (crate vector test_invalid_info)', () => {
    fails([...fileFrom('{"test":{"dtype":"I32","shape":[2,2],"data_offsets":[0, 4]}}', zeros(4))], 'TensorInvalidInfo',
      /invalid shape, data type, or offset for tensor `test`: shape \[2, 2\] of I32 needs 16 bytes but data_offsets \[0, 4\] span 4/, 'test');
  });

  it('ValidationOverflow: shape × itemsize overflows u64 (crate vectors)', () => {
    fails([...fileFrom('{"test":{"dtype":"I32","shape":[2,18446744073709551614],"data_offsets":[0,16]}}', zeros(16))], 'ValidationOverflow',
      /overflow computing buffer size from shape and\/or element type: tensor `test` has shape \[2, 18446744073709551614\]/, 'test');
    fails([...fileFrom('{"test":{"dtype":"I32","shape":[2,9223372036854775807],"data_offsets":[0,16]}}', zeros(16))], 'ValidationOverflow', /of I32/, 'test');
    // Checked left to right, as try_fold(checked_mul) does: the zero comes too late.
    fails([...fileFrom('{"t":{"dtype":"U8","shape":[4294967296,4294967296,0],"data_offsets":[0,0]}}')], 'ValidationOverflow', /`t`/, 't');
  });

  it('MisalignedSlice: sub-byte dtypes that do not end on a byte', () => {
    fails([...fileFrom('{"f4":{"dtype":"F4","shape":[3],"data_offsets":[0,1]}}', zeros(1))], 'MisalignedSlice', /not end up at a byte boundary.*`f4`: 3 elements of F4 are 12 bits/, 'f4');
  });

  it('MetadataIncompleteBuffer: extra or missing data bytes (crate vectors)', () => {
    fails([...fileFrom(I32_2x2, [...zeros(16), ...enc('extra_bogus_data_for_polyglot_file')])], 'MetadataIncompleteBuffer',
      /incomplete metadata, file not fully covered: the tensors cover 16 bytes of data but the file has 50 bytes after the header/);
    fails([...fileFrom(I32_2x2, zeros(14))], 'MetadataIncompleteBuffer', /cover 16 bytes of data but the file has 14/);
    fails([...fileFrom('{}', [0])], 'MetadataIncompleteBuffer', /cover 0 bytes/);
  });

  it('accepts sub-byte and other crate dtypes in headers (validation only)', () => {
    const h = readHeader(fileFrom('{"f4":{"dtype":"F4","shape":[1,2],"data_offsets":[0,1]},"u64":{"dtype":"U64","shape":[1],"data_offsets":[1,9]}}', zeros(9)));
    expect([...h.tensors.keys()]).toEqual(['f4', 'u64']);
  });

  it('a zero-size tensor may declare a dimension beyond 2^53 only as an explicit error', () => {
    fails([...fileFrom('{"t":{"dtype":"U8","shape":[0,9007199254740993],"data_offsets":[0,0]}}')], 'ValidationOverflow', /beyond 2\^53 - 1/, 't');
  });

  it('keeps `__proto__` and integer-like names as plain keys', () => {
    const h = readHeader(fileFrom('{"__proto__":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"__metadata__":{"__proto__":"x","1":"y"}}', [5]));
    expect([...h.tensors.keys()]).toEqual(['__proto__']);
    expect([...h.metadata!]).toEqual([['__proto__', 'x'], ['1', 'y']]);
  });
});

describe('compareNames (Rust byte order)', () => {
  it('orders astral characters after U+E000..U+FFFF, unlike JS string comparison', () => {
    const names = ['\u{1F600}', '\ue000', 'b', 'a', 'ab', ''];
    expect([...names].sort(compareNames)).toEqual(['', 'a', 'ab', 'b', '\ue000', '\u{1F600}']);
    expect(['\u{1F600}', '\ue000'].sort()).toEqual(['\u{1F600}', '\ue000']);
  });
});
