/**
 * A tiny seeded 2-layer MLP regression problem for backend tests: the same parameters and data
 * on any device, and one SGD training step, so a backend's loss curve can be compared with the
 * reference backend's or watched for leaks over many steps.
 */
import { manual_seed, no_grad, randn, type Tensor } from '../index.js';

/** Parameters `[w1 4×16, b1 16, w2 16×1, b2 1]` (requiring grad), input x 8×4 and target y 8×1. */
export interface MlpProblem {
  params: Tensor[];
  x: Tensor;
  y: Tensor;
}

/** The problem seeded with 0, on `device` (a backend name such as `reference` or `tfjs`). */
export function mlpSetup(device: string): MlpProblem {
  manual_seed(0);
  const params = [randn(4, 16), randn(16), randn(16, 1), randn(1)].map((p) => p.mul(0.1).to(device).requires_grad_());
  return { params, x: randn(8, 4).to(device), y: randn(8, 1).to(device) };
}

/** One step: forward, MSE loss, backward, SGD update (lr 0.01) in place, grads zeroed. Returns the loss. */
export function mlpStep(params: Tensor[], x: Tensor, y: Tensor): number {
  const [w1, b1, w2, b2] = params as [Tensor, Tensor, Tensor, Tensor];
  const loss = x.mm(w1).add(b1).relu().mm(w2).add(b2).sub(y).pow(2).mean();
  loss.backward();
  no_grad(() => {
    for (const p of params) {
      p.sub_(p.grad!.mul(0.01));
      p.grad!.zero_();
    }
  });
  return loss.item() as number;
}
