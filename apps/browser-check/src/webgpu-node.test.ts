// ready('webgpu') on Node: Node has no WebGPU (navigator.gpu is undefined, and the `webgpu` npm
// package's Dawn binary needs glibc 2.38, newer than this machine's), so it must reject at once
// with the reason, never hang and never load @tensorflow/tfjs-backend-webgpu.
import { describe, expect, it } from 'vitest';
import { ready } from '@nncompat/backend-tfjs';

describe("ready('webgpu') on Node", () => {
  it('rejects with the reason', async () => {
    const t0 = Date.now();
    await expect(ready('webgpu')).rejects.toThrow(/^ready\('webgpu'\): WebGPU is not available: Node \S+ has no WebGPU \(navigator\.gpu is undefined/);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('did not load tfjs-backend-webgpu', async () => {
    await ready('webgpu').catch(() => undefined);
    const tf = await import('@tensorflow/tfjs');
    expect(tf.findBackendFactory('webgpu')).toBeNull();
  });
});
