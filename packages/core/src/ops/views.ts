/**
 * View ops: results share the input's storage (and version counter); gradients flow back
 * through the inverse view or through a scatter into zeros.
 */
import { record } from '../autograd/function.js';
import { IndexError, RuntimeError } from '../errors.js';
import { Assign, Contiguous } from '../kernels/names.js';
import { isContiguousLayout, normalizeDim, numelOf } from '../shape.js';
import { runKernel } from '../tensor/dispatch.js';
import { isContiguousAs, stridesLike } from '../tensor/layout.js';
import { contiguous_format, type MemoryFormat, memoryFormatArg, preserve_format } from '../tensor/memory-format.js';
import { Tensor } from '../tensor/tensor.js';
import { full } from './creation.js';
import { runLaidOut } from './laid-out.js';

declare module '../tensor/tensor.js' {
  interface Tensor {
    /** `tensor.view(*shape)`: same storage, new shape; fails when strides do not allow it. */
    view(...shape: (number | readonly number[])[]): Tensor;
    /** `tensor.view_as(other)`. */
    view_as(other: Tensor): Tensor;
    /** `tensor.reshape(*shape)`: a view when possible, else a copy. */
    reshape(...shape: (number | readonly number[])[]): Tensor;
    /** `tensor.reshape_as(other)`. */
    reshape_as(other: Tensor): Tensor;
    /** `tensor.transpose(dim0, dim1)`. */
    transpose(dim0: number, dim1: number): Tensor;
    /** `tensor.t()` for tensors of at most 2 dims. */
    t(): Tensor;
    /** `tensor.T`: all dims reversed. */
    readonly T: Tensor;
    /** `tensor.mT`: the last two dims swapped. */
    readonly mT: Tensor;
    /** `tensor.permute(*dims)`. */
    permute(...dims: (number | readonly number[])[]): Tensor;
    /** `tensor.expand(*sizes)` (-1 keeps a dim). */
    expand(...sizes: (number | readonly number[])[]): Tensor;
    /** `tensor.expand_as(other)`. */
    expand_as(other: Tensor): Tensor;
    /** `tensor.squeeze(dim?)`. */
    squeeze(dim?: number | readonly number[]): Tensor;
    /** `tensor.unsqueeze(dim)`. */
    unsqueeze(dim: number): Tensor;
    /** `tensor.flatten(start_dim=0, end_dim=-1)`. */
    flatten(start_dim?: number, end_dim?: number): Tensor;
    /** `tensor.unflatten(dim, sizes)`. */
    unflatten(dim: number, sizes: readonly number[]): Tensor;
    /** `tensor.narrow(dim, start, length)`. */
    narrow(dim: number, start: number, length: number): Tensor;
    /** `tensor.select(dim, index)`. */
    select(dim: number, index: number): Tensor;
    /** Python slicing on one dim: `t[start:end:step]` along `dim` (end exclusive, clamped like Python). */
    slice(dim: number, start?: number | null, end?: number | null, step?: number): Tensor;
    /** `tensor.as_strided(size, stride, storage_offset?)`. */
    as_strided(size: readonly number[], stride: readonly number[], storage_offset?: number): Tensor;
    /**
     * `tensor.contiguous(memory_format=torch.contiguous_format)`: itself when already
     * contiguous in that format, else a copy in it.
     *
     * @example
     * x.contiguous({ memory_format: channels_last }); // NHWC strides for a 4-D x
     */
    contiguous(opts?: { memory_format?: MemoryFormat }): Tensor;
    /**
     * `tensor.clone(memory_format=torch.preserve_format)`: a differentiable copy; by default a
     * dense tensor keeps its strides (and a non-dense one gets dense strides in its dim order).
     *
     * @example
     * x.t().clone().stride(); // [1, 4] for a (3, 4) x: still transposed
     */
    clone(opts?: { memory_format?: MemoryFormat | null }): Tensor;
    /** @internal A differentiable copy with the given (dense) strides, as `empty_strided(...).copy_(self)`. */
    _copyWithStrides(strides: readonly number[]): Tensor;
    /** `tensor.split(split_size_or_sections, dim=0)`. */
    split(split_size_or_sections: number | readonly number[], dim?: number): Tensor[];
    /** `tensor.chunk(chunks, dim=0)`. */
    chunk(chunks: number, dim?: number): Tensor[];
    /** `tensor.unbind(dim=0)`. */
    unbind(dim?: number): Tensor[];
    /** `tensor.movedim(source, destination)`. */
    movedim(source: number, destination: number): Tensor;
  }
}

