/**
 * Cross-backend agreement for backend tests: builds identical seeded inputs on the reference
 * backend and on `backend`, runs one expression on each, and throws unless dtype, shape and
 * values agree (float32 tolerance by default).
 */
import { Tensor, type DTypeName } from '../index.js';

/** Input builders bound to one backend (the same seed gives the same values everywhere). */
export interface Inputs {
  f(shape: number[], lo?: number, hi?: number): Tensor;
  i(shape: number[], lo: number, hi: number, dtype?: DTypeName): Tensor;
  b(shape: number[]): Tensor;
}

function inputs(backend: string, seed: number): Inputs {
  let s = seed >>> 0;
  const next = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const n = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);
  return {
    f: (shape, lo = -2, hi = 2) => Tensor.fromHost(Float32Array.from({ length: n(shape) }, () => lo + (hi - lo) * next()), shape, 'float32', backend),
    i: (shape, lo, hi, dtype = 'int64') => {
      const v = Array.from({ length: n(shape) }, () => Math.floor(lo + (hi - lo) * next()));
      const arr = dtype === 'int64' ? Float64Array.from(v) : dtype === 'int32' ? Int32Array.from(v) : dtype === 'int16' ? Int16Array.from(v) : dtype === 'int8' ? Int8Array.from(v) : Uint8Array.from(v);
      return Tensor.fromHost(arr, shape, dtype, backend);
    },
    b: (shape) => Tensor.fromHost(Uint8Array.from({ length: n(shape) }, () => (next() < 0.5 ? 1 : 0)), shape, 'bool', backend),
  };
}

/**
 * Runs `fn` on the reference backend and on `backend` with the same inputs; throws an Error
 * naming the first disagreement (device, dtype, shape, or element beyond atol + rtol·|ref|).
 *
 * @example
 * agree('tfjs', (x) => x.f([3, 4]).matmul(x.f([4, 2])));
 */
export function agree(backend: string, fn: (x: Inputs) => Tensor | readonly Tensor[], seed = 1, tol = { rtol: 1e-4, atol: 1e-5 }): void {
  const outs = (r: Tensor | readonly Tensor[]): Tensor[] => (r instanceof Tensor ? [r] : [...r]);
  const want = outs(fn(inputs('reference', seed)));
  const got = outs(fn(inputs(backend, seed)));
  if (got.length !== want.length) throw new Error(`agree: ${got.length} outputs on ${backend}, ${want.length} on the reference`);
  got.forEach((g, k) => {
    const w = want[k]!;
    if (g.device !== backend) throw new Error(`agree: output ${k} is on ${g.device}, expected ${backend}`);
    if (g.dtype.name !== w.dtype.name) throw new Error(`agree: output ${k} dtype ${g.dtype.name} vs ${w.dtype.name}`);
    if (g.shape.join() !== w.shape.join()) throw new Error(`agree: output ${k} shape [${g.shape}] vs [${w.shape}]`);
    const gv = Array.from(g.dataSync() as ArrayLike<number>);
    const wv = Array.from(w.dataSync() as ArrayLike<number>);
    for (let i = 0; i < wv.length; i++) {
      const a = gv[i]!;
      const b = wv[i]!;
      if (Number.isNaN(b) ? !Number.isNaN(a) : !(a === b || Math.abs(a - b) <= tol.atol + tol.rtol * Math.abs(b))) {
        throw new Error(`agree: output ${k}[${i}] (of ${wv.length}) is ${a} on ${backend}, ${b} on the reference`);
      }
    }
  });
}
