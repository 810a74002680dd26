/** matmul / mm / bmm with PyTorch's batching rules, and their gradients. */
import { needsGrad, record, save } from '../autograd/function.js';
import { no_grad } from '../autograd/grad_mode.js';
import { RuntimeError } from '../errors.js';
import { getKernel } from '../backend/registry.js';
import { Addmm, BatchMatMul } from '../kernels/names.js';
import { broadcastShapes, numelOf } from '../shape.js';
import { runKernel } from '../tensor/dispatch.js';
import { Tensor } from '../tensor/tensor.js';
import { promoteOperands } from './elementwise.js';
import { sumToShape } from './views.js';

declare module '../tensor/tensor.js' {
  interface Tensor {
    /** `tensor.matmul(other)` (1-D, 2-D and batched, with broadcasting of batch dims). */
    matmul(other: Tensor): Tensor;
    /** `tensor.mm(mat2)`: 2-D only. */
    mm(mat2: Tensor): Tensor;
    /** `tensor.bmm(mat2)`: 3-D with equal batch sizes. */
    bmm(mat2: Tensor): Tensor;
    /** `tensor.dot(other)`: 1-D inner product. */
    dot(other: Tensor): Tensor;
    /** `tensor.mv(vec)`. */
    mv(vec: Tensor): Tensor;
    /** `tensor.addmm(mat1, mat2, *, beta=1, alpha=1)`: beta * self + alpha * (mat1 @ mat2), one grad node. */
    addmm(mat1: Tensor, mat2: Tensor, opts?: { beta?: number; alpha?: number }): Tensor;
  }
}

function checkDtypes(a: Tensor, b: Tensor): void {
  if (a.dtype !== b.dtype) {
    throw new RuntimeError(`expected scalar type ${typeLabel(a)} but found ${typeLabel(b)}`);
  }
}
function typeLabel(t: Tensor): string {
  return t._legacyTypeName().replace('torch.', '').replace('Tensor', '');
}

/** Runs the BatchMatMul kernel on [B,n,k] x [B,k,m] (views are built without recording). */
function kernelBmm(a3: Tensor, b3: Tensor): Tensor {
  const [r] = runKernel(BatchMatMul, { a: a3, b: b3 }, {});
  return new Tensor(r!.storage, r!.shape);
}

/** Batched product of 3-D tensors with one grad node (`BmmBackward0`). */
function bmmCore(a: Tensor, b: Tensor, name: string): Tensor {
  const out = kernelBmm(a, b);
  const sa = save(a);
  const sb = save(b);
  record(
    name,
    [a, b],
    [out],
    ([g]) => [
      a.requires_grad ? sumToShape(g!.bmmRaw(sb.unpack().transpose(1, 2)), a.shape) : null,
      b.requires_grad ? sumToShape(sa.unpack().transpose(1, 2).bmmRaw(g!), b.shape) : null,
    ],
    [sa, sb],
  );
  return out;
}

declare module '../tensor/tensor.js' {
  interface Tensor {
    /** @internal batched matmul over 3-D views whose batch dims may be expanded (stride 0). */
    bmmRaw(other: Tensor): Tensor;
  }
}

const P = Tensor.prototype;

P.bmmRaw = function (this: Tensor, other) {
  // Batch dims that were broadcast (stride 0) sum their gradient back through sumToShape.
  const B = Math.max(this.shape[0]!, other.shape[0]!);
  const a = this.shape[0] === B ? this : this.expand(B, -1, -1);
  const b = other.shape[0] === B ? other : other.expand(B, -1, -1);
  return bmmCore(a, b, 'BmmBackward0');
};

P.mm = function (this: Tensor, mat2) {
  if (this.dim() !== 2) throw new RuntimeError('self must be a matrix');
  if (mat2.dim() !== 2) throw new RuntimeError('mat2 must be a matrix');
  if (this.shape[1] !== mat2.shape[0]) {
    throw new RuntimeError(
      `mat1 and mat2 shapes cannot be multiplied (${this.shape[0]}x${this.shape[1]} and ${mat2.shape[0]}x${mat2.shape[1]})`,
    );
  }
  checkDtypes(this, mat2);
  const a = this;
  const b = mat2;
  const out3 = no_grad(() => kernelBmm(a.unsqueeze(0), b.unsqueeze(0)));
  const out = new Tensor(out3._storage, [a.shape[0]!, b.shape[1]!]);
  const sa = save(a);
  const sb = save(b);
  const aLayout = columnMajor(a);
  const bLayout = columnMajor(b);
  record('MmBackward0', [a, b], [out], ([g]) => [
    a.requires_grad ? mat1Backward(g!, sb.unpack(), aLayout, 1) : null,
    b.requires_grad ? mat2Backward(g!, sa.unpack(), bLayout, 1) : null,
  ], [sa, sb]);
  return out;
};

