/**
 * Replays the PyTorch goldens in packages/core/fixtures/kernels/*.json (written by
 * tooling/goldens/gen_ref_kernels.py) against reference kernels, in vitest.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { KernelConfig, KernelResult, TensorInfo } from '../../../backend/types.js';
import { allocHostArray, toDType, type DTypeName, type HostArray } from '../../../dtype.js';
import { bfloat16ToFloat, halfToFloat } from '../../../half.js';
import { ReferenceBackend } from '../backend.js';

type Num = number | 'nan' | 'inf' | '-inf';
interface ViewJson { dtype: DTypeName; shape: number[]; strides: number[]; offset: number; storage: Num[] }
interface OutJson { dtype: DTypeName; shape: number[]; data: Num[] }
/** One golden case as the generator writes it. */
export interface GoldenCase {
  name: string;
  kernel: string;
  attrs: Record<string, unknown>;
  inputs: Record<string, ViewJson | ViewJson[] | null>;
  outputs?: OutJson[];
  error?: { type: string; message: string };
}

const num = (v: Num): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v);

/** Loads the cases of one fixture topic (e.g. `conv`). */
export function loadGoldens(topic: string): GoldenCase[] {
  const url = new URL(`../../../../fixtures/kernels/${topic}.json`, import.meta.url);
  return (JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as { cases: GoldenCase[] }).cases;
}

/** A fixture view as the TensorInfo a kernel receives (16-bit floats keep their raw bits). */
export function toInfo(v: ViewJson): TensorInfo<HostArray> {
  const storage = allocHostArray(v.dtype, v.storage.length);
  for (let i = 0; i < v.storage.length; i++) storage[i] = num(v.storage[i]!);
  return { storage, dtype: toDType(v.dtype), shape: v.shape, strides: v.strides, offset: v.offset };
}

/** Decoded numbers of a raw buffer (16-bit floats to float values). */
function decode(dtype: DTypeName, data: ArrayLike<number>): number[] {
  const f = dtype === 'float16' ? halfToFloat : dtype === 'bfloat16' ? bfloat16ToFloat : (x: number) => x;
  return Array.from(data, (x) => f(x));
}

/** Tolerances per dtype: the brief's float32 bound, torch.testing's defaults for 16-bit floats. */
export const TOLERANCE: Record<string, { rtol: number; atol: number }> = {
  float32: { rtol: 1e-5, atol: 1e-6 },
  float64: { rtol: 1e-12, atol: 1e-12 },
  float16: { rtol: 1e-3, atol: 1e-5 },
  bfloat16: { rtol: 1.6e-2, atol: 1e-5 },
};

/** Asserts `actual` matches `expected` elementwise (NaN equals NaN; exact for non-float dtypes). */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: { rtol: number; atol: number } | null, what: string): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e) || !tol || !Number.isFinite(e)) {
      if (!Object.is(a, e) && !(a === e)) expect(a, `${what}[${i}]`).toBe(e);
      continue;
    }
    if (Math.abs(a - e) > tol.atol + tol.rtol * Math.abs(e)) {
      expect(a, `${what}[${i}] (rtol ${tol.rtol}, atol ${tol.atol})`).toBe(e);
    }
  }
}

/**
 * Registers one vitest case per golden of `kernel` in `topic`. `tolerance` may loosen the
 * default per dtype (callers document why).
 */
export function replayGoldens(
  topic: string,
  config: KernelConfig<HostArray>,
  tolerance: Partial<Record<string, { rtol: number; atol: number }>> = {},
): void {
  const backend = new ReferenceBackend();
  const cases = loadGoldens(topic).filter((c) => c.kernel === config.kernelName);
  it(`has ${config.kernelName} goldens`, () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    it(c.name, () => {
      const inputs: Record<string, TensorInfo<HostArray> | TensorInfo<HostArray>[] | null> = {};
      for (const [k, v] of Object.entries(c.inputs)) {
        inputs[k] = v === null ? null : Array.isArray(v) ? v.map(toInfo) : toInfo(v);
      }
      const run = (): KernelResult<HostArray> | KernelResult<HostArray>[] | void =>
        config.kernelFunc({ inputs, attrs: c.attrs, backend });
      if (c.error) {
        let err: unknown;
        try {
          run();
        } catch (e) {
          err = e;
        }
        expect(err, 'expected an error').toBeInstanceOf(Error);
        expect((err as Error).name).toBe(c.error.type);
        expect((err as Error).message).toBe(c.error.message);
        return;
      }
      const given = Object.values(inputs).flatMap((v) => (v === null ? [] : Array.isArray(v) ? v : [v]));
      const before = given.map((t) => t.storage.slice());
      const r = run();
      // Kernels are pure: inputs untouched, results in fresh buffers of exactly numel elements.
      given.forEach((t, i) => expect(Array.from(t.storage), `input ${i} unchanged`).toEqual(Array.from(before[i]!)));
      const outs = Array.isArray(r) ? r : [r as KernelResult<HostArray>];
      expect(outs.length).toBe(c.outputs!.length);
      c.outputs!.forEach((o, i) => {
        const got = outs[i]!;
        expect(given.some((t) => t.storage.buffer === got.storage.buffer), `output ${i} is a fresh buffer`).toBe(false);
        expect(got.storage.length, `output ${i} numel`).toBe(o.shape.reduce((a, b) => a * b, 1));
        expect(got.dtype.name, `output ${i} dtype`).toBe(o.dtype);
        expect([...got.shape], `output ${i} shape`).toEqual(o.shape);
        const tol = toDType(o.dtype).is_floating_point ? (tolerance[o.dtype] ?? TOLERANCE[o.dtype]!) : null;
        expectClose(
          decode(o.dtype, got.storage as HostArray),
          decode(o.dtype, Float64Array.from(o.data, num)),
          tol,
          `output ${i}`,
        );
      });
    });
  }
}
