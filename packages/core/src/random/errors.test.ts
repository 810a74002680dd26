import { describe, expect, it } from 'vitest';
import { bernoulliFill } from './bernoulli.js';
import { dropoutMask } from './dropout.js';
import { loadFixture } from './fixtures.js';
import { Generator } from './generator.js';
import { normalFill } from './normal.js';
import { randomFromToFill } from './randint.js';
import { randperm } from './randperm.js';
import { uniformFill } from './uniform.js';

type Err = { type: string; message: string } | null;
const fx = loadFixture<{ errors: Record<string, Err> }>('errors.json').errors;

const cases: Record<string, () => unknown> = {
  uniform_from_gt_to: () => uniformFill(new Float32Array(3), 'float32', 1, 0),
  uniform_int: () => uniformFill(new Int32Array(3), 'int32', 0, 1),
  normal_negative_std: () => normalFill(new Float32Array(3), 'float32', 0, -1),
  normal_int: () => normalFill(new Float64Array(3), 'int64', 0, 1),
  randint_empty_range: () => randomFromToFill(new Float64Array(3), 'int64', 5, 5),
  randint_bad_range: () => randomFromToFill(new Float64Array(3), 'int64', 5, 3),
  randperm_negative: () => randperm(-1),
  bernoulli_p_out_of_range: () => bernoulliFill(new Float32Array(3), 'float32', 1.5),
  bernoulli_half: () => bernoulliFill(new Uint16Array(3), 'float16', 0.5),
  bernoulli_probs_out_of_range: () => bernoulliFill(new Float32Array(2), 'float32', { data: new Float32Array([0.5, 2]), dtype: 'float32' }),
  dropout_p_out_of_range: () => dropoutMask(new Float32Array(3), 'float32', 1.5),
  randint_int8_overflow: () => randomFromToFill(new Int8Array(3), 'int8', 0, 300),
};

describe('errors match PyTorch 1.13 (type and message)', () => {
  for (const [name, expected] of Object.entries(fx)) {
    it(name, () => {
      const run = cases[name];
      expect(run, `no case for ${name}`).toBeDefined();
      if (expected === null) {
        expect(run!).not.toThrow();
        return;
      }
      let caught: unknown;
      try {
        run!();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(Error);
      expect((caught as Error).name).toBe(expected.type);
      expect((caught as Error).message).toBe(expected.message);
    });
  }

  it('does not touch the generator when arguments are rejected', () => {
    const g = new Generator().manual_seed(1);
    const before = g.get_state();
    expect(() => uniformFill(new Float32Array(3), 'float32', 1, 0, g)).toThrow();
    expect(g.get_state()).toEqual(before);
  });
});
