import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zeros } from '@nncompat/core';
import { Adagrad, Adam, type Optimizer, SGD } from './index.js';
import {
  ChainedScheduler, ConstantLR, CosineAnnealingLR, CosineAnnealingWarmRestarts, CyclicLR, ExponentialLR, LinearLR,
  MultiplicativeLR, PolynomialLR, SequentialLR, StepLR,
} from './lr_scheduler_all.js';

interface SchedCase {
  name: string;
  lrs: number[][];
  momentum: (number | null)[];
}

/** PyTorch 1.13 sequences from tooling/goldens/gen_optim_extra.py (same formulas in 2.1). */
const { schedulers } = JSON.parse(readFileSync(new URL('../../fixtures/optim_extra.json', import.meta.url), 'utf8')) as { schedulers: SchedCase[] };

type Stepper = { step(): void };
/** The generator's schedulers, case by case (same arguments). */
const MAKE: Record<string, [groups: number, momentum: boolean, make: (o: Optimizer) => Stepper]> = {
  linear: [1, false, (o) => new LinearLR(o)],
  linear_opts: [2, false, (o) => new LinearLR(o, { start_factor: 0.25, end_factor: 0.75, total_iters: 6 })],
  constant: [1, false, (o) => new ConstantLR(o)],
  constant_opts: [1, false, (o) => new ConstantLR(o, { factor: 0.5, total_iters: 3 })],
  multiplicative: [1, false, (o) => new MultiplicativeLR(o, () => 0.95)],
  multiplicative_list: [2, false, (o) => new MultiplicativeLR(o, [() => 0.9, (e) => 1.0 / (1 + e)])],
  polynomial: [1, false, (o) => new PolynomialLR(o)],
  polynomial_opts: [1, false, (o) => new PolynomialLR(o, { total_iters: 6, power: 2.0 })],
  warm_restarts: [1, false, (o) => new CosineAnnealingWarmRestarts(o, 4)],
  warm_restarts_mult: [1, false, (o) => new CosineAnnealingWarmRestarts(o, 2, { T_mult: 2, eta_min: 0.01 })],
  cyclic_tri: [1, true, (o) => new CyclicLR(o, 0.01, 0.1, { step_size_up: 4 })],
  cyclic_tri2: [1, false, (o) => new CyclicLR(o, 0.01, 0.1, { step_size_up: 3, step_size_down: 2, mode: 'triangular2', cycle_momentum: false })],
  cyclic_exp: [1, true, (o) => new CyclicLR(o, 0.01, 0.1, { step_size_up: 3, mode: 'exp_range', gamma: 0.9, base_momentum: 0.7, max_momentum: 0.95 })],
  cyclic_iter: [2, false, (o) => new CyclicLR(o, [0.01, 0.02], 0.1, { step_size_up: 3, scale_fn: (x) => 0.5 ** x, scale_mode: 'iterations', cycle_momentum: false })],
  sequential: [1, false, (o) => new SequentialLR(o, [new ConstantLR(o, { factor: 0.1, total_iters: 2 }), new ExponentialLR(o, 0.9)], [2])],
  sequential3: [1, false, (o) => new SequentialLR(o, [
    new LinearLR(o, { start_factor: 0.5, total_iters: 3 }), new StepLR(o, 2, { gamma: 0.5 }), new CosineAnnealingLR(o, 4),
  ], [3, 7])],
  chained: [1, false, (o) => new ChainedScheduler([new ConstantLR(o, { factor: 0.1, total_iters: 2 }), new ExponentialLR(o, 0.9)])],
};

