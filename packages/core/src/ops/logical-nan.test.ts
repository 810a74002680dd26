import { describe, expect, it } from 'vitest';
import { tensor } from '../index.js';

// torch 1.13: torch.tensor([nan, 0.]).logical_and(torch.tensor([1., 1.])) -> [True, False]; NaN is nonzero.
describe('logical ops treat NaN as true, as PyTorch does', () => {
  it('and / or / xor / not', () => {
    const a = tensor([NaN, 0, NaN]);
    const b = tensor([1, 1, 0]);
    expect(a.logical_and(b).tolist()).toEqual([true, false, false]);
    expect(a.logical_or(b).tolist()).toEqual([true, true, true]);
    expect(a.logical_xor(b).tolist()).toEqual([false, true, true]);
    expect(a.logical_not().tolist()).toEqual([false, true, false]);
  });
});
