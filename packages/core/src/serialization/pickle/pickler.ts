/**
 * Writes pickles the way CPython's `pickle.Pickler` does for protocols 2–5 (torch.save writes
 * protocol 2, OneFlow 4): one memo so shared and recursive objects are written once,
 * `persistent_id` hooks, BINPUT/MEMOIZE, batches of 1000 for APPENDS/SETITEMS/ADDITEMS,
 * protocol-4 framing, and `__reduce__`-style descriptors for class instances.
 */
import { isPickleGlobal, NEWOBJ_GLOBAL, defineGlobal, type PickleGlobal } from './globals.js';
import { encodeLong } from './long.js';
import { HIGHEST_PROTOCOL, Op } from './opcodes.js';
import { OrderedDict } from './ordered-dict.js';
import { pyTypeName } from './pyrepr.js';
import { encodeUtf8 } from './text.js';
import { FrozenSet, PickledObject, PyByteArray, PyFloat, isTuple } from './values.js';

/**
 * Python's `__reduce__` result: call `func(*args)`, then add `listItems` / `dictItems`, then
 * BUILD with `state`. A `func` of `copyreg.__newobj__` ({@link NEWOBJ_GLOBAL}) with
 * `args = [cls, ...rest]` writes NEWOBJ, as Python does.
 */
export interface PickleReduction {
  func: PickleGlobal;
  args: readonly unknown[];
  state?: unknown;
  listItems?: Iterable<unknown>;
  dictItems?: Iterable<readonly [unknown, unknown]>;
}

/**
 * An object that knows how to pickle itself (Python's `__reduce_ex__` / `__reduce__`).
 *
 * @example
 * ```ts
 * class Tensor implements Reducible {
 *   __reduce_ex__(): PickleReduction {
 *     return { func: defineGlobal('torch._utils', '_rebuild_tensor_v2'), args: tuple(storage, 0, size, stride, false, new OrderedDict()) };
 *   }
 * }
 * ```
 */
export interface Reducible {
  __reduce_ex__?(protocol: number): PickleReduction;
  __reduce__?(): PickleReduction;
}

/** Options of {@link Pickler} and {@link dumps}. */
export interface PicklerOptions {
  /** 2 (default; what torch.save writes), 3, 4 (what OneFlow writes) or 5. */
  protocol?: number;
  /**
   * Python's `persistent_id(obj)`: return a non-null value to write it instead of `obj`,
   * followed by BINPERSID (torch.save uses this for storages).
   */
  persistentId?: (obj: unknown) => unknown;
}

const BATCH = 1000;
const FRAME_MIN = 4;
const NEWOBJ_EX_GLOBAL = defineGlobal('copyreg', '__newobj_ex__');
const CODECS_ENCODE = defineGlobal('_codecs', 'encode');
const BYTEARRAY = defineGlobal('builtins', 'bytearray');

/** Python 3 → Python 2 module names written at protocols < 3 (pickle's fix_imports). */
const PY2_MODULES: Record<string, string> = { builtins: '__builtin__', copyreg: 'copy_reg' };

class ByteWriter {
  buf = new Uint8Array(256);
  view = new DataView(this.buf.buffer);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): void {
    this.room(1);
    this.buf[this.length++] = v;
  }

  u16(v: number): void {
    this.room(2);
    this.view.setUint16(this.length, v, true);
    this.length += 2;
  }

  u32(v: number): void {
    this.room(4);
    this.view.setUint32(this.length, v, true);
    this.length += 4;
  }

  i32(v: number): void {
    this.room(4);
    this.view.setInt32(this.length, v, true);
    this.length += 4;
  }

  u64(v: number): void {
    this.room(8);
    this.view.setUint32(this.length, v % 0x100000000, true);
    this.view.setUint32(this.length + 4, Math.floor(v / 0x100000000), true);
    this.length += 8;
  }

  f64(v: number): void {
    this.room(8);
    this.view.setFloat64(this.length, v, false);
    this.length += 8;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  ascii(s: string): void {
    this.room(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.length++] = s.charCodeAt(i) & 0xff;
  }
}

