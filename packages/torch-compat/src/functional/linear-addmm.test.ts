import { describe, expect, it } from 'vitest';
import { gradcheck } from '@nncompat/core/testing';
import { manual_seed, randn } from '@nncompat/core';
import { linear } from './linear.js';

describe('F.linear', () => {
  it('runs addmm for 2-D input with bias, as PyTorch (grad_fn=<AddmmBackward0>), and matmul otherwise', () => {
    manual_seed(0);
    const w = randn(3, 4).requires_grad_();
    const b = randn(3).requires_grad_();
    expect(linear(randn(2, 4), w, b).grad_fn!.name()).toBe('AddmmBackward0');
    expect(linear(randn(2, 4), w).grad_fn!.name()).toBe('MmBackward0');
  });
  it('has correct gradients (float64 finite differences)', () => {
    manual_seed(1);
    const x = randn(5, 4, { dtype: 'float64' }).requires_grad_();
    const w = randn(3, 4, { dtype: 'float64' }).requires_grad_();
    const b = randn(3, { dtype: 'float64' }).requires_grad_();
    expect(gradcheck((a, c, d) => linear(a!, c!, d!), [x, w, b])).toBe(true);
  });
});
