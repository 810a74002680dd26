/**
 * Softmax and LogSoftmax along one axis, in two gpu.js passes: a per-row log-sum-exp (max,
 * then a compensated sum of exp(v - max)), then one elementwise pass computing exp(x - lse)
 * or x - lse. Each output element costs O(1) instead of re-reducing its row.
 */
import { contiguousStrides, float32, kernels as K, numelOf } from '@nncompat/core';
import { kernelSource, offsetExpr, splitIndex } from '../codegen.js';
import { outputReason, type GpuKernelDef } from '../kernel.js';
import { windowOf } from '../view.js';

function lseSource(shape: readonly number[], strides: readonly number[], axis: number): string {
  const kept = shape.map((_, i) => i).filter((i) => i !== axis);
  const split = splitIndex('i', kept.map((a) => shape[a]!), 'c');
  const base = offsetExpr(split.coords, kept.map((a) => strides[a]!));
  const d = shape[axis]!;
  const at = (r: string): string => (strides[axis] === 1 ? `x[b + ${r}]` : `x[b + ${r} * ${strides[axis]}.0]`);
  const body = `const i = this.thread.x;
${split.code}const b = ${base};
let m = x[b];
for (let r = 0; r < ${d}; r++) {
const v = ${at('r')};
if (v !== v) { m = v; }
if (v > m) { m = v; }
}
let s = 0.0;
let c = 0.0;
for (let r = 0; r < ${d}; r++) {
const u = Math.exp(${at('r')} - m) - c;
const t = s + u;
c = (t - s) - u;
s = t;
}
return m + Math.log(s);`;
  return kernelSource(['x'], body);
}

function applySource(shape: readonly number[], strides: readonly number[], axis: number, log: boolean): string {
  const split = splitIndex('i', shape, 'c');
  const rowShape = shape.filter((_, j) => j !== axis);
  const rowStrides = contiguousStrides(rowShape);
  const rowCoords = split.coords.filter((_, j) => j !== axis);
  const body = `const i = this.thread.x;
${split.code}const v = x[${offsetExpr(split.coords, strides)}];
const l = lse[${offsetExpr(rowCoords, rowStrides)}];
return ${log ? 'v - l' : 'Math.exp(v - l)'};`;
  return kernelSource(['x', 'lse'], body);
}

const def = (name: string, log: boolean): GpuKernelDef => ({
  name,
  run: (k) => {
    const x = k.info('x');
    const axis = k.attrs['axis'] as number;
    const n = numelOf(x.shape);
    const why = outputReason(n);
    if (why) return why;
    const shape = x.shape.length === 0 ? [1] : x.shape;
    const strides = x.shape.length === 0 ? [1] : x.strides;
    const ax = x.shape.length === 0 ? 0 : axis;
    const win = windowOf(x);
    const lse = k.backend.kernels.run(lseSource(shape, strides, ax), n / shape[ax]!, [win]);
    const out = k.backend.kernels.run(applySource(shape, strides, ax, log), n, [win, lse]);
    return { storage: out, dtype: float32, shape: x.shape };
  },
});

/** Softmax kernels run natively on gpujs. */
export const SOFTMAX_DEFS: readonly GpuKernelDef[] = [def(K.Softmax, false), def(K.LogSoftmax, true)];
