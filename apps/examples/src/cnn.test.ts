import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as torch from '@nncompat/torch-compat';
import { CNN, trainCnn } from './cnn.js';
import { loadShapes } from './shapes-data.js';
import { type ImageModel, train } from './train-loop.js';

// Written by running the PyTorch original: /usr/bin/python3 apps/examples/pytorch/cnn.py --golden apps/examples/fixtures/cnn.json
const golden = JSON.parse(readFileSync(new URL('../fixtures/cnn.json', import.meta.url), 'utf8')) as {
  losses: number[];
  test_accuracy: number;
};

describe('CNN example (pytorch/cnn.py ported)', () => {
  it('prints the same loss curve as the PyTorch script, and the same test accuracy', () => {
    const lines: string[] = [];
    const r = trainCnn((l) => lines.push(l));
    expect(r.losses.length).toBe(golden.losses.length);
    r.losses.forEach((l, i) => {
      expect(Math.abs(l - golden.losses[i]!), `step ${i}: ${l} vs PyTorch ${golden.losses[i]}`).toBeLessThanOrEqual(1e-5 * Math.abs(golden.losses[i]!));
    });
    expect(r.test_accuracy).toBe(golden.test_accuracy);
    expect(lines[0]).toBe(`epoch 0 step  0 loss ${golden.losses[0]!.toFixed(6)}`);
    expect(lines.at(-1)).toBe(`test accuracy ${golden.test_accuracy.toFixed(4)}`);
  });

  it('--compile (each step one onnxruntime session via compileStep, Adam capturable) follows the eager run of the same optimizer', () => {
    const r = trainCnn(() => {}, { compile: true });
    // The eager reference run with the same Adam(capturable=True): the compiled graph must add nothing.
    torch.manual_seed(0);
    const data = loadShapes();
    const model = new CNN() as unknown as ImageModel;
    const eager = train(model, new torch.optim.Adam(model.parameters(), { lr: 0.01, capturable: true }), data, 3, 32, () => {});
    r.losses.forEach((l, i) => expect(Math.abs(l - eager.losses[i]!)).toBeLessThanOrEqual(1e-5 * Math.abs(eager.losses[i]!)));
    expect(r.test_accuracy).toBe(eager.test_accuracy);
    // capturable computes the bias corrections as float32 tensors: over 3 epochs the curve stays
    // within 1e-4 of PyTorch's default Adam (measured 3.0e-5, the same on the reference backend).
    const worst = Math.max(...r.losses.map((l, i) => Math.abs(l - golden.losses[i]!) / Math.abs(golden.losses[i]!)));
    expect(worst).toBeLessThanOrEqual(1e-4);
  });
});
