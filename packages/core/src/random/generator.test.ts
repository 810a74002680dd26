import { describe, expect, it } from 'vitest';
import { RuntimeError } from '../errors.js';
import { b64, loadFixture } from './fixtures.js';
import { CPU_LEGACY_STATE_SIZE, CPU_STATE_SIZE, Generator, defaultGenerator, get_rng_state, initial_seed, manual_seed, set_rng_state } from './generator.js';
import { MT19937 } from './mt19937.js';
import { uniformFill } from './uniform.js';

interface GenFx {
  default_initial_seed: number;
  fresh_state: string;
  seeded: { seed: string; state: string }[]; // seeds as decimal strings (up to 2^64-1)
}
const fx = loadFixture<GenFx>('generator.json');

describe('MT19937', () => {
  it('matches the reference mt19937 first output for seed 5489 (init_genrand)', () => {
    // 3499211612 is the first output of the reference MT19937 (also std::mt19937's default).
    expect(new MT19937(5489n).next()).toBe(3499211612);
  });
  it('uses only the low 32 bits of the seed for the state but keeps all 64', () => {
    const a = new MT19937(1n), b = new MT19937((1n << 32n) + 1n);
    expect(a.next()).toBe(b.next());
    expect(b.seed).toBe((1n << 32n) + 1n);
  });
});

describe('Generator', () => {
  it('starts at PyTorch\'s default seed with the same state bytes as torch.Generator()', () => {
    const g = new Generator();
    expect(g.initial_seed()).toBe(fx.default_initial_seed);
    expect(Buffer.from(g.get_state()).toString('base64')).toBe(fx.fresh_state);
  });
  it('manual_seed gives the state bytes of torch.Generator().manual_seed(s) for 64-bit seeds', () => {
    for (const { seed, state } of fx.seeded) {
      const g = new Generator().manual_seed(BigInt(seed));
      expect(Buffer.from(g.get_state()).toString('base64'), `seed ${seed}`).toBe(state);
      expect(g.get_state().length).toBe(CPU_STATE_SIZE);
    }
  });
  it('wraps negative seeds modulo 2^64 and reports large seeds as bigint, small as number', () => {
    expect(new Generator().manual_seed(-1).initial_seed()).toBe(18446744073709551615n);
    expect(new Generator().manual_seed(42).initial_seed()).toBe(42);
  });
  it('rejects seeds Python rejects, with its messages', () => {
    expect(() => new Generator().manual_seed(1.5)).toThrow(new RuntimeError('manual_seed expected a long, but got float'));
    expect(() => new Generator().manual_seed(1n << 64n)).toThrow('Overflow when unpacking long');
  });
  it('round-trips its state, including the cached normal sample', () => {
    const g = new Generator().manual_seed(3);
    g.random();
    g.next_double_normal_sample = 0.25;
    g.next_float_normal_sample = -1.5;
    const h = new Generator().set_state(g.get_state());
    expect(h.get_state()).toEqual(g.get_state());
    expect(h.next_double_normal_sample).toBe(0.25);
    expect(h.next_float_normal_sample).toBe(-1.5);
    expect(h.random()).toBe(g.random());
  });
  it('accepts the 5048-byte legacy layout and rejects other sizes and invalid engines like ATen', () => {
    const legacy = new Generator().manual_seed(5).get_state().slice(0, CPU_LEGACY_STATE_SIZE);
    expect(new Generator().set_state(legacy).random()).toBe(new Generator().manual_seed(5).random());
    expect(() => new Generator().set_state(new Uint8Array(10))).toThrow(
      'Expected either a CPUGeneratorImplStateLegacy of size 5048 or a CPUGeneratorImplState of size 5056 but found the input RNG state size to be 10',
    );
    expect(() => new Generator().set_state(new Uint8Array(CPU_STATE_SIZE))).toThrow('Invalid mt19937 state');
  });
  it('seed() reseeds non-deterministically and initial_seed reports it', () => {
    const g = new Generator();
    const s = g.seed();
    expect(g.initial_seed()).toBe(s);
    expect(new Generator().manual_seed(s).random()).toBe(new Generator().manual_seed(s).random());
  });
  it('random64 is two 32-bit draws, high word first', () => {
    const a = new Generator().manual_seed(9), b = new Generator().manual_seed(9);
    const hi = b.random(), lo = b.random();
    expect(a.random64()).toBe((BigInt(hi) << 32n) | BigInt(lo));
  });
  it('clone() is independent', () => {
    const g = new Generator().manual_seed(11);
    const c = g.clone();
    expect(c.random()).toBe(g.random());
    c.random();
    expect(c.get_state()).not.toEqual(g.get_state());
  });
});

describe('module-level default generator', () => {
  it('manual_seed / get_rng_state / set_rng_state act on defaultGenerator', () => {
    manual_seed(0);
    expect(initial_seed()).toBe(0);
    const s = get_rng_state();
    const a = uniformFill(new Float32Array(4), 'float32');
    set_rng_state(s);
    const b = uniformFill(new Float32Array(4), 'float32', 0, 1, defaultGenerator);
    expect(b).toEqual(a);
    // torch.rand(4) after torch.manual_seed(0), from the sequence goldens
    const seq = loadFixture<{ sequences: { seed: number; ops: { state?: string }[] }[] }>('sequences.json');
    expect(Buffer.from(new Generator().manual_seed(0).get_state()).toString('base64')).toBe(seq.sequences[0]!.ops[0]!.state);
    expect(b64(seq.sequences[0]!.ops[0]!.state!).length).toBe(CPU_STATE_SIZE);
  });
});
