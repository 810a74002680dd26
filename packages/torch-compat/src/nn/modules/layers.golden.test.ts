/**
 * Every layer of issue 4 against PyTorch 1.13 (fixtures/layers, from
 * tooling/goldens/gen_torch_layers.py): repr (alone and inside Sequential), state_dict keys /
 * shapes / dtypes in order, default init bit for bit after `manual_seed`, forward outputs,
 * input and parameter gradients, running statistics after several passes, and the same
 * forwards after `load_state_dict` of PyTorch's state dict into a differently seeded layer.
 *
 * Tolerances (float32): outputs and gradients to rtol 1e-5 with an absolute floor of 1e-6
 * (values that cancel to ~0 have no meaningful relative error); init is exact.
 */
import { describe, expect, it } from 'vitest';
import { manual_seed, type Tensor } from '@nncompat/core';
import { expectClose } from '../../functional/golden.test-helpers.js';
import { build, loadLayerCases, runStep, type StateEntry, stateFromJson, type LayerCase } from './layers.test-helpers.js';
import * as nn from '../index.js';
import type { Module } from './module.js';

const RTOL = 1e-5;
const ATOL = 1e-6;
const FAMILIES = ['linear', 'conv', 'pooling', 'normalization', 'sparse_dropout', 'activation', 'attention', 'rnn', 'loss'];

function checkState(m: Module, state: readonly StateEntry[], exact: boolean, what: string): void {
  const sd = m.state_dict();
  expect([...sd.keys()], `${what} keys`).toStrictEqual(state.map((e) => e.key));
  for (const e of state) {
    const t = sd.get(e.key) as Tensor;
    expect(t.shape, `${what} ${e.key} shape`).toStrictEqual(e.shape);
    expect(t.dtype.name, `${what} ${e.key} dtype`).toBe(e.dtype);
    const data = t.dataSync() as ArrayLike<number>;
    if (e.data) {
      expectClose(Array.from(data), e.data, exact ? 0 : RTOL, exact ? 0 : ATOL, `${what} ${e.key}`);
    } else {
      expectClose(Array.from(data).slice(0, e.head!.length), e.head!, 0, 0, `${what} ${e.key} head`);
      let s = 0;
      for (let i = 0; i < data.length; i++) s += Number(data[i]);
      expect(Math.abs(s - e.sum64!), `${what} ${e.key} sum`).toBeLessThanOrEqual(1e-9 * Math.abs(e.sum64!) + 1e-9);
    }
  }
}

function replay(m: Module, c: LayerCase): void {
  manual_seed(c.seed + 1);
  c.steps.forEach((step, si) => {
    const what = `${c.name} step ${si} (${step.mode})`;
    const { outs, grads } = runStep(m, step);
    expect(outs.length, `${what} outputs`).toBe(step.out.length);
    step.out.forEach((oj, i) => {
      if (oj === null) {
        expect(outs[i], `${what} out${i}`).toBeNull();
        return;
      }
      const o = outs[i]!;
      expect(o.shape, `${what} out${i} shape`).toStrictEqual(oj.shape);
      expect(o.dtype.name, `${what} out${i} dtype`).toBe(oj.dtype);
      expectClose(Array.from(o.dataSync() as ArrayLike<number>), oj.data, RTOL, ATOL, `${what} out${i}`);
    });
    for (const [name, gj] of Object.entries(step.grads)) {
      const g = grads.get(name);
      if (gj === null) {
        expect(g ?? null, `${what} grad ${name}`).toBeNull();
        continue;
      }
      expect(g, `${what} grad ${name}`).toBeTruthy();
      expectClose(Array.from(g!.dataSync() as ArrayLike<number>), gj.data, RTOL, ATOL, `${what} grad ${name}`);
    }
    if (step.state_after) checkState(m, step.state_after, false, `${what} state_after`);
  });
}

for (const family of FAMILIES) {
  describe(`nn layers vs PyTorch: ${family}`, () => {
    for (const c of loadLayerCases(family)) {
      it(`${c.name}: repr, state_dict layout, init after manual_seed(${c.seed})`, () => {
        manual_seed(c.seed);
        const m = build(c.ctor);
        expect(String(m)).toBe(c.repr);
        expect(String(new nn.Sequential(m))).toBe(c.seq_repr);
        checkState(m, c.state, true, c.name);
      });
      if (c.steps.length === 0) continue;
      it(`${c.name}: forward and gradients`, () => {
        manual_seed(c.seed);
        const m = build(c.ctor);
        // Loading PyTorch's values first isolates the forward from the init check above.
        m.load_state_dict(stateFromJson(c.state), { strict: c.state.every((e) => e.data) });
        replay(m, c);
      });
      it(`${c.name}: load_state_dict of PyTorch's state_dict into a differently seeded layer`, () => {
        manual_seed(c.seed + 1000);
        const m = build(c.ctor);
        if (c.state.some((e) => !e.data)) return;
        m.load_state_dict(stateFromJson(c.state));
        replay(m, c);
      });
    }
  });
}


