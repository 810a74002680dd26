// Core's PyTorch 1.13 golden suite (packages/core/fixtures/ops, replayed by core's own
// conformance/replay.ts) run with onnxruntime as the default backend. Core's KNOWN_GAPS are
// skipped here (they must fail on the reference backend, which core checks); ORT_SKIPS lists
// per-backend skips, printed, never silent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDefaultBackend } from '@nncompat/core';
import { loadOpCases } from '@nncompat/core/testing';
import { KNOWN_GAPS } from '../../core/src/conformance/known_gaps.js';
import { replayCase } from '../../core/src/conformance/replay.js';
import './index.js';

const TOPICS = ['elementwise', 'indexing', 'linalg', 'nn', 'reduce', 'views'];
/** `<topic>/<case>` → why it is skipped on onnxruntime. */
const ORT_SKIPS: Readonly<Record<string, string>> = {};

describe('PyTorch goldens on onnxruntime', () => {
  beforeAll(() => setDefaultBackend('onnxruntime'));
  afterAll(() => setDefaultBackend('reference'));
  for (const topic of TOPICS) {
    it(topic, () => {
      const failures: string[] = [];
      let skipped = 0;
      const cases = loadOpCases(topic);
      for (const c of cases) {
        const key = `${topic}/${c.name}`;
        const skip = KNOWN_GAPS[key] ?? ORT_SKIPS[key];
        if (skip) {
          skipped++;
          console.warn(`skipped on onnxruntime: ${key} (${skip})`);
          continue;
        }
        try {
          replayCase(topic, c);
        } catch (e) {
          failures.push(`${key}: ${(e as Error).message.split('\n')[0]}`);
        }
      }
      expect(cases.length - skipped).toBeGreaterThan(0);
      expect(failures).toEqual([]);
    });
  }
});
