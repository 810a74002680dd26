import { describe, expect, it } from 'vitest';
import { Tensor } from '@nncompat/core';
import './index.js';

describe('smoke', () => {
  it('runs elementwise, matmul and reductions as gpu.js kernels', () => {
    const x = Tensor.fromHost(new Float32Array([1, 2, 3, 4]), [2, 2], 'float32', 'gpujs');
    expect(x.device).toBe('gpujs');
    expect(x.mul(2).add(1).tolist()).toEqual([[3, 5], [7, 9]]);
    expect(x.t().contiguous().tolist()).toEqual([[1, 3], [2, 4]]);
    expect(x.mm(x).tolist()).toEqual([[7, 10], [15, 22]]);
    expect(x.sum().item()).toBe(10);
    expect(x.amax(1).tolist()).toEqual([2, 4]);
  });
});
