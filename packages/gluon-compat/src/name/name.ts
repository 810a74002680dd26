/**
 * `mx.name` (python/mxnet/name.py): the automatic naming that gives top-level blocks their
 * prefixes (`dense0_`, `dense1_`, …). One manager is current at a time; `with` swaps it.
 */

/**
 * `NameManager`: hands out `hint0`, `hint1`, … per hint.
 *
 * @example
 * ```ts
 * new mx.name.NameManager().with(() => new mx.gluon.nn.Dense(2).name); // 'dense0'
 * ```
 */
export class NameManager {
  /** @internal */ _counter = new Map<string, number>();

  /** `get(name, hint)`: `name` when given, else the next `hint{n}`. */
  get(name: string | null, hint: string): string {
    if (name) return name;
    const n = this._counter.get(hint) ?? 0;
    this._counter.set(hint, n + 1);
    return `${hint}${n}`;
  }

  /** `with manager:` — runs `fn` with this manager current. */
  with<T>(fn: () => T): T {
    const old = current;
    current = this;
    try {
      return fn();
    } finally {
      current = old;
    }
  }

  /** The manager in effect (`NameManager._current.value`). */
  static get current(): NameManager {
    return current;
  }
}

/** `Prefix(prefix)`: a manager that prepends `prefix` to every name. */
export class Prefix extends NameManager {
  /** @internal */ readonly _prefix: string;
  constructor(prefix: string) {
    super();
    this._prefix = prefix;
  }
  override get(name: string | null, hint: string): string {
    return this._prefix + super.get(name, hint);
  }
}

let current: NameManager = new NameManager();
