/** Reductions with `dim`/`keepdim`, and their gradients. */
import { record, save } from '../autograd/function.js';
import { bool, type DType, type DTypeName, int64, toDType } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import * as K from '../kernels/names.js';
import { normalizeDim, numelOf } from '../shape.js';
import { runKernel } from '../tensor/dispatch.js';
import { Tensor } from '../tensor/tensor.js';

/** PyTorch's `(values, indices)` namedtuple: destructurable and with named fields. */
export interface ValuesIndices extends Iterable<Tensor> {
  readonly 0: Tensor;
  readonly 1: Tensor;
  readonly length: 2;
  readonly values: Tensor;
  readonly indices: Tensor;
}

/** `dim` as PyTorch takes it: one dim, several, or null/undefined for all. */
export type DimArg = number | readonly number[] | null | undefined;

declare module '../tensor/tensor.js' {
  interface Tensor {
    sum(dim?: DimArg, keepdim?: boolean, opts?: { dtype?: DType | DTypeName }): Tensor;
    mean(dim?: DimArg, keepdim?: boolean, opts?: { dtype?: DType | DTypeName }): Tensor;
    prod(dim?: number | null, keepdim?: boolean): Tensor;
    /** `max()` (all elements) or `max(dim, keepdim)` → `[values, indices]`, or `max(other)`. */
    max(): Tensor;
    max(dim: number, keepdim?: boolean): ValuesIndices;
    max(other: Tensor): Tensor;
    min(): Tensor;
    min(dim: number, keepdim?: boolean): ValuesIndices;
    min(other: Tensor): Tensor;
    amax(dim?: DimArg, keepdim?: boolean): Tensor;
    amin(dim?: DimArg, keepdim?: boolean): Tensor;
    argmax(dim?: number | null, keepdim?: boolean): Tensor;
    argmin(dim?: number | null, keepdim?: boolean): Tensor;
    /** `var(dim, unbiased=True, keepdim=False)`, or `var(dim, {correction, keepdim})`. */
    var(dim?: DimArg, unbiased?: boolean | { correction?: number; keepdim?: boolean; unbiased?: boolean }, keepdim?: boolean): Tensor;
    std(dim?: DimArg, unbiased?: boolean | { correction?: number; keepdim?: boolean; unbiased?: boolean }, keepdim?: boolean): Tensor;
    logsumexp(dim: DimArg, keepdim?: boolean): Tensor;
    all(dim?: number | null, keepdim?: boolean): Tensor;
    any(dim?: number | null, keepdim?: boolean): Tensor;
  }
}

/** Normalized, sorted, de-duplicated axes; null/undefined/[] means every axis. */
export function normalizeAxes(dim: DimArg, ndim: number): number[] {
  if (dim === null || dim === undefined) return [...Array(ndim).keys()];
  const list = typeof dim === 'number' ? [dim] : [...dim];
  if (list.length === 0) return [...Array(ndim).keys()];
  const r = list.map((d) => normalizeDim(d, ndim)).filter((d) => d < Math.max(ndim, 0) || ndim === 0);
  const set = new Set(r);
  if (set.size !== r.length) throw new RuntimeError(`dim ${r.find((d, i) => r.indexOf(d) !== i)} appears multiple times in the list of dims`);
  return [...set].filter((d) => d < ndim).sort((a, b) => a - b);
}

function reduce(kernel: string, x: Tensor, axes: number[], keepdim: boolean, dtype?: DType): Tensor {
  const [r] = runKernel(kernel, { x }, { axes, keepdim, dtype });
  return new Tensor(r!.storage, r!.shape);
}

/** Re-inserts reduced axes as size 1 so a reduced gradient broadcasts back. */
function unsqueezeAxes(g: Tensor, axes: readonly number[], keepdim: boolean): Tensor {
  if (keepdim) return g;
  let r = g;
  for (const a of axes) r = r.unsqueeze(a);
  return r;
}

const P = Tensor.prototype;

