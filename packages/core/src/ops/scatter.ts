/**
 * `scatter` / `scatter_` (src or value), `scatter_add_`, `index_add_`, `index_fill` /
 * `index_fill_`, built on the ScatterAdd / IndexAdd kernels. Index bounds are checked on the
 * host (PyTorch's texts); for repeated indices `scatter` keeps the last write in row-major
 * order of `index`, as ATen's CPU loop does.
 */
import { record } from '../autograd/function.js';
import { float32, int64 } from '../dtype.js';
import { NotImplementedError, RuntimeError } from '../errors.js';
import { normalizeDim, numelOf } from '../shape.js';
import { Tensor } from '../tensor/tensor.js';
import { full } from './creation.js';
import { cat } from './indexing.js';
import { where } from './elementwise.js';
import { hostInts } from './shape_extra.js';

declare module '../tensor/tensor.js' {
  interface Tensor {
    /**
     * `tensor.scatter(dim, index, src | value, *, reduce=None)`: a copy with `src[i]` (or
     * `value`) written at `index` along `dim`; `reduce: 'add'` adds instead.
     *
     * @example
     * zeros(3).scatter(0, tensor([2, 0]), tensor([5.0, 7.0])).tolist(); // [7, 0, 5]
     */
    scatter(dim: number, index: Tensor, src: Tensor | number, opts?: { reduce?: 'add' | 'multiply' | null }): Tensor;
    /** `tensor.scatter_(dim, index, src | value, *, reduce=None)`: in place. */
    scatter_(dim: number, index: Tensor, src: Tensor | number, opts?: { reduce?: 'add' | 'multiply' | null }): this;
    /** `tensor.scatter_add_(dim, index, src)`: in place. */
    scatter_add_(dim: number, index: Tensor, src: Tensor): this;
    /** `tensor.index_add_(dim, index, source, *, alpha=1)`: in place. */
    index_add_(dim: number, index: Tensor, source: Tensor, opts?: { alpha?: number }): this;
    /**
     * `tensor.index_fill(dim, index, value)`: a copy with the slices at `index` along `dim` set to `value`.
     *
     * @example
     * zeros(2, 3).index_fill(1, tensor([0, 2]), -1).tolist(); // [[-1, 0, -1], [-1, 0, -1]]
     */
    index_fill(dim: number, index: Tensor, value: number | Tensor): Tensor;
    /** `tensor.index_fill_(dim, index, value)`: in place. */
    index_fill_(dim: number, index: Tensor, value: number | Tensor): this;
  }
}

const P = Tensor.prototype;

/** Flat offsets (in `shape`) that each element of `index` writes to along `d`, bounds-checked. */
function targets(index: Tensor, d: number, shape: readonly number[]): number[] {
  const idx = hostInts(index);
  const is = index.shape;
  const size = shape[d] ?? 1;
  const strides = shape.map((_, i) => numelOf(shape.slice(i + 1)));
  const out = new Array<number>(idx.length);
  const pos = new Array<number>(is.length).fill(0);
  for (let k = 0; k < idx.length; k++) {
    const v = idx[k]!;
    if (v < 0 || v >= size) throw new RuntimeError(`index ${v} is out of bounds for dimension ${d} with size ${size}`);
    let off = 0;
    for (let i = 0; i < is.length; i++) off += (i === d ? v : pos[i]!) * strides[i]!;
    out[k] = off;
    for (let i = is.length - 1; i >= 0; i--) {
      if (++pos[i]! < is[i]!) break;
      pos[i] = 0;
    }
  }
  return out;
}

/** `t` cut to `shape` (each dim's leading part), as scatter reads only `src[:index.shape]`. */
function cutTo(t: Tensor, shape: readonly number[]): Tensor {
  let r = t;
  shape.forEach((s, i) => {
    if (r.shape[i] !== s) r = r.narrow(i, 0, s);
  });
  return r;
}
/** `g` zero-padded at the end of each dim up to `shape` (the gradient of `cutTo`). */
function padTo(g: Tensor, shape: readonly number[]): Tensor {
  let r = g;
  shape.forEach((s, i) => {
    const have = r.shape[i]!;
    if (have === s) return;
    const zshape = [...r.shape];
    zshape[i] = s - have;
    r = cat([r, full(zshape, 0, { dtype: r.dtype, device: r.backend })], i);
  });
  return r;
}

