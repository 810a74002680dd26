// Core's PyTorch 1.13 golden suite (packages/core/fixtures/ops, replayed by core's own
// conformance/replay.ts) run with `gpujs` as the default backend, in gpu.js's default Node mode.
// Core's KNOWN_GAPS are skipped (they must fail on the reference backend, which core checks);
// GPUJS_SKIPS lists per-backend skips; both are printed, never silent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBackend, setDefaultBackend } from '@nncompat/core';
import { GOLDEN_TOPICS, replayGoldenTopic } from '@nncompat/core/testing';
import { GPUJS, kernelCoverage, type GpujsBackend } from './index.js';

/** `<topic>/<case>` → why it is skipped on gpujs. */
const GPUJS_SKIPS: Readonly<Record<string, string>> = {};

describe(`PyTorch goldens on ${GPUJS}`, () => {
  beforeAll(() => setDefaultBackend(GPUJS));
  afterAll(() => {
    setDefaultBackend('reference');
    // What ran where: gpu.js compiles and cache hits, and native kernels' calls that went to the reference.
    const b = getBackend(GPUJS) as GpujsBackend;
    console.log(`${GPUJS} (gpu.js ${b.kernelMode}) kernel cache:`, b.kernels.stats());
    for (const r of kernelCoverage()) if (r.seen.length > 0) console.log(`  ${r.kernel}: some calls on the reference (${r.seen.join(', ')})`);
  });
  for (const topic of GOLDEN_TOPICS) {
    it(topic, () => {
      const r = replayGoldenTopic(topic, GPUJS_SKIPS);
      for (const s of r.skipped) console.warn(`skipped on ${GPUJS}: ${s}`);
      expect(r.total - r.skipped.length).toBeGreaterThan(0);
      expect(r.failures).toEqual([]);
    });
  }
});
