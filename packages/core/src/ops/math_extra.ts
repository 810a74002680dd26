/**
 * Elementwise math methods composed from core kernels (so every backend runs them): isinf,
 * isfinite, clamp_min/max, nan_to_num, lerp, addcmul, addcdiv, fmod, tan, sinh, cosh, asin,
 * acos, atan, logit, exp2, hypot, logaddexp, xlogy, sgn, equal. Where the composition's own
 * gradient would differ from PyTorch's formula (0·inf, NaN masks), the op records PyTorch's
 * derivative explicitly (derivatives.yaml names).
 */
import { record, save } from '../autograd/function.js';
import { bool, type DType, getDefaultDtype } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor/tensor.js';
import { full, scalarTensor } from './creation.js';
import { promoteOperands, type TensorOrScalar, where } from './elementwise.js';
import { scalarTypeName } from './reduce.js';
import { sumToShape } from './views.js';

declare module '../tensor/tensor.js' {
  interface Tensor {
    /**
     * `tensor.isinf()`: bool tensor, true at ±inf (all false for integer dtypes).
     *
     * @example
     * tensor([1, Infinity, NaN]).isinf().tolist(); // [false, true, false]
     */
    isinf(): Tensor;
    /** `tensor.isposinf()` / `isneginf()`: true at +inf / -inf. */
    isposinf(): Tensor;
    isneginf(): Tensor;
    /**
     * `tensor.isfinite()`: bool tensor, false at ±inf and NaN (all true for integer dtypes).
     *
     * @example
     * tensor([1, Infinity, NaN]).isfinite().tolist(); // [true, false, false]
     */
    isfinite(): Tensor;
    /**
     * `tensor.clamp_min(min)`: `clamp(min=min)`; a tensor bound clamps elementwise.
     *
     * @example
     * tensor([-1, 2]).clamp_min(0).tolist(); // [0, 2]
     */
    clamp_min(min: number | Tensor): Tensor;
    /** `tensor.clamp_max(max)`: `clamp(max=max)`; a tensor bound clamps elementwise. */
    clamp_max(max: number | Tensor): Tensor;
    /**
     * `tensor.nan_to_num(nan=0.0, posinf=None, neginf=None)`: NaN, +inf and -inf replaced (the
     * infinities by the dtype's largest / lowest finite value by default).
     *
     * @example
     * tensor([NaN, Infinity]).nan_to_num().tolist(); // [0, 3.4028234663852886e38]
     */
    nan_to_num(nan?: number | null, posinf?: number | null, neginf?: number | null): Tensor;
    /**
     * `tensor.lerp(end, weight)`: `self + weight * (end - self)` (PyTorch's two-sided formula),
     * floating dtypes only; `end` (and a tensor `weight`) must have self's dtype.
     *
     * @example
     * tensor([0.0]).lerp(tensor([10.0]), 0.25).tolist(); // [2.5]
     */
    lerp(end: Tensor, weight: number | Tensor): Tensor;
    /**
     * `tensor.addcmul(tensor1, tensor2, *, value=1)`: `self + value * tensor1 * tensor2`.
     *
     * @example
     * x.addcmul(a, b, { value: 0.5 });
     */
    addcmul(tensor1: Tensor, tensor2: Tensor, opts?: { value?: number }): Tensor;
    /**
     * `tensor.addcdiv(tensor1, tensor2, *, value=1)`: `self + value * tensor1 / tensor2`
     * (integer tensor1 and tensor2 are rejected, as PyTorch does).
     *
     * @example
     * x.addcdiv(a, b, { value: -0.1 });
     */
    addcdiv(tensor1: Tensor, tensor2: Tensor, opts?: { value?: number }): Tensor;
    /**
     * `tensor.fmod(other)`: C's remainder (sign of the dividend), unlike `remainder`.
     *
     * @example
     * tensor([-3, 3]).fmod(2).tolist(); // [-1, 1]
     */
    fmod(other: TensorOrScalar): Tensor;
    /** `tensor.tan()` (integer inputs give the default float dtype, as every unary float op). */
    tan(): Tensor;
    /** `tensor.sinh()`. */
    sinh(): Tensor;
    /** `tensor.cosh()`. */
    cosh(): Tensor;
    /** `tensor.asin()` (NaN outside [-1, 1]); alias `arcsin`. */
    asin(): Tensor;
    arcsin(): Tensor;
    /** `tensor.acos()` (NaN outside [-1, 1]); alias `arccos`. */
    acos(): Tensor;
    arccos(): Tensor;
    /** `tensor.atan()`; alias `arctan`. */
    atan(): Tensor;
    arctan(): Tensor;
    /** `tensor.exp2()`: `2 ** self`. */
    exp2(): Tensor;
    /**
     * `tensor.logit(eps=None)`: `log(p / (1 - p))`, p clamped to [eps, 1 - eps] when eps is given.
     *
     * @example
     * tensor([0.5]).logit().tolist(); // [0]
     */
    logit(eps?: number | null): Tensor;
    /** `tensor.hypot(other)`: `sqrt(self² + other²)` (floating dtypes only). */
    hypot(other: Tensor): Tensor;
    /** `tensor.logaddexp(other)`: `log(exp(self) + exp(other))` without overflow (floating dtypes only). */
    logaddexp(other: Tensor): Tensor;
    /** `tensor.xlogy(other)`: `self * log(other)`, 0 where self is 0 (unless other is NaN). */
    xlogy(other: TensorOrScalar): Tensor;
    /** `tensor.sgn()`: `sign()` for real dtypes. */
    sgn(): Tensor;
    /**
     * `tensor.equal(other)`: true when both have the same shape and equal values (NaN ≠ NaN).
     *
     * @example
     * tensor([1, 2]).equal(tensor([1, 2])); // true
     */
    equal(other: Tensor): boolean;
  }
}

