/**
 * Conv2D as one gpu.js kernel: one output cell per (n, o, oh, ow), looping over the group's
 * input channels and the kernel window with padding handled by bounds checks (no im2col
 * buffer). Input and weight are packed contiguous on the host when they are strided views.
 */
import { float32, kernels as K } from '@nncompat/core';
import { kernelSource, splitIndex } from '../codegen.js';
import { outputReason, type GpuKernelDef } from '../kernel.js';
import { packed } from '../view.js';

interface ConvGeometry {
  N: number; C: number; H: number; W: number; O: number; kh: number; kw: number;
  OH: number; OW: number; sh: number; sw: number; ph: number; pw: number; dh: number; dw: number; groups: number;
}

/** Source of the direct convolution for one geometry (with or without a bias argument). */
export function conv2dSource(g: ConvGeometry, withBias: boolean): string {
  const { C, H, W, O, kh, kw, OH, OW, sh, sw, ph, pw, dh, dw, groups } = g;
  const Cg = C / groups;
  const Og = O / groups;
  const split = splitIndex('i', [g.N, O, OH, OW], 'c');
  const [cn, co, coh, cow] = split.coords as [string, string, string, string];
  const group = groups === 1 ? '0.0' : `Math.floor((${co} + 0.5) / ${Og}.0)`;
  const body = `const i = this.thread.x;
${split.code}const g = ${group};
const xb = (${cn} * ${C}.0 + g * ${Cg}.0) * ${H * W}.0;
const wb = ${co} * ${Cg * kh * kw}.0;
const h0 = ${coh} * ${sh}.0 - ${ph}.0;
const w0 = ${cow} * ${sw}.0 - ${pw}.0;
let s = 0.0;
for (let c = 0; c < ${Cg}; c++) {
for (let p = 0; p < ${kh}; p++) {
const ih = h0 + p * ${dh}.0;
if (ih >= 0.0 && ih < ${H}.0) {
for (let q = 0; q < ${kw}; q++) {
const iw = w0 + q * ${dw}.0;
if (iw >= 0.0 && iw < ${W}.0) {
s += x[xb + c * ${H * W}.0 + ih * ${W}.0 + iw] * w[wb + c * ${kh * kw}.0 + p * ${kw}.0 + q];
}
}
}
}
}
return ${withBias ? `s + bias[${co}]` : 's'};`;
  return kernelSource(withBias ? ['x', 'w', 'bias'] : ['x', 'w'], body);
}

/** Conv2D on gpujs. */
export const CONV2D_DEF: GpuKernelDef = {
  name: K.Conv2D,
  run: (k) => {
    const x = k.info('x');
    const w = k.info('weight');
    const bias = k.optional('bias');
    const [N, C, H, W] = x.shape as [number, number, number, number];
    const [O, , kh, kw] = w.shape as [number, number, number, number];
    const [sh, sw] = k.attrs['stride'] as [number, number];
    const [ph, pw] = k.attrs['padding'] as [number, number];
    const [dh, dw] = k.attrs['dilation'] as [number, number];
    const groups = k.attrs['groups'] as number;
    const OH = Math.floor((H + 2 * ph - dh * (kh - 1) - 1) / sh) + 1;
    const OW = Math.floor((W + 2 * pw - dw * (kw - 1) - 1) / sw) + 1;
    const n = N * O * Math.max(OH, 0) * Math.max(OW, 0);
    const why = outputReason(n);
    if (why) return why;
    const g: ConvGeometry = { N, C, H, W, O, kh, kw, OH, OW, sh, sw, ph, pw, dh, dw, groups };
    const args = [packed(x, [0, 1, 2, 3]), packed(w, [0, 1, 2, 3])];
    if (bias) args.push(packed(bias, [0]));
    const out = k.backend.kernels.run(conv2dSource(g, bias !== null), n, args);
    return { storage: out, dtype: float32, shape: [N, O, OH, OW] };
  },
};
