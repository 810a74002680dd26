import { describe, expect, it } from 'vitest';
import { broadcastShapes, kernels as K, tensor, type DTypeName } from '@nncompat/core';
import { expectAgree, rnd, seed } from '../testing/agree.js';

const ARITH = [K.Add, K.Sub, K.Mul, K.Maximum, K.Minimum];
const FLOAT_ONLY = [K.Div, K.Pow, K.FloorDiv, K.Remainder];
const COMPARE = [K.Equal, K.NotEqual, K.Less, K.LessEqual, K.Greater, K.GreaterEqual];
const LOGICAL = [K.LogicalAnd, K.LogicalOr, K.LogicalXor];
const ALL_DTYPES: DTypeName[] = ['float32', 'float64', 'float16', 'bfloat16', 'int8', 'uint8', 'int16', 'int32', 'int64'];

// [a shape, b shape]: equal shapes, broadcasting both ways, scalars.
const SHAPES: [number[], number[]][] = [[[3, 4], [3, 4]], [[2, 1, 5], [4, 1]], [[], [2, 3]], [[4], [3, 1]]];

function both(kernel: string, sa: number[], sb: number[], dtype: DTypeName, native = true): void {
  const a = rnd(sa, dtype);
  let b = rnd(sb, dtype);
  if (kernel === K.Pow) b = b.abs().add(0.5).to(dtype); // keep real results
  expectAgree(kernel, { a: { base: a }, b: { base: b } }, { outShape: broadcastShapes(sa, sb) }, { native });
}

describe('binary kernels agree with the reference backend', () => {
  for (const k of ARITH) {
    it(`${k} over dtypes and broadcast shapes`, () => {
      seed(1);
      for (const dt of ALL_DTYPES) for (const [sa, sb] of SHAPES) both(k, sa, sb, dt);
    });
  }
  for (const k of FLOAT_ONLY) {
    it(`${k} (floats natively, integers on the reference code)`, () => {
      seed(2);
      for (const dt of ['float32', 'float64', 'float16', 'bfloat16'] as const) for (const [sa, sb] of SHAPES) both(k, sa, sb, dt);
      if (k !== K.Pow) both(k, [3, 4], [4], 'int32', false);
    });
  }
  for (const k of COMPARE) {
    it(`${k} returns bool`, () => {
      seed(3);
      for (const dt of ['float32', 'float64', 'float16', 'int32', 'int64', 'uint8'] as const) for (const [sa, sb] of SHAPES) both(k, sa, sb, dt);
    });
  }
  for (const k of LOGICAL) {
    it(`${k} on bool and numbers`, () => {
      seed(4);
      for (const dt of ['bool', 'float32', 'int64'] as const) for (const [sa, sb] of SHAPES) both(k, sa, sb, dt);
    });
  }

  it('reads non-contiguous and expanded views without copying them first', () => {
    seed(5);
    const a = rnd([4, 6]);
    const b = rnd([6, 1]);
    // a.t() is [6,4] transposed; b expanded to [6,4] with stride 0; a slice with an offset.
    expectAgree(K.Add, { a: { base: a, view: (t) => t.t() }, b: { base: b, view: (t) => t.expand(6, 4) } }, { outShape: [6, 4] });
    expectAgree(K.Mul, { a: { base: a, view: (t) => t.narrow(0, 1, 2).narrow(1, 0, 3) }, b: { base: a, view: (t) => t.narrow(1, 2, 3).narrow(0, 2, 2) } }, { outShape: [2, 3] });
    expectAgree(K.Sub, { a: { base: a, view: (t) => t.as_strided([2, 2], [12, 2], 1) }, b: { base: b, view: (t) => t.as_strided([2], [3], 2) } }, { outShape: [2, 2] });
  });

  it('keeps the broadcast shape when every operand is expanded along a dim', () => {
    seed(6);
    const s = rnd([]);
    const r = rnd([1, 3]);
    expectAgree(K.Div, { a: { base: s, view: (t) => t.expand(4, 3) }, b: { base: s } }, { outShape: [4, 3] });
    expectAgree(K.Add, { a: { base: r, view: (t) => t.expand(4, 3) }, b: { base: s, view: (t) => t.expand(4, 1) } }, { outShape: [4, 3] });
    expectAgree(K.Where, { condition: { base: rnd([], 'bool'), view: (t) => t.expand(2, 3) }, a: { base: s }, b: { base: s, view: (t) => t.expand(3) } }, { outShape: [2, 3] });
  });

  it('Remainder follows the divisor sign and FloorDiv floors, like Python', () => {
    const a = { base: tensor([-7, 7, -7, 7, 5.5, -5.5]) };
    const b = { base: tensor([2, -2, -2, 2, 2, -2]) };
    const [r] = expectAgree(K.Remainder, { a, b }, { outShape: [6] });
    expect(r!.tolist()).toEqual([1, -1, -1, 1, 1.5, -1.5]);
    const [q] = expectAgree(K.FloorDiv, { a, b }, { outShape: [6] });
    expect(q!.tolist()).toEqual([-4, -4, 3, 3, 2, 2]);
  });

  it('Maximum and Minimum propagate NaN like PyTorch', () => {
    const a = { base: tensor([NaN, 1, 2]) };
    const b = { base: tensor([0, NaN, 1]) };
    expectAgree(K.Maximum, { a, b }, { outShape: [3] });
    expectAgree(K.Minimum, { a, b }, { outShape: [3] });
  });
});
