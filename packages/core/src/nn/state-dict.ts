/**
 * The framework-neutral parts of `state_dict` / `load_state_dict` (PyTorch's `module.py`, which
 * OneFlow copied): the destination with `_metadata`, the persistent members of a module, the
 * unexpected-key scan, the per-prefix metadata lookup and the final error report. What a
 * framework saves for each member and how it copies a loaded value stay in the framework.
 */
import { RuntimeError } from '../errors.js';
import type { Tensor } from '../tensor/tensor.js';
import type { ModuleBase } from './module-base.js';
import { OrderedDict } from './ordered-dict.js';

/** A fresh `OrderedDict` destination with an empty `_metadata`. */
export function emptyStateDict(): OrderedDict<string, unknown> {
  const d = new OrderedDict<string, unknown>();
  d._metadata = new OrderedDict<string, unknown>();
  return d;
}

/** Records a module's local metadata under its prefix (without the trailing '.'), when `dest` keeps metadata. */
export function recordLocalMetadata(dest: Map<string, unknown>, prefix: string, local: Map<string, unknown>): void {
  const meta = (dest as OrderedDict<string, unknown>)._metadata;
  if (meta) meta.set(prefix.slice(0, -1), local);
}

/** A `_register_state_dict_hook` hook: `hook(module, state_dict, prefix, local_metadata)`, may return a new dict. */
export type StateDictHookLike<M> = (module: M, sd: Map<string, unknown>, prefix: string, meta: Map<string, unknown>) => unknown;

/** The end of `state_dict`: each hook in order; a non-null result replaces the destination. */
export function runStateDictHooks<M>(
  hooks: Map<number, StateDictHookLike<M>>, module: M, dest: Map<string, unknown>, prefix: string, localMetadata: Map<string, unknown>,
): Map<string, unknown> {
  let out = dest;
  for (const hook of hooks.values()) {
    const r = hook(module, out, prefix, localMetadata);
    if (r !== null && r !== undefined) out = r as Map<string, unknown>;
  }
  return out;
}

/** The module's own state-dict members: non-null parameters, then non-null persistent buffers. */
export function persistentMembers(m: ModuleBase): Map<string, Tensor> {
  const local = new Map<string, Tensor>();
  for (const [k, v] of m._parameters) if (v !== null) local.set(k, v);
  for (const [k, v] of m._buffers) if (v !== null && !m._non_persistent_buffers_set.has(k)) local.set(k, v);
  return local;
}

/**
 * The strict check of `_load_from_state_dict`: every key under `prefix` whose first component is
 * neither a child nor one of `localState` is unexpected (`skipKey` is handled by the caller).
 */
export function collectUnexpectedKeys(
  m: ModuleBase, stateDict: Map<string, unknown>, prefix: string, localState: Map<string, unknown>, unexpected: string[],
  skipKey: string | null = null,
): void {
  for (const key of stateDict.keys()) {
    if (key.startsWith(prefix) && key !== skipKey) {
      const inputName = key.slice(prefix.length).split('.')[0]!;
      if (!m._modules.has(inputName) && !localState.has(inputName)) unexpected.push(key);
    }
  }
}

/** `load_state_dict`'s working copy: an `OrderedDict` of the input, with its `_metadata` (or null). */
export function stateDictCopy(stateDict: Map<string, unknown> | Record<string, unknown>): {
  sd: OrderedDict<string, unknown>; metadata: Map<string, unknown> | null;
} {
  const metadata = (stateDict as { _metadata?: Map<string, unknown> })._metadata ?? null;
  const sd = new OrderedDict<string, unknown>(stateDict instanceof Map ? stateDict : Object.entries(stateDict));
  if (metadata !== null) sd._metadata = metadata as OrderedDict<string, unknown>;
  return { sd, metadata };
}

/** The local metadata of the module at `prefix` (a new empty map when there is none). */
export function localMetadataFor(metadata: Map<string, unknown> | null, prefix: string): Map<string, unknown> {
  if (metadata !== null) {
    const m = metadata.get(prefix.slice(0, -1));
    if (m instanceof Map) return m as Map<string, unknown>;
    if (m && typeof m === 'object') return new Map(Object.entries(m));
  }
  return new Map();
}

/**
 * The end of `load_state_dict`: with `strict`, missing and unexpected keys head the error list;
 * any error raises `Error(s) in loading state_dict for <name>`.
 */
export function raiseLoadErrors(className: string, strict: boolean, missing: string[], unexpected: string[], errors: string[]): void {
  if (strict) {
    if (unexpected.length > 0) errors.unshift(`Unexpected key(s) in state_dict: ${unexpected.map((k) => `"${k}"`).join(', ')}. `);
    if (missing.length > 0) errors.unshift(`Missing key(s) in state_dict: ${missing.map((k) => `"${k}"`).join(', ')}. `);
  }
  if (errors.length > 0) throw new RuntimeError(`Error(s) in loading state_dict for ${className}:\n\t${errors.join('\n\t')}`);
}
