/** Timing for the packages' micro-benchmarks (their `bench/` scripts). */

/**
 * Seconds per call of `fn`: the best of `rounds` rounds of `iters` calls, after a warm-up of
 * min(iters, 20) calls (compiles, sessions, JIT). The best round, because benchmark machines'
 * cores are often shared with other work. Reads `process.hrtime` at call time (Node only).
 */
export function bestSecondsPerCall(iters: number, fn: () => void, rounds = 5): number {
  for (let i = 0; i < Math.min(iters, 20); i++) fn();
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iters; i++) fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9 / iters);
  }
  return best;
}
