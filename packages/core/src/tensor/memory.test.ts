import { describe, expect, it } from 'vitest';
import { afterAll, beforeAll } from 'vitest';
import { memory, tidy, trackMemory } from '../index.js';
import { mlpSetup, mlpStep, type MlpProblem } from '../testing/mlp.js';

beforeAll(() => trackMemory(true));
afterAll(() => trackMemory(false));

// The backend tests' MLP problem on the reference backend ('cpu').
const step = mlpStep;
const setup = (): MlpProblem => mlpSetup('cpu');

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
