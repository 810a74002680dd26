/**
 * Sorting and scans: sort, argsort, msort, topk, kthvalue, median, cumsum, cumprod (kernels
 * Sort, CumSum, CumProd; backends without them fall back to the reference backend), with
 * PyTorch's gradients: value-selecting ops scatter the gradient back to the chosen positions.
 */
import { record, save } from '../autograd/function.js';
import { enable_grad } from '../autograd/grad_mode.js';
import { type DType, type DTypeName, int64, toDType } from '../dtype.js';
import { IndexError, RuntimeError } from '../errors.js';
import * as K from '../kernels/names.js';
import { normalizeDim } from '../shape.js';
import { runKernel } from '../tensor/dispatch.js';
import { Tensor } from '../tensor/tensor.js';
import { grad } from './autograd_api.js';
import { arange, full } from './creation.js';
import { where } from './elementwise.js';
import type { ValuesIndices } from './reduce.js';

declare module '../tensor/tensor.js' {
  interface Tensor {
    /**
     * `tensor.sort(dim=-1, descending=False, *, stable=False)` → `[values, indices]` (NaN
     * sorts last ascending). Ties always keep input order here.
     *
     * @example
     * const { values, indices } = tensor([3, 1, 2]).sort(); // [1, 2, 3], [1, 2, 0]
     */
    sort(dim?: number, descending?: boolean, opts?: { stable?: boolean }): ValuesIndices;
    /** `tensor.sort(*, stable, dim=-1, descending=False)`: PyTorch's keyword-only overload. */
    sort(opts: SortOptions): ValuesIndices;
    /** `tensor.argsort(dim=-1, descending=False, *, stable=False)`: the indices of `sort`. */
    argsort(dim?: number, descending?: boolean, opts?: { stable?: boolean }): Tensor;
    argsort(opts: SortOptions): Tensor;
    /** `tensor.msort()`: `sort(dim=0)`'s values. */
    msort(): Tensor;
    /**
     * `tensor.topk(k, dim=-1, largest=True, sorted=True)` → `[values, indices]` of the k
     * largest (or smallest) along `dim` (always sorted here).
     *
     * @example
     * tensor([1, 5, 3]).topk(2).values.tolist(); // [5, 3]
     */
    topk(k: number, dim?: number, largest?: boolean, sorted?: boolean): ValuesIndices;
    /**
     * `tensor.kthvalue(k, dim=-1, keepdim=False)` → `[values, indices]` of the k-th smallest (1-based).
     *
     * @example
     * tensor([3, 1, 2]).kthvalue(2).values.item(); // 2
     */
    kthvalue(k: number, dim?: number, keepdim?: boolean): ValuesIndices;
    /**
     * `tensor.median()` (the lower median of all elements) or `median(dim, keepdim=False)` →
     * `[values, indices]`; NaN propagates.
     *
     * @example
     * tensor([1, 4, 2, 3]).median().item(); // 2
     */
    median(): Tensor;
    median(dim: number, keepdim?: boolean): ValuesIndices;
    /**
     * `tensor.cumsum(dim, *, dtype=None)`: running sum along `dim` (integer and bool inputs give int64).
     *
     * @example
     * tensor([1, 2, 3]).cumsum(0).tolist(); // [1, 3, 6]
     */
    cumsum(dim: number, opts?: { dtype?: DType | DTypeName | null }): Tensor;
    /** `tensor.cumprod(dim, *, dtype=None)`: running product along `dim`. */
    cumprod(dim: number, opts?: { dtype?: DType | DTypeName | null }): Tensor;
    /** In-place `cumsum_` / `cumprod_`. */
    cumsum_(dim: number, opts?: { dtype?: DType | DTypeName | null }): this;
    cumprod_(dim: number, opts?: { dtype?: DType | DTypeName | null }): this;
  }
}

/** Keyword arguments of `sort` / `argsort`. */
export interface SortOptions { stable?: boolean; dim?: number; descending?: boolean }

const P = Tensor.prototype;

/** `(dim, descending, {stable})` or `({stable, dim, descending})` → one options object. */
function sortArgs(dim: number | SortOptions | undefined, descending: boolean | undefined, opts: SortOptions | undefined): Required<SortOptions> {
  const o = typeof dim === 'object' ? dim : { ...opts, dim, descending };
  return { dim: o.dim ?? -1, descending: o.descending ?? false, stable: o.stable ?? false };
}

