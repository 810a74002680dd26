/**
 * Browser entry: initialises tfjs's webgl backend, gpu.js in WebGL mode and (when the browser
 * offers a WebGPU adapter) tfjs's webgpu backend, runs the workloads of cases.ts on the reference
 * backend and on each of them, and publishes everything (plus which GL / WebGPU implementation
 * actually ran) on `window.__nncompatResult` for the Node test to compare.
 */
import * as tf from '@tensorflow/tfjs';
import { resolveBackend } from '@nncompat/core';
import { ready, TfjsBackend } from '@nncompat/backend-tfjs';
import { setGpujsMode, GpujsBackend } from '@nncompat/backend-gpujs';
import { runCases, type CaseOutput } from './cases.js';

/** What the page reports for one backend. */
export interface BackendRun {
  device: string;
  /** Where the kernels ran, read back from the backend (tfjs backend name, gpu.js kernel mode). */
  ranOn: string | null;
  outputs: CaseOutput[] | null;
  error: string | null;
}

/** What `navigator.gpu.requestAdapter()` gave: the adapter, or why there is none. */
export interface WebgpuAdapter {
  /** `vendor / architecture (description) [fallback adapter]` from `GPUAdapter.info`, or null. */
  adapter: string | null;
  /** Set when there is no adapter: what the page saw. */
  unavailable: string | null;
}

/** The page's whole report. */
export interface PageResult {
  glRenderer: string | null;
  glVersion: string | null;
  webgpu: WebgpuAdapter;
  reference: CaseOutput[];
  runs: BackendRun[];
}

function glInfo(): { renderer: string | null; version: string | null } {
  const gl = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
  if (!gl) return { renderer: null, version: null };
  const dbg = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = dbg ? String(gl.getParameter(dbg.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
  return { renderer, version: String(gl.getParameter(gl.VERSION)) };
}

interface AdapterInfoLike { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean }
interface GpuLike { requestAdapter(): Promise<{ info?: AdapterInfoLike } | null> }

async function webgpuAdapter(): Promise<WebgpuAdapter> {
  const gpu = (navigator as unknown as { gpu?: GpuLike }).gpu;
  if (!gpu) return { adapter: null, unavailable: `navigator.gpu is undefined (isSecureContext: ${String(window.isSecureContext)})` };
  try {
    const a = await gpu.requestAdapter();
    if (!a) return { adapter: null, unavailable: 'navigator.gpu.requestAdapter() returned null' };
    const i = a.info ?? {};
    const desc = i.description ? ` (${i.description})` : '';
    return { adapter: `${i.vendor ?? '?'} / ${i.architecture ?? '?'}${desc}${i.isFallbackAdapter ? ' [fallback adapter]' : ''}`, unavailable: null };
  } catch (e) {
    return { adapter: null, unavailable: `navigator.gpu.requestAdapter() threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}` };
  }
}

/** Runs the cases on nncompat backend `backend` after `init`, reported under the name `device`. */
async function attempt(device: string, backend: string, init: () => Promise<void>, ranOn: () => string | null): Promise<BackendRun> {
  try {
    await init();
    const outputs = runCases(backend);
    return { device, ranOn: ranOn(), outputs, error: null };
  } catch (e) {
    return { device, ranOn: null, outputs: null, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

async function main(): Promise<PageResult> {
  const { renderer, version } = glInfo();
  const webgpu = await webgpuAdapter();
  const reference = runCases('cpu');
  const runs: BackendRun[] = [];
  runs.push(await attempt('tfjs', 'tfjs', () => ready('webgl'), () => {
    const b = resolveBackend('tfjs') as TfjsBackend;
    // The webgl backend object exists only if tf.setBackend('webgl') really initialised it.
    return tf.findBackend('webgl') ? b.tfBackend : null;
  }));
  runs.push(await attempt('gpujs', 'gpujs', async () => setGpujsMode('webgl2'), () => {
    const b = resolveBackend('gpujs') as GpujsBackend;
    // kernelMode is 'gpu' for gpu.js's GL kernels and 'cpu' if it fell back; the class name says which GL.
    const kernelClass = (b.gpu as unknown as { Kernel?: { name?: string } }).Kernel?.name ?? '?';
    return `${b.kernelMode ?? 'none'} (${kernelClass})`;
  }));
  // Last: ready('webgpu') re-registers the nncompat `tfjs` backend on tfjs's webgpu backend.
  if (webgpu.adapter) {
    const onWebgpu = () => {
      const b = resolveBackend('tfjs') as TfjsBackend;
      return tf.findBackend('webgpu') ? b.tfBackend : null;
    };
    // tfjs defaults: ops whose inputs are all CPU-resident and small (< 1000 elements) run on
    // tfjs's CPU kernels (WEBGPU_CPU_FORWARD) ...
    runs.push(await attempt('tfjs-webgpu', 'tfjs', () => ready('webgpu'), onWebgpu));
    // ... so run again with that hand-off off: every op is a WGSL compute shader.
    const forward = tf.env().getBool('WEBGPU_CPU_FORWARD');
    tf.env().set('WEBGPU_CPU_FORWARD', false);
    try {
      runs.push(await attempt('tfjs-webgpu-shaders', 'tfjs', () => ready('webgpu'), onWebgpu));
    } finally {
      tf.env().set('WEBGPU_CPU_FORWARD', forward);
    }
  }
  return { glRenderer: renderer, glVersion: version, webgpu, reference, runs };
}

const w = window as unknown as { __nncompatResult?: PageResult | { fatal: string } };
main().then(
  (r) => { w.__nncompatResult = r; },
  (e: unknown) => { w.__nncompatResult = { fatal: e instanceof Error ? e.stack ?? e.message : String(e) }; },
);
