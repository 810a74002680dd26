/** Elementwise ops with broadcasting and PyTorch's type promotion, and their gradients. */
import { record, save } from '../autograd/function.js';
import { allocHostArray, bool, type DType, type DTypeName, getDefaultDtype, int64, float32, resultType, toDType, type PromotionOperand } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import * as K from '../kernels/names.js';
import { broadcastShapes } from '../shape.js';
import { iteratorOutputStrides } from '../tensor/iterator-layout.js';
import { Tensor } from '../tensor/tensor.js';
import { scalarTensor } from './creation.js';
import { runLaidOut } from './laid-out.js';
import { sumToShape } from './views.js';
import { toTensor, type TensorToOptions } from './to.js';

/** A tensor or a Python-style scalar operand. */
export type TensorOrScalar = Tensor | number | boolean;

declare module '../tensor/tensor.js' {
  interface Tensor {
    add(other: TensorOrScalar, opts?: { alpha?: number }): Tensor;
    sub(other: TensorOrScalar, opts?: { alpha?: number }): Tensor;
    rsub(other: TensorOrScalar, opts?: { alpha?: number }): Tensor;
    mul(other: TensorOrScalar): Tensor;
    div(other: TensorOrScalar, opts?: { rounding_mode?: 'trunc' | 'floor' | null }): Tensor;
    true_divide(other: TensorOrScalar): Tensor;
    floor_divide(other: TensorOrScalar): Tensor;
    remainder(other: TensorOrScalar): Tensor;
    pow(exponent: TensorOrScalar): Tensor;
    maximum(other: Tensor): Tensor;
    minimum(other: Tensor): Tensor;
    atan2(other: Tensor): Tensor;
    eq(other: TensorOrScalar): Tensor;
    ne(other: TensorOrScalar): Tensor;
    lt(other: TensorOrScalar): Tensor;
    le(other: TensorOrScalar): Tensor;
    gt(other: TensorOrScalar): Tensor;
    ge(other: TensorOrScalar): Tensor;
    logical_and(other: TensorOrScalar): Tensor;
    logical_or(other: TensorOrScalar): Tensor;
    logical_xor(other: TensorOrScalar): Tensor;
    logical_not(): Tensor;
    isnan(): Tensor;
    neg(): Tensor;
    abs(): Tensor;
    exp(): Tensor;
    expm1(): Tensor;
    log(): Tensor;
    log1p(): Tensor;
    log2(): Tensor;
    log10(): Tensor;
    sqrt(): Tensor;
    rsqrt(): Tensor;
    square(): Tensor;
    sin(): Tensor;
    cos(): Tensor;
    tanh(): Tensor;
    sigmoid(): Tensor;
    relu(): Tensor;
    silu(): Tensor;
    erf(): Tensor;
    sign(): Tensor;
    floor(): Tensor;
    ceil(): Tensor;
    round(): Tensor;
    trunc(): Tensor;
    reciprocal(): Tensor;
    gelu(opts?: { approximate?: 'none' | 'tanh' }): Tensor;
    softplus(beta?: number, threshold?: number): Tensor;
    leaky_relu(negative_slope?: number): Tensor;
    clamp(min?: number | null, max?: number | null): Tensor;
    clip(min?: number | null, max?: number | null): Tensor;
    /**
     * `tensor.to(dtype)`, `tensor.to(device)`, `tensor.to(other)` or `tensor.to({dtype, device,
     * copy, memory_format})`: itself when nothing changes; a copy keeps the layout
     * (preserve_format) unless `memory_format` says otherwise.
     */
    to(target: DType | DTypeName | string | Tensor | TensorToOptions, opts?: TensorToOptions): Tensor;
    float(): Tensor;
    double(): Tensor;
    half(): Tensor;
    bfloat16(): Tensor;
    long(): Tensor;
    int(): Tensor;
    short(): Tensor;
    char(): Tensor;
    byte(): Tensor;
    bool(): Tensor;
    /** Alias of `to(type)` when given a dtype. */
    type_as(other: Tensor): Tensor;
    where(condition: Tensor, other: TensorOrScalar): Tensor;
    masked_fill(mask: Tensor, value: TensorOrScalar): Tensor;
  }
}

