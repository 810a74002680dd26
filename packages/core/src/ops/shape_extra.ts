/**
 * Shape methods built from core ops (so they run and differentiate on every backend): flip,
 * roll, repeat, tile, repeat_interleave, broadcast_to, sum_to_size, swapaxes/swapdims,
 * moveaxis, diag, trace, outer, take, masked_select. Copies and views as PyTorch: broadcast_to
 * and swapaxes are views, the rest return new storage.
 */
import { int64 } from '../dtype.js';
import { IndexError, RuntimeError } from '../errors.js';
import { broadcastShapes, normalizeDim, numelOf } from '../shape.js';
import { Tensor } from '../tensor/tensor.js';
import { full } from './creation.js';
import { cat } from './indexing.js';
import { scalarTypeName } from './reduce.js';
import { sumToShape } from './views.js';

/** Sizes or dims given as PyTorch takes them: `f(2, 3)` or `f([2, 3])`. */
export type IntList = (number | readonly number[])[];

declare module '../tensor/tensor.js' {
  interface Tensor {
    /**
     * `tensor.flip(dims)`: a copy with the order of elements reversed along `dims`.
     *
     * @example
     * tensor([[1, 2], [3, 4]]).flip(0, 1).tolist(); // [[4, 3], [2, 1]]
     */
    flip(...dims: IntList): Tensor;
    /** `tensor.fliplr()` / `flipud()`: flip along dim 1 / dim 0. */
    fliplr(): Tensor;
    flipud(): Tensor;
    /**
     * `tensor.roll(shifts, dims=None)`: elements shifted cyclically; without dims the tensor is
     * flattened, rolled and reshaped.
     *
     * @example
     * tensor([1, 2, 3, 4]).roll(1).tolist(); // [4, 1, 2, 3]
     */
    roll(shifts: number | readonly number[], dims?: number | readonly number[] | null): Tensor;
    /**
     * `tensor.repeat(*sizes)`: a copy tiled `sizes[i]` times along each dim (extra leading sizes
     * add dims).
     *
     * @example
     * tensor([1, 2]).repeat(2, 2).shape; // [2, 4]
     */
    repeat(...sizes: IntList): Tensor;
    /**
     * `tensor.tile(dims)`: `repeat` with `dims` padded with leading 1s to the tensor's rank.
     *
     * @example
     * randn(2, 3).tile(2).shape; // [2, 6]
     */
    tile(...dims: IntList): Tensor;
    /**
     * `tensor.repeat_interleave(repeats, dim=None, *, output_size=None)`: each element (or slice
     * along `dim`) repeated `repeats` times (a number or a per-element int tensor).
     *
     * @example
     * tensor([1, 2]).repeat_interleave(2).tolist(); // [1, 1, 2, 2]
     */
    repeat_interleave(repeats: number | Tensor, dim?: number | null, opts?: { output_size?: number | null }): Tensor;
    /**
     * `tensor.broadcast_to(size)`: a view broadcast to `size` (`expand` with its errors).
     *
     * @example
     * tensor([1, 2]).broadcast_to([3, 2]).shape; // [3, 2]
     */
    broadcast_to(size: readonly number[]): Tensor;
    /**
     * `tensor.sum_to_size(*size)`: sums broadcast dims away so the result has `size`.
     *
     * @example
     * ones(2, 3).sum_to_size(1, 3).tolist(); // [[2, 2, 2]]
     */
    sum_to_size(...size: IntList): Tensor;
    /** `tensor.swapaxes(axis0, axis1)`: alias of `transpose` (a view). */
    swapaxes(axis0: number, axis1: number): Tensor;
    /** `tensor.swapdims(dim0, dim1)`: alias of `transpose` (a view). */
    swapdims(dim0: number, dim1: number): Tensor;
    /** `tensor.moveaxis(source, destination)`: alias of `movedim`. */
    moveaxis(source: number, destination: number): Tensor;
    /**
     * `tensor.diag(diagonal=0)`: a vector's diagonal matrix, or a matrix's diagonal (a copy).
     *
     * @example
     * tensor([1, 2]).diag().tolist(); // [[1, 0], [0, 2]]
     */
    diag(diagonal?: number): Tensor;
    /**
     * `tensor.trace()`: sum of a matrix's main diagonal (integer inputs sum to int64).
     *
     * @example
     * tensor([[1, 2], [3, 4]]).trace().item(); // 5
     */
    trace(): Tensor;
    /**
     * `tensor.outer(vec2)`: outer product of two vectors (with type promotion).
     *
     * @example
     * tensor([1, 2]).outer(tensor([1, 10])).tolist(); // [[1, 10], [2, 20]]
     */
    outer(vec2: Tensor): Tensor;
    /** `tensor.ger(vec2)`: alias of `outer`. */
    ger(vec2: Tensor): Tensor;
    /**
     * `tensor.take(index)`: elements of the flattened tensor at int64 `index` (negative from the
     * end), shaped like `index`.
     *
     * @example
     * tensor([[1, 2], [3, 4]]).take(tensor([0, -1])).tolist(); // [1, 4]
     */
    take(index: Tensor): Tensor;
    /**
     * `tensor.masked_select(mask)`: the 1-D tensor of elements where the (broadcast) bool mask is true.
     *
     * @example
     * tensor([1, 2, 3]).masked_select(tensor([true, false, true])).tolist(); // [1, 3]
     */
    masked_select(mask: Tensor): Tensor;
  }
}

