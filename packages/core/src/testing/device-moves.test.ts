import { describe, expect, it } from 'vitest';
import { checkDeviceMixRefused, checkMoveRoundTrip } from './device-moves.js';
import { mlpSetup, mlpStep } from './mlp.js';

describe('device checks and the MLP problem', () => {
  it('pass a round trip on the reference backend itself', () => {
    expect(() => checkMoveRoundTrip('cpu')).not.toThrow();
  });

  it('report an op that mixes devices without an error', () => {
    // The reference backend is cpu: nothing mixes, so the check must fail.
    expect(() => checkDeviceMixRefused('cpu')).toThrow('device check: adding a cpu tensor to a cpu tensor did not throw');
  });

  it('train the seeded MLP: the same losses on every run, decreasing', () => {
    const run = (): number[] => {
      const { params, x, y } = mlpSetup('cpu');
      return Array.from({ length: 10 }, () => mlpStep(params, x, y));
    };
    const a = run();
    expect(run()).toEqual(a);
    expect(a[9]!).toBeLessThan(a[0]!);
  });
});
