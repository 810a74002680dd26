/**
 * Python call semantics of loss-extra.ts / distance-extra.ts (values and gradients are checked
 * against PyTorch through the nn modules in layers-extra.golden.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { manual_seed, randn, tensor } from '@nncompat/core';
import * as F from './index.js';

describe('F losses (extra): positional == keyword', () => {
  manual_seed(3);
  const a = randn(4, 5);
  const b = randn(4, 5);
  const c = randn(4, 5);
  const y = tensor([1, -1, 1, -1]);
  it('binds PyTorch positional order', () => {
    expect(F.huber_loss(a, b, 'sum', 0.5).item()).toBe(F.huber_loss(a, b, { reduction: 'sum', delta: 0.5 }).item());
    expect(F.triplet_margin_loss(a, b, c, 0.5, 1, 1e-6, true).item()).toBe(F.triplet_margin_loss(a, b, c, { margin: 0.5, p: 1, swap: true }).item());
    expect(F.cosine_embedding_loss(a, b, y, 0.1, null, null, 'sum').item()).toBe(F.cosine_embedding_loss(a, b, y, { margin: 0.1, reduction: 'sum' }).item());
    expect(F.pairwise_distance(a, b, 1, 1e-6, true).shape).toStrictEqual([4, 1]);
    expect(F.poisson_nll_loss(a, b.abs(), false, true, null, 0.1).item()).toBe(F.poisson_nll_loss(a, b.abs(), { log_input: false, full: true, eps: 0.1 }).item());
  });
  it('rejects unknown keywords and bad reductions as PyTorch', () => {
    expect(() => (F.huber_loss as (...x: unknown[]) => unknown)(a, b, { beta: 1 })).toThrow("huber_loss() got an unexpected keyword argument 'beta'");
    expect(() => F.soft_margin_loss(a, b, { reduction: 'avg' as 'sum' })).toThrow('avg is not a valid value for reduction');
    expect(() => F.gaussian_nll_loss(a, b, c.abs(), { reduction: 'avg' as 'sum' })).toThrow('avg is not valid');
  });
});
