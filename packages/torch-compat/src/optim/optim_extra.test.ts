import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Tensor, zeros } from '@nncompat/core';
import { expectClose, fromJson } from '../functional/golden.test-helpers.js';
import { Adadelta, Adamax, ASGD, NAdam, type Optimizer, RAdam, Rprop } from './index.js';
import { buildOptimizer, checkValue, lossFn, type OptimizerClass, replayTrajectory, type SdValue, type TrajCase } from './trajectory.test-helpers.js';

interface SdCase {
  optim: string;
  state: [number, [string, SdValue][]][];
  param_groups: [string, SdValue][][];
}

/** PyTorch 1.13 goldens from tooling/goldens/gen_optim_extra.py. */
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/optim_extra.json', import.meta.url), 'utf8')) as {
  cases: TrajCase[];
  state_dicts: SdCase[];
};
const CLASSES = { NAdam, RAdam, Adamax, Adadelta, Rprop, ASGD } as unknown as Record<string, OptimizerClass>;
const ALL = Object.keys(CLASSES);

const build = (name: string, kwargs: Record<string, unknown>, p: Tensor[], groups: TrajCase['groups']): Optimizer =>
  buildOptimizer(CLASSES, { optim: name, kwargs, groups }, p);

describe('NAdam/RAdam/Adamax/Adadelta/Rprop/ASGD trajectories match PyTorch (20 steps, float32)', () => {
  for (const c of fixture.cases.filter((k) => ALL.includes(k.optim))) {
    it(`${c.optim} ${JSON.stringify(c.kwargs)}${c.groups ? ' (2 param groups)' : ''}`, () => replayTrajectory(CLASSES, c));
  }
});


/**
 * PyTorch 2.1's group keys where they differ from 1.13 (which wrote the fixture), read from
 * torch/optim/*.py of 2.1: every one gains `differentiable` (last); NAdam also gains
 * `decoupled_weight_decay` (after `momentum_decay`) and `capturable` (after `foreach`); RAdam
 * gains `capturable` and `decoupled_weight_decay` after `foreach`.
 */
function v21Keys(name: string, k: [string, SdValue][]): [string, SdValue][] {
  const after = (keys: [string, SdValue][], at: string, add: [string, SdValue][]): [string, SdValue][] => {
    const i = keys.findIndex(([n]) => n === at);
    return [...keys.slice(0, i + 1), ...add, ...keys.slice(i + 1)];
  };
  const withDiff = after(k, k[k.length - 2]![0], [['differentiable', false]]);
  if (name === 'NAdam') return after(after(withDiff, 'momentum_decay', [['decoupled_weight_decay', false]]), 'foreach', [['capturable', false]]);
  if (name === 'RAdam') return after(withDiff, 'foreach', [['capturable', false], ['decoupled_weight_decay', false]]);
  return withDiff;
}

describe('state_dict layout after 2 steps (PyTorch 1.13 layout + 2.1 group keys)', () => {
  for (const c of fixture.state_dicts.filter((k) => ALL.includes(k.optim))) {
    it(c.optim, () => {
      const tc = fixture.cases[0]!;
      const X = fromJson(tc.X);
      const Y = fromJson(tc.Y);
      const p = tc.init.map((t) => fromJson(t).requires_grad_(true));
      const groups = [{ params: [0, 1, 2] }, { params: [3], lr: 0.003 }];
      const opt = build(c.optim, {}, p, groups);
      for (let i = 0; i < 2; i++) {
        opt.zero_grad();
        lossFn(X, Y, p).backward();
        if (i === 0) p[3]!.grad = null;
        opt.step();
      }
      const sd = opt.state_dict();
      expect([...sd.state.keys()]).toEqual(c.state.map(([k]) => k));
      for (const [k, entries] of c.state) {
        const s = sd.state.get(k)!;
        expect(Object.keys(s), `state ${k} keys`).toEqual(entries.map(([n]) => n));
        for (const [n, v] of entries) checkValue(s[n], v, `state[${k}].${n}`);
      }
      c.param_groups.forEach((g, gi) => {
        const expected = v21Keys(c.optim, g);
        expect(Object.keys(sd.param_groups[gi]!), `group ${gi} keys`).toEqual(expected.map(([n]) => n));
        for (const [n, v] of expected) checkValue(sd.param_groups[gi]![n], v, `group ${gi}.${n}`);
      });
      const q = p.map((t) => t.detach().clone().requires_grad_(true));
      const opt2 = build(c.optim, {}, q, groups);
      opt2.load_state_dict(sd);
      for (const [o, ps] of [[opt, p], [opt2, q]] as const) {
        o.zero_grad();
        lossFn(X, Y, ps).backward();
        o.step();
      }
      p.forEach((t, i) => expectClose(q[i]!.dataSync(), Array.from(t.dataSync()), 0, 0, `param ${i} after resume`));
    });
  }
});