/** PyTorch's namedtuple-like `(values, indices)` pair. */
function pair(values: Tensor, indices: Tensor): ValuesIndices {
  const r = [values, indices] as unknown as ValuesIndices & { values: Tensor; indices: Tensor };
  Object.defineProperties(r, { values: { value: values }, indices: { value: indices } });
  return r;
}

/** Gradient of a value-selecting op: `g` written back at `indices` along `d` of zeros(shape). */
function selectBackward(g: Tensor, d: number, indices: Tensor, shape: readonly number[]): Tensor {
  return full(shape, 0, { dtype: g.dtype, device: g.backend }).scatter_add(d, indices, g);
}

function rawSort(self: Tensor, d: number, descending: boolean, stable: boolean): [Tensor, Tensor] {
  const x = self.dim() === 0 ? self.reshape([1]) : self;
  const [v, i] = runKernel(K.Sort, { x }, { axis: d, descending, stable });
  const values = new Tensor(v!.storage, v!.shape);
  const indices = new Tensor(i!.storage, i!.shape);
  return self.dim() === 0 ? [values.reshape([]), indices.reshape([])] : [values, indices];
}

/** Runs a value-selecting reduction `pick(sortedValues, sortedIndices)` and records its gradient. */
function selecting(self: Tensor, name: string, d: number, values: Tensor, indices: Tensor, keepdim = true): ValuesIndices {
  const shape = self.shape;
  record(name, [self], [values], ([g]) => {
    if (self.dim() === 0) return [g!];
    const gi = keepdim ? g! : g!.unsqueeze(d);
    const ii = keepdim ? indices : indices.unsqueeze(d);
    return [selectBackward(gi, d, ii, shape)];
  });
  return pair(values, indices);
}

P.sort = function (this: Tensor, dim?: number | SortOptions, descending?: boolean, opts?: SortOptions) {
  const o = sortArgs(dim, descending, opts);
  const d = normalizeDim(o.dim, this.dim());
  const [v, i] = rawSort(this, d, o.descending, o.stable);
  return selecting(this, 'SortBackward0', d, v, i);
};
P.argsort = function (this: Tensor, dim?: number | SortOptions, descending?: boolean, opts?: SortOptions) {
  const o = sortArgs(dim, descending, opts);
  const d = normalizeDim(o.dim, this.dim());
  return rawSort(this, d, o.descending, o.stable)[1];
};
P.msort = function (this: Tensor) {
  return this.sort(0).values;
};

P.topk = function (this: Tensor, k, dim = -1, largest = true, _sorted = true) {
  const d = normalizeDim(dim, this.dim());
  const n = this.dim() === 0 ? 1 : this.shape[d]!;
  if (k < 0 || k > n) throw new RuntimeError('selected index k out of range');
  const [v, i] = rawSort(this, d, largest, true);
  const [vk, ik] = this.dim() === 0 ? [v, i] : [v.narrow(d, 0, k).contiguous(), i.narrow(d, 0, k).contiguous()];
  return selecting(this, 'TopkBackward0', d, vk, ik);
};

P.kthvalue = function (this: Tensor, k, dim = -1, keepdim = false) {
  const d = normalizeDim(dim, this.dim());
  const n = this.dim() === 0 ? 1 : this.shape[d]!;
  if (k < 1 || k > n) throw new RuntimeError(`kthvalue(): selected number k out of range for dimension ${d}`);
  return pickAt(this, d, k - 1, keepdim, 'KthvalueBackward0');
};

/** The element at sorted position `pos` along `d` (and its index), as kthvalue/median return it. */
function pickAt(self: Tensor, d: number, pos: number | null, keepdim: boolean, name: string): ValuesIndices {
  const [v, i] = rawSort(self, d, false, true);
  if (self.dim() === 0) return selecting(self, name, d, v, i);
  const n = self.shape[d]!;
  let at = pos ?? Math.floor((n - 1) / 2);
  let vs = v.narrow(d, at, 1);
  let is = i.narrow(d, at, 1);
  if (pos === null) {
    // median: NaN propagates (the first NaN in input order, i.e. the first in sorted order).
    const firstNan = v.isnan().to(int64).argmax(d, true);
    const anyNan = v.isnan().any(d, true);
    vs = where(anyNan, v.gather(d, firstNan), vs);
    is = where(anyNan, i.gather(d, firstNan), is);
    at = -1;
  }
  const values = (keepdim ? vs : vs.squeeze(d)).contiguous();
  const indices = (keepdim ? is : is.squeeze(d)).contiguous();
  return selecting(self, name, d, values.detach(), indices, keepdim);
}

