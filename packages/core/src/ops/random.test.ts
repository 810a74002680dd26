import { describe, expect, it } from 'vitest';
import { manual_seed, rand, randn, randint, randperm, zeros } from '../index.js';

// Values printed by PyTorch 1.13 (torch.manual_seed(0); torch.rand(3) …), as recorded in
// packages/core/fixtures/rng; these check the tensor-level wiring of the exact generators.
describe('random tensors', () => {
  it('matches torch.rand / randn / randint after manual_seed(0)', () => {
    manual_seed(0);
    expect(Array.from(rand(3).dataSync())).toEqual([0.49625658988952637, 0.7682217955589294, 0.08847743272781372]);
    manual_seed(0);
    expect(Array.from(randn(3).dataSync())).toEqual([1.5409960746765137, -0.293428897857666, -2.1787893772125244]);
    manual_seed(0);
    expect(randint(0, 10, [5]).tolist()).toEqual([4, 9, 3, 0, 3]);
  });
  it('fills in place and keeps shapes and dtypes', () => {
    manual_seed(0);
    const t = zeros(3).uniform_();
    expect(Array.from(t.dataSync())).toEqual([0.49625658988952637, 0.7682217955589294, 0.08847743272781372]);
    expect(t._version).toBe(1);
    const p = randperm(10);
    expect([...(p.tolist() as number[])].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(p.dtype.name).toBe('int64');
  });
});
