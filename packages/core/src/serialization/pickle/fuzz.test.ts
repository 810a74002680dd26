// Seeded mutation fuzzing of the unpickler in both modes: every input must load or fail with
// UnpicklingError, quickly and without any other exception.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip } from '../zip/index.js';
import { FIXTURES, fixture, mutate, prng } from '../zip/fixtures.test-util.js';
import { PYTHON_DATA_GLOBALS, UnpicklingError, defineGlobal, loads } from './index.js';

const CASES = 12_000;

function corpus(): Uint8Array[] {
  const files = readdirSync(join(FIXTURES, 'pickle')).filter((f) => f.endsWith('.pkl') && !f.startsWith('big_'));
  const out = files.map((f) => fixture('pickle', f));
  for (const pt of ['torch_state_dict.pt', 'my_checkpoint.pt']) {
    const zip = readZip(fixture('zip', pt));
    out.push(zip.read(zip.names().find((n) => n.endsWith('data.pkl'))!));
  }
  return out;
}

describe('Unpickler fuzz', () => {
  it(`survives ${CASES} mutated pickles with UnpicklingError or a clean load`, () => {
    const inputs = corpus();
    const globals = [
      ...PYTHON_DATA_GLOBALS,
      defineGlobal('torch._utils', '_rebuild_tensor_v2', { call: (args) => ({ args }) }),
      defineGlobal('torch', 'FloatStorage'),
    ];
    const rnd = prng(0xfa_2210);
    let failures = 0;
    let loaded = 0;
    let slowest = 0;
    for (let i = 0; i < CASES; i++) {
      const input = mutate(inputs[i % inputs.length]!, rnd);
      const t0 = performance.now();
      try {
        loads(input, { weightsOnly: i % 2 === 0, globals, persistentLoad: (pid) => ({ pid }), encoding: 'utf-8' });
        loaded++;
      } catch (e) {
        if (!(e instanceof UnpicklingError)) {
          throw new Error(`case ${i}: ${String(e)} is not an UnpicklingError (input ${Buffer.from(input).toString('hex').slice(0, 200)}…)`);
        }
        failures++;
      }
      slowest = Math.max(slowest, performance.now() - t0);
    }
    console.log(`pickle fuzz: ${CASES} cases, ${failures} UnpicklingError, ${loaded} loaded, slowest ${slowest.toFixed(2)} ms`);
    expect(failures + loaded).toBe(CASES);
    expect(failures).toBeGreaterThan(CASES / 4);
    // Generous for a shared CI machine; a hang or quadratic blow-up would be far beyond it.
    expect(slowest).toBeLessThan(10_000); // hang detector; loaded CI machines are slow
  });
});