function medianImpl(this: Tensor, dim?: number, keepdim = false): Tensor | ValuesIndices {
  if (dim === undefined) {
    if (this.numel() === 0) return full([], NaN, { dtype: this.dtype, device: this.backend });
    const flat = this.reshape(-1);
    const value = pickAt(flat.detach(), 0, null, false, 'MedianBackward0').values;
    const sx = save(this);
    // PyTorch's evenly_distribute_backward: ties with the median share the gradient.
    record('MedianBackward0', [this], [value], ([g]) => {
      const x = sx.unpack();
      const mask = value.isnan().item() ? x.isnan() : x.eq(value);
      return [mask.to(g!.dtype).mul(g!.div(mask.sum()))];
    }, [sx]);
    return value;
  }
  const d = normalizeDim(dim, this.dim());
  if (this.dim() > 0 && this.shape[d] === 0) throw new IndexError(`median(): Expected reduction dim ${d} to have non-zero size.`);
  return pickAt(this, d, null, keepdim, 'MedianBackward1');
}
(P as unknown as Record<string, unknown>)['median'] = medianImpl;

function scan(self: Tensor, kernel: string, dim: number, dtypeArg: DType | DTypeName | null | undefined): Tensor {
  const d = normalizeDim(dim, self.dim());
  const dtype = dtypeArg ? toDType(dtypeArg) : self.dtype.is_floating_point ? self.dtype : int64;
  const x = self.dim() === 0 ? self.reshape([1]) : self;
  const [r] = runKernel(kernel, { x }, { axis: d, dtype });
  const out = new Tensor(r!.storage, r!.shape);
  return self.dim() === 0 ? out.reshape([]) : out;
}
/** Sum of `g` over positions j ≥ i along `d` (the adjoint of a cumulative sum). */
function reverseCumsum(g: Tensor, d: number): Tensor {
  return g.dim() === 0 ? g : g.flip(d).cumsum(d).flip(d);
}

P.cumsum = function (this: Tensor, dim, opts) {
  const out = scan(this, K.CumSum, dim, opts?.dtype);
  const d = normalizeDim(dim, this.dim());
  record('CumsumBackward0', [this], [out], ([g]) => [reverseCumsum(g!, d)]);
  return out;
};

P.cumprod = function (this: Tensor, dim, opts) {
  const out = scan(this, K.CumProd, dim, opts?.dtype);
  const d = normalizeDim(dim, this.dim());
  const sx = save(this);
  const so = save(out, true);
  record('CumprodBackward0', [this], [out], ([g]) => {
    const x = sx.unpack();
    if (x.dim() === 0) return [g!];
    // Without zeros: dL/dx_i = sum_{j>=i} g_j * y_j / x_i.
    if (x.eq(0).any().item() === false) return [reverseCumsum(g!.mul(so.unpack()), d).div(x)];
    return [cumprodGradWithZeros(x, g!, d)];
  }, [sx, so]);
  return out;
};
/**
 * The exact gradient when the input has zeros: y_j = prod_k where(k <= j, x_k, 1), differentiated
 * through prod's zero-aware backward (O(n²) along `d`, only taken when a zero is present).
 */
function cumprodGradWithZeros(x: Tensor, g: Tensor, d: number): Tensor {
  return enable_grad(() => cumprodGradGraph(x, g, d));
}
function cumprodGradGraph(x: Tensor, g: Tensor, d: number): Tensor {
  const n = x.shape[d]!;
  const leaf = x.detach().requires_grad_(true);
  const xm = leaf.movedim(d, -1);
  const mask = arange(n, { device: x.backend }).unsqueeze(0).le(arange(n, { device: x.backend }).unsqueeze(1));
  const y = where(mask, xm.unsqueeze(-2), 1).prod(-1);
  const [gx] = grad([y], [leaf], { grad_outputs: [g.movedim(d, -1)] });
  return gx!;
}
P.cumsum_ = function (dim, opts) {
  return this._writeInPlace((s) => s.cumsum(dim, opts), []);
};
P.cumprod_ = function (dim, opts) {
  return this._writeInPlace((s) => s.cumprod(dim, opts), []);
};