/** Flattens `f(2, 3)` / `f([2, 3])` argument lists. */
export function intList(args: IntList): number[] {
  if (args.length === 1 && Array.isArray(args[0])) return [...(args[0] as readonly number[])];
  return (args as number[]).map((a) => {
    if (typeof a !== 'number') throw new TypeError(`expected a list of ints, got ${typeof a}`);
    return a;
  });
}

/** The values of an integer tensor as JS numbers (a host read). */
export function hostInts(t: Tensor): number[] {
  return Array.from(t.dataSync() as ArrayLike<number>, Number);
}

/** A 1-D int64 tensor of `values` on `like`'s backend. */
export function indexTensor(values: readonly number[], like: Tensor): Tensor {
  return Tensor.fromHost(Float64Array.from(values), [values.length], int64, like.backend);
}

/** Normalized, duplicate-checked dims (PyTorch's `dim_list_to_bitset` error). */
export function uniqueDims(dims: readonly number[], ndim: number): number[] {
  const seen = new Set<number>();
  return dims.map((d) => {
    const n = normalizeDim(d, ndim);
    if (seen.has(n)) throw new RuntimeError(`dim ${n} appears multiple times in the list of dims`);
    seen.add(n);
    return n;
  });
}

/** A copy of `x` unless it is already a fresh tensor (not sharing `src`'s storage). */
function ensureCopy(x: Tensor, src: Tensor): Tensor {
  return x.untyped_storage() === src.untyped_storage() ? x.clone() : x;
}

const P = Tensor.prototype;

P.flip = function (this: Tensor, ...args) {
  const dims = uniqueDims(intList(args), this.dim());
  let r: Tensor = this;
  for (const d of dims) {
    const n = this.shape[d]!;
    if (n <= 1) continue;
    r = r.index_select(d, indexTensor([...Array(n).keys()].reverse(), this));
  }
  return ensureCopy(r, this);
};
P.fliplr = function (this: Tensor) {
  if (this.dim() < 2) throw new RuntimeError('Input must be >= 2-d.');
  return this.flip(1);
};
P.flipud = function (this: Tensor) {
  if (this.dim() < 1) throw new RuntimeError('Input must be >= 1-d.');
  return this.flip(0);
};

P.roll = function (this: Tensor, shifts, dims = null) {
  const s = typeof shifts === 'number' ? [shifts] : [...shifts];
  const d = dims === null || dims === undefined ? [] : typeof dims === 'number' ? [dims] : [...dims];
  if (s.length === 0) throw new RuntimeError('`shifts` required');
  if (d.length === 0 && s.length === 1) return this.flatten().roll(s[0]!, 0).view(this.shape);
  if (s.length !== d.length) throw new RuntimeError(`shifts and dimensions must align. shifts: ${s.length}, dims:${d.length}`);
  let r: Tensor = this;
  d.forEach((dim, i) => {
    const ax = normalizeDim(dim, this.dim());
    const n = this.shape[ax]!;
    if (n === 0) return;
    const k = ((s[i]! % n) + n) % n;
    if (k === 0) return;
    r = cat([r.narrow(ax, n - k, k), r.narrow(ax, 0, n - k)], ax);
  });
  return ensureCopy(r, this);
};

P.repeat = function (this: Tensor, ...args) {
  const reps = intList(args);
  if (reps.length < this.dim()) {
    throw new RuntimeError('Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor');
  }
  const lead = reps.length - this.dim();
  const padded = [...Array<number>(lead).fill(1), ...this.shape];
  // [s0, s1, …] → [1, s0, 1, s1, …] → expand to [r0, s0, r1, s1, …] → merge pairs.
  const interleaved: number[] = [];
  const expanded: number[] = [];
  padded.forEach((s, i) => {
    interleaved.push(1, s);
    expanded.push(reps[i]!, s);
  });
  const out = this.reshape(interleaved).expand(expanded).reshape(padded.map((s, i) => s * reps[i]!));
  return ensureCopy(out, this);
};
P.tile = function (this: Tensor, ...args) {
  const dims = intList(args);
  const padded = dims.length < this.dim() ? [...Array<number>(this.dim() - dims.length).fill(1), ...dims] : dims;
  return this.repeat(padded);
};