function sizesFrom(args: readonly (number | readonly number[])[]): number[] {
  if (args.length === 1 && Array.isArray(args[0])) return [...(args[0] as number[])];
  return args as number[];
}

/** Creates a view sharing `base`'s storage. */
function makeView(base: Tensor, shape: readonly number[], strides: readonly number[], offset: number): Tensor {
  const v = new Tensor(base._storage, shape, strides, offset);
  v._base = base._base ?? base;
  return v;
}

/** Fills in a single -1 and checks the element count (PyTorch's error texts). */
function inferSize(shape: readonly number[], numel: number): number[] {
  const r = [...shape];
  let infer = -1;
  let known = 1;
  r.forEach((d, i) => {
    if (d === -1) {
      if (infer >= 0) throw new RuntimeError('only one dimension can be inferred');
      infer = i;
    } else if (d < 0) {
      throw new RuntimeError(`invalid shape dimension ${d}`);
    } else known *= d;
  });
  if (infer >= 0) {
    if (known === 0 || numel % known !== 0) throw new RuntimeError(`shape '[${shape.join(', ')}]' is invalid for input of size ${numel}`);
    r[infer] = numel / known;
  } else if (known !== numel) {
    throw new RuntimeError(`shape '[${shape.join(', ')}]' is invalid for input of size ${numel}`);
  }
  return r;
}

