import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trainMlp } from './mlp.js';

// Written by running the PyTorch original: /usr/bin/python3 apps/examples/pytorch/mlp.py --golden apps/examples/fixtures/mlp.json
const golden = JSON.parse(readFileSync(new URL('../fixtures/mlp.json', import.meta.url), 'utf8')) as {
  losses: number[];
  test_accuracy: number;
};

describe('MLP example (pytorch/mlp.py ported)', () => {
  it('prints the same loss curve as the PyTorch script, and the same test accuracy', () => {
    const lines: string[] = [];
    const r = trainMlp((l) => lines.push(l));
    expect(r.losses.length).toBe(golden.losses.length);
    r.losses.forEach((l, i) => {
      expect(Math.abs(l - golden.losses[i]!), `step ${i}: ${l} vs PyTorch ${golden.losses[i]}`).toBeLessThanOrEqual(1e-5 * Math.abs(golden.losses[i]!));
    });
    expect(r.test_accuracy).toBe(golden.test_accuracy);
    expect(lines[0]).toBe(`epoch 0 step  0 loss ${golden.losses[0]!.toFixed(6)}`);
    expect(lines.at(-1)).toBe(`test accuracy ${golden.test_accuracy.toFixed(4)}`);
  });

  it('--compile (each step one onnxruntime session via compileStep) prints the same loss curve within 1e-5', () => {
    const r = trainMlp(() => {}, { compile: true });
    expect(r.losses.length).toBe(golden.losses.length);
    const worst = Math.max(...r.losses.map((l, i) => Math.abs(l - golden.losses[i]!) / Math.abs(golden.losses[i]!)));
    expect(worst).toBeLessThanOrEqual(1e-5);
    expect(r.test_accuracy).toBe(golden.test_accuracy);
  });
});