function kindOf(x: TensorOrScalar): PromotionOperand {
  if (x instanceof Tensor) return { dtype: x.dtype, kind: x.dim() === 0 ? 'zerodim' : 'tensor' };
  if (typeof x === 'boolean') return { dtype: bool, kind: 'scalar' };
  return { dtype: Number.isInteger(x) ? int64 : float32, kind: 'scalar' };
}

/** Promotes operands to one dtype and makes tensors of scalars on `like`'s backend. */
export function promoteOperands(ops: readonly TensorOrScalar[], like: Tensor, forceFloat = false): { dtype: DType; tensors: Tensor[] } {
  let dtype = resultType(ops.map(kindOf));
  if (forceFloat && !dtype.is_floating_point) dtype = getDefaultDtype();
  const tensors = ops.map((x) => (x instanceof Tensor ? (x.dtype === dtype ? x : x.to(dtype)) : scalarTensor(Number(x), dtype, like.backend)));
  return { dtype, tensors };
}

// Results take the layout TensorIterator gives them (transposed in, transposed out; channels_last
// in, channels_last out), computed from the promoted operands as ATen computes it after casting.
function runBinary(kernel: string, a: Tensor, b: Tensor): Tensor {
  const outShape = broadcastShapes(a.shape, b.shape);
  return runLaidOut(kernel, { a, b }, { outShape }, outShape, iteratorOutputStrides([a, b], outShape));
}

function runUnary(kernel: string, x: Tensor, attrs: Record<string, unknown> = {}): Tensor {
  return runLaidOut(kernel, { x }, attrs, x.shape, iteratorOutputStrides([x], x.shape));
}

function tensorOf(self: Tensor, x: TensorOrScalar): Tensor | null {
  return x instanceof Tensor ? x : null;
}

const P = Tensor.prototype;

