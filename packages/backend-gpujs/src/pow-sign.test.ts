import { describe, expect, it } from 'vitest';
import { tensor } from '@nncompat/core';
import './index.js';

// GLSL pow(x, y) is undefined for negative x; the kernel must give PyTorch's values everywhere.
describe('Pow on gpujs with negative bases', () => {
  it('matches the reference for integer, odd, zero and fractional exponents', () => {
    const base = [-3, -2, -0.5, 0, 0.5, 2];
    const exp = [2, 3, 1, 0, -1, 0.5];
    const on = (device: string) => tensor(base, { dtype: 'float32', device }).pow(tensor(exp, { dtype: 'float32', device })).tolist();
    expect(on('gpujs')).toEqual(on('cpu'));
    const x = tensor([-1.5, -2, 4], { dtype: 'float32', device: 'gpujs' });
    expect(x.pow(2).tolist()).toEqual([2.25, 4, 16]);
    expect(x.pow(3).tolist()).toEqual([-3.375, -8, 64]);
    expect(Number.isNaN((x.pow(0.5).tolist() as number[])[0]!)).toBe(true);
  });
});
