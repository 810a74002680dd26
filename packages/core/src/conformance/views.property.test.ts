// Property tests of views: random chains of view ops checked against a naive index model that
// knows nothing about strides (each view maps an index to a flat index of the base), so the
// strides/offset arithmetic, the values read, storage sharing and writes through the view
// are all checked against it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { no_grad, Tensor } from '../index.js';
import { toNumbers } from '../testing/index.js';

/** The model: a shape and a function from an index to the base's flat element index. */
interface Model { shape: number[]; at: (idx: number[]) => number }

type Step =
  | { op: 'transpose'; a: number; b: number }
  | { op: 'permute'; seed: number }
  | { op: 'slice'; d: number; start: number; len: number; step: number }
  | { op: 'select'; d: number; i: number }
  | { op: 'unsqueeze'; d: number }
  | { op: 'expand'; d: number; size: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('transpose' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('permute' as const), seed: fc.nat() }),
  fc.record({ op: fc.constant('slice' as const), d: fc.nat(), start: fc.nat(), len: fc.nat(), step: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('select' as const), d: fc.nat(), i: fc.nat() }),
  fc.record({ op: fc.constant('unsqueeze' as const), d: fc.nat() }),
  fc.record({ op: fc.constant('expand' as const), d: fc.nat(), size: fc.integer({ min: 1, max: 3 }) }),
);

/** Applies one step to both the tensor and the model (steps that do not fit the shape are skipped). */
function apply(t: Tensor, m: Model, s: Step, allowExpand: boolean): [Tensor, Model] {
  const n = m.shape.length;
  const sh = m.shape;
  switch (s.op) {
    case 'transpose': {
      if (n < 1) return [t, m];
      const a = s.a % n;
      const b = s.b % n;
      const shape = [...sh];
      [shape[a], shape[b]] = [sh[b]!, sh[a]!];
      return [t.transpose(a, b), { shape, at: (i) => { const j = [...i]; [j[a], j[b]] = [i[b]!, i[a]!]; return m.at(j); } }];
    }
    case 'permute': {
      const order = [...Array(n).keys()].sort((x, y) => ((x * 7 + s.seed) % 5) - ((y * 7 + s.seed) % 5) || x - y);
      return [t.permute(order), { shape: order.map((d) => sh[d]!), at: (i) => { const j = new Array<number>(n); order.forEach((d, k) => (j[d] = i[k]!)); return m.at(j); } }];
    }
    case 'slice': {
      if (n < 1) return [t, m];
      const d = s.d % n;
      const start = s.start % sh[d]!;
      const end = Math.min(sh[d]!, start + 1 + (s.len % sh[d]!));
      const len = Math.ceil((end - start) / s.step);
      const shape = [...sh];
      shape[d] = len;
      return [t.slice(d, start, end, s.step), { shape, at: (i) => { const j = [...i]; j[d] = start + i[d]! * s.step; return m.at(j); } }];
    }
    case 'select': {
      if (n < 1) return [t, m];
      const d = s.d % n;
      const i0 = s.i % sh[d]!;
      return [t.select(d, i0), { shape: sh.filter((_, k) => k !== d), at: (i) => m.at([...i.slice(0, d), i0, ...i.slice(d)]) }];
    }
    case 'unsqueeze': {
      if (n >= 5) return [t, m];
      const d = s.d % (n + 1);
      return [t.unsqueeze(d), { shape: [...sh.slice(0, d), 1, ...sh.slice(d)], at: (i) => m.at([...i.slice(0, d), ...i.slice(d + 1)]) }];
    }
    case 'expand': {
      if (!allowExpand || n < 1) return [t, m];
      const d = s.d % n;
      if (sh[d] !== 1) return [t, m];
      const shape = [...sh];
      shape[d] = s.size;
      return [t.expand(shape), { shape, at: (i) => { const j = [...i]; j[d] = 0; return m.at(j); } }];
    }
  }
}

function* indices(shape: readonly number[]): Generator<number[]> {
  const total = shape.reduce((a, b) => a * b, 1);
  for (let f = 0; f < total; f++) {
    const idx = new Array<number>(shape.length);
    let r = f;
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d] = r % shape[d]!;
      r = Math.floor(r / shape[d]!);
    }
    yield idx;
  }
}

const baseShape = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 });

function build(shape: number[], steps: Step[], allowExpand: boolean): { base: Tensor; view: Tensor; model: Model } {
  const n = shape.reduce((a, b) => a * b, 1);
  const base = Tensor.fromHost(Float64Array.from({ length: n }, (_, i) => i * 10 + 1), shape, 'float64');
  const strides = base.stride();
  let view = base;
  let model: Model = { shape: [...shape], at: (i) => i.reduce((acc, v, d) => acc + v * strides[d]!, 0) };
  for (const s of steps) [view, model] = apply(view, model, s, allowExpand);
  return { base, view, model };
}

describe('view properties', () => {
  it('shape, strides and offset of any view chain agree with the naive index model', () => {
    fc.assert(
      fc.property(baseShape, fc.array(stepArb, { maxLength: 6 }), (shape, steps) => {
        const { base, view, model } = build(shape, steps, true);
        expect([...view.shape]).toEqual(model.shape);
        expect(view.untyped_storage()).toBe(base.untyped_storage());
        const values = toNumbers(view);
        const baseValues = toNumbers(base);
        const st = view.stride();
        let k = 0;
        for (const idx of indices(model.shape)) {
          const flat = model.at(idx);
          expect(view.storage_offset() + idx.reduce((acc, v, d) => acc + v * st[d]!, 0)).toBe(flat);
          expect(values[k++]).toBe(baseValues[flat]);
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('writes through a view are seen by the base, and only at the viewed elements', () => {
    fc.assert(
      fc.property(baseShape, fc.array(stepArb, { maxLength: 6 }), (shape, steps) => {
        const { base, view, model } = build(shape, steps, false);
        const before = toNumbers(base);
        no_grad(() => view.add_(1000));
        const after = toNumbers(base);
        const touched = new Set<number>();
        for (const idx of indices(model.shape)) touched.add(model.at(idx));
        after.forEach((v, i) => expect(v).toBe(touched.has(i) ? before[i]! + 1000 : before[i]));
        // and the base's version counter moved, as a write to any view bumps the shared counter
        expect(base._version).toBeGreaterThan(0);
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it('contiguous() of a view is a copy: later writes to it do not reach the base', () => {
    fc.assert(
      fc.property(baseShape, fc.array(stepArb, { minLength: 1, maxLength: 4 }), (shape, steps) => {
        const { base, view } = build(shape, steps, true);
        const c = view.is_contiguous() ? view.clone() : view.contiguous();
        expect(c.untyped_storage()).not.toBe(base.untyped_storage());
        expect(toNumbers(c)).toEqual(toNumbers(view));
        const before = toNumbers(base);
        no_grad(() => c.fill_(-1));
        expect(toNumbers(base)).toEqual(before);
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});
