/**
 * The nn layers added after issue 4 against PyTorch 1.13 (fixtures/layers/extra_*.json from
 * tooling/goldens/gen_torch_layers_extra.py): repr, state_dict layout, default init bit for bit,
 * forward values and input / parameter gradients (boundary grids included), and the errors and
 * warnings of extra_errors.json. Tolerances as layers.golden.test.ts (float32 rtol 1e-5).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manual_seed, type Tensor } from '@nncompat/core';
import { expectClose } from '../../functional/golden.test-helpers.js';
import { build, type CtorJson, decode, loadLayerCases, runStep, stateFromJson, type LayerCase } from './layers.test-helpers.js';
import * as nn from '../index.js';
import type { Module } from './module.js';

const RTOL = 1e-5;
const ATOL = 1e-6;
const FAMILIES = ['extra_activation', 'extra_rnn', 'extra_loss', 'extra_shape'];

function checkInit(m: Module, c: LayerCase): void {
  const sd = m.state_dict();
  expect([...sd.keys()]).toStrictEqual(c.state.map((e) => e.key));
  for (const e of c.state) {
    const t = sd.get(e.key) as Tensor;
    expect(t.shape, e.key).toStrictEqual(e.shape);
    expect(t.dtype.name, e.key).toBe(e.dtype);
    expectClose(Array.from(t.dataSync() as ArrayLike<number>), e.data!, 0, 0, `${c.name} ${e.key}`);
  }
}

function replay(m: Module, c: LayerCase): void {
  manual_seed(c.seed + 1);
  c.steps.forEach((step, si) => {
    const what = `${c.name} step ${si}`;
    const { outs, grads } = runStep(m, step);
    expect(outs.length, what).toBe(step.out.length);
    step.out.forEach((oj, i) => {
      if (oj === null) return void expect(outs[i], what).toBeNull();
      expect(outs[i]!.shape, `${what} out${i} shape`).toStrictEqual(oj.shape);
      expect(outs[i]!.dtype.name, `${what} out${i} dtype`).toBe(oj.dtype);
      expectClose(Array.from(outs[i]!.dataSync() as ArrayLike<number>), oj.data, RTOL, ATOL, `${what} out${i}`);
    });
    for (const [name, gj] of Object.entries(step.grads)) {
      const g = grads.get(name) ?? null;
      if (gj === null) {
        expect(g, `${what} grad ${name}`).toBeNull();
        continue;
      }
      expect(g, `${what} grad ${name}`).toBeTruthy();
      expectClose(Array.from(g!.dataSync() as ArrayLike<number>), gj.data, RTOL, ATOL, `${what} grad ${name}`);
    }
  });
}

for (const family of FAMILIES) {
  describe(`nn layers vs PyTorch: ${family}`, () => {
    for (const c of loadLayerCases(family)) {
      it(`${c.name}: repr, state_dict, init, forward and gradients`, () => {
        manual_seed(c.seed);
        const m = build(c.ctor);
        expect(String(m)).toBe(c.repr);
        expect(String(new nn.Sequential(m))).toBe(c.seq_repr);
        checkInit(m, c);
        m.load_state_dict(stateFromJson(c.state));
        replay(m, c);
      });
    }
  });
}

interface ErrCase {
  name: string;
  ctor: CtorJson;
  call?: { args: unknown[]; kwargs: Record<string, unknown> };
  error: { type: string; message: string } | null;
  /** PyTorch 2.1's exception where 1.13's differs (the TypeScript follows 2.1). */
  v2_1?: { type: string; message: string };
  warnings: string[];
}

describe('nn layers vs PyTorch: extra errors and warnings', () => {
  afterEach(() => vi.restoreAllMocks());
  const url = new URL('../../../fixtures/layers/extra_errors.json', import.meta.url);
  const cases = (JSON.parse(readFileSync(url, 'utf8')) as { cases: ErrCase[] }).cases;
  for (const c of cases) {
    it(c.name, () => {
      const warned: string[] = [];
      vi.spyOn(process, 'emitWarning').mockImplementation((w: string | Error) => void warned.push(String(w instanceof Error ? w.message : w)));
      vi.spyOn(console, 'warn').mockImplementation((w: unknown) => void warned.push(String(w)));
      let err: unknown = null;
      try {
        const m = build(c.ctor);
        if (c.call) {
          const leaves = new Map<string, Tensor>();
          const args = c.call.args.map((a) => decode(a, leaves));
          (m as unknown as (...a: unknown[]) => unknown)(...args);
        }
      } catch (e) {
        err = e;
      }
      const want = c.v2_1 ?? c.error;
      if (want === null) expect(err).toBeNull();
      else {
        expect(err, c.name).toBeInstanceOf(Error);
        expect((err as Error).name).toBe(want.type);
        expect((err as Error).message).toBe(want.message);
      }
      for (const w of c.warnings) expect(warned.some((x) => x.includes(w)), `warning ${w} in ${JSON.stringify(warned)}`).toBe(true);
    });
  }
});
