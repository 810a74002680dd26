import { describe, expect, it } from 'vitest';
import { inValidationRead, validationRead } from './validation-read.js';

describe('validationRead', () => {
  it('marks reads inside the callback (nested too), returns its value, and resets after a throw', () => {
    expect(inValidationRead()).toBe(false);
    expect(validationRead(() => validationRead(() => inValidationRead()) && inValidationRead())).toBe(true);
    expect(inValidationRead()).toBe(false);
    expect(() => validationRead(() => {
      throw new RangeError('bad index');
    })).toThrow('bad index');
    expect(inValidationRead()).toBe(false);
  });
});
