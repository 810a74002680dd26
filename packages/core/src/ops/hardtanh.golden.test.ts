// hardtanh / relu6 forward values and input gradients against PyTorch 1.13
// (fixtures/ops/hardtanh.json, tooling/goldens/gen_hardtanh.py): 0 gradient on both boundaries,
// NaN inputs passing the gradient, inf/NaN incoming gradients, integer dtypes and the errors.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hardtanh, tensor, type DTypeName } from '../index.js';

type Num = number | 'nan' | 'inf' | '-inf';
interface Case {
  op: 'hardtanh' | 'relu6';
  min_val: number;
  max_val: number;
  dtype: DTypeName;
  x: Num[];
  g: Num[];
  y: Num[];
  grad: Num[];
  grad_fn: string;
}
interface IntCase { min_val: number; max_val: number; dtype: DTypeName; x: number[]; y: number[]; y_dtype: DTypeName }
interface ErrCase { dtype: DTypeName; min_val: number; max_val: number; error: string }

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/ops/hardtanh.json', import.meta.url), 'utf8')) as {
  cases: Case[];
  ints: IntCase[];
  errors: ErrCase[];
};
const dec = (v: Num): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v);
const list = (t: { tolist(): unknown }): number[] => t.tolist() as number[];

describe('hardtanh follows ATen (forward = clamp, backward = hardtanh_backward)', () => {
  fixture.cases.forEach((c, i) => {
    it(`${c.op}(${c.min_val}, ${c.max_val}) ${c.dtype} #${i}`, () => {
      const x = tensor(c.x.map(dec), { dtype: c.dtype, requires_grad: true });
      const y = hardtanh(x, c.min_val, c.max_val);
      expect(y.grad_fn?.name()).toBe(c.grad_fn);
      // Exact: clamp returns an input or a bound, and the gradient is g or 0.
      expect(list(y.detach())).toEqual(c.y.map(dec));
      y.backward(tensor(c.g.map(dec), { dtype: c.dtype }));
      expect(list(x.grad!)).toEqual(c.grad.map(dec));
    });
  });
  fixture.ints.forEach((c) => {
    it(`integer ${c.dtype} hardtanh(${c.min_val}, ${c.max_val}) truncates the bounds`, () => {
      const y = hardtanh(tensor(c.x, { dtype: c.dtype }), c.min_val, c.max_val);
      expect(y.dtype.name).toBe(c.y_dtype);
      expect(list(y)).toEqual(c.y);
    });
  });
  fixture.errors.forEach((c) => {
    it(`refuses ${c.dtype} with (${c.min_val}, ${c.max_val})`, () => {
      expect(() => hardtanh(tensor([1, 0], { dtype: c.dtype }), c.min_val, c.max_val)).toThrow(c.error);
    });
  });
});
