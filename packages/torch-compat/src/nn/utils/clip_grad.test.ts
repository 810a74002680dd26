import { describe, expect, it } from 'vitest';
import { zeros } from '@nncompat/core';
import { expectClose, fromJson, loadFunctionalFixture, type JsonNum, type TensorJson } from '../../functional/golden.test-helpers.js';
import { clip_grad_norm_, clip_grad_value_ } from './clip_grad.js';

interface ClipCase {
  fn: 'clip_grad_norm_' | 'clip_grad_value_';
  max_norm?: number;
  norm_type?: JsonNum;
  clip_value?: number;
  grads: TensorJson[];
  total_norm?: TensorJson;
  clipped: TensorJson[];
}
const fx = loadFunctionalFixture<{ cases: ClipCase[]; errors: { type: string; message: string }[] }>('clip_grad.json');

describe('clip_grad against PyTorch', () => {
  for (const c of fx.cases) {
    it(`${c.fn} ${c.norm_type ?? ''} ${c.max_norm ?? c.clip_value}`, () => {
      const ps = c.grads.map((g) => {
        const p = zeros(g.shape, { requires_grad: true });
        p.grad = fromJson(g);
        return p;
      });
      // A parameter without a gradient is skipped, as in PyTorch.
      ps.push(zeros(2, { requires_grad: true }));
      if (c.fn === 'clip_grad_norm_') {
        const nt = c.norm_type === 'inf' ? Infinity : (c.norm_type as number);
        const total = clip_grad_norm_(ps, c.max_norm!, nt);
        expectClose(total.dataSync(), c.total_norm!.data, 1e-6, 1e-7, 'total_norm');
      } else {
        clip_grad_value_(ps, c.clip_value!);
      }
      c.clipped.forEach((g, i) => expectClose(ps[i]!.grad!.dataSync(), g.data, 1e-6, 1e-7, `grad ${i}`));
      expect(ps[ps.length - 1]!.grad).toBeNull();
    });
  }
  it('error_if_nonfinite raises PyTorch\'s error', () => {
    const p = zeros(2, { requires_grad: true });
    p.grad = fromJson({ dtype: 'float32', shape: [2], data: ['inf', 1] });
    expect(() => clip_grad_norm_([p], 1.0, { error_if_nonfinite: true })).toThrow(fx.errors[0]!.message);
  });
});
