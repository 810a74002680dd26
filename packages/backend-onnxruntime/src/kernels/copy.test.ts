import { describe, it } from 'vitest';
import { DTYPES, kernels as K, tensor, type DTypeName } from '@nncompat/core';
import { expectAgree, rnd, seed } from '../testing/agree.js';

const ALL: DTypeName[] = ['float32', 'float64', 'float16', 'bfloat16', 'int8', 'uint8', 'int16', 'int32', 'int64', 'bool'];

describe('Cast and Where agree with the reference backend', () => {
  it('Cast between every pair of dtypes (floats scaled to cover wrap-around and truncation)', () => {
    seed(20);
    for (const from of ALL) {
      const base = from === 'bool' ? rnd([3, 4], 'bool') : rnd([3, 4], 'float64').mul(from.startsWith('float') || from === 'bfloat16' ? 100 : 1).to(from);
      for (const to of ALL) {
        const f16double = from === 'float64' && (to === 'float16' || to === 'bfloat16');
        const bf2h = from === 'bfloat16' && to === 'float16';
        expectAgree(K.Cast, { x: { base } }, { dtype: DTYPES[to] }, { native: !(f16double || bf2h), tol: { rtol: 0, atol: 0 } });
      }
    }
  });
  it('Cast of NaN to integers gives 0, as PyTorch; of a strided view', () => {
    const x = { base: tensor([NaN, 1.5, -2.5, 7.9]) };
    for (const to of ['int32', 'int64', 'uint8', 'bool'] as DTypeName[]) expectAgree(K.Cast, { x }, { dtype: DTYPES[to] });
    expectAgree(K.Cast, { x: { base: rnd([4, 6]), view: (t) => t.t().narrow(0, 1, 3) } }, { dtype: DTYPES.int32 });
  });
  it('Where with broadcasting over dtypes', () => {
    seed(21);
    for (const dt of ALL) {
      const condition = { base: rnd([3, 1], 'bool') };
      expectAgree(K.Where, { condition, a: { base: rnd([3, 4], dt) }, b: { base: rnd([4], dt) } }, { outShape: [3, 4] });
      expectAgree(K.Where, { condition: { base: rnd([2, 3], 'bool'), view: (t) => t.t() }, a: { base: rnd([], dt) }, b: { base: rnd([3, 1], dt) } }, { outShape: [3, 2] });
    }
  });
  it('Contiguous and Assign run on host buffers', () => {
    seed(22);
    expectAgree(K.Contiguous, { x: { base: rnd([3, 4]), view: (t) => t.t() } }, {}, { native: false });
  });
});