const P = Tensor.prototype;

/** Integer and bool inputs of float-valued unary ops compute in the default float dtype. */
function floating(t: Tensor): Tensor {
  return t.dtype.is_floating_point ? t : t.to(getDefaultDtype());
}

/** Runs `f` on a detached input and records `name` with PyTorch's derivative `grad(g, x, y)`. */
function unary(self: Tensor, name: string, f: (x: Tensor) => Tensor, grad: (g: Tensor, x: Tensor, y: Tensor) => Tensor): Tensor {
  const y = f(floating(self.detach()));
  if (!self.requires_grad) return y;
  const sx = save(self);
  const sy = save(y, true);
  record(name, [self], [y], ([g]) => [grad(g!, sx.unpack(), sy.unpack())], [sx, sy]);
  return y;
}

P.isinf = function (this: Tensor) {
  if (!this.dtype.is_floating_point) return full(this.shape, false, { dtype: bool, device: this.backend });
  return this.abs().eq(Infinity);
};
P.isposinf = function (this: Tensor) {
  if (!this.dtype.is_floating_point) return full(this.shape, false, { dtype: bool, device: this.backend });
  return this.eq(Infinity);
};
P.isneginf = function (this: Tensor) {
  if (!this.dtype.is_floating_point) return full(this.shape, false, { dtype: bool, device: this.backend });
  return this.eq(-Infinity);
};
P.isfinite = function (this: Tensor) {
  if (!this.dtype.is_floating_point) return full(this.shape, true, { dtype: bool, device: this.backend });
  // x - x is 0 for finite x and NaN for ±inf and NaN.
  return this.detach().sub(this.detach()).eq(0);
};

P.clamp_min = function (this: Tensor, min) {
  return min instanceof Tensor ? this.maximum(min) : this.clamp(min, null);
};
P.clamp_max = function (this: Tensor, max) {
  return max instanceof Tensor ? this.minimum(max) : this.clamp(null, max);
};

/** Largest finite value of each floating dtype (`torch.finfo(dtype).max`). */
const FINFO_MAX: Readonly<Record<string, number>> = {
  float32: 3.4028234663852886e38, float64: Number.MAX_VALUE, float16: 65504, bfloat16: 3.3895313892515355e38,
};
P.nan_to_num = function (this: Tensor, nan = null, posinf = null, neginf = null) {
  if (!this.dtype.is_floating_point) return this.clone();
  const big = FINFO_MAX[this.dtype.name]!;
  const x = this.detach();
  // masked_fill zeroes the gradient where a value was replaced: PyTorch's grad * isfinite(self)
  // for ±inf, and for NaN as well.
  return this.masked_fill(x.isnan(), nan ?? 0).masked_fill(x.eq(Infinity), posinf ?? big).masked_fill(x.eq(-Infinity), neginf ?? -big);
};

