/**
 * `torch.Generator` for the CPU, modelled on `at::CPUGeneratorImpl`
 * (aten/src/ATen/CPUGeneratorImpl.cpp): an `at::mt19937` engine plus the cached second
 * Box-Muller samples (`next_float_normal_sample_`, `next_double_normal_sample_`), with
 * `get_state`/`set_state` in the same byte layout as `torch.get_rng_state()`.
 */
import { RuntimeError } from '../errors.js';
import { MERSENNE_STATE_N, MT19937 } from './mt19937.js';

/** The seed PyTorch's default CPU generator reports before any seeding (`default_rng_seed_val`). */
export const DEFAULT_RNG_SEED = 67280421310721n;

/** `sizeof(CPUGeneratorImplState)` on x86-64: the legacy POD (5048 bytes) + float + bool, padded. */
export const CPU_STATE_SIZE = 5056;
/** `sizeof(CPUGeneratorImplStateLegacy)`, still accepted by `set_state`. */
export const CPU_LEGACY_STATE_SIZE = 5048;

// Byte offsets inside CPUGeneratorImplState (x86-64 ABI, natural alignment).
const OFF_SEED = 0; // uint64_t the_initial_seed
const OFF_LEFT = 8; // int left
const OFF_SEEDED = 12; // int seeded
const OFF_NEXT = 16; // uint64_t next
const OFF_STATE = 24; // uint64_t state[624]
const OFF_NORMAL_X = OFF_STATE + 8 * MERSENNE_STATE_N; // double normal_x (5016)
const OFF_NORMAL_Y = OFF_NORMAL_X + 8; // double normal_y
const OFF_NORMAL_RHO = OFF_NORMAL_Y + 8; // double normal_rho
const OFF_NORMAL_VALID = OFF_NORMAL_RHO + 8; // int normal_is_valid (5040), then 4 bytes padding
const OFF_FLOAT_SAMPLE = CPU_LEGACY_STATE_SIZE; // float next_float_normal_sample
const OFF_FLOAT_VALID = OFF_FLOAT_SAMPLE + 4; // bool is_next_float_normal_sample_valid

const U64_MAX = (1n << 64n) - 1n;

/** Converts a seed as Python's `unpack_uint64` does: negative values wrap modulo 2^64. */
function toSeed(seed: number | bigint): bigint {
  let s: bigint;
  if (typeof seed === 'bigint') s = seed;
  else if (typeof seed === 'number' && Number.isInteger(seed)) s = BigInt(seed);
  else if (typeof seed === 'number') throw new RuntimeError('manual_seed expected a long, but got float');
  else throw new RuntimeError(`manual_seed expected a long, but got ${typeof seed}`);
  if (s > U64_MAX || s < -(1n << 63n)) throw new RuntimeError('Overflow when unpacking long');
  return BigInt.asUintN(64, s);
}

