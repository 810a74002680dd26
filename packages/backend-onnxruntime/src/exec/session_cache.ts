/**
 * One onnxruntime session per kernel signature (kernel, dtypes, ranks, attributes), created on
 * first use. Signatures whose graph onnxruntime cannot run (no CPU kernel for a type) are
 * remembered too, so the check costs one failed session creation per signature.
 */
import { OrtSession, type OrtSessionOptions } from '../ort/binding.js';
import { defaultIntraOpThreads, withProductLayout } from './session_options.js';

/** Counters of the session cache (for tests and benchmarks). */
export interface SessionCacheStats {
  /** Sessions created since the process started (or the last `clearSessionCache`). */
  created: number;
  /** Lookups answered from the cache. */
  hits: number;
  /** Signatures onnxruntime rejected (run on the reference implementation instead). */
  unsupported: number;
  /** Sessions currently cached. */
  size: number;
}

const UNSUPPORTED = Symbol('unsupported');
/** Most sessions kept; the least recently created beyond it are disposed (bounded native memory). */
let limit = 1024;
const cache = new Map<string, OrtSession | typeof UNSUPPORTED>();
const stats = { created: 0, hits: 0, unsupported: 0 };

let sessionOptions: OrtSessionOptions = defaultOptions();
let recorder: ((key: string, model: Uint8Array) => void) | null = null;

/** @internal Tests: receives every model built for the cache (to validate them with onnx's checker). */
export function setModelRecorder(fn: ((key: string, model: Uint8Array) => void) | null): void {
  recorder = fn;
}

/**
 * Every session owns its thread pool, and there is one session per signature: cheap kernels
 * (elementwise, reductions, indexing) run single-threaded, so hundreds of cached sessions do not
 * mean hundreds of spinning pools (measured: a suite of small ops ran 15x slower otherwise).
 */
const LIGHT_OPTIONS: OrtSessionOptions = Object.freeze({
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'basic',
});

/**
 * Options of heavy kernels' sessions (MatMul, Conv, ConvTranspose): onnxruntime's default
 * thread count (`NNCOMPAT_ORT_THREADS` overrides it), without spin-waiting between calls.
 */
function defaultOptions(): OrtSessionOptions {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  const threads = Number(env['NNCOMPAT_ORT_THREADS'] ?? '0');
  return withProductLayout({
    intraOpNumThreads: Number.isInteger(threads) && threads > 0 ? threads : defaultIntraOpThreads(),
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  });
}

// Messages onnxruntime gives when a graph is valid ONNX but its CPU provider lacks the type
// combination (schema type check, or no registered kernel).
const UNSUPPORTED_PATTERNS = [/Could not find an implementation/, /Type Error: Type '.*' of input parameter/, /is invalid\. Type Error/];

/**
 * The session for `key`, building its model with `build` on a miss. Returns null when
 * onnxruntime cannot run that graph (the caller falls back to the reference implementation).
 */
export function getSession(key: string, build: () => Uint8Array, heavy = false): OrtSession | null {
  const hit = cache.get(key);
  if (hit !== undefined) {
    stats.hits++;
    return hit === UNSUPPORTED ? null : hit;
  }
  const model = build();
  recorder?.(key, model);
  try {
    const s = new OrtSession(model, heavy ? sessionOptions : LIGHT_OPTIONS);
    stats.created++;
    cache.set(key, s);
    evict();
    return s;
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    if (UNSUPPORTED_PATTERNS.some((p) => p.test(msg))) {
      stats.unsupported++;
      cache.set(key, UNSUPPORTED);
      return null;
    }
    throw new Error(`onnxruntime rejected the generated graph for ${key}: ${msg}`);
  }
}

function evict(): void {
  // Map iteration follows insertion order: the oldest signatures go first.
  for (const [k, v] of cache) {
    if (cache.size <= limit) break;
    cache.delete(k);
    if (v !== UNSUPPORTED) v.dispose();
  }
}

/**
 * Caps the number of cached sessions (default 1024); older ones are disposed first.
 *
 * @example
 * setSessionCacheLimit(256);
 */
export function setSessionCacheLimit(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new TypeError(`'n' must be a positive integer, got ${n}`);
  limit = n;
  evict();
}

/**
 * Snapshot of the cache counters.
 *
 * @example
 * const before = sessionCacheStats().created;
 * a.add(b); a.add(b);
 * sessionCacheStats().created - before; // 1
 */
export function sessionCacheStats(): SessionCacheStats {
  return { ...stats, size: cache.size };
}

/** Disposes every cached session and resets the counters. */
export function clearSessionCache(): void {
  for (const s of cache.values()) if (s !== UNSUPPORTED) s.dispose();
  cache.clear();
  stats.created = 0;
  stats.hits = 0;
  stats.unsupported = 0;
}

/**
 * Sets the options of heavy kernels' sessions created from now on (threads, optimization
 * level) and clears the cache so every kernel picks them up. Light kernels stay single-threaded.
 *
 * @example
 * setSessionOptions({ intraOpNumThreads: 1 });
 */
export function setSessionOptions(options: OrtSessionOptions): void {
  if (options === null || typeof options !== 'object') throw new TypeError("'options' must be an object");
  sessionOptions = withProductLayout({ ...defaultOptions(), ...options });
  clearSessionCache();
}

/** The options new sessions get. */
export function getSessionOptions(): Readonly<OrtSessionOptions> {
  return sessionOptions;
}