/**
 * Serializes JS values as Python pickles (DESIGN.md §4 mapping, reversed): null → None,
 * boolean → bool, integral number / bigint → int, other number or {@link PyFloat} → float,
 * string → str, Uint8Array → bytes, frozen array → tuple, array → list, Map → dict,
 * {@link OrderedDict} → collections.OrderedDict (attributes such as `_metadata` via BUILD),
 * Set → set, {@link FrozenSet} → frozenset, {@link PickleGlobal} → the global itself,
 * {@link PickledObject} and {@link Reducible} → their reduction.
 *
 * @example
 * ```ts
 * const bytes = new Pickler({ protocol: 2 }).dump(new Map([['a', [1, 2.5, null]]]));
 * // python: pickle.loads(bytes) == {'a': [1, 2.5, None]}
 * ```
 */
export class Pickler {
  private readonly protocol: number;
  private w = new ByteWriter();
  /** Objects by identity, strings by value. */
  private memo = new Map<unknown, number>();
  /** Globals by `module.name`: Python memoizes the class object, which is one per name. */
  private globalMemo = new Map<string, number>();

  constructor(private readonly options: PicklerOptions = {}) {
    const p = options.protocol ?? 2;
    if (!Number.isInteger(p) || p < 2 || p > HIGHEST_PROTOCOL) {
      throw new RangeError(`pickle protocol must be an integer from 2 to ${HIGHEST_PROTOCOL}, got ${p}`);
    }
    this.protocol = p;
  }

  /** Pickles `obj` (a fresh memo per call, as `pickle.dumps`). */
  dump(obj: unknown): Uint8Array {
    this.w = new ByteWriter();
    this.memo = new Map();
    this.globalMemo = new Map();
    const w = this.w;
    w.u8(Op.PROTO);
    w.u8(this.protocol);
    const framed = this.protocol >= 4;
    const frameAt = w.length;
    if (framed) {
      w.u8(Op.FRAME);
      w.u64(0);
    }
    this.save(obj);
    w.u8(Op.STOP);
    let out = w.buf.subarray(0, w.length);
    if (framed) {
      const body = w.length - frameAt - 9;
      if (body >= FRAME_MIN) new DataView(out.buffer).setUint32(frameAt + 1, body, true);
      else out = Uint8Array.of(...out.subarray(0, frameAt), ...out.subarray(frameAt + 9));
    }
    return out.slice();
  }

  private memoize(obj: unknown): void {
    const idx = this.memo.size + this.globalMemo.size;
    if (isPickleGlobal(obj)) this.globalMemo.set(`${obj.module}.${obj.name}`, idx);
    else this.memo.set(obj, idx);
    if (this.protocol >= 4) this.w.u8(Op.MEMOIZE);
    else if (idx < 256) {
      this.w.u8(Op.BINPUT);
      this.w.u8(idx);
    } else {
      this.w.u8(Op.LONG_BINPUT);
      this.w.u32(idx);
    }
  }

  private get(idx: number): void {
    if (idx < 256) {
      this.w.u8(Op.BINGET);
      this.w.u8(idx);
    } else {
      this.w.u8(Op.LONG_BINGET);
      this.w.u32(idx);
    }
  }

