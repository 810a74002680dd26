import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitLinearRegression } from './linear-regression.js';

// Written by tooling/goldens/gen_examples.py running the PyTorch original (torch 1.13).
const golden = JSON.parse(readFileSync(new URL('../fixtures/linear_regression.json', import.meta.url), 'utf8')) as {
  losses: number[];
  w: number;
  b: number;
};

describe('linear regression example', () => {
  it('prints the same loss curve as the PyTorch script', () => {
    const r = fitLinearRegression();
    // The first 50 steps, where the loss is far from float32 round-off, match to 1e-5 relative.
    for (let i = 0; i < 50; i++) {
      expect(Math.abs(r.losses[i]! - golden.losses[i]!)).toBeLessThanOrEqual(1e-5 * Math.abs(golden.losses[i]!) + 1e-9);
    }
    expect(r.w).toBeCloseTo(golden.w, 5);
    expect(r.b).toBeCloseTo(golden.b, 5);
  });
});
