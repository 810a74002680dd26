import { describe, expect, it } from 'vitest';
import { arange, avg_pool2d, cat, conv2d, max_pool2d, ones, stack, tensor } from '../index.js';

describe('ops on the heavy reference kernels', () => {
  it('matmul with batching and gradients', () => {
    const a = arange(6, { dtype: 'float32' }).view(2, 3).requires_grad_();
    const b = arange(6, { dtype: 'float32' }).view(3, 2).requires_grad_();
    const c = a.mm(b);
    expect(c.tolist()).toEqual([[10, 13], [28, 40]]);
    expect(c.grad_fn!.name()).toBe('MmBackward0');
    c.sum().backward();
    expect(a.grad!.tolist()).toEqual([[1, 5, 9], [1, 5, 9]]);
    expect(b.grad!.tolist()).toEqual([[3, 3], [5, 5], [7, 7]]);
    expect(() => a.mm(a)).toThrow('mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)');
    const batched = ones(4, 1, 2, 3).matmul(ones(5, 3, 2));
    expect(batched.shape).toEqual([4, 5, 2, 2]);
    expect(batched.select(0, 0).select(0, 0).tolist()).toEqual([[3, 3], [3, 3]]);
  });
  it('conv2d, pools, softmax, cat and stack', () => {
    const x = arange(16, { dtype: 'float32' }).view(1, 1, 4, 4);
    const w = ones(1, 1, 2, 2);
    expect(conv2d(x, w).tolist()).toEqual([[[[10, 14, 18], [26, 30, 34], [42, 46, 50]]]]);
    expect((max_pool2d(x, 2) as ReturnType<typeof tensor>).tolist()).toEqual([[[[5, 7], [13, 15]]]]);
    expect(avg_pool2d(x, 2).tolist()).toEqual([[[[2.5, 4.5], [10.5, 12.5]]]]);
    expect(tensor([[0, 0]], { dtype: 'float32' }).softmax(1).tolist()).toEqual([[0.5, 0.5]]);
    expect(cat([ones(1, 2), ones(2, 2).mul(2)]).tolist()).toEqual([[1, 1], [2, 2], [2, 2]]);
    expect(stack([ones(2), ones(2)], 1).shape).toEqual([2, 2]);
  });
});