  private save(obj: unknown): void {
    const pidFn = this.options.persistentId;
    if (pidFn) {
      const pid = pidFn(obj);
      if (pid !== undefined && pid !== null) {
        this.save(pid);
        this.w.u8(Op.BINPERSID);
        return;
      }
    }
    if (obj === null || obj === undefined) return this.w.u8(Op.NONE);
    switch (typeof obj) {
      case 'boolean':
        return this.w.u8(obj ? Op.NEWTRUE : Op.NEWFALSE);
      case 'number':
        return Number.isInteger(obj) && !Object.is(obj, -0) ? this.saveInt(obj) : this.saveFloat(obj);
      case 'bigint':
        return this.saveInt(obj);
      case 'string':
        return this.saveStr(obj);
      case 'object':
        break;
      default:
        throw new TypeError(`cannot pickle '${typeof obj}' object`);
    }
    const seen = this.memo.get(obj);
    if (seen !== undefined) return this.get(seen);
    if (obj instanceof PyFloat) return this.saveFloat(obj.value);
    if (obj instanceof PyByteArray) return this.saveByteArray(obj);
    if (obj instanceof Uint8Array) return this.saveBytes(obj);
    if (Array.isArray(obj)) return isTuple(obj) ? this.saveTuple(obj) : this.saveList(obj);
    if (obj instanceof OrderedDict) return this.saveOrderedDict(obj);
    if (obj instanceof Map) return this.saveDict(obj);
    if (obj instanceof FrozenSet) return this.saveFrozenSet(obj);
    if (obj instanceof Set) return this.saveSet(obj);
    if (isPickleGlobal(obj)) return this.saveGlobal(obj);
    if (obj instanceof PickledObject) return this.saveReduce(reductionOf(obj), obj);
    const r = obj as Reducible;
    if (typeof r.__reduce_ex__ === 'function') return this.saveReduce(r.__reduce_ex__(this.protocol), obj);
    if (typeof r.__reduce__ === 'function') return this.saveReduce(r.__reduce__(), obj);
    throw new TypeError(`cannot pickle '${pyTypeName(obj)}' object`);
  }

  private saveInt(v: number | bigint): void {
    const w = this.w;
    if (typeof v === 'number' || (v >= -0x80000000n && v <= 0x7fffffffn)) {
      const n = Number(v);
      if (n >= 0 && n <= 0xff) {
        w.u8(Op.BININT1);
        return w.u8(n);
      }
      if (n >= 0 && n <= 0xffff) {
        w.u8(Op.BININT2);
        return w.u16(n);
      }
      if (n >= -0x80000000 && n <= 0x7fffffff) {
        w.u8(Op.BININT);
        return w.i32(n);
      }
    }
    const enc = encodeLong(BigInt(v));
    if (enc.length < 256) {
      w.u8(Op.LONG1);
      w.u8(enc.length);
    } else {
      w.u8(Op.LONG4);
      w.i32(enc.length);
    }
    w.bytes(enc);
  }

  private saveFloat(v: number): void {
    this.w.u8(Op.BINFLOAT);
    this.w.f64(v);
  }

  private saveStr(s: string): void {
    const seen = this.memo.get(s);
    if (seen !== undefined) return this.get(seen);
    const b = encodeUtf8(s);
    const w = this.w;
    if (this.protocol >= 4 && b.length < 256) {
      w.u8(Op.SHORT_BINUNICODE);
      w.u8(b.length);
    } else if (this.protocol >= 4 && b.length > 0xffffffff) {
      w.u8(Op.BINUNICODE8);
      w.u64(b.length);
    } else {
      w.u8(Op.BINUNICODE);
      w.u32(b.length);
    }
    w.bytes(b);
    this.memoize(s);
  }

  private saveBytes(b: Uint8Array): void {
    if (this.protocol < 3) {
      // Python 3's protocol-2 form, readable by Python 2: _codecs.encode(latin-1 str, 'latin1').
      if (b.length === 0) return this.saveReduce({ func: defineGlobal('builtins', 'bytes'), args: Object.freeze([]) }, b);
      let s = '';
      for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
      return this.saveReduce({ func: CODECS_ENCODE, args: Object.freeze([s, 'latin1']) }, b);
    }
    const w = this.w;
    if (b.length < 256) {
      w.u8(Op.SHORT_BINBYTES);
      w.u8(b.length);
    } else if (b.length > 0xffffffff && this.protocol >= 4) {
      w.u8(Op.BINBYTES8);
      w.u64(b.length);
    } else {
      w.u8(Op.BINBYTES);
      w.u32(b.length);
    }
    w.bytes(b);
    this.memoize(b);
  }

