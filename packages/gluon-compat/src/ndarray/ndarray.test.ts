import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValueError } from '@nncompat/core';
import { cpu, gpu } from '../context/context.js';
import { MXNetError } from '../errors.js';
import { array, ones, zeros } from './creation.js';
import { numpy } from './dtype.js';
import { load, load_frombuffer, save, save_tobytes } from './io.js';
import { NDArray } from './ndarray.js';

describe('mx.nd.NDArray', () => {
  it('array() takes nested lists (float32 by default, as mx_real_t) and keeps an NDArray source dtype/context', () => {
    const a = array([[1, 2, 3], [4, 5, 6]]);
    expect(a.shape).toEqual([2, 3]);
    expect(a.dtype).toBe(numpy.float32);
    expect(Array.from(a.asnumpy())).toEqual([1, 2, 3, 4, 5, 6]);
    expect(String(a.context)).toBe('cpu(0)');
    const b = array(a.astype('int32').copyto(gpu(1)));
    expect(b.dtype).toBe(numpy.int32);
    expect(b.context).toBe(gpu(1));
    expect(array(new Int32Array([1, 2])).dtype).toBe(numpy.float32);
    expect(() => array([[1, 2], [3]])).toThrow(ValueError);
  });

  it('copyto / as_in_context / astype / __setitem__(":") / asscalar', () => {
    const a = ones([2, 2], cpu(0), 'float64');
    const b = a.copyto(cpu(1));
    expect(b.context).toBe(cpu(1));
    expect(a.as_in_context(cpu(0))).toBe(a);
    b.__setitem__(':', 7);
    expect(Array.from(b.asnumpy())).toEqual([7, 7, 7, 7]);
    expect(Array.from(a.asnumpy())).toEqual([1, 1, 1, 1]);
    const c = array([1.7, -2.7, 300]).astype('int8');
    expect(Array.from(c.asnumpy())).toEqual([1, -2, 44]);
    expect(array([2.5]).asscalar()).toBe(2.5);
    expect(() => array([1, 2]).asscalar()).toThrow('The current array is not a scalar');
    expect(() => a.__setitem__(':', zeros([3]))).toThrow(ValueError);
    expect(String(zeros([2, 3]))).toBe('<NDArray 2x3 @cpu(0)>');
  });
});

describe('mx.nd.save / mx.nd.load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nd-'));

  it('dict → named file → ordered Map; list → unnamed file → array; values and dtypes survive', () => {
    const x = zeros([2, 3]);
    const y = array([[1, 2, 3, 4]], null, 'float16');
    save(join(dir, 'my_dict'), { x, y });
    const d = load(join(dir, 'my_dict')) as Map<string, NDArray>;
    expect([...d.keys()]).toEqual(['x', 'y']);
    expect(d.get('y')!.dtype).toBe(numpy.float16);
    expect(Array.from(d.get('y')!.astype('float32').asnumpy())).toEqual([1, 2, 3, 4]);
    save(join(dir, 'my_list'), [x, y]);
    const l = load(join(dir, 'my_list')) as NDArray[];
    expect(Array.isArray(l)).toBe(true);
    expect(l.map((a) => a.shape)).toEqual([[2, 3], [1, 4]]);
    save(join(dir, 'single'), x);
    expect((load(join(dir, 'single')) as NDArray[]).length).toBe(1);
  });

  it('writes the bytes of the V2 fixture that MXNet 1.9 would write for the same dict', () => {
    const fixture = new Uint8Array(readFileSync(new URL('../../fixtures/ndarray-format/v2_named_dict.params', import.meta.url)));
    const loaded = load(fixture) as Map<string, NDArray>;
    expect(Buffer.from(save_tobytes(loaded)).equals(Buffer.from(fixture))).toBe(true);
  });

  it("errors: Python's TypeError/ValueError texts, MXNet's for a 'none' array", () => {
    expect(() => save_tobytes([zeros([1]), 3 as never])).toThrow('save only accept dict str->NDArray or list of NDArray');
    expect(() => save_tobytes(5 as never)).toThrow('data needs to either be a NDArray, dict of str, NDArray pairs or a list of NDarrays.');
    const none = new Uint8Array(readFileSync(new URL('../../fixtures/ndarray-format/none_arrays.params', import.meta.url)));
    expect(() => load_frombuffer(none)).toThrow('unknown storage type: -1');
    expect(() => load_frombuffer(new Uint8Array(4))).toThrow(MXNetError);
  });
});
