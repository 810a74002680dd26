import { describe, expect, it } from 'vitest';
import { kernelCoverage, kernels, registerBackend, registerKernel, ReferenceBackend, tensor } from '../index.js';

describe('kernelCoverage', () => {
  it('reports the reference backend as complete', () => {
    const c = kernelCoverage('reference')['reference']!;
    expect(c.native).toEqual([...kernels.ALL_KERNELS]);
    expect(c.fallback).toEqual([]);
  });

  it('reports a partial backend and records kernels that actually fell back, with a one-time warning', () => {
    // A backend with the reference's buffers but only Add: everything else falls back.
    class Partial extends ReferenceBackend {
      override readonly name = 'partial-test' as never;
      override readonly deviceType = 'partial-test' as never;
    }
    registerBackend('partial-test', () => new Partial() as never, -100);
    // Mul is "native" (never called here); Add is missing and must fall back.
    registerKernel({ kernelName: kernels.Mul, backendName: 'partial-test', kernelFunc: () => {
      throw new Error('not called in this test');
    } });
    const warnings: string[] = [];
    const orig = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      const x = tensor([1, 2], { device: 'partial-test' });
      expect(x.add(x).tolist()).toEqual([2, 4]);
      expect(x.add(x).tolist()).toEqual([2, 4]);
    } finally {
      console.warn = orig;
    }
    expect(warnings.filter((w) => w.includes("'Add'"))).toHaveLength(1);
    const c = kernelCoverage('partial-test')['partial-test']!;
    expect(c.native).toEqual([kernels.Mul]);
    expect(c.fallback).toContain(kernels.Add);
    expect(c.fellBack).toContain(kernels.Add);
  });
});
