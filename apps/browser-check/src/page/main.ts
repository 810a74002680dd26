/**
 * Browser entry: initialises tfjs's webgl backend and gpu.js in WebGL mode, runs the workloads of
 * cases.ts on the reference backend and on each of them, and publishes everything (plus which
 * GL implementation actually ran) on `window.__nncompatResult` for the Node test to compare.
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

/** The page's whole report. */
export interface PageResult {
  glRenderer: string | null;
  glVersion: string | null;
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

async function attempt(device: string, init: () => Promise<void>, ranOn: () => string | null): Promise<BackendRun> {
  try {
    await init();
    const outputs = runCases(device);
    return { device, ranOn: ranOn(), outputs, error: null };
  } catch (e) {
    return { device, ranOn: null, outputs: null, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

async function main(): Promise<PageResult> {
  const { renderer, version } = glInfo();
  const reference = runCases('cpu');
  const runs: BackendRun[] = [];
  runs.push(await attempt('tfjs', () => ready('webgl'), () => {
    const b = resolveBackend('tfjs') as TfjsBackend;
    // The webgl backend object exists only if tf.setBackend('webgl') really initialised it.
    return tf.findBackend('webgl') ? b.tfBackend : null;
  }));
  runs.push(await attempt('gpujs', async () => setGpujsMode('webgl2'), () => {
    const b = resolveBackend('gpujs') as GpujsBackend;
    // kernelMode is 'gpu' for gpu.js's GL kernels and 'cpu' if it fell back; the class name says which GL.
    const kernelClass = (b.gpu as unknown as { Kernel?: { name?: string } }).Kernel?.name ?? '?';
    return `${b.kernelMode ?? 'none'} (${kernelClass})`;
  }));
  return { glRenderer: renderer, glVersion: version, reference, runs };
}

const w = window as unknown as { __nncompatResult?: PageResult | { fatal: string } };
main().then(
  (r) => { w.__nncompatResult = r; },
  (e: unknown) => { w.__nncompatResult = { fatal: e instanceof Error ? e.stack ?? e.message : String(e) }; },
);