P.repeat_interleave = function (this: Tensor, repeats, dim = null, opts) {
  const x = dim === null || dim === undefined ? this.flatten() : this;
  const ax = dim === null || dim === undefined ? 0 : normalizeDim(dim, this.dim());
  const n = x.dim() === 0 ? 1 : x.shape[ax]!;
  let reps: number[];
  if (repeats instanceof Tensor) {
    if (repeats.dim() > 1) throw new RuntimeError('repeats must be 0-dim or 1-dim tensor');
    reps = hostInts(repeats);
    if (reps.length === 1) reps = Array<number>(n).fill(reps[0]!);
    else if (reps.length !== n) throw new RuntimeError('repeats must have the same size as input along dim');
  } else {
    reps = Array<number>(n).fill(repeats);
  }
  if (reps.some((r) => r < 0)) throw new RuntimeError('repeats can not be negative');
  const idx: number[] = [];
  reps.forEach((r, i) => {
    for (let k = 0; k < r; k++) idx.push(i);
  });
  const size = opts?.output_size;
  if (size !== null && size !== undefined && size !== idx.length) {
    throw new RuntimeError('allocated size does not match required size');
  }
  return x.index_select(ax, indexTensor(idx, this));
};

P.broadcast_to = function (this: Tensor, size) {
  return this.expand(size);
};

P.sum_to_size = function (this: Tensor, ...args) {
  const size = intList(args);
  const shape = this.shape;
  const lead = shape.length - size.length;
  const ok = lead >= 0 && size.every((s, i) => s === 1 || s === shape[i + lead]);
  if (!ok) throw new RuntimeError(`size {[${size.join(', ')}]} is not expandable to size {[${shape.join(', ')}]}.`);
  return sumToShape(this, size);
};

P.swapaxes = function (this: Tensor, a, b) {
  return this.transpose(a, b);
};
P.swapdims = function (this: Tensor, a, b) {
  return this.transpose(a, b);
};
P.moveaxis = function (this: Tensor, s, d) {
  return this.movedim(s, d);
};

P.diag = function (this: Tensor, diagonal = 0) {
  const k = diagonal;
  if (this.dim() === 1) {
    const n = this.shape[0]!;
    const N = n + Math.abs(k);
    const idx = [...Array(n).keys()].map((i) => (i + Math.max(-k, 0)) * N + i + Math.max(k, 0));
    const zeros = full([N * N], 0, { dtype: this.dtype, device: this.backend });
    return zeros.index_add(0, indexTensor(idx, this), this).view(N, N);
  }
  if (this.dim() === 2) {
    const [r, c] = this.shape as [number, number];
    const idx: number[] = [];
    for (let i = Math.max(-k, 0), j = Math.max(k, 0); i < r && j < c; i++, j++) idx.push(i * c + j);
    return this.reshape(-1).index_select(0, indexTensor(idx, this));
  }
  throw new RuntimeError('matrix or a vector expected');
};

P.trace = function (this: Tensor) {
  if (this.dim() !== 2) throw new RuntimeError(`trace: expected a matrix, but got tensor with dim ${this.dim()}`);
  return this.diag().sum();
};

P.outer = function (this: Tensor, vec2) {
  if (this.dim() !== 1) throw new RuntimeError(`outer: Expected 1-D argument self, but got ${this.dim()}-D`);
  if (vec2.dim() !== 1) throw new RuntimeError(`outer: Expected 1-D argument vec2, but got ${vec2.dim()}-D`);
  return this.unsqueeze(1).mul(vec2.unsqueeze(0));
};
P.ger = function (this: Tensor, vec2) {
  return this.outer(vec2);
};

P.take = function (this: Tensor, index) {
  if (index.dtype !== int64) throw new RuntimeError(`take(): Expected a long tensor for index, but got ${scalarTypeName(index.dtype)}`);
  const n = this.numel();
  const wrapped = hostInts(index).map((i) => {
    if (i >= n || i < -n) throw new IndexError(`out of range: tried to access index ${i} on a tensor of ${n} elements.`);
    return i < 0 ? i + n : i;
  });
  return this.reshape(-1).index_select(0, indexTensor(wrapped, this)).view(index.shape);
};

P.masked_select = function (this: Tensor, mask) {
  if (mask.dtype.name !== 'bool' && mask.dtype.name !== 'uint8') {
    throw new RuntimeError('masked_select: expected BoolTensor or ByteTensor for mask');
  }
  const shape = broadcastShapes(mask.shape, this.shape);
  const m = hostInts(mask.expand(shape));
  const picks: number[] = [];
  for (let i = 0; i < numelOf(shape); i++) if (m[i]) picks.push(i);
  return this.expand(shape).reshape(-1).index_select(0, indexTensor(picks, this));
};