P.add = function (this: Tensor, other, opts) {
  const alpha = opts?.alpha ?? 1;
  if (alpha !== 1) return this.add(other instanceof Tensor ? other.mul(alpha) : Number(other) * alpha);
  const { tensors: [a, b] } = promoteOperands([this, other], this);
  const out = runBinary(K.Add, a!, b!);
  const sa = this.shape;
  const ob = tensorOf(this, other);
  record('AddBackward0', [this, ob], [out], ([g]) => [sumToShape(g!, sa), ob ? sumToShape(g!, ob.shape) : null]);
  return out;
};
P.sub = function (this: Tensor, other, opts) {
  const alpha = opts?.alpha ?? 1;
  if (this.dtype === bool || (other instanceof Tensor && other.dtype === bool) || typeof other === 'boolean') {
    throw new RuntimeError(
      'Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.',
    );
  }
  if (alpha !== 1) return this.sub(other instanceof Tensor ? other.mul(alpha) : Number(other) * alpha);
  const { tensors: [a, b] } = promoteOperands([this, other], this);
  const out = runBinary(K.Sub, a!, b!);
  const sa = this.shape;
  const ob = tensorOf(this, other);
  record('SubBackward0', [this, ob], [out], ([g]) => [sumToShape(g!, sa), ob ? sumToShape(g!.neg(), ob.shape) : null]);
  return out;
};
P.rsub = function (this: Tensor, other, opts) {
  const o = other instanceof Tensor ? other : promoteOperands([this, other], this).tensors[1]!;
  return o.sub(this, opts);
};
P.mul = function (this: Tensor, other) {
  const { tensors: [a, b] } = promoteOperands([this, other], this);
  const out = runBinary(K.Mul, a!, b!);
  const ob = tensorOf(this, other);
  const sa = save(this);
  const sb = ob ? save(ob) : null;
  const scalar = ob ? 0 : Number(other);
  record(
    'MulBackward0',
    [this, ob],
    [out],
    ([g]) => [
      this.requires_grad ? sumToShape(sb ? g!.mul(sb.unpack()) : g!.mul(scalar), this.shape) : null,
      ob && ob.requires_grad ? sumToShape(g!.mul(sa.unpack()), ob.shape) : null,
    ],
    sb ? [sa, sb] : [sa],
  );
  return out;
};
P.div = function (this: Tensor, other, opts) {
  const mode = opts?.rounding_mode ?? null;
  if (mode !== null) {
    const { tensors: [a, b] } = promoteOperands([this, other], this);
    const q = mode === 'floor' ? runBinary(K.FloorDiv, a!, b!) : a!.dtype.is_floating_point ? runBinary(K.Div, a!, b!).trunc() : runBinary(K.Div, a!, b!);
    record('DivBackward2', [this, tensorOf(this, other)], [q], ([g]) => [g!.mul(0), null]);
    return q;
  }
  const { tensors: [a, b] } = promoteOperands([this, other], this, true);
  const out = runBinary(K.Div, a!, b!);
  const ob = tensorOf(this, other);
  const sa = save(this);
  const sb = ob ? save(ob) : null;
  const scalar = ob ? 0 : Number(other);
  record(
    'DivBackward0',
    [this, ob],
    [out],
    ([g]) => {
      const bv = sb ? sb.unpack() : null;
      return [
        this.requires_grad ? sumToShape(bv ? g!.div(bv) : g!.div(scalar), this.shape) : null,
        ob && ob.requires_grad ? sumToShape(g!.neg().mul(sa.unpack()).div(bv!.mul(bv!)), ob.shape) : null,
      ];
    },
    sb ? [sa, sb] : [sa],
  );
  return out;
};
P.true_divide = function (this: Tensor, other) {
  return this.div(other);
};
P.floor_divide = function (this: Tensor, other) {
  return this.div(other, { rounding_mode: 'floor' });
};
P.remainder = function (this: Tensor, other) {
  const { tensors: [a, b] } = promoteOperands([this, other], this);
  const out = runBinary(K.Remainder, a!, b!);
  const ob = tensorOf(this, other);
  const sa = this.shape;
  record('RemainderBackward0', [this, ob], [out], ([g]) => [
    sumToShape(g!, sa),
    ob ? sumToShape(g!.neg().mul(this.div(ob, { rounding_mode: 'floor' })), ob.shape) : null,
  ]);
  return out;
};
P.pow = function (this: Tensor, exponent) {
  const { tensors: [a, b] } = promoteOperands([this, exponent], this);
  const out = runBinary(K.Pow, a!, b!);
  const ob = tensorOf(this, exponent);
  const sa = save(this);
  if (!ob) {
    const e = Number(exponent);
    record('PowBackward0', [this], [out], ([g]) => [e === 0 ? g!.mul(0) : g!.mul(sa.unpack().pow(e - 1)).mul(e)], [sa]);
  } else {
    const sb = save(ob);
    const so = save(out, true);
    record(
      'PowBackward1',
      [this, ob],
      [out],
      ([g]) => {
        const x = sa.unpack();
        const y = sb.unpack();
        const gx = this.requires_grad ? sumToShape(g!.mul(y).mul(x.pow(y.sub(1))), this.shape) : null;
        // d/dy x^y = x^y * log(x), defined as 0 where x == 0 and y >= 0, as PyTorch masks it.
        const gy = ob.requires_grad ? sumToShape(g!.mul(so.unpack()).mul(x.log()).masked_fill(x.eq(0).logical_and(y.ge(0)), 0), ob.shape) : null;
        return [gx, gy];
      },
      [sa, sb, so],
    );
  }
  return out;
};

function minmaxBinary(kernel: string, name: string, self: Tensor, other: Tensor): Tensor {
  const { tensors: [a, b] } = promoteOperands([self, other], self);
  const out = runBinary(kernel, a!, b!);
  const sa = save(self);
  const sb = save(other);
  record(
    name,
    [self, other],
    [out],
    ([g]) => {
      const x = sa.unpack();
      const y = sb.unpack();
      // Ties split the gradient evenly, as PyTorch's maximum/minimum backward does.
      const pick = kernel === K.Maximum ? x.gt(y) : x.lt(y);
      const tie = x.eq(y);
      const wx = pick.to(g!.dtype).add(tie.to(g!.dtype).mul(0.5));
      const wy = wx.rsub(1);
      return [sumToShape(g!.mul(wx), self.shape), sumToShape(g!.mul(wy), other.shape)];
    },
    [sa, sb],
  );
  return out;
}
P.maximum = function (this: Tensor, other) {
  return minmaxBinary(K.Maximum, 'MaximumBackward0', this, other);
};
P.minimum = function (this: Tensor, other) {
  return minmaxBinary(K.Minimum, 'MinimumBackward0', this, other);
};
P.atan2 = function (this: Tensor, other) {
  const { tensors: [a, b] } = promoteOperands([this, other], this, true);
  const out = runBinary(K.Atan2, a!, b!);
  const sa = save(this);
  const sb = save(other);
  record('Atan2Backward0', [this, other], [out], ([g]) => {
    const x = sa.unpack();
    const y = sb.unpack();
    const den = x.mul(x).add(y.mul(y));
    return [sumToShape(g!.mul(y).div(den), this.shape), sumToShape(g!.mul(x.neg()).div(den), other.shape)];
  }, [sa, sb]);
  return out;
};