  private saveByteArray(b: PyByteArray): void {
    if (this.protocol < 5) {
      // bytearray.__reduce_ex__: (bytearray, (bytes(self),)).
      const copy = new Uint8Array(b);
      return this.saveReduce({ func: BYTEARRAY, args: Object.freeze([copy]) }, b);
    }
    this.w.u8(Op.BYTEARRAY8);
    this.w.u64(b.length);
    this.w.bytes(b);
    this.memoize(b);
  }

  private saveTuple(t: readonly unknown[]): void {
    const w = this.w;
    if (t.length === 0) return w.u8(Op.EMPTY_TUPLE);
    if (t.length <= 3) {
      for (const x of t) this.save(x);
      const seen = this.memo.get(t);
      if (seen !== undefined) {
        // The tuple was reached again through its own elements: drop them, fetch the memo.
        for (let i = 0; i < t.length; i++) w.u8(Op.POP);
        return this.get(seen);
      }
      w.u8(Op.TUPLE1 + t.length - 1);
      return this.memoize(t);
    }
    w.u8(Op.MARK);
    for (const x of t) this.save(x);
    const seen = this.memo.get(t);
    if (seen !== undefined) {
      w.u8(Op.POP_MARK);
      return this.get(seen);
    }
    w.u8(Op.TUPLE);
    this.memoize(t);
  }

  private saveList(l: unknown[]): void {
    this.w.u8(Op.EMPTY_LIST);
    this.memoize(l);
    this.batchAppends(l);
  }

  private batchAppends(items: Iterable<unknown>): void {
    this.batches(items, Op.APPEND, Op.APPENDS, (x) => this.save(x));
  }

  private batchSetItems(items: Iterable<readonly [unknown, unknown]>): void {
    this.batches(items, Op.SETITEM, Op.SETITEMS, ([k, v]) => {
      this.save(k);
      this.save(v);
    });
  }

  private batches<T>(items: Iterable<T>, one: Op, many: Op, put: (x: T) => void): void {
    let batch: T[] = [];
    const flush = (): void => {
      if (batch.length === 1) {
        put(batch[0]!);
        this.w.u8(one);
      } else if (batch.length > 1) {
        this.w.u8(Op.MARK);
        for (const x of batch) put(x);
        this.w.u8(many);
      }
      batch = [];
    };
    for (const x of items) {
      batch.push(x);
      if (batch.length === BATCH) flush();
    }
    flush();
  }

  private saveDict(d: Map<unknown, unknown>): void {
    this.w.u8(Op.EMPTY_DICT);
    this.memoize(d);
    this.batchSetItems(d);
  }

  private saveOrderedDict(d: OrderedDict): void {
    // OrderedDict.__reduce__: (OrderedDict, (), vars(self) or None, None, iter(self.items())).
    const attrs = new Map<string, unknown>();
    for (const k of Object.keys(d)) {
      const v = (d as unknown as Record<string, unknown>)[k];
      if (v !== undefined) attrs.set(k, v);
    }
    const func = defineGlobal('collections', 'OrderedDict');
    this.saveReduce({ func, args: Object.freeze([]), state: attrs.size ? attrs : undefined, dictItems: d }, d);
  }

  private saveSet(s: Set<unknown>): void {
    if (this.protocol < 4) {
      return this.saveReduce({ func: defineGlobal('builtins', 'set'), args: Object.freeze([[...s]]) }, s);
    }
    this.w.u8(Op.EMPTY_SET);
    this.memoize(s);
    this.batches(s, Op.ADDITEMS, Op.ADDITEMS, (x) => this.save(x));
  }

