import { describe, expect, it } from 'vitest';
import { formatExp, formatFixed } from './pyformat.js';

// Expected strings printed by CPython 3 ('{:.4f}', '{:.4e}', '{:.2f}', '{:.0f}'.format(v)).
const CASES: [number, string, string, string, string][] = [
  [0.125, '0.1250', '1.2500e-01', '0.12', '0'],
  [0.375, '0.3750', '3.7500e-01', '0.38', '0'],
  [2.5, '2.5000', '2.5000e+00', '2.50', '2'],
  [1.03125, '1.0312', '1.0312e+00', '1.03', '1'],
  [-1.03125, '-1.0312', '-1.0312e+00', '-1.03', '-1'],
  [2.0000500000000001, '2.0000', '2.0000e+00', '2.00', '2'],
  [1e-5, '0.0000', '1.0000e-05', '0.00', '0'],
  [123456789.0, '123456789.0000', '1.2346e+08', '123456789.00', '123456789'],
  [9.99995, '10.0000', '1.0000e+01', '10.00', '10'],
  [0.5, '0.5000', '5.0000e-01', '0.50', '0'],
  [-0, '-0.0000', '-0.0000e+00', '-0.00', '-0'],
];

describe('Python float formatting', () => {
  it.each(CASES)('%s', (v, f4, e4, f2, f0) => {
    expect([formatFixed(v, 4), formatExp(v, 4), formatFixed(v, 2), formatFixed(v, 0)]).toStrictEqual([f4, e4, f2, f0]);
  });
  it('non-finite values', () => {
    expect([formatFixed(NaN, 4), formatFixed(Infinity, 4), formatExp(-Infinity, 4)]).toStrictEqual(['nan', 'inf', '-inf']);
  });
});
