/**
 * JS stand-ins for the Python values that have no exact JS equivalent (DESIGN.md §4):
 * tuples are frozen arrays, frozensets are {@link FrozenSet}, a float that must stay a float
 * when written is {@link PyFloat}, and objects of classes that are never executed are
 * {@link PickledObject} placeholders.
 */

/**
 * Python's `frozenset`: a `Set` that refuses mutation after construction.
 *
 * @example
 * ```ts
 * const s = new FrozenSet(['a', 'b']);
 * s.has('a'); // true
 * s.add('c'); // throws TypeError: 'frozenset' object has no attribute 'add'
 * ```
 */
export class FrozenSet<T = unknown> extends Set<T> {
  constructor(items?: Iterable<T> | null) {
    super();
    if (items) for (const x of items) super.add(x);
    Object.freeze(this);
  }

  override add(value: T): this {
    if (Object.isFrozen(this)) throw new TypeError("'frozenset' object has no attribute 'add'");
    return super.add(value);
  }

  override delete(value: T): boolean {
    if (Object.isFrozen(this)) throw new TypeError("'frozenset' object has no attribute 'discard'");
    return super.delete(value);
  }

  override clear(): void {
    if (Object.isFrozen(this)) throw new TypeError("'frozenset' object has no attribute 'clear'");
    super.clear();
  }
}

/**
 * Python's `bytearray` (a mutable byte string), as opposed to `bytes`, which is a plain
 * `Uint8Array`; the difference only matters to write the same type back.
 *
 * @example
 * ```ts
 * dumps(PyByteArray.from([1, 2]), { protocol: 5 }); // BYTEARRAY8
 * ```
 */
export class PyByteArray extends Uint8Array {}

/**
 * Makes a Python tuple: a frozen array.
 *
 * @example
 * ```ts
 * dumps(tuple(2, 3)); // pickles the tuple (2, 3), where [2, 3] would be a list
 * ```
 */
export function tuple<T extends unknown[]>(...items: T): Readonly<T> {
  return Object.freeze(items);
}

/** True for a value that stands for a Python tuple (a frozen array). */
export function isTuple(value: unknown): value is readonly unknown[] {
  return Array.isArray(value) && Object.isFrozen(value);
}

/**
 * A number the Pickler must write as a Python `float` even when it is integral (`1.0`);
 * plain JS numbers are written as `int` when integral and `float` otherwise.
 *
 * @example
 * ```ts
 * dumps(new Map([['lr', new PyFloat(1)]])); // {'lr': 1.0}
 * ```
 */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** How a {@link PickledObject} was created: REDUCE (`f(*args)`) or NEWOBJ (`cls.__new__(cls, *args, **kwargs)`). */
export type PickledObjectKind = 'reduce' | 'new';

/**
 * An instance of a Python class that was not run: what the unpickler returns in inert mode
 * (PyTorch's `weights_only=False` semantics without executing anything) for a global outside
 * the allow-list. It records the class, the constructor arguments and the BUILD state, and
 * pickles back to the same opcodes.
 *
 * @example
 * ```ts
 * const obj = loads(bytes, { weightsOnly: false }) as PickledObject;
 * obj.module; obj.name; // 'argparse', 'Namespace'
 * obj.state;            // Map { 'lr' => 0.1, … }
 * ```
 */
export class PickledObject {
  /** The state set by BUILD (`__setstate__`), or null when there was none. */
  state: unknown = null;
  /** Items added with APPEND/APPENDS (list subclasses), when any. */
  listItems: unknown[] | null = null;
  /** Items set with SETITEM/SETITEMS (dict subclasses), when any. */
  dictItems: Map<unknown, unknown> | null = null;

  constructor(
    readonly module: string,
    readonly name: string,
    readonly kind: PickledObjectKind,
    readonly args: readonly unknown[],
    readonly kwargs: Map<unknown, unknown> | null = null,
  ) {}

  /** `module.name`, as Python prints the class. */
  get qualifiedName(): string {
    return `${this.module}.${this.name}`;
  }

  toString(): string {
    return `<${this.qualifiedName} object (not executed)>`;
  }
}

/** True for a value that stands for a Python list (a mutable, non-frozen array). */
export function isList(value: unknown): value is unknown[] {
  return Array.isArray(value) && !Object.isFrozen(value);
}
