/**
 * Test-only: the loss curves the PyTorch originals wrote (fixtures/<name>.json, by
 * `/usr/bin/python3 apps/examples/pytorch/<name>.py --golden apps/examples/fixtures/<name>.json`)
 * and the check that a port prints the same curve.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { TrainResult } from './train-loop.js';

/** What a PyTorch script wrote: the loss of every step and the final test accuracy. */
export interface Golden {
  losses: number[];
  test_accuracy: number;
}

/** fixtures/<name>.json. */
export function loadGolden(name: string): Golden {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8')) as Golden;
}

/** Runs `train` with a logger and checks every loss to 1e-5, the accuracy, and the printed lines. */
export function expectPrintsGolden(train: (log: (line: string) => void) => TrainResult, golden: Golden): void {
  const lines: string[] = [];
  const r = train((l) => lines.push(l));
  expect(r.losses.length).toBe(golden.losses.length);
  r.losses.forEach((l, i) => {
    expect(Math.abs(l - golden.losses[i]!), `step ${i}: ${l} vs PyTorch ${golden.losses[i]}`).toBeLessThanOrEqual(1e-5 * Math.abs(golden.losses[i]!));
  });
  expect(r.test_accuracy).toBe(golden.test_accuracy);
  expect(lines[0]).toBe(`epoch 0 step  0 loss ${golden.losses[0]!.toFixed(6)}`);
  expect(lines.at(-1)).toBe(`test accuracy ${golden.test_accuracy.toFixed(4)}`);
}

/** The largest relative difference of two loss curves of the same length. */
export function worstRelative(losses: readonly number[], reference: readonly number[]): number {
  expect(losses.length).toBe(reference.length);
  return Math.max(...losses.map((l, i) => Math.abs(l - reference[i]!) / Math.abs(reference[i]!)));
}
