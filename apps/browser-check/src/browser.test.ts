// Runs the tfjs backend (tfjs webgl, then tfjs webgpu) and the gpu.js backend (gpu.js WebGL2) inside
// headless Debian Chromium, where WebGL and WebGPU come from SwiftShader (software, no GPU needed),
// and checks a matmul, a conv2d and an MLP forward/backward against the reference backend computed
// in the same page. Skips, printing why, when /usr/bin/chromium is not installed; the webgpu tests
// skip, printing `webgpu: skipped — <reason>`, when the page gets no WebGPU adapter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePage } from './bundle.js';
import { servePage } from './serve.js';
import { CHROMIUM, CHROMIUM_FLAGS, haveChromium, runInChromium } from './chromium.js';
import type { CaseOutput } from './page/cases.js';
import type { PageResult } from './page/main.js';

const present = haveChromium();
if (!present) {
  console.warn(`SKIPPED browser-check: ${CHROMIUM} is not installed (apt-get install -y chromium); tfjs webgl and gpu.js WebGL were not exercised`);
}

/** float32 agreement: GL shaders compute in float32 with their own summation order. */
const RTOL = 1e-4;
const ATOL = 1e-5;

function maxViolation(got: CaseOutput, want: CaseOutput): { worst: number; at: number; maxAbs: number } {
  let worst = 0;
  let at = -1;
  let maxAbs = 0;
  for (let i = 0; i < want.values.length; i++) {
    const abs = Math.abs(got.values[i]! - want.values[i]!);
    if (!(abs <= maxAbs)) maxAbs = Number.isNaN(abs) ? Infinity : abs;
    const err = abs - (ATOL + RTOL * Math.abs(want.values[i]!));
    if (!(err <= worst)) { worst = Number.isNaN(err) ? Infinity : err; at = i; }
  }
  return { worst, at, maxAbs };
}

describe.skipIf(!present)('backends in headless Chromium agree with the reference backend', () => {
  let result: PageResult;
  let consoleLines: string[] = [];
  beforeAll(async () => {
    const server = await servePage(await bundlePage());
    try {
      const r = await runInChromium(server.url);
      if ('fatal' in r.result) throw new Error(`page failed: ${r.result.fatal}\n${r.console.join('\n')}`);
      result = r.result;
      consoleLines = r.console;
    } finally {
      await server.close();
    }
    // Evidence of what actually ran, in the test log.
    console.log(`WebGL: ${result.glVersion} on ${result.glRenderer}`);
    if (result.webgpu.adapter) console.log(`WebGPU adapter: ${result.webgpu.adapter}`);
    else console.warn(`webgpu: skipped — ${result.webgpu.unavailable} with flags ${CHROMIUM_FLAGS.join(' ')}; tfjs webgpu was not exercised`);
    for (const run of result.runs) console.log(`${run.device}: ran on ${run.ranOn ?? 'nothing'}${run.error ? ` (error: ${run.error})` : ''}`);
  }, 170_000);

  it('has WebGL from SwiftShader, not a CPU-only page', () => {
    expect(result.glRenderer ?? '', consoleLines.join('\n')).toMatch(/SwiftShader/);
  });

  it('ran tfjs on its webgl backend', () => {
    const run = result.runs.find((r) => r.device === 'tfjs')!;
    expect(run.error).toBeNull();
    expect(run.ranOn).toBe('webgl');
  });

  it('ran gpu.js kernels on WebGL2, not its CPU fallback', () => {
    const run = result.runs.find((r) => r.device === 'gpujs')!;
    expect(run.error).toBeNull();
    expect(run.ranOn).toBe('gpu (WebGL2Kernel)');
  });

  it('ran tfjs on its webgpu backend, with and without its CPU hand-off of small ops', (ctx) => {
    if (!result.webgpu.adapter) ctx.skip();
    for (const device of ['tfjs-webgpu', 'tfjs-webgpu-shaders']) {
      const run = result.runs.find((r) => r.device === device)!;
      expect(run.error, device).toBeNull();
      expect(run.ranOn, device).toBe('webgpu');
    }
  });

  function check(device: string, pick: (name: string) => boolean): void {
    const run = result.runs.find((r) => r.device === device)!;
    expect(run.outputs, run.error ?? '').not.toBeNull();
    expect(run.outputs!.map((o) => o.name)).toEqual(result.reference.map((o) => o.name));
    for (const [i, want] of result.reference.entries()) {
      if (!pick(want.name)) continue;
      const got = run.outputs![i]!;
      expect(got.shape, want.name).toEqual(want.shape);
      expect(got.values.length, want.name).toBe(want.values.length);
      expect(want.values.every((v) => v === 0), `${want.name}: reference is all zeros`).toBe(false);
      const { worst, at, maxAbs } = maxViolation(got, want);
      if (device.startsWith('tfjs-webgpu')) console.log(`${device} ${want.name}: max abs error ${maxAbs.toExponential(2)}`);
      expect(worst, `${device} ${want.name}: element ${at} got ${got.values[at]} want ${want.values[at]}`).toBeLessThanOrEqual(0);
    }
  }
  const isGrad = (name: string) => name.startsWith('mlp grad');

  it('tfjs (webgl): matmul, conv2d, MLP forward and every MLP gradient match the reference', () => check('tfjs', () => true));
  it('gpujs (WebGL2): matmul, conv2d and MLP forward/loss match the reference', () => check('gpujs', (n) => !isGrad(n)));
  for (const [device, label] of [['tfjs-webgpu', 'tfjs (webgpu)'], ['tfjs-webgpu-shaders', 'tfjs (webgpu, WEBGPU_CPU_FORWARD off)']] as const) {
    it(`${label}: matmul, conv2d and MLP forward/loss match the reference`, (ctx) => {
      if (!result.webgpu.adapter) ctx.skip();
      check(device, (n) => !isGrad(n));
    });
    it(`${label}: every MLP gradient matches the reference`, (ctx) => {
      if (!result.webgpu.adapter) ctx.skip();
      check(device, isGrad);
    });
  }

  // This check found gpu.js's GLSL pow() being undefined for negative bases (x.pow(2) in the
  // MSE backward); backend-gpujs now raises negative bases by magnitude with the exponent's sign.
  it('gpujs (WebGL2): every MLP gradient matches the reference', () => check('gpujs', isGrad));
});
