// F.hardtanh / F.relu6 and nn.Hardtanh / nn.ReLU6 take ATen's hardtanh_backward (0 on both
// boundaries, NaN inputs pass the gradient); values from PyTorch 1.13 (core's
// fixtures/ops/hardtanh.json holds the full golden set, tooling/goldens/gen_hardtanh.py).
import { describe, expect, it } from 'vitest';
import { tensor, type Tensor } from '@nncompat/core';
import * as F from './index.js';
import { nn } from '../index.js';

const X = [NaN, -1, 0, 2, 25, -30, 1e-3];
const G = [Infinity, Infinity, NaN, 3, Infinity, 1.5, 0.7];

function gradOf(f: (x: Tensor) => Tensor, inplace = false): number[] {
  const x = tensor(X, { dtype: 'float64', requires_grad: true });
  // In-place forms need a non-leaf input, as in PyTorch.
  const y = f(inplace ? x.mul(1) : x);
  expect(y.grad_fn?.name()).toBe('HardtanhBackward0');
  y.backward(tensor(G, { dtype: 'float64' }));
  return x.grad!.tolist() as number[];
}

describe('hardtanh / relu6 gradients at the boundaries', () => {
  const hardtanh = [Infinity, 0, NaN, 0, 0, 0, 0.7];
  const relu6 = [Infinity, 0, 0, 3, 0, 0, 0.7];
  it('F.hardtanh(x, -1, 2)', () => expect(gradOf((x) => F.hardtanh(x, -1, 2))).toEqual(hardtanh));
  it('F.hardtanh(x, -1, 2, true) (in place)', () => expect(gradOf((x) => F.hardtanh(x, -1, 2, true), true)).toEqual(hardtanh));
  it('nn.Hardtanh(-1, 2)', () => expect(gradOf((x) => new nn.Hardtanh(-1, 2)(x))).toEqual(hardtanh));
  it('F.relu6', () => expect(gradOf((x) => F.relu6(x))).toEqual(relu6));
  it('nn.ReLU6', () => expect(gradOf((x) => new nn.ReLU6()(x))).toEqual(relu6));
  it('forward keeps NaN and clamps', () => {
    expect(F.relu6(tensor([NaN, -1, 7, 3])).tolist()).toEqual([NaN, 0, 6, 3]);
  });
});