P.sum = function (this: Tensor, dim, keepdim = false, opts) {
  const axes = normalizeAxes(dim, this.dim());
  const dtype = opts?.dtype ? toDType(opts.dtype) : this.dtype.is_floating_point ? this.dtype : int64;
  const out = reduce(K.Sum, this, axes, keepdim, dtype);
  const shape = this.shape;
  const name = dim === undefined || dim === null ? 'SumBackward0' : 'SumBackward1';
  record(name, [this], [out], ([g]) => [unsqueezeAxes(g!, axes, keepdim).expand(shape)]);
  return out;
};
P.mean = function (this: Tensor, dim, keepdim = false, opts) {
  const dtype = opts?.dtype ? toDType(opts.dtype) : this.dtype;
  if (!dtype.is_floating_point) {
    throw new RuntimeError(
      `mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${scalarTypeName(this.dtype)}`,
    );
  }
  const axes = normalizeAxes(dim, this.dim());
  const n = numelOf(axes.map((a) => this.shape[a]!));
  const x = dtype === this.dtype ? this : this.to(dtype);
  const s = reduce(K.Sum, x, axes, keepdim, dtype);
  const [r] = runKernel(K.Div, { a: s, b: scalarLike(s, n) }, { outShape: s.shape });
  const out = new Tensor(r!.storage, r!.shape);
  const shape = this.shape;
  const name = dim === undefined || dim === null ? 'MeanBackward0' : 'MeanBackward1';
  record(name, [this], [out], ([g]) => [unsqueezeAxes(g!, axes, keepdim).expand(shape).div(n)]);
  return out;
};
import { scalarTensor } from './creation.js';
function scalarLike(t: Tensor, v: number): Tensor {
  return scalarTensor(v, t.dtype, t.backend);
}

/** PyTorch's C++ scalar type names used in several messages (Float, Long, …). */
export function scalarTypeName(d: DType): string {
  const m: Record<string, string> = {
    float32: 'Float', float64: 'Double', float16: 'Half', bfloat16: 'BFloat16', int8: 'Char', uint8: 'Byte',
    int16: 'Short', int32: 'Int', int64: 'Long', bool: 'Bool',
  };
  return m[d.name]!;
}

P.prod = function (this: Tensor, dim = null, keepdim = false) {
  const axes = normalizeAxes(dim, this.dim());
  const dtype = this.dtype.is_floating_point ? this.dtype : int64;
  const out = reduce(K.Prod, this, axes, keepdim, dtype);
  const sx = save(this);
  const so = save(out, true);
  record(dim === null ? 'ProdBackward0' : 'ProdBackward1', [this], [out], ([g]) => {
    // grad * prod / x, exact where x has no zeros (ties to zero handled by the where below).
    const x = sx.unpack();
    const y = unsqueezeAxes(so.unpack(), axes, keepdim);
    const gg = unsqueezeAxes(g!, axes, keepdim);
    const nonzero = gg.mul(y).div(x);
    const zeroMask = x.eq(0);
    if (zeroMask.any().item() === false) return [nonzero];
    // With zeros: product of the others, computed directly.
    const others = x.masked_fill(zeroMask, 1).prod(dim, true);
    const zeroCount = zeroMask.sum(axes, true);
    const onlyZero = zeroMask.logical_and(zeroCount.eq(1));
    return [where(onlyZero, gg.mul(others), nonzero.masked_fill(zeroMask, 0))];
  }, [sx, so]);
  return out;
};
import { where } from './elementwise.js';

function fullMinMax(kernel: string, self: Tensor, name: string, axes: number[], keepdim: boolean): Tensor {
  if (self.numel() === 0 && axes.length === self.dim()) {
    throw new RuntimeError(`${kernel === K.Max ? 'max' : 'min'}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`);
  }
  const out = reduce(kernel, self, axes, keepdim);
  const sx = save(self);
  const so = save(out, true);
  record(name, [self], [out], ([g]) => {
    // The gradient is shared evenly between tied extrema, as amax/amin's backward does.
    const y = unsqueezeAxes(so.unpack(), axes, keepdim);
    const mask = sx.unpack().eq(y).to(g!.dtype);
    const count = mask.sum(axes, true);
    return [mask.div(count).mul(unsqueezeAxes(g!, axes, keepdim))];
  }, [sx, so]);
  return out;
}

function dimMinMax(kernel: string, self: Tensor, dim: number, keepdim: boolean, name: string): ValuesIndices {
  const d = normalizeDim(dim, self.dim());
  if (self.dim() > 0 && self.shape[d] === 0) {
    throw new IndexError(`${kernel === K.MaxDim ? 'max' : 'min'}(): Expected reduction dim ${d} to have non-zero size.`);
  }
  const [v, i] = runKernel(kernel, { x: self }, { axis: d, keepdim });
  const values = new Tensor(v!.storage, v!.shape);
  const indices = new Tensor(i!.storage, i!.shape);
  const shape = self.shape;
  record(name, [self], [values], ([g]) => {
    const gi = keepdim ? g! : g!.unsqueeze(d);
    const idx = keepdim ? indices : indices.unsqueeze(d);
    return [zerosOf(shape, g!).scatter_add(d, idx, gi)];
  });
  const r = [values, indices] as unknown as { values: Tensor; indices: Tensor };
  // A tuple that also has PyTorch's namedtuple fields (shadowing Array.prototype.values).
  r.values = values;
  r.indices = indices;
  return r as unknown as ValuesIndices;
}
import { IndexError } from '../errors.js';
import { full } from './creation.js';
function zerosOf(shape: readonly number[], like: Tensor): Tensor {
  return full(shape, 0, { dtype: like.dtype, device: like.backend });
}