P.bmm = function (this: Tensor, mat2) {
  if (this.dim() !== 3) throw new RuntimeError(`batch1 must be a 3D tensor`);
  if (mat2.dim() !== 3) throw new RuntimeError(`batch2 must be a 3D tensor`);
  if (this.shape[0] !== mat2.shape[0]) {
    throw new RuntimeError(`Expected size for first two dimensions of batch2 tensor to be: [${this.shape[0]}, ${this.shape[2]}] but got: [${mat2.shape[0]}, ${mat2.shape[1]}].`);
  }
  if (this.shape[2] !== mat2.shape[1]) {
    throw new RuntimeError(`Expected size for first two dimensions of batch2 tensor to be: [${this.shape[0]}, ${this.shape[2]}] but got: [${mat2.shape[0]}, ${mat2.shape[1]}].`);
  }
  checkDtypes(this, mat2);
  return bmmCore(this, mat2, 'BmmBackward0');
};

P.dot = function (this: Tensor, other) {
  if (this.dim() !== 1 || other.dim() !== 1) {
    throw new RuntimeError(`1D tensors expected, but got ${this.dim()}D and ${other.dim()}D tensors`);
  }
  if (this.shape[0] !== other.shape[0]) {
    throw new RuntimeError(`inconsistent tensor size, expected tensor [${this.shape[0]}] and src [${other.shape[0]}] to have the same number of elements, but got ${this.shape[0]} and ${other.shape[0]} elements respectively`);
  }
  checkDtypes(this, other);
  return this.unsqueeze(0).mm(other.unsqueeze(1)).reshape([]);
};

P.mv = function (this: Tensor, vec) {
  if (this.dim() !== 2 || vec.dim() !== 1) throw new RuntimeError(`vector + matrix @ vector expected, got 1, ${this.dim()}, ${vec.dim()}`);
  if (this.shape[1] !== vec.shape[0]) {
    throw new RuntimeError(`size mismatch, got input (${this.shape[0]}), mat (${this.shape[0]}x${this.shape[1]}), vec (${vec.shape[0]})`);
  }
  return this.mm(vec.unsqueeze(1)).squeeze(1);
};

P.matmul = function (this: Tensor, other) {
  const da = this.dim();
  const db = other.dim();
  if (da === 0 || db === 0) {
    throw new RuntimeError(`both arguments to matmul need to be at least 1D, but they are ${da}D and ${db}D`);
  }
  if (this.dtype !== other.dtype) {
    const { tensors } = promoteOperands([this, other], this);
    if (tensors[0]!.dtype !== this.dtype || tensors[1]!.dtype !== other.dtype) checkDtypes(this, other);
  }
  if (da === 1 && db === 1) return this.dot(other);
  if (da === 2 && db === 1) return this.mv(other);
  if (da === 1 && db === 2) return this.unsqueeze(0).mm(other).squeeze(0);
  if (da === 2 && db === 2) return this.mm(other);
  // Batched: broadcast batch dims, fold them into one, run bmm, unfold.
  const a = da === 1 ? this.unsqueeze(0) : this;
  const b = db === 1 ? other.unsqueeze(1) : other;
  const n = a.shape[a.dim() - 2]!;
  const k = a.shape[a.dim() - 1]!;
  const k2 = b.shape[b.dim() - 2]!;
  const m = b.shape[b.dim() - 1]!;
  if (k !== k2) {
    throw new RuntimeError(`Expected size for first two dimensions of batch2 tensor to be: [${numelOf(a.shape.slice(0, -2))}, ${k}] but got: [${numelOf(b.shape.slice(0, -2))}, ${k2}].`);
  }
  const batch = broadcastShapes(a.shape.slice(0, -2), b.shape.slice(0, -2));
  const B = numelOf(batch);
  const a3 = a.expand([...batch, n, k]).reshape(B, n, k);
  const b3 = b.expand([...batch, k, m]).reshape(B, k, m);
  let out = a3.bmm(b3).view([...batch, n, m]);
  if (da === 1) out = out.squeeze(-2);
  if (db === 1) out = out.squeeze(-1);
  return out;
};

/**
 * `torch.addmm(input, mat1, mat2, *, beta=1, alpha=1)`: what `F.linear` runs for 2-D inputs, so
 * the result's grad_fn is `AddmmBackward0` as in PyTorch.
 *
 * @example
 * addmm(bias, x, weight.t()); // x @ weight.T + bias
 */
