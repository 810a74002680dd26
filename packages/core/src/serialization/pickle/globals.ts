/**
 * Globals (GLOBAL / STACK_GLOBAL / INST / OBJ) are never looked up by name in a live
 * namespace: the unpickler asks for a {@link PickleGlobal} descriptor, and the only code that
 * ever runs is the JS in the descriptors the caller put on the allow-list.
 */
import { UnpicklingError } from '../../errors.js';
import { OrderedDict } from './ordered-dict.js';
import { FrozenSet, PyByteArray } from './values.js';

const BRAND: unique symbol = Symbol.for('nncompat.pickle.global');

/** What a resolved global may do; absent members make the corresponding opcode an error (or inert). */
export interface PickleGlobalImpl {
  /** REDUCE, and INST/OBJ with arguments: Python's `f(*args)`. */
  call?: (args: readonly unknown[]) => unknown;
  /** NEWOBJ / NEWOBJ_EX, and INST/OBJ without arguments: `cls.__new__(cls, *args, **kwargs)`. */
  construct?: (args: readonly unknown[], kwargs: ReadonlyMap<unknown, unknown>) => unknown;
}

/** A named Python global as the unpickler sees it: `module.name` plus what calling it does. */
export interface PickleGlobal extends PickleGlobalImpl {
  readonly module: string;
  readonly name: string;
  readonly [BRAND]: true;
}

/**
 * Declares a global for an allow-list (or, with no `impl`, a reference the Pickler writes as
 * GLOBAL/STACK_GLOBAL, e.g. a dtype such as `torch.float32`).
 *
 * @example
 * ```ts
 * const rebuild = defineGlobal('torch._utils', '_rebuild_tensor_v2', {
 *   call: ([storage, offset, size, stride]) => makeTensor(storage, offset, size, stride),
 * });
 * loads(pkl, { globals: [rebuild], persistentLoad });
 * ```
 */
export function defineGlobal(module: string, name: string, impl: PickleGlobalImpl = {}): PickleGlobal {
  return Object.freeze({ module, name, call: impl.call, construct: impl.construct, [BRAND]: true as const });
}

/** True when `value` is a {@link PickleGlobal} (a resolved global or a reference to write). */
export function isPickleGlobal(value: unknown): value is PickleGlobal {
  return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}

/** `module.name` of a global. */
export function globalPath(g: { module: string; name: string }): string {
  return `${g.module}.${g.name}`;
}

function pairsToMap(target: Map<unknown, unknown>, arg: unknown): void {
  if (arg === undefined || arg === null) return;
  if (arg instanceof Map) {
    for (const [k, v] of arg) target.set(k, v);
    return;
  }
  if (!Array.isArray(arg)) throw new UnpicklingError('OrderedDict expected at most 1 argument of pairs');
  for (const pair of arg) {
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new UnpicklingError('cannot convert dictionary update sequence element to a sequence of length 2');
    }
    target.set(pair[0], pair[1]);
  }
}

function bytesOf(s: unknown, encoding: unknown): Uint8Array {
  if (typeof s !== 'string') throw new UnpicklingError("encode() argument 'obj' must be str");
  const enc = typeof encoding === 'string' ? encoding.toLowerCase().replace(/[-_]/g, '') : 'utf8';
  if (enc === 'latin1' || enc === 'iso88591') {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 0xff) throw new UnpicklingError(`'latin-1' codec can't encode character in position ${i}: ordinal not in range(256)`);
      out[i] = c;
    }
    return out;
  }
  if (enc === 'utf8') return new TextEncoder().encode(s);
  throw new UnpicklingError(`unknown encoding: ${String(encoding)}`);
}

const collectionsOrderedDict = defineGlobal('collections', 'OrderedDict', {
  call: (args) => {
    const od = new OrderedDict();
    pairsToMap(od, args[0]);
    return od;
  },
  construct: () => new OrderedDict(),
});

function setGlobals(module: string): PickleGlobal[] {
  const setFrom = (args: readonly unknown[]): Iterable<unknown> => (Array.isArray(args[0]) ? args[0] : args[0] instanceof Set ? args[0] : []);
  return [
    defineGlobal(module, 'set', { call: (args) => new Set(setFrom(args)), construct: () => new Set() }),
    defineGlobal(module, 'frozenset', { call: (args) => new FrozenSet(setFrom(args)), construct: () => new FrozenSet() }),
    defineGlobal(module, 'bytearray', {
      call: (args) =>
        PyByteArray.from(args[0] instanceof Uint8Array ? args[0] : args.length ? bytesOf(args[0], args[1]) : []),
    }),
    defineGlobal(module, 'bytes', { call: (args) => (args.length ? bytesOf(args[0], args[1]) : new Uint8Array(0)) }),
  ];
}

/**
 * The pure-data globals Python's own pickler emits for builtin types at protocols 0–3:
 * `collections.OrderedDict`, `builtins`/`__builtin__` `set`, `frozenset`, `bytearray`, `bytes`,
 * and `_codecs.encode` (how protocol 2 writes `bytes`). Nothing here can reach code beyond
 * building those values. Not in PyTorch 2.1's weights_only list except OrderedDict: add them
 * only where that is wanted.
 *
 * @example
 * ```ts
 * loads(protocol2Bytes, { globals: PYTHON_DATA_GLOBALS });
 * ```
 */
export const PYTHON_DATA_GLOBALS: readonly PickleGlobal[] = Object.freeze([
  collectionsOrderedDict,
  ...setGlobals('builtins'),
  ...setGlobals('__builtin__'),
  defineGlobal('_codecs', 'encode', { call: (args) => bytesOf(args[0], args[1]) }),
]);

/** `collections.OrderedDict`, the one pure-data global on PyTorch 2.1's weights_only list. */
export const ORDERED_DICT_GLOBAL: PickleGlobal = collectionsOrderedDict;

/** `copyreg.__newobj__`: a reduction whose callable is this is written as NEWOBJ (as Python does). */
export const NEWOBJ_GLOBAL: PickleGlobal = defineGlobal('copyreg', '__newobj__');
