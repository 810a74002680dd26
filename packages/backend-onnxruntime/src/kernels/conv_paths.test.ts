/**
 * The convolution gradients' graph forms: the weight gradient as im2col + GEMM and the stride-1
 * transposed convolution that grows the channel count as a Conv with the flipped weight, against the reference backend, for
 * shapes that take those paths and shapes that fall back (to ConvTranspose, or to the reference).
 * The models each case builds are recorded to tell which path ran, and checked with onnx's checker.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { kernels as K, type DTypeName } from '@nncompat/core';
import { clearSessionCache, setModelRecorder } from '../exec/session_cache.js';
import { observedDtypes } from '../exec/coverage_log.js';
import { expectAgree, rnd, seed } from '../testing/agree.js';
import { checkModels, onnxCheckerUnavailable } from '../testing/onnx_checker.js';

const GEMM_TOL: Record<string, { rtol: number; atol: number }> = {
  float32: { rtol: 1e-4, atol: 1e-4 },
  float64: { rtol: 1e-10, atol: 1e-10 },
  float16: { rtol: 2e-3, atol: 2e-3 },
};

const models = new Map<string, Uint8Array>();

/** Runs `f` with an empty session cache and returns the keys of the models it built. */
function keysBuilt(f: () => void): string[] {
  clearSessionCache();
  const keys: string[] = [];
  setModelRecorder((key, bytes) => {
    keys.push(key);
    models.set(key, bytes);
  });
  try {
    f();
  } finally {
    setModelRecorder(null);
  }
  return keys;
}

type Attrs = Record<string, unknown>;
const conv = (stride: number[], padding: number[], dilation: number[], groups = 1): Attrs => ({ stride, padding, dilation, groups });

describe('conv weight gradient: im2col + one GEMM', () => {
  afterAll(() => clearSessionCache());

  // [x shape, weight shape, attrs]; dy's shape follows from the forward conv.
  const cases: [number[], number[], Attrs][] = [
    [[3, 4, 7, 7], [5, 4, 3, 3], conv([1, 1], [1, 1], [1, 1])], // the bench CNN's layers, smaller
    [[2, 1, 9, 8], [4, 1, 3, 3], conv([1, 1], [1, 1], [1, 1])], // one input channel (conv1)
    [[2, 3, 9, 8], [4, 3, 3, 3], conv([2, 3], [1, 1], [1, 1])], // strides that drop trailing rows
    [[3, 2, 7, 7], [5, 2, 2, 3], conv([2, 1], [0, 1], [2, 2])], // dilation, rectangular kernel
    [[2, 3, 6, 5], [4, 3, 1, 1], conv([1, 1], [0, 0], [1, 1])], // 1×1: one tap, no Concat
    [[2, 3, 6, 7], [2, 3, 3, 2], conv([1, 2], [2, 1], [1, 2])], // padding beyond a tap's reach
  ];
  const outSize = (n: number, k: number, s: number, p: number, d: number): number => Math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1;
  const dyShape = (xs: number[], ws: number[], a: Attrs): number[] => {
    const [s, p, d] = [a['stride'], a['padding'], a['dilation']] as number[][];
    return [xs[0]!, ws[0]!, outSize(xs[2]!, ws[2]!, s![0]!, p![0]!, d![0]!), outSize(xs[3]!, ws[3]!, s![1]!, p![1]!, d![1]!)];
  };

  it('agrees with the reference for stride, padding, dilation, 1×1 and one channel', () => {
    seed(60);
    for (const dt of ['float32', 'float16'] as DTypeName[]) {
      for (const [xs, ws, attrs] of cases) {
        const keys = keysBuilt(() => {
          expectAgree(K.Conv2DBackpropFilter, { x: { base: rnd(xs, dt) }, dy: { base: rnd(dyShape(xs, ws, attrs), dt) } }, { ...attrs, weightShape: ws }, { tol: GEMM_TOL[dt] });
        });
        expect(keys.some((k) => k.includes('[im2col|')), `${JSON.stringify(attrs)} took the im2col path`).toBe(true);
      }
    }
  });

  it('float64 runs natively (Gemm has a double kernel; the swapped Conv had none)', () => {
    seed(61);
    const [xs, ws, attrs] = cases[2]!;
    expectAgree(K.Conv2DBackpropFilter, { x: { base: rnd(xs, 'float64') }, dy: { base: rnd(dyShape(xs, ws, attrs), 'float64') } }, { ...attrs, weightShape: ws }, { tol: GEMM_TOL['float64'] });
    expect(observedDtypes(K.Conv2DBackpropFilter).native).toContain('float64');
  });

  it('strided views of x and dy, and a batch size the cached session has not seen', () => {
    seed(62);
    const attrs = { ...conv([1, 1], [1, 1], [1, 1]), weightShape: [5, 4, 3, 3] };
    const keys = keysBuilt(() => {
      expectAgree(K.Conv2DBackpropFilter, { x: { base: rnd([3, 7, 7, 4]), view: (t) => t.permute(0, 3, 1, 2) }, dy: { base: rnd([5, 3, 7, 7]), view: (t) => t.transpose(0, 1) } }, attrs, { tol: GEMM_TOL['float32'] });
      expectAgree(K.Conv2DBackpropFilter, { x: { base: rnd([6, 4, 7, 7]) }, dy: { base: rnd([6, 5, 7, 7]) } }, attrs, { tol: GEMM_TOL['float32'] });
    });
    expect(keys.length).toBe(1);
  });

  it('kernels of more than 9 taps keep the swapped Conv (faster there)', () => {
    seed(65);
    const attrs = { ...conv([2, 1], [2, 1], [1, 1]), weightShape: [3, 2, 5, 3] };
    const keys = keysBuilt(() => {
      expectAgree(K.Conv2DBackpropFilter, { x: { base: rnd([2, 2, 9, 7]) }, dy: { base: rnd([2, 3, 5, 7]) } }, attrs, { tol: GEMM_TOL['float32'] });
    });
    expect(keys.length).toBe(1);
    expect(keys[0]).not.toContain('[im2col|');
  });

  it('grouped convolutions stay on the reference code', () => {
    seed(63);
    const keys = keysBuilt(() => {
      expectAgree(K.Conv2DBackpropFilter, { x: { base: rnd([2, 4, 6, 6]) }, dy: { base: rnd([2, 4, 6, 6]) } }, { ...conv([1, 1], [1, 1], [1, 1], 4), weightShape: [4, 1, 3, 3] }, { tol: GEMM_TOL['float32'], native: false });
    });
    expect(keys).toEqual([]);
  });
});

