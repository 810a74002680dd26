/**
 * IndexSelect on the reference backend: PyTorch's `torch.index_select(x, axis, index)`: the
 * slices of x at the (1-D) index positions along `axis`, copied as raw storage bits.
 */
import type { KernelArgs, KernelConfig, KernelResult } from '../../../backend/types.js';
import type { HostArray } from '../../../dtype.js';
import { IndexSelect } from '../../../kernels/names.js';
import { normalizeDim } from '../../../shape.js';
import { REFERENCE } from '../backend.js';
import { allocLike, denseRaw, indexValues, input, splitAxis } from './common.impl.js';
import { checkSelectIndex } from './indexing.impl.js';

function indexSelect(args: KernelArgs<HostArray>): KernelResult<HostArray> {
  const x = input(args, 'x');
  const index = input(args, 'index');
  const axis = normalizeDim(args.attrs['axis'] as number, x.shape.length);
  const [outer, size, inner] = splitAxis(x.shape, axis);
  const idx = indexValues(index);
  const m = idx.length;
  for (let j = 0; j < m; j++) checkSelectIndex(idx[j]!, size);
  const src = denseRaw(x);
  const out = allocLike(x.storage, outer * m * inner);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < m; j++) {
      const from = (o * size + idx[j]!) * inner;
      out.set(src.subarray(from, from + inner), (o * m + j) * inner);
    }
  }
  const shape = x.shape.length === 0 ? [] : x.shape.map((d, i) => (i === axis ? m : d));
  return { storage: out, dtype: x.dtype, shape };
}

/** Registration of IndexSelect on the reference backend. */
export const indexSelectConfig: KernelConfig<HostArray> = { kernelName: IndexSelect, backendName: REFERENCE, kernelFunc: indexSelect };
