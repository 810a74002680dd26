import { describe, expect, it } from 'vitest';
import { KeyError } from '@nncompat/core';
import { Context, cpu, current_context, gpu } from './context.js';

describe('Context (python/mxnet/context.py)', () => {
  it('prints as cpu(0) / gpu(1) and is interned, so sets and maps work as in Python', () => {
    expect(String(cpu())).toBe('cpu(0)');
    expect(String(gpu(1))).toBe('gpu(1)');
    expect(cpu(1)).toBe(new Context('cpu', 1));
    expect(new Context(gpu(2))).toBe(gpu(2));
    expect(new Set([cpu(1), cpu(1), cpu(2)]).size).toBe(2);
    expect(gpu(3).device_type).toBe('gpu');
    expect(gpu(3).device_typeid).toBe(2);
    expect(cpu(0).__eq__(cpu(0))).toBe(true);
    expect(cpu(0).__eq__(gpu(0))).toBe(false);
  });

  it('`with ctx:` changes the default context and restores it', () => {
    expect(current_context()).toBe(cpu(0));
    expect(gpu(1).with(() => current_context())).toBe(gpu(1));
    expect(current_context()).toBe(cpu(0));
  });

  it('an unknown device type is a KeyError, as the dict lookup is in MXNet', () => {
    expect(() => new Context('tpu', 0)).toThrow(KeyError);
  });
});
