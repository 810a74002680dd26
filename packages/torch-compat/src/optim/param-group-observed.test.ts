import { describe, expect, it } from 'vitest';
import { hostConstantEpoch, randn } from '@nncompat/core';
import { SGD } from './sgd.js';

describe('param groups report writes (compiled steps retrace on them)', () => {
  it('counts changed values, deletions and load_state_dict, not rewrites of the same value', () => {
    const opt = new SGD([randn(2).requires_grad_()], { lr: 0.1, momentum: 0.9 });
    const g = opt.param_groups[0]!;
    let e = hostConstantEpoch();
    g.lr = 0.1;
    expect(hostConstantEpoch()).toBe(e);
    g.lr = 0.05;
    expect(hostConstantEpoch()).toBe(e + 1);
    delete g.nesterov;
    expect(hostConstantEpoch()).toBe(e + 2);
    e = hostConstantEpoch();
    opt.load_state_dict(new SGD([randn(2).requires_grad_()], { lr: 0.2 }).state_dict());
    expect(hostConstantEpoch()).toBeGreaterThan(e);
    expect(opt.param_groups[0]!.lr).toBe(0.2);
    // The group still reads and prints as a plain dict.
    expect(Object.keys(opt.param_groups[0]!)).toContain('momentum');
  });
});
