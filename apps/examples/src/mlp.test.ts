import { describe, expect, it } from 'vitest';
import { expectPrintsGolden, loadGolden, worstRelative } from './loss-curve.test-helpers.js';
import { trainMlp } from './mlp.js';

const golden = loadGolden('mlp');

describe('MLP example (pytorch/mlp.py ported)', () => {
  it('prints the same loss curve as the PyTorch script, and the same test accuracy', () => {
    expectPrintsGolden((log) => trainMlp(log), golden);
  });

  it('--compile (each step one onnxruntime session via compileStep) prints the same loss curve within 1e-5', () => {
    const r = trainMlp(() => {}, { compile: true });
    expect(worstRelative(r.losses, golden.losses)).toBeLessThanOrEqual(1e-5);
    expect(r.test_accuracy).toBe(golden.test_accuracy);
  });
});
