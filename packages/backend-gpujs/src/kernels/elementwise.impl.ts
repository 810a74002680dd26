/**
 * Elementwise kernels as gpu.js sources: one output cell per element, inputs broadcast to the
 * output shape by index arithmetic (strides baked in, 0 where broadcast), so neither strided
 * views nor broadcasts are materialized on the host.
 */
import { bool, float32, isDenseView, numelOf, type DType, type HostArray, type KernelResult, type TensorInfo } from '@nncompat/core';
import type { GpujsBackend } from '../backend.js';
import { kernelSource, offsetExpr, splitIndex } from '../codegen.js';
import { outputReason, type GpuKernelOut } from '../kernel.js';
import { broadcastStridesOf, windowOf } from '../view.js';

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * Source of a kernel computing `body` (statements ending in `return`) per output element, with
 * `vars[j]` bound to input j's element. Inputs are parameters `t0`, `t1`, ….
 */
export function elementwiseSource(ins: readonly TensorInfo[], outShape: readonly number[], vars: readonly string[], body: string): string {
  const kinds = ins.map((t) => (numelOf(t.shape) === 1 ? 'scalar' : isDenseView(t) && sameShape(t.shape, outShape) ? 'dense' : 'strided'));
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

/**
 * What determines an elementwise source besides its body: the output shape, the variable names
 * and each input's shape and strides (its window's length follows from them). The source itself
 * is built only when the kernel is compiled.
 */
function signature(ins: readonly TensorInfo[], outShape: readonly number[], vars: readonly string[]): string {
  let s = `${outShape.join(',')}|${vars.join(',')}`;
  for (const t of ins) s += `|${t.shape.join(',')}:${t.strides.join(',')}`;
  return s;
}

/** The last call of one body: its geometry, flattened, and the signature built for it. */
interface LastCall {
  readonly geometry: number[];
  readonly vars: readonly string[];
  readonly sig: string;
}

/**
 * Per body, the last call's signature: an op repeated on one geometry (a loop, a training step's
 * same layer) compares numbers instead of joining its shapes into a new string per call.
 */
const lastCalls = new Map<string, LastCall>();

function pushGeometry(g: number[], ins: readonly TensorInfo[], outShape: readonly number[]): number[] {
  g.push(outShape.length, ...outShape);
  for (const t of ins) g.push(t.shape.length, ...t.shape, ...t.strides);
  return g;
}

function sameGeometry(g: readonly number[], ins: readonly TensorInfo[], outShape: readonly number[]): boolean {
  if (g[0] !== outShape.length) return false;
  let p = 1;
  for (let i = 0; i < outShape.length; i++) if (g[p++] !== outShape[i]) return false;
  for (const t of ins) {
    const nd = t.shape.length;
    if (g[p++] !== nd) return false;
    for (let i = 0; i < nd; i++) if (g[p++] !== t.shape[i]) return false;
    for (let i = 0; i < nd; i++) if (g[p++] !== t.strides[i]) return false;
  }
  return p === g.length;
}

function sameVars(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The signature of this call, reusing the body's last one when the geometry is unchanged. */
function cachedSignature(body: string, ins: readonly TensorInfo[], outShape: readonly number[], vars: readonly string[]): string {
  const last = lastCalls.get(body);
  if (last && sameVars(last.vars, vars) && sameGeometry(last.geometry, ins, outShape)) return last.sig;
  const sig = signature(ins, outShape, vars);
  // Bodies built per call (attribute literals) would grow the map without bound: cap it.
  if (lastCalls.size >= 512 && !last) lastCalls.clear();
  lastCalls.set(body, { geometry: pushGeometry([], ins, outShape), vars: [...vars], sig });
  return sig;
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
  const args: Float32Array[] = [];
  for (const t of ins) args.push(windowOf(t));
  const out = backend.kernels.runKeyed(body, cachedSignature(body, ins, outShape, vars), () => elementwiseSource(ins, outShape, vars, body), n, args);
  const result: KernelResult<HostArray> = { storage: outDtype === bool ? Uint8Array.from(out) : out, dtype: outDtype, shape: outShape };
  return result;
}
