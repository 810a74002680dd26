// The gpujs backend as core sees it: devices, moves, mixing errors, an autograd MLP matching the
// reference backend, in-place writes, coverage, the compiled-kernel cache, gpu.js mode choice.
import { GPU } from 'gpu.js';
import { describe, expect, it } from 'vitest';
import { getBackend, kernels, randn, Tensor, tidy } from '@nncompat/core';
import { checkDeviceMixRefused, checkMoveRoundTrip, mlpSetup, mlpStep } from '@nncompat/core/testing';
import { GPUJS, GpujsBackend, kernelCoverage, setGpujsMode } from './index.js';

const backend = (): GpujsBackend => getBackend(GPUJS) as GpujsBackend;

describe('gpujs backend', () => {
  it('runs on gpu.js\'s WebAssembly kernel on Node when headless-gl is unavailable', () => {
    randn(3).to(GPUJS).exp();
    // `gl` is an optional dependency left unbuilt here (install scripts are off): gpu.js's
    // require('gl') fails inside a try/catch and it falls through to its wasm kernel.
    expect(backend().kernelMode).toBe(GPU.isHeadlessGLSupported ? 'headlessgl' : 'webasm');
  });

  it('moves tensors with .to() and back, differentiably', () => {
    checkMoveRoundTrip(GPUJS);
  });

  it('refuses to mix devices in one op, as PyTorch does', () => {
    checkDeviceMixRefused(GPUJS);
    expect(() => randn(1, 2).mm(randn(2, 2).to(GPUJS))).toThrow('found at least two devices, cpu and gpujs!');
  });

  it('an autograd MLP training run gives the reference backend\'s losses', () => {
    const ref = mlpSetup('reference');
    const gpu = mlpSetup(GPUJS);
    let first = 0;
    let last = 0;
    for (let i = 0; i < 30; i++) {
      const a = tidy(() => mlpStep(ref.params, ref.x, ref.y));
      const b = tidy(() => mlpStep(gpu.params, gpu.x, gpu.y));
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(a)));
      if (i === 0) first = b;
      last = b;
    }
    expect(last).toBeLessThan(first);
    expect(gpu.params[0]!.device).toBe(GPUJS);
    gpu.params.forEach((p, i) => {
      const want = ref.params[i]!.dataSync() as Float32Array;
      const got = p.dataSync() as Float32Array;
      got.forEach((v, j) => expect(Math.abs(v - want[j]!)).toBeLessThanOrEqual(1e-5));
    });
  });

  it('writes in place through views (Assign falls back and writes back with WriteHost)', () => {
    const a = Tensor.fromHost(Float32Array.from({ length: 12 }, (_, i) => i), [3, 4], 'float32', GPUJS);
    const view = a.t();
    view.select(0, 1).fill_(-1);
    a.slice(0, 2, 3).mul_(10);
    expect(a.tolist()).toEqual([[0, -1, 2, 3], [4, -1, 6, 7], [80, -10, 100, 110]]);
  });

  it('computes logical_not of NaN as PyTorch 1.13 does (False)', () => {
    // torch.logical_not(torch.tensor([nan, 0., 2.])) printed tensor([False,  True, False]).
    const x = Tensor.fromHost(new Float32Array([NaN, 0, 2]), [3], 'float32', GPUJS);
    expect(x.logical_not().tolist()).toEqual([false, true, false]);
  });

  it('compiles a kernel once per signature and reuses it', () => {
    const b = backend();
    const x = randn(37, 41).to(GPUJS);
    const y = randn(41).to(GPUJS);
    const before = b.kernels.stats();
    const t0 = performance.now();
    x.add(y);
    const first = performance.now() - t0;
    const mid = b.kernels.stats();
    expect(mid.compiles).toBe(before.compiles + 1);
    const t1 = performance.now();
    for (let i = 0; i < 20; i++) x.add(y);
    const cached = (performance.now() - t1) / 20;
    const after = b.kernels.stats();
    expect(after.compiles).toBe(mid.compiles);
    expect(after.hits).toBe(mid.hits + 20);
    console.log(`gpu.js ${b.kernelMode}: first call (compile) ${first.toFixed(2)} ms, cached call ${(cached * 1000).toFixed(1)} µs`);
    expect(cached).toBeLessThan(first);
  });

  it('returns a fresh array per call (results never alias gpu.js\'s memory)', () => {
    const x = Tensor.fromHost(new Float32Array([1, 2, 3]), [3], 'float32', GPUJS);
    const a = x.mul(2);
    const b = x.mul(3);
    expect(a.tolist()).toEqual([2, 4, 6]);
    expect(b.tolist()).toEqual([3, 6, 9]);
  });

  it('reports native kernels and fallbacks per SPI kernel in kernelCoverage()', () => {
    const rows = kernelCoverage();
    expect(rows.map((r) => r.kernel)).toEqual([...kernels.ALL_KERNELS]);
    const native = rows.filter((r) => r.status === 'native').map((r) => r.kernel);
    for (const k of ['BatchMatMul', 'Addmm', 'Conv2D', 'MaxPool2D', 'Add', 'Mul', 'Sum', 'Max', 'Min', 'Prod', 'Softmax', 'LogSoftmax', 'Relu', 'Sigmoid', 'Tanh', 'Gelu']) {
      expect(native).toContain(k);
    }
    expect(rows.find((r) => r.kernel === 'Gather')).toMatchObject({ status: 'fallback', onReference: 'every call' });
    // Non-float32 calls of native kernels run on the reference backend and are recorded.
    Tensor.fromHost(new Int32Array([1, 2]), [2], 'int32', GPUJS).add(1);
    expect(kernelCoverage().find((r) => r.kernel === 'Add')!.seen).toContain('dtype');
  });

  it('rejects an unknown gpu.js mode with a clear error', () => {
    expect(() => setGpujsMode('metal' as never)).toThrow("setGpujsMode(): 'mode' must be one of 'gpu', 'cpu', 'webasm', 'webgl', 'webgl2', 'headlessgl', got \"metal\"");
    expect(() => new GpujsBackend('x', 'nope' as never)).toThrow(TypeError);
  });

  it('keeps gpu.js\'s error for a mode this platform lacks, and recovers on another mode', () => {
    setGpujsMode('webgl');
    expect(() => getBackend(GPUJS)).toThrow('backend \'gpujs\' failed to initialize: A requested mode of "webgl" and is not supported');
    setGpujsMode('gpu');
    expect(randn(2).to(GPUJS).exp().device).toBe(GPUJS);
  });
});
