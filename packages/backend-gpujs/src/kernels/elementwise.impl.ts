/**
 * Elementwise kernels as gpu.js sources: one output cell per element, inputs broadcast to the
 * output shape by index arithmetic (strides baked in, 0 where broadcast), so neither strided
 * views nor broadcasts are materialized on the host.
 */
import { bool, float32, numelOf, type DType, type HostArray, type KernelResult, type TensorInfo } from '@nncompat/core';
import type { GpujsBackend } from '../backend.js';
import { kernelSource, offsetExpr, splitIndex } from '../codegen.js';
import { outputReason, type GpuKernelOut } from '../kernel.js';
import { broadcastStridesOf, isDense, windowOf } from '../view.js';

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * Source of a kernel computing `body` (statements ending in `return`) per output element, with
 * `vars[j]` bound to input j's element. Inputs are parameters `t0`, `t1`, ….
 */
export function elementwiseSource(ins: readonly TensorInfo[], outShape: readonly number[], vars: readonly string[], body: string): string {
  const kinds = ins.map((t) => (numelOf(t.shape) === 1 ? 'scalar' : isDense(t.shape, t.strides) && sameShape(t.shape, outShape) ? 'dense' : 'strided'));
  let code = 'const i = this.thread.x;\n';
  let coords: string[] = [];
  if (kinds.includes('strided')) {
    const s = splitIndex('i', outShape, 'c');
    code += s.code;
    coords = s.coords;
  }
  ins.forEach((t, j) => {
    const idx = kinds[j] === 'scalar' ? '0' : kinds[j] === 'dense' ? 'i' : offsetExpr(coords, broadcastStridesOf(t.shape, t.strides, outShape));
    code += `const ${vars[j]} = t${j}[${idx}];\n`;
  });
  return kernelSource(ins.map((_, j) => `t${j}`), code + body);
}

/** Runs an elementwise kernel over float32 inputs; `outDtype` bool turns the 0/1 floats into a Uint8Array. */
export function runElementwise(
  backend: GpujsBackend,
  ins: readonly TensorInfo<HostArray>[],
  outShape: readonly number[],
  vars: readonly string[],
  body: string,
  outDtype: DType = float32,
): GpuKernelOut {
  const n = numelOf(outShape);
  const why = outputReason(n);
  if (why) return why;
  const out = backend.kernels.run(elementwiseSource(ins, outShape, vars, body), n, ins.map(windowOf));
  const result: KernelResult<HostArray> = { storage: outDtype === bool ? Uint8Array.from(out) : out, dtype: outDtype, shape: outShape };
  return result;
}
