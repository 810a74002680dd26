import { describe, expect, it } from 'vitest';
import { Addmm, BatchMatMul, Concat, Conv2D, CumProd, CumSum, Softmax, Sort } from '../../../kernels/names.js';
import { REFERENCE } from '../backend.js';
import { HEAVY_KERNELS } from './heavy.js';

describe('HEAVY_KERNELS', () => {
  it('lists 22 distinct reference kernels', () => {
    const names = HEAVY_KERNELS.map((k) => k.kernelName);
    expect(new Set(names).size).toBe(22);
    expect(names).toEqual(expect.arrayContaining([Addmm, BatchMatMul, Conv2D, Softmax, Concat, Sort, CumSum, CumProd]));
    for (const k of HEAVY_KERNELS) expect(k.backendName).toBe(REFERENCE);
  });
});
