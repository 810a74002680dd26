// Type promotion against the tables torch.promote_types / torch.result_type produced
// (fixtures/ops/promotion.json, written by tooling/goldens/gen_core_ops.py), plus lattice
// properties and the dtype real ops return.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DTYPES, type DTypeName, promoteTypes, resultType, Tensor, type PromotionOperand, allocHostArray } from '../index.js';
import { loadFixture } from '../testing/index.js';

interface Operand { dtype: DTypeName; kind: 'tensor' | 'zerodim' | 'scalar' }
const table = loadFixture<{
  promote_types: Record<DTypeName, Record<DTypeName, DTypeName>>;
  result_type: { a: Operand; b: Operand; result: DTypeName }[];
}>('ops/promotion.json');
const NAMES = Object.keys(DTYPES) as DTypeName[];
const dt = fc.constantFrom(...NAMES);
const op = (o: Operand): PromotionOperand => ({ dtype: DTYPES[o.dtype], kind: o.kind });

/** A tensor or Python-scalar operand as the TS API takes it. */
function operand(o: Operand): Tensor | number | boolean {
  if (o.kind === 'scalar') return o.dtype === 'bool' ? true : o.dtype === 'int64' ? 3 : 2.5;
  const shape = o.kind === 'tensor' ? [2] : [];
  const h = allocHostArray(o.dtype, o.kind === 'tensor' ? 2 : 1);
  return Tensor.fromHost(h, shape, o.dtype);
}

describe('type promotion', () => {
  it('promoteTypes equals torch.promote_types on all 100 pairs', () => {
    for (const a of NAMES) for (const b of NAMES) expect(promoteTypes(DTYPES[a], DTYPES[b]).name, `${a}, ${b}`).toBe(table.promote_types[a][b]);
  });

  it('promoteTypes is symmetric, idempotent and associative', () => {
    fc.assert(
      fc.property(dt, dt, dt, (a, b, c) => {
        const [A, B, C] = [DTYPES[a], DTYPES[b], DTYPES[c]];
        expect(promoteTypes(A, B)).toBe(promoteTypes(B, A));
        expect(promoteTypes(A, A)).toBe(A);
        expect(promoteTypes(promoteTypes(A, B), C)).toBe(promoteTypes(A, promoteTypes(B, C)));
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it(`resultType equals torch.result_type on all ${table.result_type.length} tensor/zero-dim/scalar pairs`, () => {
    expect(table.result_type.length).toBeGreaterThan(400);
    for (const { a, b, result } of table.result_type) {
      expect(resultType([op(a), op(b)]).name, `${a.kind} ${a.dtype}, ${b.kind} ${b.dtype}`).toBe(result);
    }
  });

  it('resultType does not depend on operand order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...table.result_type), fc.constantFrom(...table.result_type), ({ a, b }, { a: c }) => {
        const ops = [op(a), op(b), op(c)];
        const r = resultType(ops).name;
        expect(resultType([...ops].reverse()).name).toBe(r);
        expect(resultType([ops[1]!, ops[2]!, ops[0]!]).name).toBe(r);
      }),
      { numRuns: 500, seed: 8 },
    );
  });

  it('mul and eq of real operands follow the table (eq always gives bool)', () => {
    for (const { a, b, result } of table.result_type) {
      if (a.kind === 'scalar') continue;
      const x = operand(a) as Tensor;
      const y = operand(b);
      expect(x.mul(y).dtype.name, `mul ${a.kind} ${a.dtype} by ${b.kind} ${b.dtype}`).toBe(result);
      expect(x.eq(y).dtype.name).toBe('bool');
    }
  });
});
