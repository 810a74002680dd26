/**
 * Runs a snippet under real PyTorch (Debian's python3-torch) when it is installed, so each
 * benchmark can print its ratio to PyTorch measured in the same run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const CANDIDATES = [process.env['NNCOMPAT_TORCH_PYTHON'], '/usr/bin/python3', 'python3'].filter((p): p is string => !!p);

let cached: string | null | undefined;

/** The python executable that can `import torch`, or null. */
export function torchPython(): string | null {
  if (cached !== undefined) return cached;
  cached = null;
  for (const p of CANDIDATES) {
    if (p.startsWith('/') && !existsSync(p)) continue;
    try {
      execFileSync(p, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 });
      cached = p;
      break;
    } catch {
      // Not this one.
    }
  }
  return cached;
}

/**
 * How PyTorch may use the machine's cores:
 * - `single`: one thread everywhere (OMP_NUM_THREADS=1 reaches OpenBLAS too; torch.set_num_threads(1));
 * - `default`: as installed, nothing set (Debian's torch 1.13 runs ATen on one thread here and
 *   OpenBLAS's own pthreads on every core);
 * - `all`: torch.set_num_threads(every core), OpenBLAS left at its default.
 * The snippets read NNCOMPAT_TORCH_THREADS (see TORCH_MODELS): 0 leaves PyTorch's setting alone.
 */
export type TorchThreads = 'single' | 'default' | 'all';

function threadEnv(threads: TorchThreads): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['OMP_NUM_THREADS'];
  delete env['OPENBLAS_NUM_THREADS'];
  if (threads === 'single') return { ...env, OMP_NUM_THREADS: '1', NNCOMPAT_TORCH_THREADS: '1' };
  return { ...env, NNCOMPAT_TORCH_THREADS: threads === 'all' ? String(availableParallelism()) : '0' };
}

/** Runs `code` (which must print one JSON object on its last line) under PyTorch; null without torch. */
export function runTorch<T>(code: string, threads: TorchThreads = 'single'): T | null {
  const py = torchPython();
  if (!py) return null;
  const out = execFileSync(py, ['-c', code], { encoding: 'utf8', timeout: 600_000, env: threadEnv(threads) });
  const lines = out.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}

/** Median wall time in ms of `fn` over `iters` runs after `warmup` runs. */
export function timeMs(fn: () => void, iters: number, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < iters; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Rounds of {@link bestOfRounds}: the shared machine's load swings between seconds. */
export const ROUNDS = 3;

/**
 * The lowest of `rounds` medians (each `timeMs(fn, iters)`): on a shared machine a neighbour's
 * burst inflates a whole round, so the best round is the stable figure. The PyTorch snippets
 * take the same best of rounds (`best(...)` in TORCH_MODELS), so ratios compare like with like.
 */
export function bestOfRounds(fn: () => void, iters: number, rounds = ROUNDS, warmup = 3): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) best = Math.min(best, timeMs(fn, iters, r === 0 ? warmup : 1));
  return best;
}

/**
 * PyTorch's fastest multi-core figure per key: the lower of its `default` and `all` thread
 * settings (which one wins depends on the workload: OpenBLAS threads speed up GEMMs, ATen's
 * threads the convolutions' im2col), or null without torch.
 */
export function runTorchBestMulticore<T extends Record<string, number>>(code: string): T | null {
  const a = runTorch<T>(code, 'default');
  const b = runTorch<T>(code, 'all');
  if (!a || !b) return null;
  return Object.fromEntries(Object.keys(a).map((k) => [k, Math.min(a[k]!, b[k]!)])) as T;
}

/** Formats a ratio line: ours / PyTorch (lower is better for times). */
export function ratio(ours: number, theirs: number | null | undefined): string {
  return theirs ? (ours / theirs).toFixed(2) : 'n/a (no python3+torch)';
}