const COMPARISONS: [keyof Tensor & string, string][] = [
  ['eq', K.Equal], ['ne', K.NotEqual], ['lt', K.Less], ['le', K.LessEqual], ['gt', K.Greater], ['ge', K.GreaterEqual],
];
for (const [m, kernel] of COMPARISONS) {
  (P as unknown as Record<string, unknown>)[m] = function (this: Tensor, other: TensorOrScalar): Tensor {
    const { tensors: [a, b] } = promoteOperands([this, other], this);
    return runBinary(kernel, a!, b!);
  };
}
const LOGICAL: [keyof Tensor & string, string][] = [['logical_and', K.LogicalAnd], ['logical_or', K.LogicalOr], ['logical_xor', K.LogicalXor]];
for (const [m, kernel] of LOGICAL) {
  (P as unknown as Record<string, unknown>)[m] = function (this: Tensor, other: TensorOrScalar): Tensor {
    const { tensors: [a, b] } = promoteOperands([this, other], this);
    return runBinary(kernel, a!, b!);
  };
}
P.logical_not = function (this: Tensor) {
  return runUnary(K.LogicalNot, this);
};
P.isnan = function (this: Tensor) {
  return runUnary(K.IsNan, this);
};

/**
 * Unary op table: kernel, whether integer inputs are promoted to float first, grad-node name,
 * and the gradient in terms of (grad, input, output).
 */
