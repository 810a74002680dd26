import { describe, expect, it } from 'vitest';
import { afterAll, beforeAll } from 'vitest';
import { manual_seed, memory, no_grad, randn, tidy, trackMemory, type Tensor } from '../index.js';

beforeAll(() => trackMemory(true));
afterAll(() => trackMemory(false));

/** A 2-layer MLP step: forward, MSE loss, backward, SGD update in place. */
function step(params: Tensor[], x: Tensor, y: Tensor): number {
  const [w1, b1, w2, b2] = params as [Tensor, Tensor, Tensor, Tensor];
  const h = x.mm(w1).add(b1).relu();
  const loss = h.mm(w2).add(b2).sub(y).pow(2).mean();
  loss.backward();
  no_grad(() => {
    for (const p of params) {
      p.sub_(p.grad!.mul(0.01));
      p.grad!.zero_();
    }
  });
  return loss.item() as number;
}

function setup(): { params: Tensor[]; x: Tensor; y: Tensor } {
  manual_seed(0);
  const params = [randn(4, 16), randn(16), randn(16, 1), randn(1)].map((p) => p.mul(0.1).requires_grad_());
  return { params, x: randn(8, 4), y: randn(8, 1) };
}

async function collect(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc (the shared vitest config sets it)');
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 0));
  }
}

describe('memory over 5,000 training steps', () => {
  it('tidy releases every temporary deterministically', () => {
    const { params, x, y } = setup();
    tidy(() => step(params, x, y)); // first step allocates the .grad buffers
    const before = memory('reference');
    let first = 0;
    let last = 0;
    for (let i = 0; i < 5000; i++) {
      const l = tidy(() => step(params, x, y));
      if (i === 0) first = l;
      last = l;
    }
    const after = memory('reference');
    expect(after.numBuffers).toBe(before.numBuffers);
    expect(after.numBytes).toBe(before.numBytes);
    expect(last).toBeLessThan(first);
  });

  it('the garbage collector releases buffers of unreachable tensors', async () => {
    const { params, x, y } = setup();
    step(params, x, y);
    await collect();
    const before = memory('reference');
    for (let i = 0; i < 5000; i++) step(params, x, y);
    await collect();
    const after = memory('reference');
    // Only what is still reachable remains: within a handful of buffers of the start.
    expect(after.numBuffers - before.numBuffers).toBeLessThanOrEqual(8);
    expect(after.numBytes - before.numBytes).toBeLessThanOrEqual(4096);
  });
});
