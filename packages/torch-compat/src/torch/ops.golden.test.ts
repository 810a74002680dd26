/**
 * Replays fixtures/torch_ops.json (tooling/goldens/gen_torch_namespace.py, real PyTorch): each
 * `torch.<fn>(...)` function form with its overloads, against PyTorch's values, dtypes, shapes
 * and input gradients.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Tensor } from '@nncompat/core';
import { expectClose, fromJson, type JsonNum, type TensorJson } from '../functional/golden.test-helpers.js';
import * as torch from './index.js';

interface Case {
  name: string;
  fn: string;
  args: unknown[];
  out: TensorJson[];
  w?: JsonNum[];
  grads?: (TensorJson | null)[];
  seed?: number;
}
interface ErrorCase {
  name: string;
  fn: string;
  args: unknown[];
  type: string;
  message: string;
}

/** A call with a non-tensor result (a dtype name, a boolean, a shape). */
interface ValueCase {
  fn: string;
  args: unknown[];
  out: string | boolean | number[];
}

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/torch_ops.json', import.meta.url), 'utf8')) as {
  cases: Case[];
  errors: ErrorCase[];
  values: ValueCase[];
};

/** Decodes a fixture argument: {t} → Tensor (rg leaves collected in order), {dtype} → name, {o} → options. */
function decode(v: unknown, leaves: Tensor[]): unknown {
  if (Array.isArray(v)) return v.map((x) => decode(x, leaves));
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('t' in o) {
      const t = fromJson(o.t as TensorJson);
      if (t.requires_grad) leaves.push(t);
      return t;
    }
    if ('dtype' in o) return o.dtype;
    if ('o' in o) return Object.fromEntries(Object.entries(o.o as Record<string, unknown>).map(([k, x]) => [k, decode(x, leaves)]));
  }
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  if (v === 'nan') return NaN;
  return v;
}

type AnyFn = (...a: unknown[]) => Tensor | Iterable<Tensor>;

function call(fn: string, rawArgs: unknown[], leaves: Tensor[]): Tensor[] {
  const f = (torch as unknown as Record<string, AnyFn | undefined>)[fn];
  if (typeof f !== 'function') throw new Error(`torch.${fn} is missing`);
  const r = f(...(decode(rawArgs, leaves) as unknown[]));
  return r instanceof torch.Tensor ? [r] : [...r];
}

describe('torch.* function forms against PyTorch 1.13', () => {
  it('has cases', () => expect(fixture.cases.length).toBeGreaterThan(200));
  for (const c of fixture.cases) {
    it(c.name, () => {
      if (c.seed !== undefined) torch.manual_seed(c.seed);
      const leaves: Tensor[] = [];
      const outs = call(c.fn, c.args, leaves);
      expect(outs.length).toBe(c.out.length);
      outs.forEach((o, i) => {
        const e = c.out[i]!;
        const f32 = e.dtype === 'float32';
        const [rtol, atol] = f32 ? [1e-5, 1e-6] : [1e-9, 1e-12];
        expect(o.dtype.name, `out${i} dtype`).toBe(e.dtype);
        expect([...o.shape], `out${i} shape`).toEqual(e.shape);
        // dropout's mask is bit-exact; other results allow rounding differences only.
        expectClose(o.dataSync(), e.data.map((v) => (typeof v === 'boolean' ? Number(v) : v)), c.seed === undefined ? rtol : 0, c.seed === undefined ? atol : 0, `out${i}`);
      });
      if (c.grads && c.w) {
        const o = outs[0]!;
        const w = fromJson({ dtype: o.dtype.name, shape: [...o.shape], data: c.w });
        o.mul(w).sum().backward();
        c.grads.forEach((g, i) => {
          const leaf = leaves[i]!;
          if (g === null) {
            expect(leaf.grad === null || Array.from(leaf.grad.dataSync()).every((v) => v === 0), `grad ${i} is none`).toBe(true);
            return;
          }
          expect(leaf.grad, `grad ${i}`).not.toBeNull();
          const f32 = g.dtype === 'float32';
          expectClose(leaf.grad!.dataSync(), g.data, f32 ? 1e-4 : 1e-8, f32 ? 1e-5 : 1e-10, `grad${i}`);
        });
      }
    });
  }
});

describe('torch.* functions with non-tensor results against PyTorch 1.13', () => {
  it('has cases', () => expect(fixture.values.length).toBeGreaterThan(20));
  fixture.values.forEach((v, i) => {
    it(`${v.fn} #${i}`, () => {
      const f = (torch as unknown as Record<string, (...a: unknown[]) => unknown>)[v.fn]!;
      const r = f(...(decode(v.args, []) as unknown[]));
      // dtypes compare by name, torch.Size as a plain array.
      const got = r instanceof torch.dtype ? r.name : Array.isArray(r) ? [...(r as number[])] : r;
      expect(got).toEqual(v.out);
    });
  });
});

describe('torch.* function forms raise PyTorch\'s errors', () => {
  for (const e of fixture.errors) {
    it(e.name, () => {
      let err: unknown = null;
      try {
        call(e.fn, e.args, []);
      } catch (x) {
        err = x;
      }
      expect(err, 'expected an error').toBeInstanceOf(Error);
      expect((err as Error).name).toBe(e.type);
      expect((err as Error).message).toBe(e.message);
    });
  }
});
