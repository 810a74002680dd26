/**
 * Port of a classic PyTorch autograd script: fit y = 3x - 2 with plain tensors, `backward()`
 * and an in-place SGD update under `no_grad`, on the default backend.
 *
 * PyTorch original:
 *   torch.manual_seed(0)
 *   x = torch.randn(64, 1); y = 3 * x - 2
 *   w = torch.zeros(1, 1, requires_grad=True); b = torch.zeros(1, requires_grad=True)
 *   for step in range(200):
 *       loss = ((x @ w + b - y) ** 2).mean()
 *       loss.backward()
 *       with torch.no_grad():
 *           w -= 0.1 * w.grad; b -= 0.1 * b.grad
 *           w.grad.zero_(); b.grad.zero_()
 */
import { getDefaultBackendName, manual_seed, no_grad, randn, zeros } from '@nncompat/core';

/** Runs the fit and returns the learned parameters and the loss curve. */
export function fitLinearRegression(steps = 200): { w: number; b: number; losses: number[]; backend: string } {
  manual_seed(0);
  const x = randn(64, 1);
  const y = x.mul(3).sub(2);
  const w = zeros(1, 1, { requires_grad: true });
  const b = zeros(1, { requires_grad: true });
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    const loss = x.matmul(w).add(b).sub(y).pow(2).mean();
    loss.backward();
    no_grad(() => {
      w.sub_(w.grad!.mul(0.1));
      b.sub_(b.grad!.mul(0.1));
      w.grad!.zero_();
      b.grad!.zero_();
    });
    losses.push(loss.item() as number);
  }
  return { w: w.item() as number, b: b.item() as number, losses, backend: getDefaultBackendName() };
}
