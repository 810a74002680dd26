/** Sum, Prod, Max and Min over a set of axes on the reference backend. */
import type { KernelConfig, TensorInfo } from '../../../backend/types.js';
import type { DType, HostArray } from '../../../dtype.js';
import * as K from '../../../kernels/names.js';
import { numelOf, reducedShape } from '../../../shape.js';
import { REFERENCE } from '../backend.js';
import { computeArray, finish, isDense, offsets, values } from '../strided.js';
import { castFn } from './copy.js';

type Reducer = { init: number; step: (acc: number, v: number) => number };

const REDUCERS: Record<string, Reducer> = {
  [K.Sum]: { init: 0, step: (a, v) => a + v },
  [K.Prod]: { init: 1, step: (a, v) => a * v },
  [K.Max]: { init: -Infinity, step: (a, v) => (v !== v || a !== a ? NaN : v > a ? v : a) },
  [K.Min]: { init: Infinity, step: (a, v) => (v !== v || a !== a ? NaN : v < a ? v : a) },
};

/**
 * Walks `x` with the kept axes outermost and the reduced axes innermost, so every run of
 * `inner` consecutive offsets belongs to one output element.
 */
export function reductionOffsets(x: TensorInfo, axes: readonly number[]): { offs: Int32Array | null; outer: number; inner: number } {
  const kept = x.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const order = [...kept, ...axes];
  const inner = numelOf(axes.map((a) => x.shape[a]!));
  const outer = numelOf(kept.map((a) => x.shape[a]!));
  const contiguousTail = isDense(x) && axes.every((a, i) => a === x.shape.length - axes.length + i);
  if (contiguousTail) return { offs: null, outer, inner };
  const shp = order.map((i) => x.shape[i]!);
  const str = order.map((i) => x.strides[i]!);
  return { offs: offsets(shp, str, x.offset, shp), outer, inner };
}

function reduceKernel(r: Reducer) {
  return ({ inputs, attrs }: { inputs: Readonly<Record<string, unknown>>; attrs: Readonly<Record<string, unknown>> }) => {
    const x = inputs['x'] as TensorInfo<HostArray>;
    const axes = attrs['axes'] as number[];
    const keepdim = attrs['keepdim'] as boolean;
    const outDtype = (attrs['dtype'] as DType | undefined) ?? x.dtype;
    const outShape = reducedShape(x.shape, axes, keepdim);
    const { offs, outer, inner } = reductionOffsets(x, axes);
    const xv = values(x);
    const out = computeArray(outDtype, outer);
    const conv = castFn(outDtype);
    const { init, step } = r;
    for (let o = 0; o < outer; o++) {
      let acc = init;
      const base = o * inner;
      if (offs) for (let j = 0; j < inner; j++) acc = step(acc, xv[offs[base + j]!]!);
      else {
        const s = x.offset + base;
        for (let j = 0; j < inner; j++) acc = step(acc, xv[s + j]!);
      }
      out[o] = conv(acc);
    }
    return finish(outDtype, out, outShape);
  };
}

/** Registrations of the reduction kernels. */
export const REDUCE_KERNELS: KernelConfig<HostArray>[] = Object.entries(REDUCERS).map(([kernelName, r]) => ({
  kernelName,
  backendName: REFERENCE,
  kernelFunc: reduceKernel(r),
}));