export function addmm(input: Tensor, mat1: Tensor, mat2: Tensor, opts: { beta?: number; alpha?: number } = {}): Tensor {
  const beta = opts.beta ?? 1;
  const alpha = opts.alpha ?? 1;
  if (mat1.dim() !== 2) throw new RuntimeError('mat1 must be a matrix, got ' + mat1.dim() + '-D tensor');
  if (mat2.dim() !== 2) throw new RuntimeError('mat2 must be a matrix, got ' + mat2.dim() + '-D tensor');
  if (mat1.shape[1] !== mat2.shape[0]) {
    throw new RuntimeError(`mat1 and mat2 shapes cannot be multiplied (${mat1.shape[0]}x${mat1.shape[1]} and ${mat2.shape[0]}x${mat2.shape[1]})`);
  }
  checkDtypes(mat1, mat2);
  const outShape = [mat1.shape[0]!, mat2.shape[1]!];
  if (!broadcastsTo2(input.shape, outShape)) broadcastShapes(input.shape, outShape); // throws PyTorch's error
  const out = addmmKernel(input, mat1, mat2, alpha, beta, outShape) ?? no_grad(() => {
    const prod = new Tensor(kernelBmm(mat1.unsqueeze(0), mat2.unsqueeze(0))._storage, outShape);
    const scaled = alpha === 1 ? prod : prod.mul(alpha);
    const b = beta === 1 ? input : input.mul(beta);
    return beta === 0 ? scaled : scaled.add(b.to(scaled.dtype));
  });
  // Under no_grad (or with no input requiring grad) record() would return at once: skip the
  // saved-tensor objects and the backward closure it would be handed.
  if (!needsGrad([input, mat1, mat2])) return out;
  const s1 = save(mat1);
  const s2 = save(mat2);
  const layout1 = columnMajor(mat1);
  const layout2 = columnMajor(mat2);
  record('AddmmBackward0', [input, mat1, mat2], [out], ([g]) => [
    input.requires_grad ? sumToShape(beta === 1 ? g! : g!.mul(beta), input.shape) : null,
    mat1.requires_grad ? mat1Backward(g!, s2.unpack(), layout1, alpha) : null,
    mat2.requires_grad ? mat2Backward(g!, s1.unpack(), layout2, alpha) : null,
  ], [s1, s2]);
  return out;
}

/**
 * ATen's layout test in mm_mat1_backward / mm_mat2_backward: a matrix whose strides are those
 * of a column-major layout (`w.t()` of a contiguous Linear weight) gets its gradient computed
 * column-major too, so the gradient of `weight` comes out contiguous with no transpose copy.
 */
function columnMajor(m: Tensor): boolean {
  return m._strides[0] === 1 && m._strides[1] === m.shape[0];
}

/** `alpha * t`, skipped for 1 (ATen's maybe_multiply: the scale is applied after the product). */
function maybeMultiply(t: Tensor, alpha: number): Tensor {
  return alpha === 1 ? t : t.mul(alpha);
}

/** ATen's mm_mat1_backward: grad @ mat2ᵀ, or (mat2 @ gradᵀ)ᵀ for a column-major mat1. */
function mat1Backward(grad: Tensor, mat2: Tensor, colMajor: boolean, alpha: number): Tensor {
  return maybeMultiply(colMajor ? mat2.mm(grad.t()).t() : grad.mm(mat2.t()), alpha);
}

/** ATen's mm_mat2_backward: mat1ᵀ @ grad, or (gradᵀ @ mat1)ᵀ for a column-major mat2. */
function mat2Backward(grad: Tensor, mat1: Tensor, colMajor: boolean, alpha: number): Tensor {
  return maybeMultiply(colMajor ? grad.t().mm(mat1).t() : mat1.t().mm(grad), alpha);
}

/** True when `shape` (rank ≤ 2) broadcasts to the 2-D `out` (the common bias case, no allocation). */
function broadcastsTo2(shape: readonly number[], out: readonly number[]): boolean {
  const r = shape.length;
  if (r > 2) return false;
  for (let i = 0; i < r; i++) {
    const d = shape[i]!;
    if (d !== 1 && d !== out[2 - r + i]) return false;
  }
  return true;
}

/**
 * The fused Addmm kernel's result, when the operands share a float32/float64 dtype and their
 * backend registers Addmm; else null (core then composes BatchMatMul, Mul and Add, which every
 * backend has, rather than copying to the reference backend).
 */
function addmmKernel(input: Tensor, mat1: Tensor, mat2: Tensor, alpha: number, beta: number, outShape: number[]): Tensor | null {
  const dt = mat1.dtype;
  if (input.dtype !== dt || (dt.name !== 'float32' && dt.name !== 'float64') || input.dim() > 2) return null;
  const backend = mat1._storage.backend;
  if (input._storage.backend !== backend || mat2._storage.backend !== backend || !getKernel(Addmm, backend.name)) return null;
  const [r] = runKernel(Addmm, { bias: input, a: mat1, b: mat2 }, { alpha, beta });
  return new Tensor(r!.storage, outShape);
}

P.addmm = function (this: Tensor, mat1, mat2, opts) {
  return addmm(this, mat1, mat2, opts);
};