type UnaryGrad = (g: Tensor, x: Tensor, y: Tensor) => Tensor;
const UNARY: [string, string, boolean, string, UnaryGrad | null, 'x' | 'y' | 'none'][] = [
  ['neg', K.Neg, false, 'NegBackward0', (g) => g.neg(), 'none'],
  ['abs', K.Abs, false, 'AbsBackward0', (g, x) => g.mul(x.sign()), 'x'],
  ['exp', K.Exp, true, 'ExpBackward0', (g, _x, y) => g.mul(y), 'y'],
  ['expm1', K.Expm1, true, 'Expm1Backward0', (g, _x, y) => g.mul(y.add(1)), 'y'],
  ['log', K.Log, true, 'LogBackward0', (g, x) => g.div(x), 'x'],
  ['log1p', K.Log1p, true, 'Log1PBackward0', (g, x) => g.div(x.add(1)), 'x'],
  ['sqrt', K.Sqrt, true, 'SqrtBackward0', (g, _x, y) => g.div(y.mul(2)), 'y'],
  ['rsqrt', K.Rsqrt, true, 'RsqrtBackward0', (g, _x, y) => g.mul(y.pow(3)).mul(-0.5), 'y'],
  ['sin', K.Sin, true, 'SinBackward0', (g, x) => g.mul(x.cos()), 'x'],
  ['cos', K.Cos, true, 'CosBackward0', (g, x) => g.mul(x.sin().neg()), 'x'],
  ['tanh', K.Tanh, true, 'TanhBackward0', (g, _x, y) => g.mul(y.mul(y).rsub(1)), 'y'],
  ['sigmoid', K.Sigmoid, true, 'SigmoidBackward0', (g, _x, y) => g.mul(y.mul(y.rsub(1))), 'y'],
  // ATen's threshold_backward: 0 where the result is <= 0 (whatever the gradient, inf and NaN
  // included), the gradient elsewhere (a NaN result passes it).
  ['relu', K.Relu, false, 'ReluBackward0', (g, _x, y) => g.masked_fill(y.le(0), 0), 'y'],
  ['silu', K.Silu, true, 'SiluBackward0', (g, x) => {
    const s = x.sigmoid();
    return g.mul(s.mul(x.mul(s.rsub(1)).add(1)));
  }, 'x'],
  ['erf', K.Erf, true, 'ErfBackward0', (g, x) => g.mul(x.mul(x).neg().exp().mul(2 / Math.sqrt(Math.PI))), 'x'],
  ['sign', K.Sign, false, 'SignBackward0', (g) => g.mul(0), 'none'],
  ['floor', K.Floor, false, 'FloorBackward0', (g) => g.mul(0), 'none'],
  ['ceil', K.Ceil, false, 'CeilBackward0', (g) => g.mul(0), 'none'],
  ['round', K.Round, false, 'RoundBackward0', (g) => g.mul(0), 'none'],
  ['trunc', K.Trunc, false, 'TruncBackward0', (g) => g.mul(0), 'none'],
  ['reciprocal', K.Reciprocal, true, 'ReciprocalBackward0', (g, _x, y) => g.mul(y.mul(y).neg()), 'y'],
];
for (const [m, kernel, toFloat, gradName, grad, saves] of UNARY) {
  (P as unknown as Record<string, unknown>)[m] = function (this: Tensor): Tensor {
    if (m === 'neg' && this.dtype === bool) {
      throw new RuntimeError('Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.');
    }
    const x = toFloat && !this.dtype.is_floating_point ? this.to(getDefaultDtype()) : this;
    const y = runUnary(kernel, x);
    if (grad) {
      const sx = saves === 'x' ? save(this) : null;
      const sy = saves === 'y' ? save(y, true) : null;
      record(gradName, [this], [y], ([g]) => [grad(g!, sx ? sx.unpack() : this, sy ? sy.unpack() : y)], [sx, sy].filter((s) => s !== null));
    }
    return y;
  };
}
P.log2 = function (this: Tensor) {
  return this.log().div(Math.LN2);
};
P.log10 = function (this: Tensor) {
  return this.log().div(Math.LN10);
};
P.square = function (this: Tensor) {
  return this.mul(this);
};
P.gelu = function (this: Tensor, opts) {
  const approximate = opts?.approximate ?? 'none';
  if (approximate !== 'none' && approximate !== 'tanh') throw new RuntimeError(`approximate argument must be either none or tanh.`);
  const y = runUnary(K.Gelu, this, { approximate });
  const sx = save(this);
  record('GeluBackward0', [this], [y], ([g]) => {
    const x = sx.unpack();
    if (approximate === 'tanh') {
      const k = Math.sqrt(2 / Math.PI);
      const inner = x.add(x.pow(3).mul(0.044715)).mul(k);
      const t = inner.tanh();
      const dinner = x.mul(x).mul(3 * 0.044715).add(1).mul(k);
      return [g!.mul(t.add(1).mul(0.5).add(x.mul(0.5).mul(t.mul(t).rsub(1)).mul(dinner)))];
    }
    const cdf = x.mul(Math.SQRT1_2).erf().add(1).mul(0.5);
    const pdf = x.mul(x).mul(-0.5).exp().mul(1 / Math.sqrt(2 * Math.PI));
    return [g!.mul(cdf.add(x.mul(pdf)))];
  }, [sx]);
  return y;
};
P.softplus = function (this: Tensor, beta = 1, threshold = 20) {
  const y = runUnary(K.Softplus, this, { beta, threshold });
  const sx = save(this);
  record('SoftplusBackward0', [this], [y], ([g]) => {
    // ATen's softplus_backward, term for term: (x*beta) > threshold ? g : g * z / (z + 1) with
    // z = exp(x*beta), so the values round as PyTorch's do and an infinite g stays infinite.
    const xb = sx.unpack().mul(beta);
    const z = xb.exp();
    return [g!.where(xb.gt(threshold), g!.mul(z).div(z.add(1)))];
  }, [sx]);
  return y;
};
P.leaky_relu = function (this: Tensor, negative_slope = 0.01) {
  const y = runUnary(K.LeakyRelu, this, { negativeSlope: negative_slope });
  const sx = save(this);
  // ATen: x > 0 ? g : g * negative_slope (a blended factor (1-s)+s need not round to exactly 1).
  record('LeakyReluBackward0', [this], [y], ([g]) => [g!.where(sx.unpack().gt(0), g!.mul(negative_slope))], [sx]);
  return y;
};
P.clamp = function (this: Tensor, min = null, max = null) {
  if (min === null && max === null) throw new RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
  let x: Tensor = this;
  let lo = min;
  let hi = max;
  if (!this.dtype.is_floating_point && ((min !== null && !Number.isInteger(min)) || (max !== null && !Number.isInteger(max)))) {
    x = this.to(getDefaultDtype());
  } else if (!this.dtype.is_floating_point) {
    // Integer tensors: PyTorch converts the bounds to the tensor's dtype first (C wrap-around).
    const wrap = (v: number | null): number | null => {
      if (v === null || this.dtype.name === 'int64') return v;
      const a = allocHostArray(this.dtype, 1);
      a[0] = this.dtype === bool ? (v !== 0 ? 1 : 0) : v;
      return a[0]!;
    };
    lo = wrap(min);
    hi = wrap(max);
  }
  const y = runUnary(K.Clamp, x, { min: lo, max: hi });
  const sx = save(this);
  record('ClampBackward1', [this], [y], ([g]) => {
    const v = sx.unpack();
    let m = v.eq(v);
    if (min !== null) m = m.logical_and(v.ge(min));
    if (max !== null) m = m.logical_and(v.le(max));
    return [g!.mul(m.to(g!.dtype))];
  }, [sx]);
  return y;
};
P.clip = function (this: Tensor, min = null, max = null) {
  return this.clamp(min, max);
};

