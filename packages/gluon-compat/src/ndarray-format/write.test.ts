import { describe, expect, it } from 'vitest';
import { MXNetError } from '../errors.js';
import { readNDArrayList } from './read.js';
import { writeNDArrayList } from './write.js';
import type { NDArrayRecord } from './record.js';

const cpu = { devType: 1, devId: 0 };

describe('writeNDArrayList', () => {
  it('round-trips every dtype through readNDArrayList', () => {
    const recs: NDArrayRecord[] = [
      { dtype: 'float32', shape: [2], data: new Float32Array([1.5, -2]), ctx: cpu },
      { dtype: 'float64', shape: [1, 1], data: new Float64Array([Math.PI]), ctx: cpu },
      { dtype: 'float16', shape: [1], data: new Uint16Array([0x3c00]), ctx: cpu },
      { dtype: 'bfloat16', shape: [1], data: new Uint16Array([0x3f80]), ctx: cpu },
      { dtype: 'int8', shape: [2], data: new Int8Array([-128, 127]), ctx: cpu },
      { dtype: 'uint8', shape: [2], data: new Uint8Array([0, 255]), ctx: cpu },
      { dtype: 'int16', shape: [2], data: new Int16Array([-32768, 32767]), ctx: cpu },
      { dtype: 'int32', shape: [2], data: new Int32Array([-(2 ** 31), 2 ** 31 - 1]), ctx: cpu },
      { dtype: 'int64', shape: [2], data: new Float64Array([-(2 ** 53 - 1), 2 ** 53 - 1]), ctx: { devType: 2, devId: 3 } },
      { dtype: 'bool', shape: [3], data: new Uint8Array([1, 0, 1]), ctx: cpu },
    ];
    const back = readNDArrayList(writeNDArrayList(recs));
    expect(back.names).toEqual([]);
    back.arrays.forEach((a, i) => {
      expect(a!.version).toBe(2);
      expect(a!.dtype).toBe(recs[i]!.dtype);
      expect(a!.shape).toEqual(recs[i]!.shape);
      expect(a!.ctx).toEqual(recs[i]!.ctx);
      expect(Array.from(a!.data)).toEqual(Array.from(recs[i]!.data));
    });
  });

  it('refuses a 0-dim array in V2 (MXNet reads ndim 0 as "none") but writes it as V3', () => {
    const scalar: NDArrayRecord = { dtype: 'float32', shape: [], data: new Float32Array([7]), ctx: cpu };
    expect(() => writeNDArrayList([scalar])).toThrow(MXNetError);
    const back = readNDArrayList(writeNDArrayList([scalar], ['s'], { version: 3 }));
    expect(back.arrays[0]!.shape).toEqual([]);
    expect(Array.from(back.arrays[0]!.data)).toEqual([7]);
  });

  it('names the bad argument', () => {
    const ok: NDArrayRecord = { dtype: 'float32', shape: [2], data: new Float32Array(2), ctx: cpu };
    expect(() => writeNDArrayList([ok], ['a', 'b'])).toThrow("'names' must be empty or hold one name per array: got 2 names for 1 arrays");
    expect(() => writeNDArrayList([{ ...ok, shape: [3] }])).toThrow("'arrays[0].data' has 2 elements but shape [3] needs 3");
    expect(() => writeNDArrayList([{ ...ok, data: new Float64Array(2) }])).toThrow("'arrays[0].data' must be a Float32Array for dtype float32, got Float64Array");
    expect(() => writeNDArrayList([{ ...ok, shape: [-2] }])).toThrow("'arrays[0].shape' must be an array of non-negative integers");
    expect(() => writeNDArrayList([{ ...ok, dtype: 'uint16' as never }])).toThrow("'arrays[0].dtype' must be one of");
    expect(() => writeNDArrayList([{ dtype: 'int64', shape: [1], data: new Float64Array([0.5]), ctx: cpu }])).toThrow("'arrays[0].data[0]' must be an integer within 2^53 for int64, got 0.5");
  });
});
