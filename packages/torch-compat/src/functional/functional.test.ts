import { describe, expect, it } from 'vitest';
import { manual_seed, Tensor } from '@nncompat/core';
import * as F from './index.js';
import { expectClose, fromJson, loadFunctionalFixture, type JsonNum, type TensorJson } from './golden.test-helpers.js';

interface Case {
  name: string;
  fn: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  out: TensorJson[];
  w?: JsonNum[];
  grads?: (TensorJson | null)[];
  hand?: string;
}
interface ErrorCase {
  name: string;
  fn: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  type: string;
  message: string;
}

const fixture = loadFunctionalFixture<{ cases: Case[]; errors: ErrorCase[] }>('functional.json');

/** Decodes args: {t} → Tensor (leaves collected in order), {dtype} → dtype name. */
function decode(v: unknown, leaves: Tensor[]): unknown {
  if (Array.isArray(v)) return v.map((x) => decode(x, leaves));
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('t' in o) {
      const t = fromJson(o.t as TensorJson);
      if (t.requires_grad) leaves.push(t);
      return t;
    }
    if ('dtype' in o && Object.keys(o).length === 1) return o.dtype;
  }
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  return v;
}

/** Python keyword arguments that the TS API takes positionally. */
const POSITIONAL: Record<string, string[]> = {
  max_pool1d: ['kernel_size'], max_pool2d: ['kernel_size'], avg_pool2d: ['kernel_size'], adaptive_avg_pool2d: ['output_size'],
};
/** Python positional arguments (from this index on) that the TS API takes in the options object. */
const INTO_OPTIONS: Record<string, [number, string[]]> = {
  batch_norm: [3, ['weight', 'bias']], layer_norm: [2, ['weight', 'bias']], group_norm: [2, ['weight', 'bias']],
};

function call(fn: string, rawArgs: unknown[], rawKw: Record<string, unknown>, leaves: Tensor[]): Tensor | Tensor[] {
  const args = decode(rawArgs, leaves) as unknown[];
  const kw = Object.fromEntries(Object.entries(rawKw).map(([k, v]) => [k, decode(v, leaves)])) as Record<string, unknown>;
  for (const k of POSITIONAL[fn] ?? []) {
    if (k in kw) {
      args.push(kw[k]);
      delete kw[k];
    }
  }
  const into = INTO_OPTIONS[fn];
  if (into) {
    const extra = args.splice(into[0]);
    extra.forEach((v, i) => (kw[into[1][i]!] = v));
  }
  const f = (F as unknown as Record<string, (...a: unknown[]) => Tensor | Tensor[]>)[fn];
  if (!f) throw new Error(`F.${fn} is missing`);
  return Object.keys(kw).length ? f(...args, kw) : f(...args);
}

describe('nn.functional against PyTorch 1.13', () => {
  it('has cases', () => expect(fixture.cases.length).toBeGreaterThan(100));
  for (const c of fixture.cases) {
    it(`${c.name}${c.hand ? ' (hand-built from the 2.1 formula)' : ''}`, () => {
      const leaves: Tensor[] = [];
      const r = call(c.fn, c.args, c.kwargs, leaves);
      const outs = Array.isArray(r) ? r : [r];
      expect(outs.length).toBe(c.out.length);
      const f32 = c.out[0]!.dtype !== 'float64';
      const [rtol, atol] = f32 ? [1e-5, 1e-6] : [1e-9, 1e-12];
      outs.forEach((o, i) => {
        expect(o.dtype.name).toBe(c.out[i]!.dtype);
        expect([...o.shape]).toEqual(c.out[i]!.shape);
        expectClose(o.dataSync(), c.out[i]!.data, rtol, atol, `out${i}`);
      });
      if (c.grads && c.w) {
        const o = outs[0]!;
        const w = fromJson({ dtype: o.dtype.name, shape: [...o.shape], data: c.w });
        o.mul(w).sum().backward();
        c.grads.forEach((g, i) => {
          const leaf = leaves[i]!;
          if (g === null) {
            expect(leaf.grad === null || Array.from(leaf.grad.dataSync()).every((v) => v === 0)).toBe(true);
            return;
          }
          expect(leaf.grad, `grad ${i}`).not.toBeNull();
          expectClose(leaf.grad!.dataSync(), g.data, f32 ? 1e-4 : 1e-8, f32 ? 1e-5 : 1e-10, `grad${i}`);
        });
      }
    });
  }
});

describe('nn.functional errors match PyTorch', () => {
  for (const e of fixture.errors) {
    it(e.name, () => {
      let err: unknown = null;
      try {
        call(e.fn, e.args, e.kwargs, []);
      } catch (x) {
        err = x;
      }
      expect(err, 'expected an error').toBeInstanceOf(Error);
      expect((err as Error).message).toBe(e.message);
      expect((err as Error).name).toBe(e.type);
    });
  }
});

describe('F.dropout masks are bit-exact with PyTorch after manual_seed', () => {
  const d = loadFunctionalFixture<{ cases: { seed: number; p: number; training?: boolean; x: TensorJson; y: TensorJson; next: TensorJson }[] }>('dropout.json');
  for (const c of d.cases) {
    it(`seed ${c.seed} p=${c.p} ${c.x.dtype} [${c.x.shape.join(', ')}]${c.training === false ? ' eval' : ''}`, async () => {
      const { rand } = await import('@nncompat/core');
      manual_seed(c.seed);
      const x = rand(c.x.shape, { dtype: c.x.dtype });
      expectClose(x.dataSync(), c.x.data, 0, 0, 'x');
      const y = F.dropout(x, { p: c.p, training: c.training ?? true });
      expectClose(y.dataSync(), c.y.data, 0, 0, 'y');
      expectClose(rand(3, { dtype: c.x.dtype }).dataSync(), c.next.data, 0, 0, 'next draw');
    });
  }
});
