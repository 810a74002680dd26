// The shared test helpers themselves: tolerance edges of assertClose, non-contiguous views
// built from fixture JSON, and fixture loading errors.
import { describe, expect, it } from 'vitest';
import { assertClose, fromJsonData, fromJsonView, jsonValues, loadFixture, toNumbers } from './index.js';

describe('@nncompat/core/testing', () => {
  it('assertClose applies atol + rtol*|expected| and names the first mismatch', () => {
    assertClose([1.0001, 0], [1, 1e-6], { rtol: 1e-4, atol: 1e-6 });
    expect(() => assertClose([1.001, 5], [1, 5], { rtol: 1e-4, atol: 0, what: 'out' })).toThrow(
      'out: 1 of 2 elements differ (rtol 0.0001, atol 0); first at flat index 0: got 1.001, expected 1',
    );
    expect(() => assertClose([1], [1, 2])).toThrow('values: expected 2 elements, got 1');
  });

  it('assertClose treats NaN as equal to NaN (unless equal_nan is false) and infinities exactly', () => {
    assertClose([NaN, Infinity], [NaN, Infinity], { rtol: 1, atol: 1 });
    expect(() => assertClose([NaN], [NaN], { equal_nan: false })).toThrow(/differ/);
    expect(() => assertClose([1e308], [Infinity], { rtol: 1, atol: 1 })).toThrow(/differ/);
    expect(() => assertClose([NaN], [0], { rtol: 1, atol: 1 })).toThrow(/differ/);
  });

  it('fromJsonView keeps the fixture strides and offset, sharing one storage', () => {
    const t = fromJsonView({ dtype: 'float64', shape: [2, 2], strides: [1, 3], offset: 1, storage: [9, 1, 2, 9, 3, 4] });
    expect(t.is_contiguous()).toBe(false);
    expect(t.stride()).toEqual([1, 3]);
    expect(t.storage_offset()).toBe(1);
    expect(toNumbers(t)).toEqual([1, 3, 2, 4]);
    expect(t.requires_grad).toBe(false);
    expect(fromJsonView({ dtype: 'float32', shape: [1], strides: [1], offset: 0, storage: [1], rg: true }).requires_grad).toBe(true);
  });

  it('decodes nan/inf strings and 16-bit float bit patterns', () => {
    expect(toNumbers(fromJsonData({ dtype: 'float32', shape: [3], data: ['nan', 'inf', '-inf'] }))).toEqual([NaN, Infinity, -Infinity]);
    // 0x3c00 is 1.0 in float16, 0x3f80 is 1.0 in bfloat16
    expect(toNumbers(fromJsonData({ dtype: 'float16', shape: [1], data: [0x3c00] }))).toEqual([1]);
    expect(jsonValues({ dtype: 'bfloat16', shape: [1], data: [0x3f80] })).toEqual([1]);
  });

  it('loadFixture names a missing file', () => {
    expect(() => loadFixture('ops/does-not-exist.json')).toThrow(/fixture 'ops\/does-not-exist.json' not found/);
  });
});
