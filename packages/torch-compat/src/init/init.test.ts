import { describe, expect, it } from 'vitest';
import { manual_seed, rand, zeros } from '@nncompat/core';
import { expectClose, type JsonNum } from '../functional/golden.test-helpers.js';
import { loadFunctionalFixture } from '../functional/golden.test-helpers.js';
import * as init from './index.js';

interface InitCase {
  name: string;
  fn: string;
  shape: number[];
  dtype: 'float32' | 'float64';
  seed: number;
  args: number[];
  kwargs: Record<string, unknown>;
  out: JsonNum[];
  stride?: number;
  sum?: number;
  next: number[];
}
interface InitFixture {
  cases: InitCase[];
  gains: { nonlinearity: string; param: number | null; gain: number }[];
  errors: { fn?: string; shape?: number[]; args?: unknown[]; kwargs?: Record<string, unknown>; type: string; message: string }[];
}

const fx = loadFunctionalFixture<InitFixture>('init.json');
/**
 * Not bit-exact, with why: the draws are PyTorch's, but trunc_normal_'s erfinv matches only
 * ~95% of float32 values exactly (others within 2 ulp: libm erff/expf differ from rounded
 * float64), and orthogonal_'s QR runs in float64 here (LAPACK sgeqrf in float32 there).
 */
const TOLERANT: Record<string, number> = { trunc_normal_: 2e-6, orthogonal_: 4e-6 };
/**
 * Known gap of core's generator (reported to its owner): normal_ in float64 for 16+ elements
 * differs from PyTorch by 1 ulp in some elements. Checked to 1e-15 relative until it is fixed.
 */
const CORE_GAPS: Record<string, number> = { normal_f64: 1e-15 };

describe('nn.init after manual_seed matches PyTorch', () => {
  for (const c of fx.cases) {
    const tol = TOLERANT[c.fn] ?? CORE_GAPS[c.name] ?? 0;
    it(`${c.name}${TOLERANT[c.fn] ? ' (within float32 rounding)' : CORE_GAPS[c.name] ? ' [known core gap: float64 normal_ 1 ulp]' : ' (bit-exact)'}`, () => {
      manual_seed(c.seed);
      const t = zeros(c.shape, { dtype: c.dtype });
      const f = (init as unknown as Record<string, (...a: unknown[]) => unknown>)[c.fn]!;
      const hasKw = Object.keys(c.kwargs).length > 0;
      const r = hasKw ? f(t, ...c.args, c.kwargs) : f(t, ...c.args);
      expect(r).toBe(t);
      const data = Array.from(t.dataSync());
      if (c.stride) {
        expectClose(data.filter((_, i) => i % c.stride! === 0), c.out, 0, 0, c.name);
        expect(data.reduce((x, y) => x + y, 0)).toBeCloseTo(c.sum!, 6);
      } else {
        expectClose(data, c.out, tol, tol, c.name);
      }
      // The generator advanced exactly as PyTorch's.
      expectClose(rand(2).dataSync(), c.next, 0, 0, 'next draw');
    });
  }
});

describe('calculate_gain and errors', () => {
  it('gains equal PyTorch\'s', () => {
    for (const g of fx.gains) expect(init.calculate_gain(g.nonlinearity, g.param)).toBe(g.gain);
  });
  for (const e of fx.errors) {
    it(`${e.fn ?? 'calculate_gain'} ${JSON.stringify(e.args ?? e.shape)}: ${e.message}`, () => {
      let err: unknown;
      try {
        if (!e.fn) (init.calculate_gain as (...a: unknown[]) => number)(...(e.args ?? []));
        else {
          const f = (init as unknown as Record<string, (...a: unknown[]) => unknown>)[e.fn]!;
          if (e.kwargs) f(zeros(e.shape!), e.kwargs);
          else f(zeros(e.shape!));
        }
      } catch (x) {
        err = x;
      }
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).name).toBe(e.type);
      expect((err as Error).message).toBe(e.message);
    });
  }
});
