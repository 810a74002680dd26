import { describe, expect, it } from 'vitest';
import { kernels } from '../index.js';
import { KERNEL_PROBES, matrixMarkdown, measureKernels, unprobedKernels } from './index.js';

describe('conformance matrix machinery', () => {
  it('has a probe for every kernel of the SPI', () => {
    expect(unprobedKernels()).toEqual([]);
    expect(Object.keys(KERNEL_PROBES).sort()).toEqual([...kernels.ALL_KERNELS].sort());
  });
  it('the reference backend runs every kernel natively and agrees with itself exactly', () => {
    const rows = measureKernels('reference');
    expect(rows.filter((r) => r.status !== 'pass')).toEqual([]);
    expect(rows.every((r) => r.native && r.maxAbsErr === 0)).toBe(true);
    const md = matrixMarkdown({ reference: rows });
    expect(md.split('\n')).toHaveLength(2 + rows.length);
    expect(md).toContain('| BatchMatMul | native, exact |');
  });
});
