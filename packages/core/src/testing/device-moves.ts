/**
 * Device checks every backend's tests run: a differentiable `.to(device)` round trip and
 * PyTorch's error for ops that mix devices. Each throws an Error describing the first mismatch.
 */
import { randn, RuntimeError } from '../index.js';

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`device check: ${what}`);
}

/**
 * Moves a 3×4 tensor that requires grad to `device` and back (`t.mul(2)` on the way), then
 * backpropagates the sum: devices, values (exactly 2·a) and the gradient (2 everywhere) must match.
 */
export function checkMoveRoundTrip(device: string): void {
  const a = randn(3, 4).requires_grad_();
  const t = a.to(device);
  check(t.device === device, `.to('${device}') gave a tensor on ${t.device}`);
  const back = t.mul(2).to('cpu');
  check(back.device === 'cpu', `.to('cpu') gave a tensor on ${back.device}`);
  const got = JSON.stringify(back.tolist());
  const want = JSON.stringify(a.mul(2).tolist());
  check(got === want, `x.to('${device}').mul(2).to('cpu') is ${got}, expected ${want}`);
  back.sum().backward();
  const grad = JSON.stringify(a.grad!.tolist());
  const wantGrad = JSON.stringify(a.mul(0).add(2).tolist());
  check(grad === wantGrad, `the gradient through the moves is ${grad}, expected ${wantGrad}`);
}

/**
 * `a.add(b)` with `a` on `device` and `b` on cpu must raise a RuntimeError with PyTorch's text
 * ("Expected all tensors to be on the same device, but found at least two devices, <device> and cpu!").
 */
export function checkDeviceMixRefused(device: string): void {
  const a = randn(2).to(device);
  const b = randn(2);
  const text = `Expected all tensors to be on the same device, but found at least two devices, ${device} and cpu!`;
  let err: unknown = null;
  try {
    a.add(b);
  } catch (e) {
    err = e;
  }
  check(err !== null, `adding a ${device} tensor to a cpu tensor did not throw`);
  check(err instanceof RuntimeError, `adding a ${device} tensor to a cpu tensor threw ${String(err)}, expected a RuntimeError`);
  const message = (err as Error).message;
  check(message.includes(text), `adding a ${device} tensor to a cpu tensor threw "${message}", expected "${text}"`);
}
