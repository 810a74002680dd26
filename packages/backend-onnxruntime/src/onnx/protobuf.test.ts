import { describe, expect, it } from 'vitest';
import { ProtoWriter } from './protobuf.js';

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

// Expected bytes are the worked examples of the protobuf encoding guide
// (protobuf.dev/programming-guides/encoding), plus its two's-complement rule for negative int64.
describe('ProtoWriter', () => {
  it('writes varints (field 1 = 150 → 08 96 01)', () => {
    expect(hex(new ProtoWriter().int64(1, 150).finish())).toBe('08 96 01');
  });
  it('writes strings (field 2 = "testing")', () => {
    expect(hex(new ProtoWriter().string(2, 'testing').finish())).toBe('12 07 74 65 73 74 69 6e 67');
  });
  it('writes packed repeated varints (field 4 = [3, 270, 86942])', () => {
    expect(hex(new ProtoWriter().packedInt64(4, [3, 270, 86942]).finish())).toBe('22 06 03 8e 02 9e a7 05');
  });
  it('writes negative int64 as ten bytes of two\'s complement', () => {
    expect(hex(new ProtoWriter().int64(1, -1).finish())).toBe('08 ff ff ff ff ff ff ff ff ff 01');
    expect(hex(new ProtoWriter().int64(1, -2n).finish())).toBe('08 fe ff ff ff ff ff ff ff ff 01');
  });
  it('writes values beyond 32 bits exactly', () => {
    // 2^35 = 7 groups of 7 bits: 0x80 0x80 0x80 0x80 0x80 0x01 after the 5 zero groups.
    expect(hex(new ProtoWriter().int64(1, 2 ** 35).finish())).toBe('08 80 80 80 80 80 01');
  });
  it('writes fixed32 floats and fixed64 doubles little endian', () => {
    expect(hex(new ProtoWriter().float(2, 1).finish())).toBe('15 00 00 80 3f');
    expect(hex(new ProtoWriter().double(1, 1).finish())).toBe('09 00 00 00 00 00 00 f0 3f');
  });
  it('nests messages with their length', () => {
    // Test3 { c (3): Test1 { a (1): 150 } } from the guide: 1a 03 08 96 01.
    expect(hex(new ProtoWriter().message(3, (m) => m.int64(1, 150)).finish())).toBe('1a 03 08 96 01');
  });
  it('rejects non-integer varints', () => {
    expect(() => new ProtoWriter().int64(1, 1.5)).toThrow(/integer/);
  });
});
