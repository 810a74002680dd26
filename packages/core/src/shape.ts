/** Shape arithmetic shared by ops and kernels: broadcasting, strides, dim wrapping. */
import { IndexError, RuntimeError } from './errors.js';

/** Number of elements of a shape (1 for a scalar shape `[]`). */
export function numelOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major (C-contiguous) strides of a shape, as PyTorch computes them. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= Math.max(shape[i]!, 1);
  }
  return s;
}

/** True when `strides` describe a dense row-major layout of `shape` (size-1 dims ignored, like PyTorch). */
export function isContiguousLayout(shape: readonly number[], strides: readonly number[]): boolean {
  let expected = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = shape[i]!;
    if (d === 0) return true;
    if (d !== 1) {
      if (strides[i] !== expected) return false;
      expected *= d;
    }
  }
  return true;
}

/**
 * True when a strided view reads `numel` consecutive elements from its offset: its shape and
 * strides form a dense row-major layout ({@link isContiguousLayout}). Backends use it to pass
 * dense views of a buffer without gathering them.
 */
export function isDenseView(view: { readonly shape: readonly number[]; readonly strides: readonly number[] }): boolean {
  return isContiguousLayout(view.shape, view.strides);
}

/** Output shape of a reduction of `shape` over `axes` (normalized dims): reduced dims dropped, or kept as 1 with `keepdim`. */
export function reducedShape(shape: readonly number[], axes: readonly number[], keepdim: boolean): number[] {
  const r: number[] = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) r.push(d);
    else if (keepdim) r.push(1);
  });
  return r;
}

/**
 * Wraps a possibly negative dim into `[0, ndim)`, raising PyTorch's IndexError text otherwise.
 * Scalars accept dims -1 and 0, as in PyTorch.
 */
export function normalizeDim(dim: number, ndim: number): number {
  const n = Math.max(ndim, 1);
  if (!Number.isInteger(dim)) throw new TypeError(`'dim' must be an integer, got ${dim}`);
  if (dim < -n || dim >= n) {
    throw new IndexError(`Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`);
  }
  return dim < 0 ? dim + n : dim;
}

/** Broadcasts two shapes with PyTorch's rule and error text. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const ai = i - (n - a.length);
    const bi = i - (n - b.length);
    const da = ai >= 0 ? a[ai]! : 1;
    const db = bi >= 0 ? b[bi]! : 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new RuntimeError(
        `The size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${i}`,
      );
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Strides that read a tensor of `shape`/`strides` as if expanded to `outShape` (0 on broadcast dims). */
export function broadcastStrides(shape: readonly number[], strides: readonly number[], outShape: readonly number[]): number[] {
  const n = outShape.length;
  const r = new Array<number>(n).fill(0);
  const off = n - shape.length;
  for (let i = 0; i < shape.length; i++) r[i + off] = shape[i] === 1 && outShape[i + off] !== 1 ? 0 : strides[i]!;
  return r;
}

/** `torch.Size`-style text: `[2, 3]`. */
export function shapeToString(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** Validates a user-supplied size list (non-negative integers). */
export function checkShape(shape: readonly number[], what = 'size'): number[] {
  for (const d of shape) {
    if (!Number.isInteger(d)) throw new TypeError(`'${what}' must contain integers, got ${String(d)}`);
    if (d < 0) throw new RuntimeError(`Trying to create tensor with negative dimension ${d}: [${shape.join(', ')}]`);
  }
  return [...shape];
}
