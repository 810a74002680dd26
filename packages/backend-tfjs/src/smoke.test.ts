import { describe, expect, it } from 'vitest';
import { setDefaultBackend, tensor, Tensor } from '@nncompat/core';
import { ready } from './index.js';

describe('smoke', () => {
  it('runs', async () => {
    await ready();
    const x = Tensor.fromHost(new Float32Array([1, 2, 3, 4]), [2, 2], 'float32', 'tfjs');
    expect(x.device).toBe('tfjs');
    expect(x.mul(2).add(1).tolist()).toEqual([[3, 5], [7, 9]]);
    expect(x.t().contiguous().tolist()).toEqual([[1, 3], [2, 4]]);
    expect(x.mm(x).tolist()).toEqual([[7, 10], [15, 22]]);
    setDefaultBackend('reference');
    expect(tensor([1]).device).toBe('cpu');
  });
});
