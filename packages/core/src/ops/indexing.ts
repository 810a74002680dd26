/** cat, stack, gather, scatter_add, index_select, index_add, tril/triu and their gradients. */
import { record } from '../autograd/function.js';
import { int64, promoteTypes } from '../dtype.js';
import { IndexError, RuntimeError } from '../errors.js';
import * as K from '../kernels/names.js';
import { normalizeDim } from '../shape.js';
import { runKernel } from '../tensor/dispatch.js';
import { Tensor } from '../tensor/tensor.js';
import { arange } from './creation.js';
import { where } from './elementwise.js';

declare module '../tensor/tensor.js' {
  interface Tensor {
    gather(dim: number, index: Tensor): Tensor;
    scatter_add(dim: number, index: Tensor, src: Tensor): Tensor;
    index_select(dim: number, index: Tensor): Tensor;
    index_add(dim: number, index: Tensor, source: Tensor, opts?: { alpha?: number }): Tensor;
    tril(diagonal?: number): Tensor;
    triu(diagonal?: number): Tensor;
  }
}

/** `torch.cat(tensors, dim=0)`. */
export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw new RuntimeError('torch.cat(): expected a non-empty list of Tensors');
  // Legacy rule: 1-D empty tensors are skipped.
  const parts = tensors.filter((t) => !(t.dim() === 1 && t.shape[0] === 0));
  if (parts.length === 0) return tensors[0]!;
  const ref = parts[0]!;
  if (ref.dim() === 0) throw new RuntimeError(`zero-dimensional tensor (at position ${tensors.indexOf(ref)}) cannot be concatenated`);
  const d = normalizeDim(dim, ref.dim());
  let dtype = ref.dtype;
  for (const t of parts) dtype = promoteTypes(dtype, t.dtype);
  parts.forEach((t, i) => {
    if (t.dim() !== ref.dim()) {
      throw new RuntimeError(`Tensors must have same number of dimensions: got ${ref.dim()} and ${t.dim()}`);
    }
    for (let j = 0; j < t.dim(); j++) {
      if (j !== d && t.shape[j] !== ref.shape[j]) {
        throw new RuntimeError(`Sizes of tensors must match except in dimension ${d}. Expected size ${ref.shape[j]} but got size ${t.shape[j]} for tensor number ${i} in the list.`);
      }
    }
  });
  const cast = parts.map((t) => (t.dtype === dtype ? t : t.to(dtype)));
  const [r] = runKernel(K.Concat, { tensors: cast }, { axis: d });
  const out = new Tensor(r!.storage, r!.shape);
  const sizes = parts.map((t) => t.shape[d]!);
  record('CatBackward0', parts, [out], ([g]) => g!.split(sizes, d));
  return out;
}

/** `torch.stack(tensors, dim=0)`. */
export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw new RuntimeError('stack expects a non-empty TensorList');
  const ref = tensors[0]!;
  tensors.forEach((t, i) => {
    if (t.shape.length !== ref.shape.length || t.shape.some((s, j) => s !== ref.shape[j])) {
      throw new RuntimeError(`stack expects each tensor to be equal size, but got [${ref.shape.join(', ')}] at entry 0 and [${t.shape.join(', ')}] at entry ${i}`);
    }
  });
  const d = normalizeDim(dim, ref.dim() + 1);
  return cat(tensors.map((t) => t.unsqueeze(d)), d);
}

function checkIndex(index: Tensor, op: string): void {
  if (index.dtype !== int64) throw new RuntimeError(`${op}(): Expected dtype int64 for index`);
}

const P = Tensor.prototype;

P.gather = function (this: Tensor, dim, index) {
  checkIndex(index, 'gather');
  const d = normalizeDim(dim, this.dim());
  if (index.dim() !== this.dim() && !(index.dim() <= 1 && this.dim() <= 1)) {
    throw new RuntimeError('Index tensor must have the same number of dimensions as input tensor');
  }
  const [r] = runKernel(K.Gather, { x: this, index }, { axis: d });
  const out = new Tensor(r!.storage, r!.shape);
  const shape = this.shape;
  record('GatherBackward0', [this], [out], ([g]) => [
    runZeros(shape, g!).scatter_add(d, index, g!),
  ]);
  return out;
};
function runZeros(shape: readonly number[], like: Tensor): Tensor {
  return fullZeros(shape, like);
}
import { full } from './creation.js';
function fullZeros(shape: readonly number[], like: Tensor): Tensor {
  return full(shape, 0, { dtype: like.dtype, device: like.backend });
}

P.scatter_add = function (this: Tensor, dim, index, src) {
  checkIndex(index, 'scatter_add');
  const d = normalizeDim(dim, this.dim());
  if (src.dtype !== this.dtype) throw new RuntimeError(`scatter_add(): Expected self.dtype to be equal to src.dtype`);
  const [r] = runKernel(K.ScatterAdd, { x: this, index, src }, { axis: d });
  const out = new Tensor(r!.storage, r!.shape);
  record('ScatterAddBackward0', [this, src], [out], ([g]) => [g!, g!.gather(d, index)]);
  return out;
};

P.index_select = function (this: Tensor, dim, index) {
  if (index.dtype !== int64 && index.dtype.name !== 'int32') {
    throw new RuntimeError('index_select(): Expected dtype int32 or int64 for index');
  }
  if (index.dim() > 1) throw new IndexError('index_select(): Index is supposed to be a vector');
  const idx = index.dtype === int64 ? index : index.long();
  const d = normalizeDim(dim, this.dim());
  const [r] = runKernel(K.IndexSelect, { x: this, index: idx.reshape(-1) }, { axis: d });
  const out = new Tensor(r!.storage, r!.shape);
  const shape = this.shape;
  record('IndexSelectBackward0', [this], [out], ([g]) => [fullZeros(shape, g!).index_add(d, idx.reshape(-1), g!)]);
  return out;
};

P.index_add = function (this: Tensor, dim, index, source, opts) {
  const d = normalizeDim(dim, this.dim());
  const src = opts?.alpha !== undefined && opts.alpha !== 1 ? source.mul(opts.alpha) : source;
  const [r] = runKernel(K.IndexAdd, { x: this, index, src }, { axis: d });
  const out = new Tensor(r!.storage, r!.shape);
  record('IndexAddBackward0', [this, src], [out], ([g]) => [g!, g!.index_select(d, index)]);
  return out;
};

function triangle(self: Tensor, diagonal: number, lower: boolean, name: string): Tensor {
  if (self.dim() < 2) throw new RuntimeError(`${lower ? 'tril' : 'triu'}: input tensor must have at least 2 dimensions`);
  const rows = self.shape[self.dim() - 2]!;
  const cols = self.shape[self.dim() - 1]!;
  const r = arange(rows, { device: self.backend }).unsqueeze(1);
  const c = arange(cols, { device: self.backend }).unsqueeze(0);
  const keep = lower ? c.sub(r).le(diagonal) : c.sub(r).ge(diagonal);
  const zero = full([], 0, { dtype: self.dtype, device: self.backend });
  const out = where(keep, self.detach(), zero);
  record(name, [self], [out], ([g]) => [where(keep, g!, zero.to(g!.dtype))]);
  return out;
}
P.tril = function (this: Tensor, diagonal = 0) {
  return triangle(this, diagonal, true, 'TrilBackward0');
};
P.triu = function (this: Tensor, diagonal = 0) {
  return triangle(this, diagonal, false, 'TriuBackward0');
};
