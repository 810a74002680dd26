import { afterEach, describe, expect, it } from 'vitest';
import { kernels as K, runKernel, tensor, type DTypeName, type Tensor } from '@nncompat/core';
import { setKernelObserver, type Fed, type KernelObserver } from '../exec/plan.js';
import { isDense } from '../exec/materialize.js';
import { expectAgree, rnd, seed } from '../testing/agree.js';

const TOL: Record<string, { rtol: number; atol: number }> = {
  float32: { rtol: 1e-4, atol: 1e-4 },
  float64: { rtol: 1e-10, atol: 1e-10 },
};

/** Records the views each planned Addmm call fed to onnxruntime. */
function watchFed(): Fed[][] {
  const seen: Fed[][] = [];
  const obs: KernelObserver = {
    planned: (kernel, _plan, fed) => { if (kernel === K.Addmm) seen.push([...fed]); },
    unplanned: () => undefined,
  };
  setKernelObserver(obs);
  return seen;
}

afterEach(() => { setKernelObserver(null); });

describe('Addmm as ONNX Gemm agrees with the reference backend', () => {
  it('broadcasts a bias of shape [], [m], [1,m], [n,1] and [n,m] (float32, float64)', () => {
    seed(60);
    const seen = watchFed();
    for (const dt of ['float32', 'float64'] as DTypeName[]) {
      const a = { base: rnd([5, 7], dt) };
      const b = { base: rnd([7, 3], dt) };
      for (const bs of [[], [3], [1, 3], [5, 1], [5, 3]]) {
        expectAgree(K.Addmm, { bias: { base: rnd(bs, dt) }, a, b }, { alpha: 1, beta: 1 }, { tol: TOL[dt] });
      }
      // A bias expanded to [n, m] with stride 0 (what F.linear passes after broadcasting).
      expectAgree(K.Addmm, { bias: { base: rnd([3], dt), view: (t) => t.expand(5, 3) }, a, b }, { alpha: 1, beta: 1 }, { tol: TOL[dt] });
    }
    // Every case ran as a Gemm graph (none fell back to the reference code).
    expect(seen.length).toBe(12);
    // The expanded bias was fed as [1, 3], not copied to [5, 3].
    expect([...seen[5]![2]!.shape]).toEqual([1, 3]);
  });

  it('feeds transposed views of a and b as their dense bases (transA/transB, no host copy)', () => {
    seed(61);
    const seen = watchFed();
    for (const dt of ['float32', 'float64'] as DTypeName[]) {
      const bias = { base: rnd([4], dt) };
      const aT = { base: rnd([6, 5], dt), view: (t: Tensor) => t.t() };
      const bT = { base: rnd([4, 6], dt), view: (t: Tensor) => t.t() };
      expectAgree(K.Addmm, { bias, a: aT, b: { base: rnd([6, 4], dt) } }, { alpha: 1, beta: 1 }, { tol: TOL[dt] });
      expectAgree(K.Addmm, { bias, a: { base: rnd([5, 6], dt) }, b: bT }, { alpha: 1, beta: 1 }, { tol: TOL[dt] });
      expectAgree(K.Addmm, { bias, a: aT, b: bT }, { alpha: 1, beta: 1 }, { tol: TOL[dt] });
    }
    expect(seen.length).toBe(6);
    for (const fed of seen) for (const f of fed) expect(isDense(f.info)).toBe(true);
    // The transposed operands were fed in their base layout: [k, n] for a, [m, k] for b.
    expect([...seen[0]![0]!.shape]).toEqual([6, 5]);
    expect([...seen[1]![1]!.shape]).toEqual([4, 6]);
  });

  it('gathers other strided views (a sliced column range) and still agrees', () => {
    seed(62);
    expectAgree(K.Addmm, { bias: { base: rnd([3]) }, a: { base: rnd([4, 9]), view: (t) => t.narrow(1, 2, 5) }, b: { base: rnd([5, 3]) } },
      { alpha: 1, beta: 1 }, { tol: TOL['float32'] });
  });

  it('applies alpha and beta, and ignores the bias (NaN included) when beta is 0', () => {
    seed(63);
    for (const dt of ['float32', 'float64'] as DTypeName[]) {
      const a = { base: rnd([4, 6], dt) };
      const b = { base: rnd([6, 5], dt) };
      // 0.1 and -0.3 are not float32 values: for float64 they run as float64 Mul nodes.
      for (const [alpha, beta] of [[2, 0.5], [0.1, -0.3], [-1.5, 1], [1, 3]] as const) {
        expectAgree(K.Addmm, { bias: { base: rnd([5], dt) }, a, b }, { alpha, beta }, { tol: TOL[dt] });
        expectAgree(K.Addmm, { bias: { base: rnd([4, 5], dt) }, a, b }, { alpha, beta }, { tol: TOL[dt] });
      }
      const nanBias = { base: tensor([NaN, 1, 2, 3, 4], { dtype: dt }) };
      const [out] = expectAgree(K.Addmm, { bias: nanBias, a, b }, { alpha: 0.5, beta: 0 }, { tol: TOL[dt] });
      expect(out!.isnan().any().item()).toBe(false);
    }
  });

  it('float64 keeps float64 precision with a scale float32 cannot hold', () => {
    seed(64);
    const a = { base: rnd([3, 4], 'float64') };
    const b = { base: rnd([4, 2], 'float64') };
    expectAgree(K.Addmm, { bias: { base: rnd([2], 'float64') }, a, b }, { alpha: 1 / 3, beta: 0.7 }, { tol: { rtol: 1e-13, atol: 1e-13 } });
  });

  it('shapes or dtypes Gemm cannot take run the reference code and raise its errors', () => {
    const ort = (shape: number[], dt: DTypeName = 'float32') => rnd(shape, dt).to('onnxruntime');
    expect(() => runKernel(K.Addmm, { bias: ort([2]), a: ort([2, 3]), b: ort([4, 2]) }, { alpha: 1, beta: 1 }))
      .toThrow('Addmm expects [n,k] and [k,m] operands, got shapes [2, 3] and [4, 2]');
    expect(() => runKernel(K.Addmm, { bias: ort([3]), a: ort([2, 3]), b: ort([3, 2]) }, { alpha: 1, beta: 1 }))
      .toThrow('Addmm: bias of shape [3] does not broadcast to [2, 2]');
    expect(() => runKernel(K.Addmm, { bias: ort([2], 'int32'), a: ort([2, 3], 'int32'), b: ort([3, 2], 'int32') }, { alpha: 1, beta: 1 }))
      .toThrow('Addmm expects one float32 or float64 dtype, got int32, int32 and int32');
  });
});
