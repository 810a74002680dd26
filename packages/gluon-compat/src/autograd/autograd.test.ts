import { describe, expect, it } from 'vitest';
import * as mx from '../index.js';

describe('mx.autograd', () => {
  it('fills attach_grad buffers: d(sum(x*x))/dx = 2x', () => {
    const x = mx.nd.array([1, 2, 3]);
    x.attach_grad();
    const y = mx.autograd.record(() => x.mul(x).sum());
    y.backward();
    expect([...x.grad!.asnumpy()]).toEqual([2, 4, 6]);
  });

  it("sums a variable's uses within one pass (write) and accumulates across passes (add)", () => {
    const x = mx.nd.array([1, 2]);
    x.attach_grad('write');
    for (let i = 0; i < 2; i++) mx.autograd.record(() => x.mul(2).add(x.mul(3)).sum()).backward();
    expect([...x.grad!.asnumpy()]).toEqual([5, 5]);
    const z = mx.nd.array([1, 2]);
    z.attach_grad('add');
    for (let i = 0; i < 2; i++) mx.autograd.record(() => z.mul(2).add(z.mul(3)).sum()).backward();
    expect([...z.grad!.asnumpy()]).toEqual([10, 10]);
  });

  it('records nothing outside record(), with MXNet\'s error text on backward', () => {
    const x = mx.nd.array([1, 2]);
    x.attach_grad();
    const y = x.mul(2).sum();
    expect(() => y.backward()).toThrow(/Cannot differentiate node because it is not in a computational graph/);
  });

  it('tracks is_recording / is_training through record, pause, train_mode and predict_mode', () => {
    expect([mx.autograd.is_recording(), mx.autograd.is_training()]).toEqual([false, false]);
    mx.autograd.record(() => {
      expect([mx.autograd.is_recording(), mx.autograd.is_training()]).toEqual([true, true]);
      mx.autograd.pause(() => expect([mx.autograd.is_recording(), mx.autograd.is_training()]).toEqual([false, false]));
      mx.autograd.predict_mode(() => expect(mx.autograd.is_training()).toBe(false));
    });
    mx.autograd.record(() => expect(mx.autograd.is_training()).toBe(false), false);
    mx.autograd.train_mode(() => expect([mx.autograd.is_recording(), mx.autograd.is_training()]).toEqual([false, true]));
  });

  it('mark_variables attaches given buffers; a value assignment keeps the variable marked', () => {
    const x = mx.nd.array([1, 2]);
    const g = mx.nd.zeros([2]);
    mx.autograd.mark_variables([x], [g]);
    x.__setitem__(':', [3, 4]);
    mx.autograd.record(() => x.square().sum()).backward();
    expect([...g.asnumpy()]).toEqual([6, 8]);
  });
});