/** PyTorch's dtype names in `expected dtype … but got dtype …` (caffe2::TypeMeta names). */
function metaName(d: DType): string {
  const m: Record<string, string> = {
    float32: 'float', float64: 'double', float16: 'c10::Half', bfloat16: 'c10::BFloat16', int64: 'long int',
    int32: 'int', int16: 'short int', int8: 'signed char', uint8: 'unsigned char', bool: 'bool',
  };
  return m[d.name] ?? d.name;
}
P.lerp = function (this: Tensor, end, weight) {
  const wt = weight instanceof Tensor ? weight : null;
  if (!this.dtype.is_floating_point) {
    throw new RuntimeError(`"lerp_kernel_${wt ? 'tensor' : 'scalar'}" not implemented for '${scalarTypeName(this.dtype)}'`);
  }
  if (end.dtype !== this.dtype) throw new RuntimeError(`expected dtype ${metaName(this.dtype)} for \`end\` but got dtype ${metaName(end.dtype)}`);
  if (wt && wt.dtype !== this.dtype) throw new RuntimeError(`expected dtype ${metaName(this.dtype)} for \`weight\` but got dtype ${metaName(wt.dtype)}`);
  const a = this.detach();
  const b = end.detach();
  const diff = b.sub(a);
  // ATen: |w| < 0.5 ? self + w * diff : end - diff * (1 - w), which is exact at w = 0 and w = 1.
  let out: Tensor;
  if (wt) {
    const w = wt.detach();
    out = where(w.abs().lt(0.5), a.add(w.mul(diff)), b.sub(diff.mul(w.rsub(1))));
  } else {
    out = Math.abs(weight as number) < 0.5 ? a.add(diff.mul(weight as number)) : b.sub(diff.mul(1 - (weight as number)));
  }
  const [ss, se] = [this.shape, end.shape];
  const sw = wt ? save(wt) : null;
  const sa = save(this);
  const sb = save(end);
  record(wt ? 'LerpBackward1' : 'LerpBackward0', [this, end, wt], [out], ([g]) => {
    const w: TensorOrScalar = sw ? sw.unpack() : (weight as number);
    const one = typeof w === 'number' ? 1 - w : w.rsub(1);
    return [
      sumToShape(g!.mul(one), ss),
      sumToShape(g!.mul(w), se),
      sw ? sumToShape(g!.mul(sb.unpack().sub(sa.unpack())), sw.unpack().shape) : null,
    ];
  }, sw ? [sa, sb, sw] : [sa, sb]);
  return out;
};

P.addcmul = function (this: Tensor, t1, t2, opts) {
  const value = opts?.value ?? 1;
  // ATen evaluates self + value * t1 * t2 left to right.
  return this.add(value === 1 ? t1.mul(t2) : t1.mul(value).mul(t2));
};
P.addcdiv = function (this: Tensor, t1, t2, opts) {
  if (!t1.dtype.is_floating_point && !t2.dtype.is_floating_point) {
    throw new RuntimeError(
      'Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), for all dtypes.',
    );
  }
  const value = opts?.value ?? 1;
  return this.add(value === 1 ? t1.div(t2) : t1.mul(value).div(t2));
};

P.fmod = function (this: Tensor, other) {
  const { dtype } = promoteOperands([this, other], this);
  if (!dtype.is_floating_point) {
    if (other instanceof Tensor ? other.eq(0).any().item() : Number(other) === 0) throw new RuntimeError('ZeroDivisionError');
    return this.sub(this.div(other, { rounding_mode: 'trunc' }).mul(other));
  }
  // remainder() has the divisor's sign; fmod the dividend's: shift back where they differ. Its
  // gradients compose to PyTorch's (self: g, other: -g * trunc(self / other)).
  const r = this.remainder(other);
  const rd = r.detach();
  const ad = this.detach();
  const fix = rd.ne(0).logical_and(rd.lt(0).logical_xor(ad.lt(0)));
  return where(fix, r.sub(other), r);
};