describe('invalid hyperparameters throw PyTorch\'s errors', () => {
  // Made when a case runs, not at collection: the backend under test (test:backends) is
  // registered by the setup file's hooks, after the file's top level ran.
  const w = (): Tensor => zeros(2, { requires_grad: true });
  const cases: [() => unknown, string][] = [
    [() => new NAdam([w()], { lr: -1 }), 'Invalid learning rate: -1'],
    [() => new NAdam([w()], { momentum_decay: -1 }), 'Invalid momentum_decay value: -1'],
    [() => new RAdam([w()], { betas: [0.9, 1] }), 'Invalid beta parameter at index 1: 1'],
    [() => new RAdam([w()], { eps: -1 }), 'Invalid epsilon value: -1'],
    [() => new Adamax([w()], { weight_decay: -0.5 }), 'Invalid weight_decay value: -0.5'],
    [() => new Adamax([w()], { betas: [-0.1, 0.9] }), 'Invalid beta parameter at index 0: -0.1'],
    [() => new Adadelta([w()], { rho: 1.5 }), 'Invalid rho value: 1.5'],
    [() => new Adadelta([w()], { lr: -1 }), 'Invalid learning rate: -1'],
    [() => new Rprop([w()], { etas: [0.5, 0.9] }), 'Invalid eta values: 0.5, 0.9'],
    [() => new Rprop([w()], { lr: -0.1 }), 'Invalid learning rate: -0.1'],
    [() => new ASGD([w()], { weight_decay: -1 }), 'Invalid weight_decay value: -1'],
  ];
  cases.forEach(([f, msg], i) => it(`case ${i}: ${msg}`, () => expect(f).toThrow(msg)));
});

describe('capturable (2.1 takes it for CUDA/XLA params only; there are none here)', () => {
  it('NAdam/RAdam step with capturable=True throws', () => {
    for (const C of [NAdam, RAdam]) {
      const p = zeros(2).requires_grad_(true);
      const opt = new C([p], { capturable: true });
      p.grad = zeros(2);
      expect(() => opt.step()).toThrow('If capturable=True');
    }
  });
});

describe('PyTorch 2.1-only flags (1.13 cannot produce goldens; expectations follow 2.1 source)', () => {
  it('NAdam/RAdam decoupled_weight_decay multiply p by 1 - lr*wd before the plain update', () => {
    for (const C of [NAdam, RAdam]) {
      // With a zero gradient the moments stay 0, so only the decay moves p (RAdam: rho_t <= 5
      // at step 1, so its update is 0 too; NAdam's addcdiv_ terms are 0 / (0 + eps) = 0).
      const p = zeros(3).add(2).requires_grad_(true);
      const opt = new C([p], { lr: 0.1, weight_decay: 0.5, decoupled_weight_decay: true });
      p.grad = zeros(3);
      opt.step();
      expectClose(p.dataSync(), [1.9, 1.9, 1.9], 1e-7, 0, C.name);
    }
  });
});
