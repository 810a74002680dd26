/**
 * `tidy(fn)`: deterministic release of every buffer created inside `fn` except those reachable
 * from its result or passed to `keep()`, like tfjs's `tf.tidy`.
 */
import type { Storage } from './storage.js';

const scopes: Set<Storage>[] = [];

/** Records a new storage in the innermost open scope. */
export function trackStorage(s: Storage): void {
  // Checked first: outside any tidy(), scopes[-1] would be a slow named-property lookup ("-1")
  // up the prototype chain, on every kernel result.
  const n = scopes.length;
  if (n !== 0) scopes[n - 1]!.add(s);
}

/** Removes a storage from every open scope so `tidy` will not free it. */
export function untrackStorage(s: Storage): void {
  for (const sc of scopes) sc.delete(s);
}

/** Storages reachable from a value (tensors, arrays, maps, plain objects). */
function collect(v: unknown, out: Set<Storage>, seen = new Set<unknown>()): void {
  if (v === null || typeof v !== 'object' || seen.has(v)) return;
  seen.add(v);
  const st = (v as { _storage?: Storage })._storage;
  if (st && typeof st === 'object' && 'version' in st) {
    out.add(st);
    const g = (v as { grad?: unknown }).grad;
    if (g) collect(g, out, seen);
    return;
  }
  if (Array.isArray(v)) for (const x of v) collect(x, out, seen);
  else if (v instanceof Map) for (const x of v.values()) collect(x, out, seen);
  else for (const x of Object.values(v)) collect(x, out, seen);
}

/**
 * Runs `fn`, then frees every tensor buffer it created that is not reachable from its result
 * (or kept with `keep`). Gradients accumulated into leaves are kept automatically.
 *
 * @example
 * const loss = tidy(() => model(x).sub(y).pow(2).mean());
 */
export function tidy<T>(fn: () => T): T {
  const scope = new Set<Storage>();
  scopes.push(scope);
  let result: T;
  try {
    result = fn();
  } finally {
    scopes.pop();
  }
  const keepers = new Set<Storage>();
  collect(result, keepers);
  for (const s of scope) {
    if (keepers.has(s)) {
      const parent = scopes[scopes.length - 1];
      if (parent) parent.add(s);
    } else s.dispose();
  }
  return result;
}
