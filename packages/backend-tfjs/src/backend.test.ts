// The tfjs backend as core sees it: devices, moves, mixing errors, the ready() contract,
// memory over many training steps, an autograd MLP step matching the reference, coverage.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getBackend, kernels, randn, tidy } from '@nncompat/core';
import { checkDeviceMixRefused, checkMoveRoundTrip, mlpSetup, mlpStep } from '@nncompat/core/testing';
import { kernelCoverage, ready } from './index.js';

beforeAll(async () => {
  await ready();
  await ready('cpu');
});

describe.each(['tfjs', 'tfjs-cpu'])('%s backend', (backend) => {
  it('moves tensors with .to() and back, differentiably', () => {
    checkMoveRoundTrip(backend);
  });

  it('refuses to mix devices in one op, as PyTorch does', () => {
    checkDeviceMixRefused(backend);
  });

  it('keeps tf.memory() flat over 2,000 MLP training steps under tidy', () => {
    const { params, x, y } = mlpSetup(backend);
    tidy(() => mlpStep(params, x, y));
    tidy(() => mlpStep(params, x, y));
    const before = tf.memory().numTensors;
    let first = 0;
    let last = 0;
    for (let i = 0; i < 2000; i++) {
      const l = tidy(() => mlpStep(params, x, y));
      if (i === 0) first = l;
      last = l;
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(last).toBeLessThan(first);
  });

  it('an autograd MLP training run gives the reference backend\'s losses', () => {
    const ref = mlpSetup('reference');
    const tfs = mlpSetup(backend);
    for (let i = 0; i < 20; i++) {
      const a = tidy(() => mlpStep(ref.params, ref.x, ref.y));
      const b = tidy(() => mlpStep(tfs.params, tfs.x, tfs.y));
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(a)));
    }
    expect(tfs.params[0]!.device).toBe(backend);
  });

  it('reports every SPI kernel but Sort, CumSum and CumProd as native in kernelCoverage()', () => {
    const rows = kernelCoverage(backend);
    expect(rows.map((r) => r.kernel)).toEqual([...kernels.ALL_KERNELS]);
    expect(rows.filter((r) => r.status !== 'native').map((r) => r.kernel)).toEqual(['Sort', 'CumSum', 'CumProd']);
  });
});

describe('ready()', () => {
  it('rejects an unknown tfjs backend with a clear error', async () => {
    await expect(ready('nope' as never)).rejects.toThrow("ready(): expected 'wasm', 'cpu', 'webgl' or 'webgpu', got \"nope\"");
  });

  it('gives a usable backend after an init attempt failed before ready()', async () => {
    // The registry keeps init errors; re-registering (what ready() does) must clear them.
    const { registerBackend } = await import('@nncompat/core');
    registerBackend('tfjs-probe', () => {
      throw new Error('not ready');
    });
    expect(() => getBackend('tfjs-probe')).toThrow("backend 'tfjs-probe' failed to initialize: not ready");
    registerBackend('tfjs-probe', () => getBackend('tfjs'));
    expect(getBackend('tfjs-probe').name).toBe('tfjs');
  });
});
