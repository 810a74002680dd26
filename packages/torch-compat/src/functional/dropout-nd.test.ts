/**
 * F.dropout1d/2d/3d draw the same channel masks as the nn modules (whose masks are checked
 * against PyTorch in layers.golden.test.ts / layers-extra.golden.test.ts) and raise PyTorch's
 * errors.
 */
import { describe, expect, it } from 'vitest';
import { manual_seed, ones, randn } from '@nncompat/core';
import * as nn from '../nn/index.js';
import * as F from './index.js';

describe('F.dropout1d / dropout2d / dropout3d', () => {
  it('draw the channel masks of the modules after the same seed', () => {
    const cases: [(x: ReturnType<typeof randn>) => ReturnType<typeof randn>, nn.Module, number[]][] = [
      [(x) => F.dropout1d(x, 0.3), new nn.Dropout1d(0.3), [4, 6, 5]],
      [(x) => F.dropout2d(x, { p: 0.3 }), new nn.Dropout2d(0.3), [4, 6, 2, 3]],
      [(x) => F.dropout3d(x, 0.3, true), new nn.Dropout3d(0.3), [3, 6, 2, 2, 2]],
    ];
    for (const [f, m, shape] of cases) {
      const x = randn(...shape);
      manual_seed(7);
      const a = f(x).tolist();
      manual_seed(7);
      const b = (m as unknown as (t: typeof x) => typeof x)(x).tolist();
      expect(a).toStrictEqual(b);
    }
  });
  it('eval / p=0 return the input; bad p and dims throw', () => {
    const x = ones(2, 3, 4);
    expect(F.dropout1d(x, 0.5, false)).toBe(x);
    expect(F.dropout1d(x, 0)).toBe(x);
    expect(() => F.dropout1d(x, 1.5)).toThrow('dropout probability has to be between 0 and 1, but got 1.5');
    expect(() => F.dropout1d(ones(2, 3, 4, 5))).toThrow('dropout1d: Expected 2D or 3D input, but received a 4D input.');
  });
});
