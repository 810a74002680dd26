// Core's PyTorch 1.13 golden suite (packages/core/fixtures/ops, replayed by core's own
// conformance/replay.ts) run with onnxruntime as the default backend. Core's KNOWN_GAPS are
// skipped here (they must fail on the reference backend, which core checks); ORT_SKIPS lists
// per-backend skips, printed, never silent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDefaultBackend } from '@nncompat/core';
import { GOLDEN_TOPICS, replayGoldenTopic } from '@nncompat/core/testing';
import './index.js';

/** `<topic>/<case>` → why it is skipped on onnxruntime. */
const ORT_SKIPS: Readonly<Record<string, string>> = {};

describe('PyTorch goldens on onnxruntime', () => {
  beforeAll(() => setDefaultBackend('onnxruntime'));
  afterAll(() => setDefaultBackend('reference'));
  for (const topic of GOLDEN_TOPICS) {
    it(topic, () => {
      const r = replayGoldenTopic(topic, ORT_SKIPS);
      for (const s of r.skipped) console.warn(`skipped on onnxruntime: ${s}`);
      expect(r.total - r.skipped.length).toBeGreaterThan(0);
      expect(r.failures).toEqual([]);
    });
  }
});