P.to = function (this: Tensor, target, opts) {
  return toTensor(this, target, opts);
};
const CASTS: [string, DTypeName][] = [
  ['float', 'float32'], ['double', 'float64'], ['half', 'float16'], ['bfloat16', 'bfloat16'], ['long', 'int64'],
  ['int', 'int32'], ['short', 'int16'], ['char', 'int8'], ['byte', 'uint8'], ['bool', 'bool'],
];
for (const [m, d] of CASTS) {
  (P as unknown as Record<string, unknown>)[m] = function (this: Tensor): Tensor {
    return this.to(d);
  };
}
P.type_as = function (this: Tensor, other) {
  return this.to(other.dtype);
};

/**
 * `torch.where(condition, input, other)`: broadcasts the three; the result's layout follows
 * TensorIterator's rules over (condition, input, other).
 *
 * @example
 * where(x.gt(0), x, 0); // relu
 */
export function where(condition: Tensor, input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return whereImpl(condition, input, other, false);
}

function whereImpl(condition: Tensor, input: TensorOrScalar, other: TensorOrScalar, contiguousResult: boolean): Tensor {
  if (condition.dtype !== bool && condition.dtype.name !== 'uint8') {
    throw new RuntimeError(`where expected condition to be a boolean tensor, but got a tensor with dtype ${condition.dtype.name === 'float32' ? 'Float' : condition.dtype.name}`);
  }
  const like = input instanceof Tensor ? input : other instanceof Tensor ? other : condition;
  const { tensors: [a, b] } = promoteOperands([input, other], like);
  const outShape = broadcastShapes(broadcastShapes(condition.shape, a!.shape), b!.shape);
  const cond = condition.dtype === bool ? condition : condition.to(bool);
  // masked_fill copies self as contiguous_format before filling: its result is row-major.
  const strides = contiguousResult ? null : iteratorOutputStrides([cond, a!, b!], outShape);
  const out = runLaidOut(K.Where, { condition: cond, a: a!, b: b! }, { outShape }, outShape, strides);
  const ta = input instanceof Tensor ? input : null;
  const tb = other instanceof Tensor ? other : null;
  record('WhereBackward0', [ta, tb], [out], ([g]) => {
    const z = g!.mul(0);
    return [ta ? sumToShape(where(cond, g!, z), ta.shape) : null, tb ? sumToShape(where(cond, z, g!), tb.shape) : null];
  });
  return out;
}
P.where = function (this: Tensor, condition, other) {
  return where(condition, this, other);
};
P.masked_fill = function (this: Tensor, mask, value) {
  if (mask.dtype !== bool) throw new RuntimeError(`masked_fill_ only supports boolean masks, but got mask with dtype ${typeMetaName(mask.dtype)}`);
  const v = value instanceof Tensor ? value.to(this.dtype) : scalarTensor(Number(value), this.dtype, this.backend);
  // Out-of-place masked_fill broadcasts self against the mask (only masked_fill_ cannot).
  return whereImpl(mask, v, this, true);
};

/** The C++ type name caffe2::TypeMeta prints for a dtype (used in some PyTorch 2.x messages). */
export function typeMetaName(d: DType): string {
  const m: Record<DTypeName, string> = {
    float32: 'float', float64: 'double', float16: 'c10::Half', bfloat16: 'c10::BFloat16', int8: 'signed char',
    uint8: 'unsigned char', int16: 'short int', int32: 'int', int64: 'long int', bool: 'bool',
  };
  return m[d.name];
}
