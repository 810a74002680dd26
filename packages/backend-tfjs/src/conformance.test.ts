// Core's PyTorch 1.13 golden suite (packages/core/fixtures/ops, replayed by core's own
// conformance/replay.ts) run with tfjs (wasm) and tfjs-cpu as the default backend. Core's
// KNOWN_GAPS are skipped here (they must fail on the reference backend, which core checks);
// TFJS_SKIPS lists per-backend skips, printed, never silent (empty today).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDefaultBackend } from '@nncompat/core';
import { loadOpCases } from '@nncompat/core/testing';
import { KNOWN_GAPS } from '../../core/src/conformance/known_gaps.js';
import { replayCase } from '../../core/src/conformance/replay.js';
import { ready } from './index.js';

const TOPICS = ['elementwise', 'indexing', 'linalg', 'nn', 'reduce', 'views'];
/** `<backend>:<topic>/<case>` → why it is skipped on that backend. */
const TFJS_SKIPS: Readonly<Record<string, string>> = {};

for (const backend of ['tfjs', 'tfjs-cpu']) {
  describe(`PyTorch goldens on ${backend}`, () => {
    beforeAll(async () => {
      await ready(backend === 'tfjs' ? 'wasm' : 'cpu');
      setDefaultBackend(backend);
    });
    afterAll(() => setDefaultBackend('reference'));
    for (const topic of TOPICS) {
      it(topic, () => {
        const failures: string[] = [];
        let skipped = 0;
        const cases = loadOpCases(topic);
        for (const c of cases) {
          const key = `${topic}/${c.name}`;
          const skip = KNOWN_GAPS[key] ?? TFJS_SKIPS[`${backend}:${key}`];
          if (skip) {
            skipped++;
            console.warn(`skipped on ${backend}: ${key} (${skip})`);
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
}