/** A Python int view of a uint64: a number when exactly representable, else a bigint. */
function pyInt(v: bigint): number | bigint {
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** 64 bits from the OS entropy source, like `c10::detail::getNonDeterministicRandom()`. */
function nonDeterministicSeed(): bigint {
  const w = new Uint32Array(2);
  globalThis.crypto.getRandomValues(w);
  return (BigInt(w[0]!) << 32n) | BigInt(w[1]!);
}

/**
 * A CPU random number generator with PyTorch's algorithm and state format.
 *
 * @example
 * ```ts
 * const g = new Generator().manual_seed(0);
 * g.random(); // 2357136044, the first 32-bit draw of torch after manual_seed(0)
 * const saved = g.get_state(); // 5056 bytes, same layout as torch.get_rng_state()
 * g.set_state(saved);
 * ```
 */
export class Generator {
  /** The engine; exposed for kernels that need the fastest draw loop. */
  readonly engine: MT19937;
  /** `next_float_normal_sample_` (null when empty). */
  next_float_normal_sample: number | null = null;
  /** `next_double_normal_sample_` (null when empty). */
  next_double_normal_sample: number | null = null;
  /** `torch.Generator().device`. */
  readonly device = 'cpu';

  /** @param seed - initial seed; PyTorch's `torch.Generator()` starts at 67280421310721 */
  constructor(seed: number | bigint = DEFAULT_RNG_SEED) {
    this.engine = new MT19937(toSeed(seed));
  }

  /** `Generator.manual_seed(seed)`: reseeds the engine and drops cached normal samples. */
  manual_seed(seed: number | bigint): this {
    this.set_current_seed(toSeed(seed));
    return this;
  }

  private set_current_seed(seed: bigint): void {
    this.next_float_normal_sample = null;
    this.next_double_normal_sample = null;
    this.engine.reseed(seed);
  }

  /** `Generator.initial_seed()`: the last seed, as a number when it is a safe integer. */
  initial_seed(): number | bigint {
    return pyInt(this.engine.seed);
  }

  /** `Generator.seed()`: reseeds from OS entropy and returns the new seed. */
  seed(): number | bigint {
    const s = nonDeterministicSeed();
    this.set_current_seed(s);
    return pyInt(s);
  }

  /** One 32-bit draw (`CPUGeneratorImpl::random`). */
  random(): number {
    return this.engine.next();
  }

  /** One 64-bit draw: first draw is the high word (`CPUGeneratorImpl::random64`). */
  random64(): bigint {
    const hi = this.engine.next();
    const lo = this.engine.next();
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  /**
   * `Generator.get_state()`: the bytes of `CPUGeneratorImplState`, identical to what
   * `torch.get_rng_state()` / `torch.Generator.get_state()` return in PyTorch.
   */
  get_state(): Uint8Array {
    const bytes = new Uint8Array(CPU_STATE_SIZE);
    const dv = new DataView(bytes.buffer);
    const d = this.engine;
    dv.setBigUint64(OFF_SEED, d.seed, true);
    dv.setInt32(OFF_LEFT, d.left, true);
    dv.setInt32(OFF_SEEDED, d.seeded ? 1 : 0, true);
    dv.setBigUint64(OFF_NEXT, BigInt(d.nextIndex), true);
    for (let i = 0; i < MERSENNE_STATE_N; i++) {
      // Each 32-bit word is stored widened to uint64 (legacy layout).
      dv.setUint32(OFF_STATE + 8 * i, d.state[i]!, true);
    }
    // normal_x and normal_rho are always written as 0.0 (no longer used).
    if (this.next_double_normal_sample !== null) {
      dv.setInt32(OFF_NORMAL_VALID, 1, true);
      dv.setFloat64(OFF_NORMAL_Y, this.next_double_normal_sample, true);
    }
    if (this.next_float_normal_sample !== null) {
      bytes[OFF_FLOAT_VALID] = 1;
      dv.setFloat32(OFF_FLOAT_SAMPLE, this.next_float_normal_sample, true);
    }
    return bytes;
  }

  /**
   * `Generator.set_state(state)`: accepts the 5056-byte current layout or the 5048-byte legacy
   * one, and rejects an engine state that fails `mt19937::is_valid()`.
   */
  set_state(state: Uint8Array): this {
    if (!(state instanceof Uint8Array)) throw new TypeError('RNG state must be a torch.ByteTensor');
    const n = state.length;
    if (n !== CPU_STATE_SIZE && n !== CPU_LEGACY_STATE_SIZE) {
      throw new RuntimeError(
        `Expected either a CPUGeneratorImplStateLegacy of size ${CPU_LEGACY_STATE_SIZE} or a CPUGeneratorImplState of size ${CPU_STATE_SIZE} but found the input RNG state size to be ${n}`,
      );
    }
    const dv = new DataView(state.buffer, state.byteOffset, state.byteLength);
    let floatSample: number | null = null;
    let doubleSample: number | null = null;
    const normalValid = dv.getInt32(OFF_NORMAL_VALID, true) !== 0;
    if (n === CPU_LEGACY_STATE_SIZE) {
      // The legacy format kept the Box-Muller intermediates; ATen rebuilds the cached sample
      // as r * sin(2*pi*x) from them.
      if (normalValid) {
        const r = dv.getFloat64(OFF_NORMAL_RHO, true);
        const theta = 2.0 * Math.PI * dv.getFloat64(OFF_NORMAL_X, true);
        doubleSample = r * Math.sin(theta);
      }
    } else {
      if (state[OFF_FLOAT_VALID] !== 0) floatSample = dv.getFloat32(OFF_FLOAT_SAMPLE, true);
      if (normalValid) doubleSample = dv.getFloat64(OFF_NORMAL_Y, true);
    }
    const words = new Uint32Array(MERSENNE_STATE_N);
    // std::copy from uint64_t to uint32_t keeps the low 32 bits.
    for (let i = 0; i < MERSENNE_STATE_N; i++) words[i] = dv.getUint32(OFF_STATE + 8 * i, true);
    const candidate = new MT19937(0n);
    candidate.setData({
      seed: dv.getBigUint64(OFF_SEED, true),
      left: dv.getInt32(OFF_LEFT, true),
      seeded: dv.getInt32(OFF_SEEDED, true) !== 0,
      // static_cast<uint32_t>(legacy_pod->next)
      next: Number(dv.getBigUint64(OFF_NEXT, true) & 0xffffffffn),
      state: words,
    });
    if (!candidate.isValid()) throw new RuntimeError('Invalid mt19937 state');
    this.engine.setData(candidate.data());
    this.next_float_normal_sample = floatSample;
    this.next_double_normal_sample = doubleSample;
    return this;
  }

  /** `Generator.clone_state()` equivalent: an independent generator in the same state. */
  clone(): Generator {
    const g = new Generator(0n);
    g.engine.setData(this.engine.data());
    g.next_float_normal_sample = this.next_float_normal_sample;
    g.next_double_normal_sample = this.next_double_normal_sample;
    return g;
  }
}

/**
 * The process-wide generator, like `torch.default_generator`. As in PyTorch 1.13 (and 2.x) it is
 * seeded from OS entropy when the process starts, so call `manual_seed` for reproducibility;
 * only `new Generator()` starts from the fixed 67280421310721.
 */
export const defaultGenerator = new Generator(nonDeterministicSeed());

/**
 * `torch.manual_seed(seed)`: seeds the default generator. Like the Python function it first
 * applies `int()`, so a fractional number is truncated toward zero.
 *
 * @example
 * ```ts
 * manual_seed(42);
 * ```
 */
export function manual_seed(seed: number | bigint): Generator {
  const s = typeof seed === 'number' ? Math.trunc(seed) : seed;
  return defaultGenerator.manual_seed(s);
}

/** `torch.initial_seed()`. */
export function initial_seed(): number | bigint {
  return defaultGenerator.initial_seed();
}

/** `torch.seed()`: reseeds the default generator non-deterministically. */
export function seed(): number | bigint {
  return defaultGenerator.seed();
}

/** `torch.get_rng_state()` as bytes. */
export function get_rng_state(): Uint8Array {
  return defaultGenerator.get_state();
}

/** `torch.set_rng_state(bytes)`. */
export function set_rng_state(state: Uint8Array): void {
  defaultGenerator.set_state(state);
}
