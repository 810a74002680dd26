/**
 * Core's PyTorch golden op suite as one call per topic, for running it on any backend (set the
 * backend as the default first). Core's KNOWN_GAPS and the caller's per-backend skips are
 * skipped and reported, never silently.
 */
import { KNOWN_GAPS } from '../conformance/known_gaps.js';
import { replayCase } from '../conformance/replay.js';
import { loadOpCases } from './fixtures.js';

/** The golden fixture topics (packages/core/fixtures/ops/<topic>.json). */
export const GOLDEN_TOPICS: readonly string[] = Object.freeze(['elementwise', 'indexing', 'linalg', 'nn', 'reduce', 'views']);

/** Outcome of one topic. */
export interface GoldenTopicResult {
  total: number;
  /** `<topic>/<case>: reason` of each skipped case. */
  skipped: string[];
  /** `<topic>/<case>: first line of the mismatch` of each failing case. */
  failures: string[];
}

/**
 * Replays every case of `topic` on the current default backend.
 *
 * @param skips - `<topic>/<case>` → why the case cannot pass on this backend
 * @example
 * setDefaultBackend('tfjs');
 * const r = replayGoldenTopic('linalg');
 * expect(r.failures).toEqual([]);
 */
export function replayGoldenTopic(topic: string, skips: Readonly<Record<string, string>> = {}): GoldenTopicResult {
  const r: GoldenTopicResult = { total: 0, skipped: [], failures: [] };
  for (const c of loadOpCases(topic)) {
    r.total++;
    const key = `${topic}/${c.name}`;
    const skip = KNOWN_GAPS[key] ?? skips[key];
    if (skip) {
      r.skipped.push(`${key}: ${skip}`);
      continue;
    }
    try {
      replayCase(topic, c);
    } catch (e) {
      r.failures.push(`${key}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  return r;
}
