import { describe, expect, it, vi } from 'vitest';
import { getDefaultBackendName, kernels as K, listBackends, manual_seed, randn, tensor, Tensor, type DTypeName } from '@nncompat/core';
import { assertClose } from '@nncompat/core/testing';
import { clearSessionCache, kernelCoverage, ONNXRUNTIME_PRIORITY, sessionCacheStats, setSessionCacheLimit } from './index.js';

describe('onnxruntime backend', () => {
  it('registers below the reference backend, so the default stays reference', () => {
    expect(listBackends().indexOf('onnxruntime')).toBeGreaterThan(listBackends().indexOf('reference'));
    expect(ONNXRUNTIME_PRIORITY).toBeLessThan(0);
    if (!process.env['NNCOMPAT_BACKEND']) expect(getDefaultBackendName()).toBe('reference');
  });

  it(".to('onnxruntime') and back keeps values and dtype for every dtype", () => {
    const dtypes: DTypeName[] = ['float32', 'float64', 'float16', 'bfloat16', 'int8', 'uint8', 'int16', 'int32', 'int64', 'bool'];
    for (const dt of dtypes) {
      const a = tensor([[0, 1, 2], [3, 4, 5]], { dtype: dt });
      const o = a.to('onnxruntime');
      expect(o.backend).toBe('onnxruntime');
      expect(String(o.device)).toBe('onnxruntime');
      expect(o.dtype.name).toBe(dt);
      const back = o.to('cpu');
      expect(back.backend).toBe('reference');
      expect(back.tolist()).toEqual(a.tolist());
    }
  });

  it("mixing onnxruntime and cpu tensors raises PyTorch's device-mismatch error", () => {
    const a = tensor([1, 2]).to('onnxruntime');
    const b = tensor([3, 4]);
    expect(() => a.add(b)).toThrow('Expected all tensors to be on the same device, but found at least two devices, onnxruntime and cpu!');
    expect(() => b.mul(a)).toThrow('Expected all tensors to be on the same device, but found at least two devices, cpu and onnxruntime!');
  });

  it('reuses one cached session for 1,000 identical ops (and for other shapes of the same rank)', () => {
    const a = tensor([[1, 2, 3, 4]]).to('onnxruntime').float();
    const b = tensor([[4, 3, 2, 1]]).to('onnxruntime').float();
    clearSessionCache();
    let last: Tensor = a;
    for (let i = 0; i < 1000; i++) last = a.add(b);
    expect(last.tolist()).toEqual([[5, 5, 5, 5]]);
    const s = sessionCacheStats();
    expect(s.created).toBe(1);
    expect(s.hits).toBe(999);
    // Non-1 dims are symbolic in the cached graph: a [1, 9] add reuses the [1, 4] session.
    randn(1, 9).to('onnxruntime').add(randn(1, 9).to('onnxruntime'));
    expect(sessionCacheStats().created).toBe(1);
  });

  it('bounds the session cache, disposing the oldest sessions', () => {
    clearSessionCache();
    setSessionCacheLimit(3);
    try {
      const x = randn(2, 3).to('onnxruntime');
      // Five distinct signatures (different kernels), then the first again: re-created.
      x.exp(); x.sin(); x.cos(); x.tanh(); x.sigmoid();
      expect(sessionCacheStats().size).toBe(3);
      expect(sessionCacheStats().created).toBe(5);
      assertClose(x.exp().to('cpu'), x.to('cpu').exp(), { rtol: 1e-6, atol: 1e-6 });
      expect(sessionCacheStats().created).toBe(6);
      expect(() => setSessionCacheLimit(0)).toThrow("'n' must be a positive integer, got 0");
    } finally {
      setSessionCacheLimit(1024);
    }
  });

  it('an MLP forward/backward step gives the same loss and gradients as on the reference backend', () => {
    manual_seed(0);
    const x = randn(16, 8);
    const target = tensor([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3], { dtype: 'int64' });
    const params = [randn(32, 8).mul(0.3), randn(32).mul(0.1), randn(4, 32).mul(0.3), randn(4).mul(0.1)];
    const step = (device: string): { loss: number; grads: Tensor[] } => {
      const [w1, b1, w2, b2] = params.map((p) => p.to(device).detach().requires_grad_(true)) as [Tensor, Tensor, Tensor, Tensor];
      const h = x.to(device).mm(w1.t()).add(b1).relu();
      const logits = h.mm(w2.t()).add(b2);
      const logp = logits.log_softmax(1);
      const loss = logp.gather(1, target.to(device).unsqueeze(1)).mean().neg();
      loss.backward();
      return { loss: loss.item() as number, grads: [w1, b1, w2, b2].map((p) => p.grad!.to('cpu')) };
    };
    const ref = step('cpu');
    const ort = step('onnxruntime');
    expect(ort.loss).toBeCloseTo(ref.loss, 5);
    ort.grads.forEach((g, i) => assertClose(g, ref.grads[i]!, { rtol: 1e-4, atol: 1e-5, what: `grad ${i}` }));
  });

  it('kernels without an ONNX graph fall back to the reference backend with a warning, and kernelCoverage says so', () => {
    const cov = kernelCoverage();
    expect(cov.length).toBe(K.ALL_KERNELS.length);
    const fallback = cov.filter((c) => c.status === 'fallback').map((c) => c.kernel).sort();
    expect(cov.find((c) => c.kernel === 'Addmm')?.status).toBe('onnx');
    expect(fallback).toEqual(['Atan2', 'AvgPool2DBackward', 'CumProd', 'CumSum', 'Expm1', 'Log1p', 'Sort']);
    expect(cov.filter((c) => c.status === 'host').map((c) => c.kernel).sort()).toEqual(['Assign', 'Contiguous']);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const y = tensor([1, 2]).to('onnxruntime').atan2(tensor([2, 1]).to('onnxruntime'));
    expect(y.backend).toBe('onnxruntime');
    assertClose(y.to('cpu'), [Math.atan2(1, 2), Math.atan2(2, 1)], { rtol: 1e-6, atol: 1e-7 });
    warn.mockRestore();
  });

  it('in-place writes (Assign) land in onnxruntime buffers', () => {
    const a = tensor([[1, 2], [3, 4]]).float().to('onnxruntime');
    a.t().copy_(tensor([[9, 8], [7, 6]]).float().to('onnxruntime'));
    expect(a.tolist()).toEqual([[9, 7], [8, 6]]);
  });
});
