import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSeedModule } from './seed-module.js';

// Printed by the PyTorch original under torch 1.13 (tooling/goldens/gen_examples.py).
const golden = JSON.parse(readFileSync(new URL('../fixtures/seed_module.json', import.meta.url), 'utf8')) as { repr: string; out_str: string };

describe("the seed's ParameterDict module", () => {
  it('prints what PyTorch prints, module and output', () => {
    const { repr, out } = runSeedModule();
    expect(repr).toBe(golden.repr);
    expect(String(out)).toBe(golden.out_str);
  });
});
