/**
 * MXNet's `mx.Context` (python/mxnet/context.py): a device tag `cpu(0)`, `gpu(1)`, … Contexts
 * are interned, so `mx.cpu(1) === mx.cpu(1)` and they work as `Set`/`Map` keys the way MXNet's
 * hashable contexts work in Python sets and dicts. They are tags: every context's arrays live on
 * the default core backend (this machine has no separate devices to map them to).
 */
import { KeyError } from '@nncompat/core';

const DEVTYPE2STR: Readonly<Record<number, string>> = { 1: 'cpu', 2: 'gpu', 3: 'cpu_pinned', 5: 'cpu_shared' };
const DEVSTR2TYPE: Readonly<Record<string, number>> = { cpu: 1, gpu: 2, cpu_pinned: 3, cpu_shared: 5 };
const interned = new Map<string, Context>();

/**
 * A device context. `new Context('gpu', 1)` returns the interned `gpu(1)`.
 *
 * @example
 * ```ts
 * const ctx = new mx.Context('cpu', 1);
 * String(ctx); // 'cpu(1)'
 * ctx === mx.cpu(1); // true
 * ```
 */
export class Context {
  /** MXNet's numeric device type: 1 cpu, 2 gpu, 3 cpu_pinned, 5 cpu_shared. */
  readonly device_typeid!: number;
  /** Device index. */
  readonly device_id!: number;
  /** Context used when none is given (`Context._default_ctx`, `cpu(0)` until changed by `with`). */
  static _default_ctx: Context;

  constructor(device_type: string | Context, device_id = 0) {
    const typeid = device_type instanceof Context ? device_type.device_typeid : DEVSTR2TYPE[device_type];
    const id = device_type instanceof Context ? device_type.device_id : device_id;
    if (typeid === undefined) throw new KeyError(device_type);
    if (!Number.isInteger(id)) throw new TypeError(`'device_id' must be an integer, got ${String(id)}`);
    const key = `${typeid}:${id}`;
    const existing = interned.get(key);
    if (existing) return existing;
    this.device_typeid = typeid;
    this.device_id = id;
    Object.freeze(this);
    interned.set(key, this);
  }

  /** `'cpu'`, `'gpu'`, `'cpu_pinned'` or `'cpu_shared'`. */
  get device_type(): string {
    return DEVTYPE2STR[this.device_typeid]!;
  }

  /** MXNet's `__eq__`: same device type and id (always `===` here, as contexts are interned). */
  __eq__(other: unknown): boolean {
    return other instanceof Context && other.device_typeid === this.device_typeid && other.device_id === this.device_id;
  }

  /** `cpu(0)`: `str()` and `repr()` are the same in MXNet. */
  toString(): string {
    return `${this.device_type}(${this.device_id})`;
  }

  /** Node's `util.inspect` prints the MXNet form. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /**
   * `with ctx:`: runs `fn` with this context as the default, restoring the previous one after.
   *
   * @example
   * ```ts
   * mx.gpu(1).with(() => mx.context.current_context()); // gpu(1)
   * ```
   */
  with<T>(fn: () => T): T {
    const old = Context._default_ctx;
    Context._default_ctx = this;
    try {
      return fn();
    } finally {
      Context._default_ctx = old;
    }
  }

  /** Releases all free memory of this context (a no-op here: memory belongs to core's backends). */
  empty_cache(): void {}
}

Context._default_ctx = new Context('cpu', 0);

/** `mx.cpu(device_id=0)`. */
export function cpu(device_id = 0): Context {
  return new Context('cpu', device_id);
}
/** `mx.gpu(device_id=0)`: a tag; arrays stay on the default core backend. */
export function gpu(device_id = 0): Context {
  return new Context('gpu', device_id);
}
/** `mx.cpu_pinned(device_id=0)`. */
export function cpu_pinned(device_id = 0): Context {
  return new Context('cpu_pinned', device_id);
}
/** `mx.context.current_context()`: the default context (`cpu(0)` unless inside `ctx.with`). */
export function current_context(): Context {
  return Context._default_ctx;
}
/** `mx.context.num_gpus()`: 0, as no GPU is visible to this package. */
export function num_gpus(): number {
  return 0;
}

/** Python's `str(list_of_contexts)`: `[cpu(0), cpu(1)]`. */
export function formatContextList(ctxs: readonly Context[]): string {
  return `[${ctxs.map(String).join(', ')}]`;
}
