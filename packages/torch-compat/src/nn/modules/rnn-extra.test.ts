/**
 * nn.RNN's PyTorch 2.1 argument handling that 1.13 (the goldens' PyTorch) cannot show: the
 * 4th positional argument is `nonlinearity` (1.13 passed it on as `bias`).
 */
import { describe, expect, it } from 'vitest';
import { manual_seed, randn } from '@nncompat/core';
import * as nn from '../index.js';

describe('nn.RNN arguments (PyTorch 2.1)', () => {
  it('nonlinearity positionally equals the keyword form', () => {
    manual_seed(0);
    const a = new nn.RNN(4, 5, 2, 'relu', false);
    manual_seed(0);
    const b = new nn.RNN(4, 5, { num_layers: 2, nonlinearity: 'relu', bias: false });
    expect(String(a)).toBe('RNN(4, 5, num_layers=2, bias=False)');
    expect(a.nonlinearity).toBe('relu');
    const x = randn(3, 2, 4);
    expect(a(x)[0].tolist()).toStrictEqual(b(x)[0].tolist());
  });
  it('nonlinearity given twice is a TypeError', () => {
    expect(() => new (nn.RNN as unknown as new (...a: unknown[]) => unknown)(4, 5, 1, 'tanh', { nonlinearity: 'relu' })).toThrow(TypeError);
  });
});
