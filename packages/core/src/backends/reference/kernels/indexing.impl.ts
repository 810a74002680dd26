/** Index checks shared by the indexing kernels, with PyTorch's error classes and texts. */
import { IndexError, RuntimeError } from '../../../errors.js';

/** gather / scatter_add: ATen's scatter_gather kernels raise RuntimeError for a bad index. */
export function checkScatterIndex(i: number, axis: number, size: number): void {
  if (!(i >= 0 && i < size)) {
    throw new RuntimeError(`index ${i} is out of bounds for dimension ${axis} with size ${size}`);
  }
}

/** index_select / index_add: ATen raises IndexError("index out of range in self"). */
export function checkSelectIndex(i: number, size: number): void {
  if (!(i >= 0 && i < size)) throw new IndexError('index out of range in self');
}
