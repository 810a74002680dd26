/**
 * The workloads the page runs on every backend: one matmul, one conv2d with stride/padding/bias,
 * and a two-layer MLP forward + backward (MSE loss). Inputs come from a seeded generator so the
 * reference and the backend under test see identical float32 values.
 */
import { Tensor, conv2d } from '@nncompat/core';

/** Deterministic float32 values in [-1, 1) (a 32-bit LCG; the exact stream does not matter). */
export function seeded(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

function t(shape: number[], seed: number, device: string, requiresGrad = false): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const x = Tensor.fromHost(seeded(n, seed), shape, 'float32', device);
  return requiresGrad ? x.requires_grad_() : x;
}

/** One named output as a flat list of numbers plus its shape, ready to cross into Node as JSON. */
export interface CaseOutput {
  name: string;
  shape: number[];
  values: number[];
}

function out(name: string, x: Tensor): CaseOutput {
  return { name, shape: [...x.shape], values: Array.from(x.contiguous().dataSync() as Float32Array) };
}

/** Runs every workload on `device` and returns its outputs (forward values and gradients). */
export function runCases(device: string): CaseOutput[] {
  const results: CaseOutput[] = [];
  results.push(out('matmul [33,47]x[47,29]', t([33, 47], 1, device).mm(t([47, 29], 2, device))));
  results.push(out('conv2d [2,3,11,9] * [5,3,3,3] stride 2 pad 1 +bias',
    conv2d(t([2, 3, 11, 9], 3, device), t([5, 3, 3, 3], 4, device), t([5], 5, device), { stride: 2, padding: 1 })));

  // MLP 16 -> 32 -> 4 with ReLU, MSE loss against a target; forward, loss and every gradient.
  const x = t([8, 16], 6, device);
  const w1 = t([32, 16], 7, device, true);
  const b1 = t([32], 8, device, true);
  const w2 = t([4, 32], 9, device, true);
  const b2 = t([4], 10, device, true);
  const target = t([8, 4], 11, device);
  const y = x.mm(w1.t()).add(b1).relu().mm(w2.t()).add(b2);
  const loss = y.sub(target).pow(2).mean();
  loss.backward();
  results.push(out('mlp forward', y), out('mlp loss', loss));
  for (const [name, p] of [['w1', w1], ['b1', b1], ['w2', w2], ['b2', b2]] as const) results.push(out(`mlp grad ${name}`, p.grad!));
  return results;
}
