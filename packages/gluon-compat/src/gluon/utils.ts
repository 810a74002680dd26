/** Helpers of python/mxnet/gluon/utils.py and Python's type printing used in Gluon's messages. */
import { AssertionError } from '@nncompat/core';

/** A hook dictionary keyed by handle id (Python keys by `id(hook)`). */
export type HookDict<H> = Map<number, H>;

let nextId = 0;

/**
 * `gluon.utils.HookHandle`: detaches a registered forward (pre-)hook.
 *
 * @example
 * ```ts
 * const h = net.register_forward_hook((block, input, output) => console.log(output.shape));
 * h.detach();
 * ```
 */
export class HookHandle<H = unknown> {
  /** @internal */ _dict: HookDict<H> | null = null;
  /** @internal */ _id: number | null = null;

  /** Adds `hook` to `hooks_dict`; a handle attaches once. */
  attach(hooks_dict: HookDict<H>, hook: H): void {
    if (this._dict !== null) throw new AssertionError('The same handle cannot be attached twice.');
    this._id = nextId++;
    hooks_dict.set(this._id, hook);
    this._dict = hooks_dict;
  }

  /** Removes the hook (no-op when already removed). */
  detach(): void {
    if (this._dict !== null && this._id !== null) this._dict.delete(this._id);
  }

  /** `with handle:` — runs `fn`, then detaches. */
  with<T>(fn: () => T): T {
    try {
      return fn();
    } finally {
      this.detach();
    }
  }
}

/** Python's `<class 'module.Name'>` for a value, as `str(type(v))` prints it. */
export function pyTypeRepr(v: unknown): string {
  if (v === null || v === undefined) return "<class 'NoneType'>";
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) ? "<class 'int'>" : "<class 'float'>";
    case 'string':
      return "<class 'str'>";
    case 'boolean':
      return "<class 'bool'>";
    case 'function':
      if (!(Symbol.for('nncompat.module.raw') in v)) return "<class 'function'>";
      break;
    default:
      break;
  }
  // Frozen arrays are this project's tuples (DESIGN §4).
  if (Array.isArray(v)) return Object.isFrozen(v) ? "<class 'tuple'>" : "<class 'list'>";
  const ctor = (v as { constructor?: { name: string; __module__?: string } }).constructor;
  if (!ctor || ctor === Object) return "<class 'dict'>";
  const mod = Object.prototype.hasOwnProperty.call(ctor, '__module__') ? ctor.__module__ : '__main__';
  return `<class '${mod}.${ctor.name}'>`;
}
