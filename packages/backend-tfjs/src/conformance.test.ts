// Core's PyTorch 1.13 golden suite (packages/core/fixtures/ops, replayed by core's own
// conformance/replay.ts) run with tfjs (wasm) and tfjs-cpu as the default backend. Core's
// KNOWN_GAPS are skipped here (they must fail on the reference backend, which core checks);
// TFJS_SKIPS lists per-backend skips, printed, never silent (empty today).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDefaultBackend } from '@nncompat/core';
import { GOLDEN_TOPICS, replayGoldenTopic } from '@nncompat/core/testing';
import { ready } from './index.js';

/** `<backend>:<topic>/<case>` → why it is skipped on that backend. */
const TFJS_SKIPS: Readonly<Record<string, string>> = {};

for (const backend of ['tfjs', 'tfjs-cpu']) {
  describe(`PyTorch goldens on ${backend}`, () => {
    beforeAll(async () => {
      await ready(backend === 'tfjs' ? 'wasm' : 'cpu');
      setDefaultBackend(backend);
    });
    afterAll(() => setDefaultBackend('reference'));
    const skips = Object.fromEntries(Object.entries(TFJS_SKIPS).filter(([k]) => k.startsWith(`${backend}:`)).map(([k, v]) => [k.slice(backend.length + 1), v]));
    for (const topic of GOLDEN_TOPICS) {
      it(topic, () => {
        const r = replayGoldenTopic(topic, skips);
        for (const s of r.skipped) console.warn(`skipped on ${backend}: ${s}`);
        expect(r.total - r.skipped.length).toBeGreaterThan(0);
        expect(r.failures).toEqual([]);
      });
    }
  });
}