function checkScatterArgs(self: Tensor, index: Tensor, src: Tensor | null, op: string): void {
  if (index.dtype !== int64) throw new RuntimeError(`${op}(): Expected dtype int64 for index`);
  if (index.dim() !== self.dim() && !(index.dim() <= 1 && self.dim() <= 1)) {
    throw new RuntimeError('Index tensor must have the same number of dimensions as self tensor');
  }
  if (src && src.dim() !== self.dim() && !(src.dim() <= 1 && self.dim() <= 1)) {
    throw new RuntimeError('Index tensor must have the same number of dimensions as src tensor');
  }
}

P.scatter = function (this: Tensor, dim, index, src, opts) {
  const srcT = src instanceof Tensor ? src : null;
  checkScatterArgs(this, index, srcT, 'scatter');
  const d = normalizeDim(dim, this.dim());
  const reduce = opts?.reduce ?? null;
  if (reduce === 'multiply') throw new NotImplementedError("scatter(reduce='multiply') is not supported yet");
  const values = srcT ? cutTo(srcT, index.shape).to(this.dtype) : full(index.shape, src as number, { dtype: this.dtype, device: this.backend });
  if (reduce === 'add') {
    targets(index, d, this.shape);
    return this.scatter_add(d, index, values);
  }
  const tg = targets(index, d, this.shape);
  // Only the last write to each position counts: the others scatter-add a zero.
  const last = new Map<number, number>();
  tg.forEach((t, k) => last.set(t, k));
  const keep = tg.map((t, k) => (last.get(t) === k ? 1 : 0));
  const keepT = Tensor.fromHost(Float64Array.from(keep), index.shape, int64, this.backend).ne(0);
  const zeros = full(this.shape, 0, { dtype: this.dtype, device: this.backend });
  const vd = values.detach();
  const scattered = zeros.scatter_add(d, index, where(keepT, vd, full([], 0, { dtype: vd.dtype, device: vd.backend })));
  const written = full(this.shape, 0, { dtype: float32, device: this.backend })
    .scatter_add(d, index, full(index.shape, 1, { dtype: float32, device: this.backend })).gt(0);
  const out = where(written, scattered, this.detach());
  const srcShape = srcT?.shape ?? [];
  record(srcT ? 'ScatterBackward0' : 'ScatterBackward1', [this, srcT], [out], ([g]) => [
    g!.masked_fill(written, 0),
    srcT ? padTo(g!.gather(d, index), srcShape) : null,
  ]);
  return out;
};
P.scatter_ = function (dim, index, src, opts) {
  return this._writeInPlace((s) => s.scatter(dim, index, src, opts), [src instanceof Tensor ? src : null]);
};
P.scatter_add_ = function (dim, index, src) {
  return this._writeInPlace((s) => s.scatter_add(dim, index, src), [src]);
};
P.index_add_ = function (dim, index, source, opts) {
  return this._writeInPlace((s) => s.index_add(dim, index, source, opts), [source]);
};

P.index_fill = function (this: Tensor, dim, index, value) {
  if (index.dim() > 1) throw new RuntimeError('Index has to be a vector/scalar');
  if (index.dtype !== int64) throw new RuntimeError('index_fill_(): Expected dtype int64 for index.');
  const d = normalizeDim(dim, this.dim());
  const n = this.dim() === 0 ? 1 : this.shape[d]!;
  const hit = new Float64Array(n);
  for (const i of hostInts(index)) {
    if (i < -n || i >= n) throw new RuntimeError(`index ${i} is out of bounds for dimension ${d} with size ${n}`);
    hit[i < 0 ? i + n : i] = 1;
  }
  const bshape = this.shape.map((s, i) => (i === d ? s : 1));
  const mask = Tensor.fromHost(hit, this.dim() === 0 ? [] : bshape, int64, this.backend).ne(0);
  return this.masked_fill(mask, value);
};
P.index_fill_ = function (dim, index, value) {
  return this._writeInPlace((s) => s.index_fill(dim, index, value), [value instanceof Tensor ? value : null]);
};