  private saveFrozenSet(s: FrozenSet<unknown>): void {
    if (this.protocol < 4) {
      return this.saveReduce({ func: defineGlobal('builtins', 'frozenset'), args: Object.freeze([[...s]]) }, s);
    }
    const w = this.w;
    w.u8(Op.MARK);
    for (const x of s) this.save(x);
    const seen = this.memo.get(s);
    if (seen !== undefined) {
      w.u8(Op.POP_MARK);
      return this.get(seen);
    }
    w.u8(Op.FROZENSET);
    this.memoize(s);
  }

  private saveGlobal(g: PickleGlobal): void {
    const seen = this.globalMemo.get(`${g.module}.${g.name}`);
    if (seen !== undefined) return this.get(seen);
    if (this.protocol >= 4) {
      this.saveStr(g.module);
      this.saveStr(g.name);
      this.w.u8(Op.STACK_GLOBAL);
    } else {
      const module = this.protocol < 3 ? (PY2_MODULES[g.module] ?? g.module) : g.module;
      if (/\n/.test(module) || /\n/.test(g.name)) throw new TypeError(`cannot pickle global '${module}.${g.name}': newline in name`);
      this.w.u8(Op.GLOBAL);
      this.w.bytes(encodeUtf8(`${module}\n${g.name}\n`));
    }
    this.memoize(g);
  }

  private saveReduce(r: PickleReduction, obj: unknown): void {
    if (!r || !isPickleGlobal(r.func) || !Array.isArray(r.args)) {
      throw new TypeError(`__reduce__ of '${pyTypeName(obj)}' must return { func: PickleGlobal, args: array }`);
    }
    const w = this.w;
    const isNewobj = r.func.module === NEWOBJ_GLOBAL.module && r.func.name === NEWOBJ_GLOBAL.name;
    const isNewobjEx = r.func.module === NEWOBJ_EX_GLOBAL.module && r.func.name === NEWOBJ_EX_GLOBAL.name;
    if (isNewobjEx) {
      if (this.protocol < 4) throw new TypeError('copyreg.__newobj_ex__ (keyword arguments) needs protocol 4 or higher');
      const [cls, args, kwargs] = r.args;
      this.save(cls);
      this.save(Object.freeze([...(args as unknown[])]));
      this.save(kwargs);
      w.u8(Op.NEWOBJ_EX);
    } else if (isNewobj) {
      this.save(r.args[0]);
      this.save(Object.freeze(r.args.slice(1)));
      w.u8(Op.NEWOBJ);
    } else {
      this.save(r.func);
      this.save(isTuple(r.args) ? r.args : Object.freeze([...r.args]));
      w.u8(Op.REDUCE);
    }
    const seen = this.memo.get(obj);
    if (seen !== undefined) {
      w.u8(Op.POP);
      this.get(seen);
    } else {
      this.memoize(obj);
    }
    if (r.listItems) this.batchAppends(r.listItems);
    if (r.dictItems) this.batchSetItems(r.dictItems);
    if (r.state !== undefined && r.state !== null) {
      this.save(r.state);
      w.u8(Op.BUILD);
    }
  }
}

function reductionOf(o: PickledObject): PickleReduction {
  const cls = defineGlobal(o.module, o.name);
  const base =
    o.kind === 'reduce'
      ? { func: cls, args: o.args }
      : o.kwargs && o.kwargs.size
        ? { func: NEWOBJ_EX_GLOBAL, args: [cls, o.args, o.kwargs] }
        : { func: NEWOBJ_GLOBAL, args: [cls, ...o.args] };
  return { ...base, state: o.state, listItems: o.listItems ?? undefined, dictItems: o.dictItems ?? undefined };
}

/**
 * Pickles one value (Python's `pickle.dumps`).
 *
 * @example
 * ```ts
 * dumps(new Map([['epoch', 3]]), { protocol: 4 });
 * ```
 */
export function dumps(obj: unknown, options: PicklerOptions = {}): Uint8Array {
  return new Pickler(options).dump(obj);
}