P.tan = function (this: Tensor) {
  return unary(this, 'TanBackward0', (x) => x.sin().div(x.cos()), (g, _x, y) => g.mul(y.mul(y).add(1)));
};
P.sinh = function (this: Tensor) {
  // expm1 keeps sinh accurate near 0, where exp(x) - exp(-x) cancels.
  return unary(this, 'SinhBackward0', (x) => x.expm1().sub(x.neg().expm1()).mul(0.5), (g, x) => g.mul(x.cosh()));
};
P.cosh = function (this: Tensor) {
  return unary(this, 'CoshBackward0', (x) => x.exp().add(x.neg().exp()).mul(0.5), (g, x) => g.mul(x.sinh()));
};
/** sqrt(1 - x²) as sqrt((1 - x)(1 + x)): no cancellation near |x| = 1. */
function cosOfAsin(x: Tensor): Tensor {
  return x.rsub(1).mul(x.add(1)).sqrt();
}
P.asin = function (this: Tensor) {
  return unary(this, 'AsinBackward0', (x) => x.atan2(cosOfAsin(x)), (g, x) => g.mul(x.mul(x).neg().add(1).rsqrt()));
};
P.acos = function (this: Tensor) {
  return unary(this, 'AcosBackward0', (x) => cosOfAsin(x).atan2(x), (g, x) => g.mul(x.mul(x).neg().add(1).rsqrt()).neg());
};
P.atan = function (this: Tensor) {
  return unary(this, 'AtanBackward0', (x) => x.atan2(full([], 1, { dtype: x.dtype, device: x.backend })), (g, x) => g.div(x.mul(x).add(1)));
};
P.arcsin = P.asin;
P.arccos = P.acos;
P.arctan = P.atan;
P.exp2 = function (this: Tensor) {
  return unary(this, 'Exp2Backward0', (x) => scalarTensor(2, x.dtype, x.backend).pow(x), (g, _x, y) => g.mul(y).mul(Math.LN2));
};
P.logit = function (this: Tensor, eps = null) {
  const lo = eps ?? 0;
  const hi = eps === null || eps === undefined ? 1 : 1 - eps;
  return unary(
    this,
    'LogitBackward0',
    (x) => {
      const p = eps === null || eps === undefined ? x : x.clamp(lo, hi);
      return p.div(p.rsub(1)).log();
    },
    (g, x) => {
      const d = g.div(x.mul(x.rsub(1)));
      const out = x.lt(lo).logical_or(x.gt(hi));
      // Outside the clamp the derivative is 0; without eps, PyTorch gives NaN outside [0, 1].
      return d.masked_fill(out, eps === null || eps === undefined ? NaN : 0);
    },
  );
};

function binaryFloat(self: Tensor, other: Tensor, kernel: string): [Tensor, Tensor] {
  const { dtype, tensors } = promoteOperands([self, other], self);
  if (!dtype.is_floating_point) throw new RuntimeError(`"${kernel}" not implemented for '${scalarTypeName(dtype)}'`);
  return [tensors[0]!.detach(), tensors[1]!.detach()];
}
P.hypot = function (this: Tensor, other) {
  const [a, b] = binaryFloat(this, other, 'hypot_cpu');
  const y = a.mul(a).add(b.mul(b)).sqrt();
  const [sa, sb, sy] = [save(this), save(other), save(y, true)];
  record('HypotBackward0', [this, other], [y], ([g]) => {
    const r = g!.div(sy.unpack());
    return [sumToShape(r.mul(sa.unpack()), this.shape), sumToShape(r.mul(sb.unpack()), other.shape)];
  }, [sa, sb, sy]);
  return y;
};
P.logaddexp = function (this: Tensor, other) {
  const [a, b] = binaryFloat(this, other, 'logaddexp_cpu');
  const m = a.maximum(b);
  const y = where(a.eq(b).logical_and(a.isinf()), a, m.add(a.sub(b).abs().neg().exp().log1p()));
  const [sa, sb] = [save(this), save(other)];
  record('LogaddexpBackward0', [this, other], [y], ([g]) => {
    const x = sa.unpack();
    const z = sb.unpack();
    return [sumToShape(g!.div(z.sub(x).exp().add(1)), this.shape), sumToShape(g!.div(x.sub(z).exp().add(1)), other.shape)];
  }, [sa, sb]);
  return y;
};
P.xlogy = function (this: Tensor, other) {
  const { tensors } = promoteOperands([this, other], this, true);
  const [a, b] = [tensors[0]!.detach(), tensors[1]!.detach()];
  const y = where(a.eq(0).logical_and(b.isnan().logical_not()), 0, a.mul(b.log()));
  const ot = other instanceof Tensor ? other : null;
  const [sa, sb] = [save(this), save(tensors[1]!)];
  record('XlogyBackward0', [this, ot], [y], ([g]) => {
    const x = sa.unpack();
    const z = sb.unpack();
    const gx = where(g!.eq(0).logical_and(z.isnan().logical_not()), 0, g!.mul(z.log())).masked_fill(x.eq(0).logical_and(z.le(0)), 0);
    return [sumToShape(gx, this.shape), ot ? sumToShape(g!.mul(x).div(z), ot.shape) : null];
  }, [sa, sb]);
  return y;
};
P.sgn = function (this: Tensor) {
  return this.sign();
};

P.equal = function (this: Tensor, other) {
  if (this.shape.length !== other.shape.length || this.shape.some((s, i) => s !== other.shape[i])) return false;
  if (this.numel() === 0) return true;
  return Boolean(this.detach().eq(other.detach()).all().item());
};
