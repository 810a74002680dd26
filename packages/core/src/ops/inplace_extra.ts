/**
 * More in-place methods. Shape ones (`squeeze_`, `unsqueeze_`, `t_`, `transpose_`,
 * `swapaxes_`, `swapdims_`) change the tensor's own sizes/strides (same storage) and, as every
 * in-place op, bump its version counter; with autograd the tensor takes the view's grad_fn.
 * Value ones (`floor_`, `round_`, `square_`, `sin_`, …, `clamp_max_`, `nan_to_num_`) go
 * through `_writeInPlace` like the other in-place ops.
 */
import { needsGrad } from '../autograd/function.js';
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor/tensor.js';

declare module '../tensor/tensor.js' {
  interface Tensor {
    /**
     * `tensor.squeeze_(dim=None)`: squeezes this tensor itself (no new tensor).
     *
     * @example
     * const x = zeros(1, 3); x.squeeze_(); x.shape; // [3]
     */
    squeeze_(dim?: number | readonly number[]): this;
    /** `tensor.unsqueeze_(dim)`: inserts a size-1 dim into this tensor itself. */
    unsqueeze_(dim: number): this;
    /** `tensor.t_()`: transposes this (≤ 2-D) tensor itself. */
    t_(): this;
    /** `tensor.transpose_(dim0, dim1)`: swaps two dims of this tensor itself. */
    transpose_(dim0: number, dim1: number): this;
    /** `tensor.swapaxes_(axis0, axis1)` / `swapdims_`: aliases of `transpose_`. */
    swapaxes_(axis0: number, axis1: number): this;
    swapdims_(dim0: number, dim1: number): this;
    /** In-place forms of the unary ops (`x.floor_()` is `x.copy_(x.floor())` without the copy). */
    square_(): this;
    floor_(): this;
    ceil_(): this;
    round_(): this;
    trunc_(): this;
    sign_(): this;
    sgn_(): this;
    reciprocal_(): this;
    rsqrt_(): this;
    expm1_(): this;
    log1p_(): this;
    log2_(): this;
    log10_(): this;
    sin_(): this;
    cos_(): this;
    tan_(): this;
    sinh_(): this;
    cosh_(): this;
    asin_(): this;
    acos_(): this;
    atan_(): this;
    exp2_(): this;
    erf_(): this;
    /** `tensor.clamp_max_(max)`. */
    clamp_max_(max: number | Tensor): this;
    /** `tensor.nan_to_num_(nan=0.0, posinf=None, neginf=None)`. */
    nan_to_num_(nan?: number | null, posinf?: number | null, neginf?: number | null): this;
    /** `tensor.logit_(eps=None)`. */
    logit_(eps?: number | null): this;
    /** `tensor.fmod_(other)`. */
    fmod_(other: number | Tensor): this;
  }
}

const P = Tensor.prototype;

/** Replaces this tensor's view metadata by `make(this)`'s (PyTorch's in-place view ops). */
function inplaceView<T extends Tensor>(self: T, make: (t: Tensor) => Tensor): T {
  if (needsGrad([self])) {
    if (self.is_leaf) throw new RuntimeError('a leaf Variable that requires grad is being used in an in-place operation.');
    const base = self._base;
    if (base && base.is_leaf && base.requires_grad) {
      throw new RuntimeError('a view of a leaf Variable that requires grad is being used in an in-place operation.');
    }
  }
  const v = make(self);
  self._shape = v._shape;
  self._strides = v._strides;
  self._offset = v._offset;
  self._storage.version++;
  if (v._grad_fn) {
    self._grad_fn = v._grad_fn;
    self._output_nr = v._output_nr;
  }
  return self;
}

P.squeeze_ = function (dim) {
  return inplaceView(this, (t) => t.squeeze(dim));
};
P.unsqueeze_ = function (dim) {
  return inplaceView(this, (t) => t.unsqueeze(dim));
};
P.t_ = function () {
  return inplaceView(this, (t) => t.t());
};
P.transpose_ = function (dim0, dim1) {
  return inplaceView(this, (t) => t.transpose(dim0, dim1));
};
P.swapaxes_ = P.transpose_;
P.swapdims_ = P.transpose_;

const UNARY_INPLACE = [
  'square', 'floor', 'ceil', 'round', 'trunc', 'sign', 'sgn', 'reciprocal', 'rsqrt', 'expm1', 'log1p', 'log2', 'log10',
  'sin', 'cos', 'tan', 'sinh', 'cosh', 'asin', 'acos', 'atan', 'exp2', 'erf',
] as const;
for (const m of UNARY_INPLACE) {
  (P as unknown as Record<string, unknown>)[`${m}_`] = function (this: Tensor) {
    return this._writeInPlace((s) => (s[m] as () => Tensor).call(s), []);
  };
}
P.clamp_max_ = function (max) {
  return this._writeInPlace((s) => s.clamp_max(max), [max instanceof Tensor ? max : null]);
};
P.nan_to_num_ = function (nan = null, posinf = null, neginf = null) {
  return this._writeInPlace((s) => s.nan_to_num(nan, posinf, neginf), []);
};
P.logit_ = function (eps = null) {
  return this._writeInPlace((s) => s.logit(eps), []);
};
P.fmod_ = function (other) {
  return this._writeInPlace((s) => s.fmod(other), [other instanceof Tensor ? other : null]);
};
