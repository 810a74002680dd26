import { describe, expect, it } from 'vitest';
import { type Tensor, ValueError } from '@nncompat/core';
import { expectClose, fromJson, loadFunctionalFixture } from '../functional/golden.test-helpers.js';
import { Adagrad, Adam, AdamW, type Optimizer, type ParamsT, RMSprop, SGD } from './index.js';
import { buildOptimizer, checkValue, lossFn, type OptimizerClass, replayTrajectory, type SdValue, type TrajCase } from './trajectory.test-helpers.js';

interface SdCase {
  optim: string;
  kwargs: Record<string, unknown>;
  state: [number, [string, SdValue][]][];
  param_groups: [string, SdValue][][];
}

const fixture = loadFunctionalFixture<{ cases: TrajCase[]; state_dicts: SdCase[] }>('optim.json');
const CLASSES = { SGD, Adam, AdamW, RMSprop, Adagrad } as unknown as Record<string, OptimizerClass>;

const build = (c: { optim: string; kwargs: Record<string, unknown> }, p: Tensor[], groups: TrajCase['groups']): Optimizer =>
  buildOptimizer(CLASSES, { ...c, groups }, p);

describe('optimizer trajectories match PyTorch (20 steps, 1e-5 relative, float32)', () => {
  for (const c of fixture.cases) {
    it(`${c.optim} ${JSON.stringify(c.kwargs)}${c.groups ? ' (2 param groups)' : ''}`, () => replayTrajectory(CLASSES, c));
  }
});

/**
 * Where PyTorch 2.1's param-group defaults differ from 1.13 (which wrote the fixture), read from
 * torch/optim/*.py of 2.1: Adam's `fused` default became None; AdamW gained `differentiable`
 * and `fused` (after `capturable`); Adagrad gained `differentiable`.
 */
const V21_GROUP_KEYS: Record<string, (keys: [string, SdValue][]) => [string, SdValue][]> = {
  Adam: (k) => k.map(([n, v]) => [n, n === 'fused' ? null : v]),
  AdamW: (k) => {
    const i = k.findIndex(([n]) => n === 'capturable');
    return [...k.slice(0, i + 1), ['differentiable', false], ['fused', null], ...k.slice(i + 1)];
  },
  Adagrad: (k) => {
    const i = k.findIndex(([n]) => n === 'maximize');
    return [...k.slice(0, i + 1), ['differentiable', false], ...k.slice(i + 1)];
  },
};

describe('optimizer state_dict layout (PyTorch: state by param index, groups with index lists)', () => {
  for (const c of fixture.state_dicts) {
    it(`${c.optim} ${JSON.stringify(c.kwargs)}`, () => {
      const tc = fixture.cases[0]!;
      const X = fromJson(tc.X);
      const Y = fromJson(tc.Y);
      const p = tc.init.map((t) => fromJson(t).requires_grad_(true));
      const opt = build(c, p, [{ params: [0, 1, 2] }, { params: [3], lr: 0.003 }]);
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
      expect(sd.param_groups.length).toBe(c.param_groups.length);
      c.param_groups.forEach((g, gi) => {
        const expected = (V21_GROUP_KEYS[c.optim] ?? ((k) => k))(g);
        expect(Object.keys(sd.param_groups[gi]!), `group ${gi} keys`).toEqual(expected.map(([n]) => n));
        for (const [n, v] of expected) checkValue(sd.param_groups[gi]![n], v, `group ${gi}.${n}`);
      });
      // Round trip: a fresh optimizer continues exactly where this one is.
      const q = p.map((t) => t.detach().clone().requires_grad_(true));
      const opt2 = build(c, q, [{ params: [0, 1, 2] }, { params: [3], lr: 0.003 }]);
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

describe('optimizer argument errors (PyTorch texts)', () => {
  it('rejects bad hyperparameters and params', async () => {
    const { zeros } = await import('@nncompat/core');
    const w = zeros(2, { requires_grad: true });
    expect(() => new SGD([w], { lr: -1 })).toThrow(new ValueError('Invalid learning rate: -1'));
    expect(() => new SGD([w])).toThrow("parameter group didn't specify a value of required optimization parameter lr");
    expect(() => new SGD([w], { lr: 0.1, nesterov: true })).toThrow('Nesterov momentum requires a momentum and zero dampening');
    expect(() => new Adam([w], { betas: [1.0, 0.9] })).toThrow('Invalid beta parameter at index 0: 1');
    expect(() => new Adam([])).toThrow('optimizer got an empty parameter list');
    expect(() => new Adam(w as unknown as ParamsT)).toThrow('params argument given to the optimizer should be an iterable of Tensors or dicts, but got torch.FloatTensor');
    expect(() => new Adam([{ params: [w] }, { params: [w] }])).toThrow('some parameters appear in more than one parameter group');
    expect(() => new Adam([w.mul(2)])).toThrow("can't optimize a non-leaf Tensor");
  });
  it('zero_grad sets grads to null by default, or zeroes them', async () => {
    const { ones } = await import('@nncompat/core');
    const w = ones(3, { requires_grad: true });
    const opt = new SGD([w], { lr: 0.1 });
    w.mul(2).sum().backward();
    opt.zero_grad(false);
    expect(Array.from(w.grad!.dataSync())).toEqual([0, 0, 0]);
    opt.zero_grad();
    expect(w.grad).toBeNull();
  });
  it('prints as PyTorch', async () => {
    const { ones } = await import('@nncompat/core');
    const opt = new Adam([ones(2, { requires_grad: true })], { lr: 0.01 });
    expect(opt.toString()).toBe(
      'Adam (\nParameter Group 0\n    amsgrad: False\n    betas: (0.9, 0.999)\n    capturable: False\n    differentiable: False\n    eps: 1e-08\n    foreach: None\n    fused: None\n    lr: 0.01\n    maximize: False\n    weight_decay: 0\n)',
    );
  });
});
