/**
 * Python call semantics of the activations in activation-extra.ts (values and gradients are
 * checked against PyTorch through the nn modules in layers-extra.golden.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { tensor } from '@nncompat/core';
import * as F from './index.js';

const x = (): ReturnType<typeof tensor> => tensor([-4, -3, -1, -0.5, 0, 0.5, 1, 3, 4]);

describe('F activations (extra): positional == keyword, PyTorch values', () => {
  it('positional and keyword forms agree', () => {
    expect(F.softshrink(x(), 0.3).tolist()).toStrictEqual(F.softshrink(x(), { lambd: 0.3 }).tolist());
    expect(F.hardshrink(x(), 1).tolist()).toStrictEqual(F.hardshrink(x(), { lambd: 1 }).tolist());
    expect(F.celu(x(), 2).tolist()).toStrictEqual(F.celu(x(), { alpha: 2 }).tolist());
    expect(F.threshold(x(), 0, 9).tolist()).toStrictEqual(F.threshold(x(), { threshold: 0, value: 9 }).tolist());
    expect(F.glu(tensor([[1, 2, 3, 4]]), 1).tolist()).toStrictEqual(F.glu(tensor([[1, 2, 3, 4]]), { dim: 1 }).tolist());
  });
  it('threshold values and hardshrink boundaries', () => {
    expect(F.threshold(x(), -1, 7).tolist()).toStrictEqual([7, 7, 7, -0.5, 0, 0.5, 1, 3, 4]);
    expect(F.hardshrink(x(), 0.5).tolist()).toStrictEqual([-4, -3, -1, 0, 0, 0, 1, 3, 4]);
  });
  it('bad calls throw Python TypeErrors', () => {
    expect(() => F.threshold(x(), 0.5)).toThrow("_threshold() missing 1 required positional argument: 'value'");
    expect(() => (F.softshrink as (...a: unknown[]) => unknown)(x(), 'a')).toThrow("softshrink(): argument 'lambd' (position 2) must be float, not str");
    expect(() => (F.selu as (...a: unknown[]) => unknown)(x(), { alpha: 1 })).toThrow("selu() got an unexpected keyword argument 'alpha'");
  });
  it('inplace rewrites the input', () => {
    const t = x();
    const r = F.hardswish(t, true);
    expect(r).toBe(t);
    expect((t.tolist() as number[])[1] === 0).toBe(true); // -0, as ATen's x * 0 / 6
  });
});
