/**
 * `torch.meshgrid(*tensors, indexing=None)`: coordinate grids as expanded views of 0-D/1-D inputs.
 */
import { RuntimeError, Tensor } from '@nncompat/core';
import { warnOnce } from '../functional/warn.js';

/** Keyword-only argument of `torch.meshgrid`. */
export interface MeshgridOptions {
  indexing?: 'ij' | 'xy' | null;
}

/**
 * `torch.meshgrid(*tensors, indexing=None)`: for N inputs of sizes s1..sN, N grids of shape
 * [s1, …, sN] (`'ij'`) or [s2, s1, …, sN] (`'xy'`, NumPy/Matplotlib's Cartesian order). Without `indexing` it uses `'ij'` and prints PyTorch 2.1's UserWarning
 * once. A single array argument is accepted as Python's `torch.meshgrid([a, b])`.
 *
 * @example
 * const [gx, gy] = torch.meshgrid(x, y, { indexing: 'xy' });
 * const [ii, jj] = torch.meshgrid([torch.arange(2), torch.arange(3)], { indexing: 'ij' });
 */
export function meshgrid(...args: (Tensor | readonly Tensor[] | MeshgridOptions)[]): Tensor[] {
  const last = args[args.length - 1];
  const hasOpts = last !== undefined && !(last instanceof Tensor) && !Array.isArray(last);
  const opts = (hasOpts ? last : {}) as MeshgridOptions;
  const rest = (hasOpts ? args.slice(0, -1) : args) as (Tensor | readonly Tensor[])[];
  const tensors = rest.length === 1 && Array.isArray(rest[0]) ? [...(rest[0] as readonly Tensor[])] : (rest as Tensor[]);
  let indexing = opts.indexing;
  if (indexing == null) {
    warnOnce('torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument.');
    indexing = 'ij';
  }
  if (tensors.length === 0) throw new RuntimeError('meshgrid expects a non-empty TensorList');
  for (let i = 0; i < tensors.length - 1; i++) {
    if (tensors[i]!.dtype !== tensors[i + 1]!.dtype) throw new RuntimeError('meshgrid expects all tensors to have the same dtype');
    if (tensors[i]!.device !== tensors[i + 1]!.device) throw new RuntimeError('meshgrid expects all tensors to have the same device');
  }
  if (indexing !== 'ij' && indexing !== 'xy') {
    throw new RuntimeError(`torch.meshgrid: indexing must be one of "xy" or "ij", but received: ${String(indexing)}`);
  }
  // ATen's rule: 'xy' builds the 'ij' grids of the inputs with the first two swapped, then swaps
  // the first two grids back (so every grid has shape [s2, s1, s3, …]).
  const swap = indexing === 'xy' && tensors.length >= 2;
  const ts = swap ? [tensors[1]!, tensors[0]!, ...tensors.slice(2)] : tensors;
  ts.forEach((t) => {
    if (t.dim() > 1) throw new RuntimeError(`torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: ${String(t)}`);
  });
  const shape = ts.map((t) => (t.dim() === 0 ? 1 : t.shape[0]!));
  const grids = ts.map((t, i) => t.reshape(shape.map((_, j) => (j === i ? -1 : 1))).expand(shape));
  return swap ? [grids[1]!, grids[0]!, ...grids.slice(2)] : grids;
}
