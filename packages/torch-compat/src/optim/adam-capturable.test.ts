// capturable=True (PyTorch 2.1's branch that keeps the bias corrections as tensors) must follow
// the default branch to float32 rounding: same formula, the corrections computed in float32.
import { describe, expect, it } from 'vitest';
import { manual_seed, randn, type Tensor } from '@nncompat/core';
import { assertClose } from '@nncompat/core/testing';
import { Adam, AdamW } from './adam.js';
import type { Optimizer } from './optimizer.js';

function run(make: (ps: Tensor[]) => Optimizer, steps: number): { params: Tensor[]; opt: Optimizer } {
  manual_seed(5);
  const params = [randn(6, 4), randn(4)].map((t) => t.requires_grad_());
  const opt = make(params);
  for (let i = 0; i < steps; i++) {
    opt.zero_grad();
    const [w, b] = params as [Tensor, Tensor];
    randn(3, 6).mm(w).add(b).tanh().pow(2).sum().backward();
    opt.step();
  }
  return { params, opt };
}

describe('Adam / AdamW capturable=True', () => {
  const cases: [string, (ps: Tensor[], capturable: boolean) => Optimizer][] = [
    ['Adam', (ps, capturable) => new Adam(ps, { lr: 0.01, capturable })],
    ['Adam amsgrad + weight decay', (ps, capturable) => new Adam(ps, { lr: 0.01, amsgrad: true, weight_decay: 0.1, capturable })],
    ['AdamW amsgrad', (ps, capturable) => new AdamW(ps, { lr: 0.01, amsgrad: true, capturable })],
  ];
  for (const [name, make] of cases) {
    it(`${name}: same trajectory as the default branch (20 steps), step kept as a float32 tensor on the parameters' device`, () => {
      const a = run((ps) => make(ps, false), 20);
      const b = run((ps) => make(ps, true), 20);
      a.params.forEach((p, i) => assertClose(b.params[i]!.detach(), p.detach(), { rtol: 2e-5, atol: 2e-6 }));
      const st = b.opt.state.get(b.params[0]!)!;
      const step = st['step'] as Tensor;
      expect(step.dtype.name).toBe('float32');
      expect(step.shape).toEqual([]);
      expect(step.item()).toBe(20);
      expect(b.opt.param_groups[0]!['capturable']).toBe(true);
    });
  }
});
