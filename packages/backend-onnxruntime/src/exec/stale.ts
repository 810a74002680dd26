/**
 * Storages a compiled step made while it was traced and that its compiled calls no longer
 * update (e.g. a parameter's `.grad` after `zero_grad(set_to_none=True)`): reading them after
 * compilation would give the values of the traced call, so every read raises instead.
 */
import { RuntimeError, type HostArray } from '@nncompat/core';

let stale: WeakSet<HostArray> | null = null;

/** @internal Marks storages as no longer updated (see compileStep). */
export function markStale(storages: Iterable<HostArray>): void {
  stale ??= new WeakSet();
  for (const s of storages) stale.add(s);
}

/** @internal Raises when `storage` was left behind by a compiled step. */
export function checkNotStale(storage: HostArray): void {
  if (stale !== null && stale.has(storage)) {
    throw new RuntimeError(
      'this tensor was made while compileStep traced the step, and compiled calls do not update it ' +
        "(e.g. a parameter's .grad after zero_grad(set_to_none=True), or an intermediate value): " +
        'return it from the step function to read its value after each call',
    );
  }
}
