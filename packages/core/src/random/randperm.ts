/**
 * `torch.randperm(n)` on the CPU, PyTorch 1.13's `randperm_cpu` (native/TensorFactories.cpp):
 * start from `0..n-1` and for `i = 0..n-2` swap slot `i` with slot `i + random() % (n - i)`
 * (one 32-bit draw per swap).
 *
 * PyTorch 2.1 keeps this loop for `n < 2^32 / 20`; for larger `n` newer releases switch to an
 * inside-out Fisher-Yates with `random64() % (i + 1)`, which this port does not need (such
 * permutations exceed host memory here).
 */
import { RuntimeError } from '../errors.js';
import { defaultGenerator, type Generator } from './generator.js';

/**
 * A random permutation of `0..n-1` as int64 host data (a `Float64Array`), drawn as
 * `torch.randperm(n, generator=gen)` draws it.
 *
 * @param n - length, a non-negative integer
 * @param gen - generator (default: the process-wide one)
 * @example
 * ```ts
 * randperm(10, new Generator().manual_seed(0)); // [4, 1, 7, 5, 3, 9, 0, 8, 6, 2], as torch.randperm(10)
 * ```
 */
export function randperm(n: number, gen: Generator = defaultGenerator): Float64Array {
  if (!Number.isInteger(n)) throw new TypeError(`randperm(): argument 'n' must be int, not ${n}`);
  if (n < 0) throw new RuntimeError(`Trying to create tensor with negative dimension ${n}: [${n}]`);
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = i;
  const eng = gen.engine;
  for (let i = 0; i < n - 1; i++) {
    const z = eng.next() % (n - i);
    const sav = r[i]!;
    r[i] = r[z + i]!;
    r[z + i] = sav;
  }
  return r;
}
