/**
 * The 32-bit Mersenne Twister exactly as ATen's `at::mt19937`
 * (aten/src/ATen/core/MT19937RNGEngine.h): same seeding (only the low 32 bits of the 64-bit seed
 * enter the state, the full seed is kept for `initial_seed()`), same lazy twist (`left`/`next`
 * counters, so a freshly seeded engine twists on its first draw) and same tempering.
 */

/** Words of state (`MERSENNE_STATE_N`). */
export const MERSENNE_STATE_N = 624;
/** Twist offset (`MERSENNE_STATE_M`). */
export const MERSENNE_STATE_M = 397;
const MATRIX_A = 0x9908b0df;
const UMASK = 0x80000000;
const LMASK = 0x7fffffff;

/** The engine's plain data, as `at::mt19937_data_pod` holds it (what the state bytes carry). */
export interface MT19937Data {
  /** The 64-bit seed the engine was built from (`seed_`). */
  seed: bigint;
  /** Draws left before the next twist (`left_`), 1..624 when valid. */
  left: number;
  /** `seeded_`. */
  seeded: boolean;
  /** Index of the next state word to temper (`next_`), 0..624 when valid. */
  next: number;
  /** The 624 state words. */
  state: Uint32Array;
}

/**
 * ATen's Mersenne Twister.
 *
 * @example
 * ```ts
 * const mt = new MT19937(5489n);
 * mt.next(); // 3499211612, the reference first output of MT19937 for seed 5489
 * ```
 */
export class MT19937 {
  /** The state words; mutated in place by `next()`. */
  readonly state = new Uint32Array(MERSENNE_STATE_N);
  /** Full 64-bit seed. */
  seed = 0n;
  /** Draws left before the next twist. */
  left = 1;
  /** Whether the engine was seeded (always true once constructed). */
  seeded = true;
  /** Index of the next word to temper. */
  nextIndex = 0;

  /** @param seed - unsigned 64-bit seed (default 5489, as the C++ constructor) */
  constructor(seed: bigint = 5489n) {
    this.reseed(seed);
  }

  /** `init_with_uint32`: fills the state from the low 32 bits of `seed`. */
  reseed(seed: bigint): void {
    const s = this.state;
    this.seed = BigInt.asUintN(64, seed);
    this.seeded = true;
    s[0] = Number(this.seed & 0xffffffffn);
    for (let j = 1; j < MERSENNE_STATE_N; j++) {
      const prev = s[j - 1]!;
      // 1812433253 * (prev ^ (prev >> 30)) + j, modulo 2^32.
      s[j] = (Math.imul(1812433253, (prev ^ (prev >>> 30)) >>> 0) + j) >>> 0;
    }
    this.left = 1;
    this.nextIndex = 0;
  }

  /** The next tempered 32-bit output, as an unsigned number. */
  next(): number {
    if (--this.left === 0) this.twist();
    let y = this.state[this.nextIndex++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** `next_state()`: regenerates all 624 words. */
  private twist(): void {
    const s = this.state;
    const N = MERSENNE_STATE_N;
    const M = MERSENNE_STATE_M;
    this.left = N;
    this.nextIndex = 0;
    let p = 0;
    for (; p < N - M; p++) {
      const u = s[p]!, v = s[p + 1]!;
      s[p] = s[p + M]! ^ (((u & UMASK) | (v & LMASK)) >>> 1) ^ (v & 1 ? MATRIX_A : 0);
    }
    for (; p < N - 1; p++) {
      const u = s[p]!, v = s[p + 1]!;
      s[p] = s[p + M - N]! ^ (((u & UMASK) | (v & LMASK)) >>> 1) ^ (v & 1 ? MATRIX_A : 0);
    }
    const u = s[p]!, v = s[0]!;
    s[p] = s[p + M - N]! ^ (((u & UMASK) | (v & LMASK)) >>> 1) ^ (v & 1 ? MATRIX_A : 0);
  }

  /** `is_valid()`: the check `set_state` applies. */
  isValid(): boolean {
    return this.seeded && this.left > 0 && this.left <= MERSENNE_STATE_N && this.nextIndex <= MERSENNE_STATE_N;
  }

  /** A copy of the engine's data. */
  data(): MT19937Data {
    return { seed: this.seed, left: this.left, seeded: this.seeded, next: this.nextIndex, state: this.state.slice() };
  }

  /** Replaces the engine's data (no validation; see `isValid`). */
  setData(d: MT19937Data): void {
    if (d.state.length !== MERSENNE_STATE_N) {
      throw new RangeError(`mt19937 state must have ${MERSENNE_STATE_N} words, got ${d.state.length}`);
    }
    this.state.set(d.state);
    this.seed = BigInt.asUintN(64, d.seed);
    this.left = d.left;
    this.seeded = d.seeded;
    this.nextIndex = d.next;
  }

  /** An independent copy. */
  clone(): MT19937 {
    const c = new MT19937(0n);
    c.setData(this.data());
    return c;
  }
}