describe('stride-1 conv_transpose2d (conv input gradient) as a Conv with the flipped weight', () => {
  afterAll(() => clearSessionCache());

  // [x shape, weight shape [Cin, Cout/g, kh, kw], attrs incl. outputPadding, path]
  const cases: [number[], number[], Attrs, 'flipped' | 'ConvTranspose'][] = [
    [[2, 4, 7, 7], [4, 6, 3, 3], { ...conv([1, 1], [1, 1], [1, 1]), outputPadding: [0, 0] }, 'flipped'],
    [[2, 3, 6, 5], [3, 3, 2, 3], { ...conv([1, 1], [0, 2], [1, 1]), outputPadding: [0, 0] }, 'flipped'],
    // Dilation 2 allows output_padding 1 at stride 1 (added on the end side of the pads).
    [[1, 2, 6, 6], [2, 3, 3, 2], { ...conv([1, 1], [1, 0], [2, 2]), outputPadding: [1, 1] }, 'flipped'],
    // Fewer output than input channels (where ConvTranspose is faster), padding beyond the
    // dilated kernel (negative Conv pads), stride 2, groups: ConvTranspose.
    [[2, 5, 7, 7], [5, 4, 3, 3], { ...conv([1, 1], [1, 1], [1, 1]), outputPadding: [0, 0] }, 'ConvTranspose'],
    [[2, 3, 6, 6], [3, 4, 1, 1], { ...conv([1, 1], [1, 0], [1, 1]), outputPadding: [0, 0] }, 'ConvTranspose'],
    [[2, 3, 5, 4], [3, 4, 3, 3], { ...conv([2, 1], [1, 1], [1, 1]), outputPadding: [1, 0] }, 'ConvTranspose'],
    [[2, 4, 5, 5], [4, 2, 3, 3], { ...conv([1, 1], [1, 1], [1, 1], 2), outputPadding: [0, 0] }, 'ConvTranspose'],
  ];

  it('agrees with the reference, with and without bias, and takes the expected path', () => {
    seed(64);
    for (const dt of ['float32', 'float16'] as DTypeName[]) {
      for (const [xs, ws, attrs, path] of cases) {
        const outC = ws[1]! * (attrs['groups'] as number);
        const keys = keysBuilt(() => {
          for (const bias of [null, { base: rnd([outC], dt) }]) {
            expectAgree(K.ConvTranspose2D, { x: { base: rnd(xs, dt) }, weight: { base: rnd(ws, dt) }, bias }, attrs, { tol: GEMM_TOL[dt] });
          }
        });
        const flipped = keys.some((k) => k.includes('[flipped|'));
        expect(flipped, `${JSON.stringify(attrs)} path`).toBe(path === 'flipped');
      }
    }
  });
});

const why = onnxCheckerUnavailable();
describe.skipIf(why !== null)('the new convolution models', () => {
  it('pass onnx.checker.check_model', () => {
    expect(models.size).toBeGreaterThan(5);
    expect(checkModels(models)).toEqual([]);
  });
});
