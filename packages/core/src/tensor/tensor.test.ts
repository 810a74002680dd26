import { describe, expect, it } from 'vitest';
import { arange, float32, grad, int64, no_grad, ones, RuntimeError, IndexError, tensor, Tensor, zeros, float16, bfloat16 } from '../index.js';

describe('Tensor basics', () => {
  it('creates tensors with PyTorch default dtypes', () => {
    expect(tensor([1, 2, 3]).dtype).toBe(int64);
    expect(tensor([1.5, 2]).dtype).toBe(float32);
    expect(tensor([true, false]).dtype.name).toBe('bool');
    expect(tensor([[1, 2], [3, 4]]).shape).toEqual([2, 2]);
    expect(() => tensor([[1, 2], [3]])).toThrow('expected sequence of length 2 at dim 1 (got 1)');
  });

  it('views share storage and the version counter', () => {
    const x = arange(6, { dtype: 'float32' }).view(2, 3);
    const t = x.t();
    expect(t.untyped_storage()).toBe(x.untyped_storage());
    expect(t.stride()).toEqual([1, 3]);
    expect(t.is_contiguous()).toBe(false);
    t.select(0, 1).fill_(9);
    expect(x.tolist()).toEqual([[0, 9, 2], [3, 9, 5]]);
    expect(x._version).toBe(1);
    expect(t.contiguous().tolist()).toEqual([[0, 3], [9, 9], [2, 5]]);
  });

  it('broadcasts with promotion and PyTorch errors', () => {
    const a = ones(2, 3);
    const b = tensor([1, 2, 3]);
    expect(a.add(b).dtype).toBe(float32);
    expect(a.add(b).tolist()).toEqual([[2, 3, 4], [2, 3, 4]]);
    expect(tensor([1, 2]).add(1.5).dtype).toBe(float32);
    expect(tensor([1, 2], { dtype: 'int32' }).add(1).dtype.name).toBe('int32');
    expect(() => ones(2, 3).add(ones(4))).toThrow('The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1');
    expect(() => ones(2, 3).sum(2)).toThrow(IndexError);
  });

  it('round-trips float16 and bfloat16 bits', () => {
    const h = Tensor.fromHost(new Uint16Array([0x3c00, 0x7bff, 0x0001, 0xfc00]), [4], float16);
    expect(Array.from(h.dataSync())).toEqual([0x3c00, 0x7bff, 0x0001, 0xfc00]);
    expect(h.to('float32').tolist()).toEqual([1, 65504, 2 ** -24, -Infinity]);
    const b = tensor([1.5, -2.25], { dtype: bfloat16 });
    expect(b.float().tolist()).toEqual([1.5, -2.25]);
  });

  it('computes gradients with broadcasting', () => {
    const x = tensor([[1, 2, 3]], { dtype: 'float32', requires_grad: true });
    const w = tensor([[2], [3]], { dtype: 'float32', requires_grad: true });
    const y = x.mul(w).sum();
    expect(y.grad_fn!.name()).toBe('SumBackward0');
    y.backward();
    expect(x.grad!.tolist()).toEqual([[5, 5, 5]]);
    expect(w.grad!.tolist()).toEqual([[6], [6]]);
  });

  it('raises PyTorch errors for in-place modification of saved tensors and double backward', () => {
    const x = tensor([1, 2, 3], { dtype: 'float32', requires_grad: true });
    const y = x.exp();
    y.add_(1);
    expect(() => y.sum().backward()).toThrow(/one of the variables needed for gradient computation has been modified by an inplace operation: \[torch.FloatTensor \[3\]\], which is output 0 of ExpBackward0, is at version 1; expected version 0 instead/);
    const z = x.mul(x).sum();
    z.backward();
    expect(() => z.backward()).toThrow(RuntimeError);
    expect(() => x.add_(1)).toThrow('a leaf Variable that requires grad is being used in an in-place operation.');
    no_grad(() => x.add_(1));
    expect(x.tolist()).toEqual([2, 3, 4]);
  });

  it('supports autograd.grad with create_graph for second derivatives', () => {
    const x = tensor([1, 2], { dtype: 'float64', requires_grad: true });
    const [g] = grad(x.pow(3).sum(), x, { create_graph: true });
    expect(g!.tolist()).toEqual([3, 12]);
    const [g2] = grad(g!.sum(), x);
    expect(g2!.tolist()).toEqual([6, 12]);
  });

  it('retains grads of non-leaves and runs tensor hooks', () => {
    const x = tensor([1, 2], { dtype: 'float32', requires_grad: true });
    const y = x.mul(2);
    y.retain_grad();
    const seen: number[][] = [];
    y.register_hook((g) => {
      seen.push(g.tolist() as number[]);
      return g.mul(10);
    });
    y.sum().backward();
    expect(seen).toEqual([[1, 1]]);
    expect(y.grad!.tolist()).toEqual([10, 10]);
    expect(x.grad!.tolist()).toEqual([20, 20]);
  });

  it('zeros and reductions', () => {
    const x = arange(12, { dtype: 'float32' }).view(3, 4);
    expect(x.sum(1).tolist()).toEqual([6, 22, 38]);
    expect(x.mean(0, true).tolist()).toEqual([[4, 5, 6, 7]]);
    expect(zeros(2).dtype).toBe(float32);
    expect(() => tensor([1, 2]).mean()).toThrow('mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long');
  });
});

describe('requires_grad dtype errors (PyTorch 1.13 texts, which differ per entry point)', () => {
  it('method, attribute and factory', () => {
    expect(() => tensor([1]).requires_grad_()).toThrow('only Tensors of floating point dtype can require gradients');
    expect(() => {
      tensor([1]).requires_grad = true;
    }).toThrow('only Tensors of floating point and complex dtype can require gradients');
    expect(() => zeros(2, { dtype: 'int64', requires_grad: true })).toThrow('Only Tensors of floating point and complex dtype can require gradients');
  });
});
