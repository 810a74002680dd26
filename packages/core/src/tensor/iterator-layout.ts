/**
 * The strides ATen's TensorIterator gives the output of an elementwise op
 * (TensorIteratorBase::fast_set_up, compute_strides, reorder_dimensions and
 * allocate_or_resize_outputs in aten/src/ATen/TensorIterator.cpp, PyTorch 1.13): operands of one
 * shape that are all contiguous, all channels_last, or all dense with equal strides hand their
 * layout on; otherwise the dims are sorted by the operands' strides (the first operand that
 * tells two dims apart decides; broadcast dims never decide) and the output is laid out dense
 * in that order.
 */
import { isContiguousLayout } from '../shape.js';
import { channelsLastStrides, insertionSort, isChannelsLastContiguous, isNonOverlappingAndDense } from './layout.js';

/** What the layout rules read of an operand. */
export interface LayoutOperand {
  readonly shape: readonly number[];
  readonly _strides: readonly number[];
}

/** Exactly row-major strides (size-1 dims included): what fresh results and factories have. */
function hasRowMajorStrides(op: LayoutOperand): boolean {
  let expected = 1;
  for (let i = op.shape.length - 1; i >= 0; i--) {
    if (op._strides[i] !== expected) return false;
    expected *= Math.max(op.shape[i]!, 1);
  }
  return true;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** fast_set_up: the layout when every operand has the output's shape, or undefined when the general rule applies. */
function fastSetup(operands: readonly LayoutOperand[]): readonly number[] | null | undefined {
  let contiguous = true;
  for (const op of operands) if (!isContiguousLayout(op.shape, op._strides)) contiguous = false;
  if (contiguous) return null;
  const shape = operands[0]!.shape;
  if (shape.length === 4 && operands.every((op) => isChannelsLastContiguous(op.shape, op._strides))) return channelsLastStrides(shape);
  const last = operands[operands.length - 1]!;
  for (const op of operands) {
    if (!isNonOverlappingAndDense(op.shape, op._strides) || !sameShape(op._strides, last._strides)) return undefined;
  }
  return last._strides;
}

/** compute_strides: each operand's strides over the output's dims, 0 where it broadcasts. */
function broadcastStridesOf(op: LayoutOperand, outShape: readonly number[]): number[] {
  const n = outShape.length;
  const r = new Array<number>(n).fill(0);
  const off = n - op.shape.length;
  for (let i = 0; i < op.shape.length; i++) r[off + i] = op.shape[i] === 1 && outShape[off + i] !== 1 ? 0 : op._strides[i]!;
  return r;
}

/**
 * The output strides TensorIterator picks for inputs `operands` (in the op's operand order,
 * after type promotion; 0-d tensors stand for scalars) broadcast to `outShape`, or null when
 * the output is plain row-major contiguous.
 *
 * @example
 * // (4, 3) views with strides (1, 4), i.e. x = randn(3, 4).t():
 * iteratorOutputStrides([x, x], [4, 3]);  // [1, 4]  (x + x keeps the transposed layout)
 */
export function iteratorOutputStrides(operands: readonly LayoutOperand[], outShape: readonly number[]): readonly number[] | null {
  if (operands.length === 0) return null;
  // The common case, answered without sorting: with every operand exactly row-major (0-d scalars
  // and broadcasting included), an inner dim's stride never exceeds an outer one's, so the sort
  // never swaps and the answer is row-major (empty outputs excepted: size-0 dims can swap).
  let rowMajor = true;
  for (const op of operands) if (!hasRowMajorStrides(op)) rowMajor = false;
  if (rowMajor) {
    let numel = 1;
    for (const d of outShape) numel *= d;
    if (numel > 0) return null;
  }
  // compute_shape: one shape for all, and no mix of 0-d scalars with tensors.
  let same = true;
  let scalars = false;
  let tensors = false;
  const first = operands[0]!.shape;
  for (const op of operands) {
    if (op.shape.length === 0) scalars = true;
    else tensors = true;
    if (!sameShape(op.shape, first)) same = false;
  }
  if (same && !(scalars && tensors)) {
    const fast = fastSetup(operands);
    if (fast !== undefined) return fast;
  }
  const n = outShape.length;
  if (n <= 1) return null;
  const strides = operands.map((op) => broadcastStridesOf(op, outShape));
  // reorder_dimensions: perm lists dims fastest-moving first, starting from row-major order.
  const perm = [...Array(n).keys()].reverse();
  insertionSort(perm, (d0, d1) => {
    for (const st of strides) {
      const s0 = st[d0]!;
      const s1 = st[d1]!;
      if (s0 === 0 || s1 === 0) continue;
      if (s0 < s1) return -1;
      if (s0 > s1) return 1;
      // Equal strides: the larger dim goes outside; otherwise let the next operand decide.
      if (outShape[d0]! > outShape[d1]!) return 1;
    }
    return 0;
  });
  let inverted = true;
  for (let k = 0; k < n; k++) if (perm[k] !== n - 1 - k) inverted = false;
  if (inverted) return null;
  // compatible_stride: dense in perm order (no max(size, 1) here, unlike contiguous strides).
  const out = new Array<number>(n);
  let next = 1;
  for (const d of perm) {
    out[d] = next;
    next *= outShape[d]!;
  }
  return out;
}
