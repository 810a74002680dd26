/**
 * `tensor.new_zeros / new_ones / new_full / new_empty / new_tensor` and `tensor.cpu()`: factories
 * that default their dtype and device to the tensor's own, as PyTorch's `Tensor.new_*` do.
 */
import { Tensor } from '../tensor/tensor.js';
import { type FactoryOptions, full, type NestedData, parseSizeArgs, tensor } from './creation.js';

declare module '../tensor/tensor.js' {
  interface Tensor {
    /**
     * `tensor.new_zeros(*size, dtype=None, device=None, requires_grad=False)`: zeros with this
     * tensor's dtype and device unless given.
     *
     * @example
     * x.new_zeros(2, 3, { dtype: 'float64' });
     */
    new_zeros(...size: (number | readonly number[] | FactoryOptions)[]): Tensor;
    /** `tensor.new_ones(*size, ...)`; see `new_zeros`. */
    new_ones(...size: (number | readonly number[] | FactoryOptions)[]): Tensor;
    /** `tensor.new_empty(*size, ...)`: zero-filled here (PyTorch leaves memory uninitialised). */
    new_empty(...size: (number | readonly number[] | FactoryOptions)[]): Tensor;
    /**
     * `tensor.new_full(size, fill_value, ...)`: the value is cast to this tensor's dtype
     * (`torch.tensor([1]).new_full([2], 2.5)` is `[2, 2]`).
     *
     * @example
     * x.new_full([2, 2], 7);
     */
    new_full(size: readonly number[], fill_value: number | boolean, opts?: FactoryOptions): Tensor;
    /**
     * `tensor.new_tensor(data, ...)`: a new tensor (a copy) of this tensor's dtype and device.
     *
     * @example
     * torch.tensor([1]).new_tensor([1.5]); // int64 [1]
     */
    new_tensor(data: NestedData | Tensor, opts?: FactoryOptions): Tensor;
    /**
     * `tensor.cpu()`: this tensor on the reference (CPU) backend; itself when it is already there.
     *
     * @example
     * x.to('tfjs').cpu().device; // 'cpu'
     */
    cpu(): Tensor;
  }
}

const P = Tensor.prototype;

function like(self: Tensor, opts: FactoryOptions | undefined): FactoryOptions {
  return { dtype: opts?.dtype ?? self.dtype, device: opts?.device ?? self.backend, requires_grad: opts?.requires_grad ?? false };
}
function filled(self: Tensor, args: readonly unknown[], value: number): Tensor {
  const { shape, opts } = parseSizeArgs(args);
  return full(shape, value, like(self, opts));
}

P.new_zeros = function (this: Tensor, ...size) {
  return filled(this, size, 0);
};
P.new_ones = function (this: Tensor, ...size) {
  return filled(this, size, 1);
};
P.new_empty = function (this: Tensor, ...size) {
  return filled(this, size, 0);
};
P.new_full = function (this: Tensor, size, fill_value, opts) {
  return full(size, fill_value, like(this, opts));
};
P.new_tensor = function (this: Tensor, data, opts) {
  const o = like(this, opts);
  if (data instanceof Tensor) {
    // PyTorch copies a tensor argument as `data.clone().detach()` (and warns about it).
    const r = data.detach().to({ dtype: o.dtype!, device: o.device!, copy: true });
    return o.requires_grad ? r.requires_grad_(true) : r;
  }
  return tensor(data, o);
};
P.cpu = function (this: Tensor) {
  return this.to('cpu');
};