P.max = function (this: Tensor, dimOrOther?: number | Tensor, keepdim: boolean = false) {
  if (dimOrOther instanceof Tensor) return this.maximum(dimOrOther);
  if (dimOrOther === undefined) return fullMinMax(K.Max, this, 'MaxBackward1', normalizeAxes(null, this.dim()), false);
  return dimMinMax(K.MaxDim, this, dimOrOther, keepdim, 'MaxBackward0');
} as Tensor['max'];
P.min = function (this: Tensor, dimOrOther?: number | Tensor, keepdim: boolean = false) {
  if (dimOrOther instanceof Tensor) return this.minimum(dimOrOther);
  if (dimOrOther === undefined) return fullMinMax(K.Min, this, 'MinBackward1', normalizeAxes(null, this.dim()), false);
  return dimMinMax(K.MinDim, this, dimOrOther, keepdim, 'MinBackward0');
} as Tensor['min'];
P.amax = function (this: Tensor, dim = null, keepdim = false) {
  return fullMinMax(K.Max, this, 'AmaxBackward0', normalizeAxes(dim, this.dim()), keepdim);
};
P.amin = function (this: Tensor, dim = null, keepdim = false) {
  return fullMinMax(K.Min, this, 'AminBackward0', normalizeAxes(dim, this.dim()), keepdim);
};
P.argmax = function (this: Tensor, dim = null, keepdim = false) {
  const axis = dim === null ? null : normalizeDim(dim, this.dim());
  if (this.numel() === 0) throw new IndexError('argmax(): Expected reduction dim to be specified for input.numel() == 0.');
  const [r] = runKernel(K.ArgMax, { x: this }, { axis, keepdim });
  return new Tensor(r!.storage, r!.shape);
};
P.argmin = function (this: Tensor, dim = null, keepdim = false) {
  const axis = dim === null ? null : normalizeDim(dim, this.dim());
  if (this.numel() === 0) throw new IndexError('argmin(): Expected reduction dim to be specified for input.numel() == 0.');
  const [r] = runKernel(K.ArgMin, { x: this }, { axis, keepdim });
  return new Tensor(r!.storage, r!.shape);
};

function varianceArgs(unbiased: boolean | { correction?: number; keepdim?: boolean; unbiased?: boolean } | undefined, keepdim: boolean | undefined): { correction: number; keepdim: boolean } {
  if (typeof unbiased === 'object') {
    const c = unbiased.correction ?? (unbiased.unbiased === false ? 0 : 1);
    return { correction: c, keepdim: unbiased.keepdim ?? keepdim ?? false };
  }
  return { correction: unbiased === false ? 0 : 1, keepdim: keepdim ?? false };
}
P.var = function (this: Tensor, dim, unbiased, keepdim) {
  if (!this.dtype.is_floating_point) throw new RuntimeError(`std and var only support floating point and complex dtypes`);
  const o = varianceArgs(unbiased, keepdim);
  const axes = normalizeAxes(dim, this.dim());
  const n = numelOf(axes.map((a) => this.shape[a]!));
  const mu = this.mean(axes, true);
  const dev = this.sub(mu);
  return dev.mul(dev).sum(axes, o.keepdim).div(Math.max(n - o.correction, 0));
};
P.std = function (this: Tensor, dim, unbiased, keepdim) {
  return this.var(dim, unbiased, keepdim).sqrt();
};
P.logsumexp = function (this: Tensor, dim, keepdim = false) {
  const axes = normalizeAxes(dim, this.dim());
  const x = this.dtype.is_floating_point ? this : this.float();
  // Shift by the (gradient-free) max so exp cannot overflow; infinite maxima shift by 0.
  const m = x.detach().amax(axes, true);
  const shift = m.masked_fill(m.abs().eq(Infinity), 0);
  const r = x.sub(shift).exp().sum(axes, true).log().add(shift);
  return keepdim ? r : r.squeeze(axes);
};
P.all = function (this: Tensor, dim = null, keepdim = false) {
  const axes = normalizeAxes(dim, this.dim());
  const b = this.dtype === bool ? this : this.ne(0);
  return reduce(K.Min, b, axes, keepdim, bool);
};
P.any = function (this: Tensor, dim = null, keepdim = false) {
  const axes = normalizeAxes(dim, this.dim());
  const b = this.dtype === bool ? this : this.ne(0);
  // Summing counts (not max with a -inf start) keeps any() of an empty tensor False.
  return reduce(K.Sum, b, axes, keepdim, int64).gt(0);
};
