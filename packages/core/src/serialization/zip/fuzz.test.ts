// Seeded mutation fuzzing of the zip reader: every input must parse or fail with ZipFormatError,
// quickly. Replay a failure with its printed seed.
import { describe, expect, it } from 'vitest';
import { readZip, ZipFormatError } from './index.js';
import { fixture, fixtureJson, mutate, prng } from './fixtures.test-util.js';

const CASES = 10_000;

describe('readZip fuzz', () => {
  it(`survives ${CASES} mutated archives with ZipFormatError or a clean parse`, () => {
    const corpus = fixtureJson<{ cases: { file: string }[] }>('zip', 'zips.json').cases.map((c) => fixture('zip', c.file));
    const rnd = prng(0x5eed_2109);
    let failures = 0;
    let parsed = 0;
    let slowest = 0;
    for (let i = 0; i < CASES; i++) {
      const input = mutate(corpus[i % corpus.length]!, rnd);
      const t0 = performance.now();
      try {
        const zip = readZip(input);
        for (const name of zip.names()) zip.read(name);
        parsed++;
      } catch (e) {
        if (!(e instanceof ZipFormatError)) {
          throw new Error(`case ${i}: ${String(e)} is not a ZipFormatError (input ${Buffer.from(input).toString('hex').slice(0, 200)}…)`);
        }
        expect(e.message.length).toBeGreaterThan(10);
        failures++;
      }
      slowest = Math.max(slowest, performance.now() - t0);
    }
    console.log(`zip fuzz: ${CASES} cases, ${failures} ZipFormatError, ${parsed} parsed, slowest ${slowest.toFixed(2)} ms`);
    expect(failures + parsed).toBe(CASES);
    expect(failures).toBeGreaterThan(CASES / 4);
    // Generous for a shared CI machine; a hang or quadratic blow-up would be far beyond it.
    expect(slowest).toBeLessThan(10_000); // hang detector; loaded CI machines are slow
  });
});
