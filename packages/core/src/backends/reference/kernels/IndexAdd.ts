/**
 * IndexAdd on the reference backend: PyTorch's `x.index_add(axis, index, src)`, a copy of x
 * with slice j of src added onto slice index[j] along `axis`. Sums are taken in x's dtype, in
 * index order, as ATen does.
 */
import type { KernelArgs, KernelConfig, KernelResult } from '../../../backend/types.js';
import type { HostArray } from '../../../dtype.js';
import { IndexAdd } from '../../../kernels/names.js';
import { normalizeDim, numelOf } from '../../../shape.js';
import { REFERENCE } from '../backend.js';
import { computeArray, finish, gatherDense } from '../strided.js';
import { indexValues, input, splitAxis, storageRounder } from './common.impl.js';
import { checkSelectIndex } from './indexing.impl.js';

function indexAdd(args: KernelArgs<HostArray>): KernelResult<HostArray> {
  const x = input(args, 'x');
  const index = input(args, 'index');
  const src = input(args, 'src');
  const axis = normalizeDim(args.attrs['axis'] as number, x.shape.length);
  const [outer, size, inner] = splitAxis(x.shape, axis);
  const idx = indexValues(index);
  const m = idx.length;
  for (let j = 0; j < m; j++) checkSelectIndex(idx[j]!, size);
  const out = computeArray(x.dtype, numelOf(x.shape));
  out.set(gatherDense(x));
  const sv = gatherDense(src);
  const round = storageRounder(x.dtype);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < m; j++) {
      const to = (o * size + idx[j]!) * inner;
      const from = (o * m + j) * inner;
      for (let r = 0; r < inner; r++) out[to + r] = round(out[to + r]! + sv[from + r]!);
    }
  }
  return finish(x.dtype, out, x.shape);
}

/** Registration of IndexAdd on the reference backend. */
export const indexAddConfig: KernelConfig<HostArray> = { kernelName: IndexAdd, backendName: REFERENCE, kernelFunc: indexAdd };
