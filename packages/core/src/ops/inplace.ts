/**
 * In-place ops (`add_`, `mul_`, `copy_`, `fill_`, …): the result is computed out of place and
 * written into the tensor's storage, bumping the shared version counter so autograd detects
 * saved tensors that changed. With autograd active, the tensor takes the new op's grad_fn.
 */
import { needsGrad } from '../autograd/function.js';
import { is_grad_enabled } from '../autograd/grad_mode.js';
import { RuntimeError, NotImplementedError } from '../errors.js';
import { Assign } from '../kernels/names.js';
import { broadcastShapes } from '../shape.js';
import { runKernel } from '../tensor/dispatch.js';
import { Tensor } from '../tensor/tensor.js';
import { scalarTensor } from './creation.js';
import type { TensorOrScalar } from './elementwise.js';
// More Tensor methods (new_*, flip, sort, cumsum, scatter_, …), registered with the in-place ops.
import './tensor_methods.js';

declare module '../tensor/tensor.js' {
  interface Tensor {
    add_(other: TensorOrScalar, opts?: { alpha?: number }): this;
    sub_(other: TensorOrScalar, opts?: { alpha?: number }): this;
    mul_(other: TensorOrScalar): this;
    div_(other: TensorOrScalar, opts?: { rounding_mode?: 'trunc' | 'floor' | null }): this;
    pow_(exponent: TensorOrScalar): this;
    neg_(): this;
    abs_(): this;
    exp_(): this;
    log_(): this;
    sqrt_(): this;
    relu_(): this;
    sigmoid_(): this;
    tanh_(): this;
    clamp_(min?: number | null, max?: number | null): this;
    clamp_min_(min: number): this;
    masked_fill_(mask: Tensor, value: TensorOrScalar): this;
    copy_(src: Tensor): this;
    fill_(value: TensorOrScalar): this;
    zero_(): this;
    addcmul_(tensor1: Tensor, tensor2: Tensor, opts?: { value?: number }): this;
    addcdiv_(tensor1: Tensor, tensor2: Tensor, opts?: { value?: number }): this;
    lerp_(end: Tensor, weight: number | Tensor): this;
    maximum_(other: Tensor): this;
    /** @internal Writes `result` into this tensor in place (with autograd rebasing). */
    _writeInPlace(compute: (self: Tensor) => Tensor, inputs: readonly (Tensor | null)[]): this;
  }
}

const P = Tensor.prototype;

P._writeInPlace = function <T extends Tensor>(this: T, compute: (self: Tensor) => Tensor, inputs: readonly (Tensor | null)[]): T {
  const grad = needsGrad([this, ...inputs]);
  if (grad && this.is_leaf && this.requires_grad) {
    throw new RuntimeError('a leaf Variable that requires grad is being used in an in-place operation.');
  }
  if (grad && this._base && (this._base.requires_grad || inputs.some((t) => t?.requires_grad))) {
    throw new NotImplementedError(
      'in-place operations on views of tensors that take part in autograd are not supported yet; use the out-of-place op (e.g. x = x.add(y)) or torch.no_grad()',
    );
  }
  // With autograd, compute from a differentiable clone so the op never saves this storage.
  const result = compute(grad ? this.clone() : this.detach());
  const shape = broadcastShapes(this.shape, result.shape);
  if (shape.length !== this.shape.length || shape.some((s, i) => s !== this.shape[i])) {
    throw new RuntimeError(`output with shape [${this.shape.join(', ')}] doesn't match the broadcast shape [${shape.join(', ')}]`);
  }
  if (!this.dtype.is_floating_point && result.dtype.is_floating_point) {
    throw new RuntimeError(`result type Float can't be cast to the desired output type ${scalarName(this)}`);
  }
  const src = result.dtype === this.dtype ? result : result.detach().to(this.dtype);
  runKernel(Assign, { dst: this, src }, {});
  this._storage.version++;
  if (grad && is_grad_enabled()) {
    this._grad_fn = result._grad_fn;
    this._output_nr = result._output_nr;
    this._requires_grad = true;
  }
  return this;
};
function scalarName(t: Tensor): string {
  return t._legacyTypeName().replace('torch.', '').replace('Tensor', '');
}

const toT = (t: Tensor, v: TensorOrScalar): Tensor | null => (v instanceof Tensor ? v : null);

P.add_ = function (other, opts) {
  return this._writeInPlace((s) => s.add(other, opts), [toT(this, other)]);
};
P.sub_ = function (other, opts) {
  return this._writeInPlace((s) => s.sub(other, opts), [toT(this, other)]);
};
P.mul_ = function (other) {
  return this._writeInPlace((s) => s.mul(other), [toT(this, other)]);
};
P.div_ = function (other, opts) {
  return this._writeInPlace((s) => s.div(other, opts), [toT(this, other)]);
};
P.pow_ = function (exponent) {
  return this._writeInPlace((s) => s.pow(exponent), [toT(this, exponent)]);
};
for (const m of ['neg', 'abs', 'exp', 'log', 'sqrt', 'relu', 'sigmoid', 'tanh'] as const) {
  (P as unknown as Record<string, unknown>)[`${m}_`] = function (this: Tensor) {
    return this._writeInPlace((s) => (s[m] as () => Tensor).call(s), []);
  };
}
P.clamp_ = function (min = null, max = null) {
  return this._writeInPlace((s) => s.clamp(min, max), []);
};
P.clamp_min_ = function (min) {
  return this._writeInPlace((s) => s.clamp(min, null), []);
};
P.masked_fill_ = function (mask, value) {
  return this._writeInPlace((s) => s.masked_fill(mask, value), [toT(this, value)]);
};
P.copy_ = function (src) {
  if (needsGrad([this, src])) return this._writeInPlace((s) => src.to(s.dtype).expand(s.shape).add(s.mul(0)), [src]);
  broadcastShapes(this.shape, src.shape);
  const from = src.backend === this.backend ? src : src.to(this.backend);
  runKernel(Assign, { dst: this, src: from.detach() }, {});
  this._storage.version++;
  return this;
};
P.fill_ = function (value) {
  if (value instanceof Tensor && value.dim() !== 0) {
    throw new RuntimeError(`fill_ only supports 0-dimension value tensor but got tensor with ${value.dim()} dimensions.`);
  }
  const v = value instanceof Tensor ? value : scalarTensor(Number(value), this.dtype, this.backend);
  return this.copy_(v);
};
P.zero_ = function () {
  return this.fill_(0);
};
P.addcmul_ = function (t1, t2, opts) {
  const value = opts?.value ?? 1;
  return this._writeInPlace((s) => s.add(t1.mul(t2).mul(value)), [t1, t2]);
};
P.addcdiv_ = function (t1, t2, opts) {
  const value = opts?.value ?? 1;
  return this._writeInPlace((s) => s.add(t1.div(t2).mul(value)), [t1, t2]);
};
P.lerp_ = function (end, weight) {
  return this._writeInPlace((s) => s.lerp(end, weight), [end, weight instanceof Tensor ? weight : null]);
};
P.maximum_ = function (other) {
  return this._writeInPlace((s) => s.maximum(other), [other]);
};
