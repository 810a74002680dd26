import { describe, expect, it } from 'vitest';
import * as torch from './index.js';

describe('torch namespace layout', () => {
  it('exposes nn.functional, nn.init and nn.utils.clip_grad_norm_ at PyTorch paths', () => {
    expect(typeof torch.nn.functional.relu).toBe('function');
    expect(typeof torch.nn.functional.cross_entropy).toBe('function');
    expect(typeof torch.nn.init.kaiming_uniform_).toBe('function');
    expect(typeof torch.nn.utils.clip_grad_norm_).toBe('function');
    expect(typeof torch.optim.SGD).toBe('function');
    expect(typeof torch.load).toBe('function');
    expect(typeof torch.save).toBe('function');
  });
});
