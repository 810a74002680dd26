// Behaviour the goldens cannot show: boolean results, in-place view metadata and version
// counters, autograd through in-place shape ops, and finite-difference gradient checks.
import { describe, expect, it } from 'vitest';
import { randn, tensor, zeros } from '../index.js';
import { gradcheck } from '../testing/index.js';

describe('Tensor methods (tensor_methods.ts group)', () => {
  it('equal compares shape and values (NaN never equal), promoting dtypes as PyTorch', () => {
    expect(tensor([1, 2]).equal(tensor([1, 2]))).toBe(true);
    expect(tensor([1, 2]).equal(tensor([1.0, 2.0]))).toBe(true);
    expect(tensor([1, 2]).equal(tensor([[1, 2]]))).toBe(false);
    expect(tensor([NaN]).equal(tensor([NaN]))).toBe(false);
  });

  it('in-place shape ops keep the storage, change sizes/strides and bump the version', () => {
    const x = zeros(2, 3);
    const s = x.untyped_storage();
    const v = x._version;
    expect(x.unsqueeze_(0)).toBe(x);
    expect(x.shape).toEqual([1, 2, 3]);
    x.squeeze_();
    x.t_();
    expect(x.shape).toEqual([3, 2]);
    expect(x.stride()).toEqual([1, 3]);
    x.transpose_(0, 1);
    expect(x.stride()).toEqual([3, 1]);
    expect(x.untyped_storage()).toBe(s);
    expect(x._version).toBe(v + 4);
  });

  it('in-place shape ops refuse leaves that require grad and carry autograd for non-leaves', () => {
    const a = randn([3], { dtype: 'float64', requires_grad: true });
    expect(() => a.unsqueeze_(0)).toThrow('a leaf Variable that requires grad is being used in an in-place operation.');
    const b = a.mul(2);
    b.unsqueeze_(0);
    expect(b.grad_fn?.name()).toBe('UnsqueezeBackward0');
    b.sum().backward();
    expect(a.grad!.tolist()).toEqual([2, 2, 2]);
  });

  it('new_* take dtype and device from self; new_tensor casts to self dtype; cpu() is itself on cpu', () => {
    const x = tensor([1, 2]);
    expect(x.new_zeros(2, 3).dtype.name).toBe('int64');
    expect(x.new_tensor([1.5]).tolist()).toEqual([1]);
    expect(x.new_ones([2], { dtype: 'float32', requires_grad: true }).requires_grad).toBe(true);
    expect(x.cpu()).toBe(x);
  });

  it('gradients match finite differences', () => {
    const f64 = (...s: number[]) => randn(s, { dtype: 'float64', requires_grad: true });
    const w = f64(3).abs().add(0.1).detach().requires_grad_();
    gradcheck((x) => x.norm(3, 1), [f64(2, 3)]);
    gradcheck((x) => x.cumprod(1), [f64(2, 4)]);
    gradcheck((x) => x.cumsum(0), [f64(3, 2)]);
    gradcheck((x) => x.sort(1).values, [f64(2, 5)]);
    gradcheck((x, y) => x.lerp(y, 0.3), [f64(3), f64(3)]);
    gradcheck((x, y) => x.logaddexp(y).add(x.hypot(y)), [f64(3), f64(3)]);
    gradcheck((x) => x.xlogy(w), [f64(3)]);
    gradcheck((x) => x.tan().add(x.sinh()).add(x.cosh()).add(x.atan()).add(x.exp2()), [f64(4)]);
    gradcheck((x) => x.mul(0.3).asin().add(x.mul(0.3).acos()), [f64(4)]);
    gradcheck((x) => x.flip(0).roll(1, 1).repeat(2, 1).tile(2), [f64(2, 3)]);
    gradcheck((x, s) => x.scatter(1, tensor([[2, 0]]), s), [f64(2, 3), f64(1, 2)]);
  });

  it('cumprod gradient is exact with zeros in the input', () => {
    const x = tensor([2, 0, 3, 0.5], { dtype: 'float64', requires_grad: true });
    x.cumprod(0).sum().backward();
    // d/dx0 = 1 + 0 + ..., d/dx1 = 2 + 2*3 + 2*3*0.5 = 11, d/dx2 = 0, d/dx3 = 0
    expect(x.grad!.tolist()).toEqual([1, 11, 0, 0]);
  });
});