describe('warmup/cyclic/composite lr schedulers give PyTorch\'s lr sequences (5e-16)', () => {
  for (const c of schedulers) {
    it(c.name, () => {
      const [groups, withMomentum, make] = MAKE[c.name]!;
      const params = Array.from({ length: groups }, () => ({ params: [zeros(1, { requires_grad: true })] }));
      const opt = new SGD(params, withMomentum ? { lr: 0.1, momentum: 0.9 } : { lr: 0.1 });
      const sched = make(opt);
      const lrs = [opt.param_groups.map((g) => g.lr as number)];
      const moms = [opt.param_groups[0]!.momentum as number];
      for (let i = 0; i < c.lrs.length - 1; i++) {
        opt.step();
        sched.step();
        lrs.push(opt.param_groups.map((g) => g.lr as number));
        moms.push(opt.param_groups[0]!.momentum as number);
      }
      expect(lrs.length).toBe(c.lrs.length);
      lrs.forEach((row, i) => row.forEach((v, j) => expect(v, `lr[${i}][${j}]`).toBeCloseTo(c.lrs[i]![j]!, 15)));
      moms.forEach((v, i) => expect(v, `momentum[${i}]`).toBeCloseTo(c.momentum[i]!, 15));
    });
  }
});

describe('scheduler arguments and state', () => {
  const opt = (): SGD => new SGD([zeros(1, { requires_grad: true })], { lr: 0.1 });
  it('rejects bad arguments with PyTorch\'s texts', () => {
    expect(() => new ConstantLR(opt(), { factor: 2 })).toThrow('Constant multiplicative factor expected to be between 0 and 1.');
    expect(() => new LinearLR(opt(), { start_factor: 0 })).toThrow('Starting multiplicative factor expected to be greater than 0 and less or equal to 1.');
    expect(() => new LinearLR(opt(), { end_factor: 1.5 })).toThrow('Ending multiplicative factor expected to be between 0 and 1.');
    expect(() => new CosineAnnealingWarmRestarts(opt(), 0)).toThrow('Expected positive integer T_0, but got 0');
    expect(() => new CosineAnnealingWarmRestarts(opt(), 2, { T_mult: 1.5 })).toThrow('Expected integer T_mult >= 1, but got 1.5');
    expect(() => new CyclicLR(new Adagrad([zeros(1, { requires_grad: true })]), 0.01, 0.1)).toThrow('optimizer must support momentum with `cycle_momentum` option enabled');
    expect(() => new MultiplicativeLR(opt(), [() => 1, () => 1])).toThrow('Expected 1 lr_lambdas, but got 2');
    const o = opt();
    expect(() => new SequentialLR(o, [new ConstantLR(o)], [1])).toThrow('Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers 1 and the number of milestones to be equal to 1');
    expect(() => new SequentialLR(o, [new ConstantLR(opt())], [])).toThrow('got schedulers at index 0 to be different than the optimizer passed in.');
    expect(() => new ChainedScheduler([new ConstantLR(o), new ConstantLR(opt())])).toThrow('ChainedScheduler expects all schedulers to belong to the same optimizer, but got schedulers at index 0 and 1 to be different');
  });
  it('CyclicLR refuses cycle_momentum without a momentum optimizer (PyTorch 2.1; beta1 cycling is 2.2+)', () => {
    const a = new Adam([zeros(1, { requires_grad: true })], { lr: 0.1 });
    expect(() => new CyclicLR(a, 0.01, 0.1)).toThrow('optimizer must support momentum with `cycle_momentum` option enabled');
    const s = new CyclicLR(a, 0.01, 0.1, { step_size_up: 2, cycle_momentum: false });
    a.step();
    s.step();
    expect(a.param_groups[0]!.lr).toBeCloseTo(0.055, 15);
  });
  it('SequentialLR and ChainedScheduler save their children\'s state under _schedulers', () => {
    const o = opt();
    const seq = new SequentialLR(o, [new ConstantLR(o, { factor: 0.5, total_iters: 1 }), new ExponentialLR(o, 0.9)], [2]);
    seq.step();
    const sd = seq.state_dict();
    expect(Object.keys(sd)).toEqual(['_milestones', 'last_epoch', '_last_lr', '_schedulers']);
    expect(sd.last_epoch).toBe(1);
    expect((sd._schedulers as { last_epoch: number }[]).map((x) => x.last_epoch)).toEqual([1, -1]);
  });
});
