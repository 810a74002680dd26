/**
 * Vitest setup file: when `NNCOMPAT_BACKEND` names a non-reference backend, imports that
 * backend's package (which registers it), initialises it and makes it the default, so the
 * PyTorch golden suites replay on it. Tests listed in BACKEND_SKIPS for that backend are
 * skipped with their reason printed (issue 6: per-backend skips are listed, never silent).
 */
import { beforeAll, beforeEach } from 'vitest';
import { setDefaultBackend } from '@nncompat/core';
import { skipReason } from './backend-skips.js';

const backend = process.env['NNCOMPAT_BACKEND'];

beforeAll(async () => {
  if (!backend || backend === 'reference') return;
  if (backend === 'tfjs' || backend === 'tfjs-cpu') {
    const tfjs = await import('@nncompat/backend-tfjs');
    await tfjs.ready(backend === 'tfjs' ? 'wasm' : 'cpu');
  } else if (backend === 'onnxruntime') {
    await import('@nncompat/backend-onnxruntime');
  } else if (backend === 'gpujs') {
    await import('@nncompat/backend-gpujs');
  } else {
    throw new Error(`NNCOMPAT_BACKEND=${backend}: expected one of reference, tfjs, tfjs-cpu, onnxruntime, gpujs`);
  }
  setDefaultBackend(backend);
});

beforeEach((ctx) => {
  if (!backend) return;
  const reason = skipReason(backend, ctx.task);
  if (reason !== undefined) {
    console.warn(`skipped on ${backend}: ${reason}`);
    ctx.skip();
  }
});
