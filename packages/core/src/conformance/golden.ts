/** Registers one vitest case per golden of an op topic, honouring KNOWN_GAPS. */
import { expect, it } from 'vitest';
import { loadOpCases } from '../testing/index.js';
import { KNOWN_GAPS, VERSION_TEXTS } from './known_gaps.js';
import { replayCase } from './replay.js';

/** Replays fixtures/ops/<topic>.json: every case must match, except listed known gaps, which must fail. */
export function replayTopic(topic: string): void {
  const cases = loadOpCases(topic);
  it(`${topic}: has goldens with unique names`, () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });
  it(`${topic}: every KNOWN_GAPS / VERSION_TEXTS entry names an existing case`, () => {
    const names = new Set(cases.map((c) => `${topic}/${c.name}`));
    const listed = [...Object.keys(KNOWN_GAPS), ...Object.keys(VERSION_TEXTS)].filter((k) => k.startsWith(`${topic}/`));
    expect(listed.filter((k) => !names.has(k))).toEqual([]);
    for (const k of Object.keys(VERSION_TEXTS).filter((x) => x.startsWith(`${topic}/`))) {
      expect(cases.find((c) => `${topic}/${c.name}` === k)?.error, `${k} is an error case`).toBeDefined();
    }
  });
  for (const c of cases) {
    const gap = KNOWN_GAPS[`${topic}/${c.name}`];
    if (gap) {
      it(`${c.name} [known gap: ${gap}]`, () => {
        console.warn(`known gap ${topic}/${c.name}: ${gap}`);
        expect(() => replayCase(topic, c), 'known gap now passes: remove it from KNOWN_GAPS').toThrow();
      });
    } else {
      it(c.name, () => replayCase(topic, c));
    }
  }
}
