import { describe, expect, it } from 'vitest';
import { zeros } from '@nncompat/core';
import { loadFunctionalFixture } from '../functional/golden.test-helpers.js';
import { Adam, type Optimizer, SGD } from './index.js';
import { CosineAnnealingLR, ExponentialLR, LambdaLR, MultiStepLR, OneCycleLR, ReduceLROnPlateau, StepLR } from './lr_scheduler.js';

interface SchedCase {
  name: string;
  cls: string;
  kwargs: Record<string, unknown>;
  lambda: 'exp' | 'step' | null;
  optim: 'SGD' | 'Adam';
  optim_kwargs: Record<string, number>;
  metrics: number[] | null;
  lrs: number[][];
  momentum: (number | null)[];
}

const { cases } = loadFunctionalFixture<{ cases: SchedCase[] }>('lr_scheduler.json');

/** The same lambdas as the golden script. */
const LAMBDAS = { exp: (e: number) => 0.95 ** e, step: (e: number) => 1.0 / (1 + Math.floor(e / 3)) };

type Stepper = { step(metric?: number): void };

function make(c: SchedCase, opt: Optimizer): Stepper {
  const k = c.kwargs as Record<string, never>;
  switch (c.cls) {
    case 'StepLR': return new StepLR(opt, k.step_size, k);
    case 'MultiStepLR': return new MultiStepLR(opt, k.milestones, k);
    case 'ExponentialLR': return new ExponentialLR(opt, k.gamma, k);
    case 'CosineAnnealingLR': return new CosineAnnealingLR(opt, k.T_max, k);
    case 'LambdaLR': return new LambdaLR(opt, LAMBDAS[c.lambda!]);
    case 'OneCycleLR': return new OneCycleLR(opt, k.max_lr, k);
    case 'ReduceLROnPlateau': {
      const s = new ReduceLROnPlateau(opt, k);
      return { step: (m?: number) => s.step(m!) };
    }
    default: throw new Error(`unknown scheduler ${c.cls}`);
  }
}

describe('lr schedulers give PyTorch\'s lr (and momentum) sequences', () => {
  for (const c of cases) {
    it(c.name, () => {
      const groups = c.lrs[0]!.map(() => ({ params: [zeros(1, { requires_grad: true })] }));
      const opt = c.optim === 'SGD' ? new SGD(groups, c.optim_kwargs) : new Adam(groups, c.optim_kwargs);
      const sched = make(c, opt);
      const mom = (): number | null => {
        const g = opt.param_groups[0]!;
        return 'betas' in g ? (g.betas as number[])[0]! : ((g.momentum as number | undefined) ?? null);
      };
      const lrs = [opt.param_groups.map((g) => g.lr as number)];
      const moms = [mom()];
      for (let i = 0; i < c.lrs.length - 1; i++) {
        opt.step();
        sched.step(c.metrics ? c.metrics[i] : undefined);
        lrs.push(opt.param_groups.map((g) => g.lr as number));
        moms.push(mom());
      }
      lrs.forEach((row, i) => row.forEach((v, j) => expect(v, `lr[${i}][${j}]`).toBeCloseTo(c.lrs[i]![j]!, 15)));
      moms.forEach((v, i) => {
        const e = c.momentum[i];
        if (e === null || e === undefined) expect(v === null || v === 0).toBe(true);
        else expect(v, `momentum[${i}]`).toBeCloseTo(e, 15);
      });
    });
  }
  it('warns nothing when optimizer.step() comes first and exposes get_last_lr()', () => {
    const opt = new SGD([zeros(1, { requires_grad: true })], { lr: 1 });
    const s = new StepLR(opt, 1, { gamma: 0.5 });
    opt.step();
    s.step();
    expect(s.get_last_lr()).toEqual([0.5]);
    expect(s.state_dict().last_epoch).toBe(1);
  });
  it('rejects bad OneCycleLR and ReduceLROnPlateau arguments with PyTorch\'s texts', () => {
    const opt = new SGD([zeros(1, { requires_grad: true })], { lr: 1 });
    expect(() => new OneCycleLR(opt, 1)).toThrow('You must define either total_steps OR (epochs AND steps_per_epoch)');
    expect(() => new ReduceLROnPlateau(opt, { factor: 1 })).toThrow('Factor should be < 1.0.');
    const s = new OneCycleLR(opt, 1, { total_steps: 2 });
    s.step();
    s.step();
    expect(() => s.step()).toThrow('Tried to step 4 times. The specified number of total steps is 2');
  });
});
