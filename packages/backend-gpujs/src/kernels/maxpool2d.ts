/**
 * MaxPool2D as one gpu.js kernel computing each window's argmax (flat h·W + w within its plane,
 * as PyTorch's indices); the values are then read at those indices on the host (O(output)), so
 * one kernel gives both results. ATen's rules: a NaN in a window wins (the last one seen),
 * otherwise the first maximum; a window of only -inf reports its first in-bounds position.
 */
import { float32, int64, kernels as K } from '@nncompat/core';
import { kernelSource, MAX_INDEX, splitIndex } from '../codegen.js';
import { outputReason, type GpuKernelDef } from '../kernel.js';
import { packed } from '../view.js';
import { pair } from './conv.impl.js';

/** Shapes and attributes of one max-pooling call. */
export interface PoolGeometry {
  planes: number; H: number; W: number; OH: number; OW: number;
  kh: number; kw: number; sh: number; sw: number; ph: number; pw: number; dh: number; dw: number;
}

/** PyTorch's pooled size, ceil_mode's last window included only when it starts inside. */
export function poolOutSize(size: number, k: number, s: number, p: number, d: number, ceilMode: boolean): number {
  let out = Math.floor((size + 2 * p - d * (k - 1) - 1 + (ceilMode ? s - 1 : 0)) / s) + 1;
  if (ceilMode && (out - 1) * s >= size + p) out--;
  return out;
}

/** Source of the per-window argmax over packed x [planes, H, W]. */
export function maxPoolIndexSource(g: PoolGeometry): string {
  const { planes, H, W, OH, OW, kh, kw, sh, sw, ph, pw, dh, dw } = g;
  const split = splitIndex('i', [planes, OH, OW], 'c');
  const [cc, cy, cx] = split.coords as [string, string, string];
  const body = `const i = this.thread.x;
${split.code}const base = ${cc} * ${H * W}.0;
const h0 = ${cy} * ${sh}.0 - ${ph}.0;
const w0 = ${cx} * ${sw}.0 - ${pw}.0;
let fh = h0;
if (fh < 0.0) { fh = fh + Math.ceil(-fh / ${dh}.0) * ${dh}.0; }
let fw = w0;
if (fw < 0.0) { fw = fw + Math.ceil(-fw / ${dw}.0) * ${dw}.0; }
let best = fh * ${W}.0 + fw;
let m = -1.0 / 0.0;
for (let p = 0; p < ${kh}; p++) {
const ih = h0 + p * ${dh}.0;
if (ih >= 0.0 && ih < ${H}.0) {
for (let q = 0; q < ${kw}; q++) {
const iw = w0 + q * ${dw}.0;
if (iw >= 0.0 && iw < ${W}.0) {
const v = x[base + ih * ${W}.0 + iw];
if (v > m || v !== v) {
m = v;
best = ih * ${W}.0 + iw;
}
}
}
}
}
return best;`;
  return kernelSource(['x'], body);
}

/** MaxPool2D on gpujs. */
export const MAXPOOL2D_DEF: GpuKernelDef = {
  name: K.MaxPool2D,
  run: (k) => {
    const x = k.info('x');
    const nd = x.shape.length;
    const H = x.shape[nd - 2]!;
    const W = x.shape[nd - 1]!;
    let planes = 1;
    for (let d = 0; d < nd - 2; d++) planes *= x.shape[d]!;
    const [kh, kw] = pair(k.attrs, 'kernelSize');
    const [sh, sw] = pair(k.attrs, 'stride');
    const [ph, pw] = pair(k.attrs, 'padding');
    const [dh, dw] = k.attrs['dilation'] === undefined ? [1, 1] : pair(k.attrs, 'dilation');
    const ceil = k.attrs['ceilMode'] === true;
    const OH = poolOutSize(H, kh, sh, ph, dh, ceil);
    const OW = poolOutSize(W, kw, sw, pw, dw, ceil);
    const n = planes * Math.max(OH, 0) * Math.max(OW, 0);
    const why = outputReason(n);
    if (why) return why;
    const xs = packed(x, x.shape.map((_, d) => d));
    if (xs.length > MAX_INDEX) return 'size';
    const idx = k.backend.kernels.run(maxPoolIndexSource({ planes, H, W, OH, OW, kh, kw, sh, sw, ph, pw, dh, dw }), n, [xs]);
    const values = new Float32Array(n);
    const indices = new Float64Array(n);
    const per = OH * OW;
    for (let i = 0; i < n; i++) {
      const j = idx[i]!;
      indices[i] = j;
      // An empty window (not produced by PyTorch's sizes) would point outside: -inf, as the reference.
      values[i] = j >= 0 && j < H * W ? xs[Math.floor(i / per) * H * W + j]! : -Infinity;
    }
    const shape = [...x.shape.slice(0, nd - 2), OH, OW];
    return [{ storage: values, dtype: float32, shape }, { storage: indices, dtype: int64, shape }];
  },
};