/** Strides for viewing `shape/strides` as `newShape` without copying, or null (ATen's computeStride). */
function computeViewStrides(shape: readonly number[], strides: readonly number[], newShape: readonly number[]): number[] | null {
  if (numelOf(shape) === 0) return [...newShape.map(() => 1)];
  const newStrides = new Array<number>(newShape.length).fill(0);
  let viewD = newShape.length - 1;
  let chunkBase = strides[strides.length - 1] ?? 1;
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    tensorNumel *= shape[d]!;
    if (d === 0 || (shape[d - 1] !== 1 && strides[d - 1] !== tensorNumel * chunkBase)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] === 1)) {
        newStrides[viewD] = viewNumel * chunkBase;
        viewNumel *= newShape[viewD]!;
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (d > 0) {
        chunkBase = strides[d - 1]!;
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  if (viewD !== -1) return null;
  return newStrides;
}

function viewImpl(self: Tensor, shape: number[], name: string): Tensor {
  const st = computeViewStrides(self.shape, self._strides, shape);
  if (!st) {
    throw new RuntimeError(
      'view size is not compatible with input tensor\'s size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.',
    );
  }
  const out = makeView(self, shape, st, self._offset);
  const inShape = self.shape;
  record(name, [self], [out], ([g]) => [g!.reshape(inShape)]);
  return out;
}

const P = Tensor.prototype;

P.view = function (this: Tensor, ...args) {
  return viewImpl(this, inferSize(sizesFrom(args), this.numel()), 'ViewBackward0');
};
P.view_as = function (this: Tensor, other) {
  return this.view(other.shape);
};
P.reshape = function (this: Tensor, ...args) {
  const shape = inferSize(sizesFrom(args), this.numel());
  if (computeViewStrides(this.shape, this._strides, shape)) return viewImpl(this, shape, 'ViewBackward0');
  // ATen: _unsafe_view(self.clone(at::MemoryFormat::Contiguous), shape).
  const c = this.clone({ memory_format: contiguous_format });
  const out = makeView(c, shape, undefinedStrides(shape), 0);
  out._base = null;
  const inShape = this.shape;
  // PyTorch records the copy as CloneBackward0 followed by UnsafeViewBackward0.
  record('UnsafeViewBackward0', [c], [out], ([g]) => [g!.reshape(inShape)]);
  return out;
};
function undefinedStrides(shape: readonly number[]): number[] {
  const s: number[] = new Array(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= Math.max(shape[i]!, 1);
  }
  return s;
}
P.reshape_as = function (this: Tensor, other) {
  return this.reshape(other.shape);
};

P.transpose = function (this: Tensor, dim0, dim1) {
  const n = this.dim();
  const a = normalizeDim(dim0, n);
  const b = normalizeDim(dim1, n);
  const shape = [...this.shape];
  const strides = [...this._strides];
  if (n > 0) {
    [shape[a], shape[b]] = [shape[b]!, shape[a]!];
    [strides[a], strides[b]] = [strides[b]!, strides[a]!];
  }
  const out = makeView(this, shape, strides, this._offset);
  record('TransposeBackward0', [this], [out], ([g]) => [g!.transpose(dim0, dim1)]);
  return out;
};
P.t = function (this: Tensor) {
  if (this.dim() > 2) throw new RuntimeError(`t() expects a tensor with <= 2 dimensions, but self is ${this.dim()}D`);
  if (this.dim() < 2) {
    const out = makeView(this, this.shape, this._strides, this._offset);
    record('TBackward0', [this], [out], ([g]) => [g!]);
    return out;
  }
  const out = makeView(this, [this.shape[1]!, this.shape[0]!], [this._strides[1]!, this._strides[0]!], this._offset);
  record('TBackward0', [this], [out], ([g]) => [g!.t()]);
  return out;
};
Object.defineProperty(P, 'T', {
  get(this: Tensor) {
    return this.permute([...this.shape.keys()].reverse());
  },
});
Object.defineProperty(P, 'mT', {
  get(this: Tensor) {
    if (this.dim() < 2) throw new RuntimeError(`tensor.mT is only supported on matrices or batches of matrices. Got ${this.dim()}-D tensor.`);
    return this.transpose(-2, -1);
  },
});

P.permute = function (this: Tensor, ...args) {
  const dims = sizesFrom(args);
  const n = this.dim();
  if (dims.length !== n) {
    throw new RuntimeError(
      `permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${n} is not equal to len(dims) = ${dims.length}`,
    );
  }
  const nd = dims.map((d) => normalizeDim(d, n));
  if (new Set(nd).size !== nd.length) throw new RuntimeError('permute(): duplicate dims are not allowed.');
  const out = makeView(this, nd.map((d) => this.shape[d]!), nd.map((d) => this._strides[d]!), this._offset);
  const inv = new Array<number>(n);
  nd.forEach((d, i) => (inv[d] = i));
  record('PermuteBackward0', [this], [out], ([g]) => [g!.permute(inv)]);
  return out;
};

P.expand = function (this: Tensor, ...args) {
  const sizes = sizesFrom(args);
  const n = this.dim();
  if (sizes.length < n) {
    throw new RuntimeError(
      `expand(${this._legacyTypeName()}{[${this.shape.join(', ')}]}, size=[${sizes.join(', ')}]): the number of sizes provided (${sizes.length}) must be greater or equal to the number of dimensions in the tensor (${n})`,
    );
  }
  const k = sizes.length - n;
  const shape: number[] = [];
  const strides: number[] = [];
  sizes.forEach((s, i) => {
    const j = i - k;
    if (j < 0) {
      if (s < 0) throw new RuntimeError(`The expanded size of the tensor (${s}) isn't allowed in a leading, non-existing dimension ${i}`);
      shape.push(s);
      strides.push(0);
      return;
    }
    const cur = this.shape[j]!;
    const target = s === -1 ? cur : s;
    if (cur !== target) {
      if (cur !== 1) {
        throw new RuntimeError(
          `The expanded size of the tensor (${target}) must match the existing size (${cur}) at non-singleton dimension ${i}.  Target sizes: [${sizes.join(', ')}].  Tensor sizes: [${this.shape.join(', ')}]`,
        );
      }
      shape.push(target);
      strides.push(0);
    } else {
      shape.push(cur);
      strides.push(this._strides[j]!);
    }
  });
  const out = makeView(this, shape, strides, this._offset);
  const inShape = this.shape;
  record('ExpandBackward0', [this], [out], ([g]) => [sumToShape(g!, inShape)]);
  return out;
};
P.expand_as = function (this: Tensor, other) {
  return this.expand(other.shape);
};

P.squeeze = function (this: Tensor, dim) {
  const n = this.dim();
  const dims = dim === undefined ? null : (typeof dim === 'number' ? [dim] : [...dim]).map((d) => normalizeDim(d, n));
  const shape: number[] = [];
  const strides: number[] = [];
  this.shape.forEach((s, i) => {
    if (s === 1 && (dims === null || dims.includes(i))) return;
    shape.push(s);
    strides.push(this._strides[i]!);
  });
  const out = makeView(this, shape, strides, this._offset);
  const inShape = this.shape;
  record(dim === undefined ? 'SqueezeBackward0' : 'SqueezeBackward1', [this], [out], ([g]) => [g!.reshape(inShape)]);
  return out;
};
P.unsqueeze = function (this: Tensor, dim) {
  const d = normalizeDim(dim, this.dim() + 1);
  const shape = [...this.shape];
  const strides = [...this._strides];
  const st = d < this.dim() ? this.shape[d]! * this._strides[d]! : 1;
  shape.splice(d, 0, 1);
  strides.splice(d, 0, st);
  const out = makeView(this, shape, strides, this._offset);
  record('UnsqueezeBackward0', [this], [out], ([g]) => [g!.squeeze(d)]);
  return out;
};
P.flatten = function (this: Tensor, start_dim = 0, end_dim = -1) {
  if (this.dim() === 0) return this.reshape([1]);
  const s = normalizeDim(start_dim, this.dim());
  const e = normalizeDim(end_dim, this.dim());
  if (s > e) throw new RuntimeError('flatten() has invalid args: start_dim cannot come after end_dim');
  if (s === e) return this;
  const shape = [...this.shape.slice(0, s), numelOf(this.shape.slice(s, e + 1)), ...this.shape.slice(e + 1)];
  return this.reshape(shape);
};
P.unflatten = function (this: Tensor, dim, sizes) {
  const d = normalizeDim(dim, this.dim());
  const inferred = inferSize(sizes, this.shape[d]!);
  return this.view([...this.shape.slice(0, d), ...inferred, ...this.shape.slice(d + 1)]);
};

/** Gradient of a view that drops elements: scatter `g` into zeros of the input's shape. */
function viewScatterBackward(g: Tensor, input: { shape: readonly number[] }, view: (z: Tensor) => Tensor): Tensor {
  const z = full(input.shape, 0, { dtype: g.dtype, device: g.backend });
  const target = view(z);
  runKernel(Assign, { dst: target, src: g }, {});
  record('SliceBackwardScatter', [g], [z], ([gz]) => [view(gz!)]);
  return z;
}

P.narrow = function (this: Tensor, dim, start, length) {
  const d = normalizeDim(dim, this.dim());
  const size = this.shape[d]!;
  const st = start < 0 ? start + size : start;
  if (st < 0 || st > size) throw new IndexError(`start out of range (expected to be in range of [${-size}, ${size}], but got ${start})`);
  if (st + length > size) throw new RuntimeError(`start (${st}) + length (${length}) exceeds dimension size (${size}).`);
  return sliceImpl(this, d, st, st + length, 1);
};

function sliceImpl(self: Tensor, d: number, start: number, end: number, step: number): Tensor {
  const shape = [...self.shape];
  const strides = [...self._strides];
  const len = end > start ? Math.ceil((end - start) / step) : 0;
  shape[d] = len;
  strides[d] = self._strides[d]! * step;
  const out = makeView(self, shape, strides, self._offset + start * self._strides[d]!);
  const inShape = self.shape;
  record('SliceBackward0', [self], [out], ([g]) => [
    viewScatterBackward(g!, { shape: inShape }, (z) => sliceImpl(z, d, start, end, step)),
  ]);
  return out;
}

P.slice = function (this: Tensor, dim, start = null, end = null, step = 1) {
  if (step <= 0) throw new ValueErrorPy('step must be greater than zero');
  const d = normalizeDim(dim, this.dim());
  const size = this.shape[d]!;
  const clamp = (v: number): number => Math.min(Math.max(v < 0 ? v + size : v, 0), size);
  const s = start == null ? 0 : clamp(start);
  const e = end == null ? size : clamp(end);
  return sliceImpl(this, d, s, Math.max(e, s), step);
};

P.select = function (this: Tensor, dim, index) {
  if (this.dim() === 0) throw new IndexError('select() cannot be applied to a 0-dim tensor.');
  const d = normalizeDim(dim, this.dim());
  const size = this.shape[d]!;
  if (index < -size || index >= size) {
    throw new IndexError(`select(): index ${index} out of range for tensor of size [${this.shape.join(', ')}] at dimension ${d}`);
  }
  const i = index < 0 ? index + size : index;
  const shape = [...this.shape];
  const strides = [...this._strides];
  shape.splice(d, 1);
  strides.splice(d, 1);
  const out = makeView(this, shape, strides, this._offset + i * this._strides[d]!);
  const inShape = this.shape;
  record('SelectBackward0', [this], [out], ([g]) => [viewScatterBackward(g!, { shape: inShape }, (z) => z.select(d, i))]);
  return out;
};

P.as_strided = function (this: Tensor, size, stride, storage_offset) {
  const off = storage_offset ?? this._offset;
  let maxIdx = off;
  size.forEach((s, i) => {
    if (s > 0) maxIdx += (s - 1) * stride[i]!;
  });
  if (numelOf(size) > 0 && maxIdx >= this._storage.numel) {
    throw new RuntimeError(
      `setStorage: sizes [${size.join(', ')}], strides [${stride.join(', ')}], storage offset ${off}, and itemsize ${this.dtype.itemsize} requiring a storage size of ${(maxIdx + 1) * this.dtype.itemsize} are out of bounds for storage of size ${this._storage.numel * this.dtype.itemsize}`,
    );
  }
  const out = makeView(this, size, stride, off);
  const inShape = this.shape;
  const inStrides = this._strides;
  const inOff = this._offset;
  record('AsStridedBackward0', [this], [out], ([g]) => [
    viewScatterBackward(g!, { shape: inShape }, (z) => {
      // Re-express the view relative to a contiguous tensor of the input's shape.
      if (!isContiguousLayout(inShape, inStrides) || inOff !== 0) {
        throw new RuntimeError('as_strided backward is only supported for inputs that are contiguous with storage offset 0');
      }
      return z.as_strided(size, stride, off);
    }),
  ]);
  return out;
};

P.contiguous = function (this: Tensor, opts) {
  const format = memoryFormatArg(opts?.memory_format, 'contiguous', contiguous_format, false);
  if (isContiguousAs(this.shape, this._strides, format)) return this;
  if (format === preserve_format) throw new RuntimeError('preserve memory format is unsupported by the contiguous operator');
  return this.clone({ memory_format: format });
};
P.clone = function (this: Tensor, opts) {
  const format = memoryFormatArg(opts?.memory_format, 'clone', preserve_format);
  return this._copyWithStrides(stridesLike(this.shape, this._strides, format));
};
P._copyWithStrides = function (this: Tensor, strides) {
  const out = runLaidOut(Contiguous, { x: this }, {}, this.shape, strides);
  record('CloneBackward0', [this], [out], ([g]) => [g!]);
  return out;
};

P.split = function (this: Tensor, sizeOrSections, dim = 0) {
  const d = normalizeDim(dim, this.dim());
  const size = this.shape[d]!;
  const r: Tensor[] = [];
  if (typeof sizeOrSections === 'number') {
    if (sizeOrSections <= 0 && size > 0) throw new RuntimeError(`split_size can only be 0 if dimension size is 0, but got dimension size of ${size}`);
    for (let s = 0; s < size || (s === 0 && size === 0); s += sizeOrSections || 1) {
      r.push(this.narrow(d, s, Math.min(sizeOrSections, size - s)));
      if (size === 0) break;
    }
    return r;
  }
  const total = sizeOrSections.reduce((a, b) => a + b, 0);
  if (total !== size) {
    throw new RuntimeError(
      `split_with_sizes expects split_sizes to sum exactly to ${size} (input tensor's size at dimension ${d}), but got split_sizes=[${sizeOrSections.join(', ')}]`,
    );
  }
  let s = 0;
  for (const len of sizeOrSections) {
    r.push(this.narrow(d, s, len));
    s += len;
  }
  return r;
};
P.chunk = function (this: Tensor, chunks, dim = 0) {
  if (chunks <= 0) throw new RuntimeError('chunk expects `chunks` to be greater than 0, got: ' + chunks);
  const d = normalizeDim(dim, this.dim());
  const each = Math.ceil(this.shape[d]! / chunks);
  return this.split(Math.max(each, 1), d);
};
P.unbind = function (this: Tensor, dim = 0) {
  const d = normalizeDim(dim, this.dim());
  const r: Tensor[] = [];
  for (let i = 0; i < this.shape[d]!; i++) r.push(this.select(d, i));
  return r;
};
P.movedim = function (this: Tensor, source, destination) {
  const n = this.dim();
  const s = normalizeDim(source, n);
  const d = normalizeDim(destination, n);
  const order = [...Array(n).keys()].filter((i) => i !== s);
  order.splice(d, 0, s);
  return this.permute(order);
};

/** Sums a broadcast gradient back to `shape` (the backward of broadcasting). */
export function sumToShape(g: Tensor, shape: readonly number[]): Tensor {
  if (g.shape.length === shape.length && g.shape.every((s, i) => s === shape[i])) return g;
  const lead = g.dim() - shape.length;
  const dims: number[] = [];
  for (let i = 0; i < g.dim(); i++) {
    if (i < lead) dims.push(i);
    else if (shape[i - lead] === 1 && g.shape[i] !== 1) dims.push(i);
  }
  let r = dims.length ? g.sum(dims, true) : g;
  if (lead > 0) r = r.reshape(shape);
  return r;
}

import { ValueError as ValueErrorPy } from '../errors.js';
