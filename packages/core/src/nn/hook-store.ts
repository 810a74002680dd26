/**
 * Ordered hook dictionaries (PyTorch keeps one `OrderedDict[int, hook]` per hook kind):
 * registration with `prepend` and with flag dictionaries (`with_kwargs`, `always_call`) that
 * the returned handle cleans up too.
 */
import { RemovableHandle } from '../utils/hooks.js';

/** One hook kind's store: handle id → hook, in call order. */
export type HookDict<H> = Map<number, H>;

/** Options of `registerHook`. */
export interface RegisterHookOptions {
  /** Put the hook first instead of last (`move_to_end(id, last=False)`). */
  prepend?: boolean;
  /** Flag dictionaries the hook id is added to (and removed from by the handle). */
  flags?: readonly Map<number, unknown>[];
  /** Dictionaries the handle also removes the id from, without adding it. */
  extraDicts?: readonly Map<number, unknown>[];
}

/**
 * Adds `hook` to `dict` and returns its handle.
 *
 * @example
 * ```ts
 * const hooks: HookDict<() => void> = new Map();
 * const h = registerHook(hooks, () => {}, { prepend: true });
 * h.remove();
 * ```
 */
export function registerHook<H>(dict: HookDict<H>, hook: H, opts: RegisterHookOptions = {}): RemovableHandle {
  const flags = opts.flags ?? [];
  const handle = new RemovableHandle(dict as Map<number, unknown>, [...flags, ...(opts.extraDicts ?? [])]);
  if (opts.prepend) {
    // Maps have no move-to-front: rebuild in place so handles keep pointing at this map.
    const old = [...dict.entries()];
    dict.clear();
    dict.set(handle.id, hook);
    for (const [k, v] of old) dict.set(k, v);
  } else {
    dict.set(handle.id, hook);
  }
  for (const f of flags) f.set(handle.id, true);
  return handle;
}
