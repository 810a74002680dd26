/**
 * A pickle virtual machine for protocols 0–5 that never executes anything: globals resolve to
 * caller-supplied {@link PickleGlobal} descriptors (an allow-list), or, in inert mode, to
 * placeholders that build {@link PickledObject}s. It is iterative (no recursion on nesting),
 * checks every length against the bytes that remain before allocating, and raises
 * UnpicklingError with CPython's `_pickle.c` messages for malformed input.
 */
import { UnpicklingError, WeightsOnlyUnpicklingError } from './errors.js';
import { defineGlobal, globalPath, isPickleGlobal, type PickleGlobal } from './globals.js';
import { decodeLong, normalizeInt, parseIntLiteral } from './long.js';
import { HIGHEST_PROTOCOL, Op } from './opcodes.js';
import { OrderedDict } from './ordered-dict.js';
import { pyTypeName, pyTypeRepr } from './pyrepr.js';
import {
  CodecError, decodeAscii, decodeLatin1, decodeRawUnicodeEscape, decodeUtf8, escapeDecode,
} from './text.js';
import { FrozenSet, PickledObject, PyByteArray, isList, isTuple } from './values.js';
import { WEIGHTS_ONLY_OPCODES, weightsOnlyMessages as WO } from './weights-only.js';

/** How protocol 0–2 byte strings (Python 2 `str`: STRING, BINSTRING, SHORT_BINSTRING) are decoded. */
export type Py2StringEncoding = 'ASCII' | 'utf-8' | 'latin1' | 'bytes';

/** Options of {@link Unpickler} and {@link loads}. */
export interface UnpicklerOptions {
  /**
   * PyTorch's `weights_only=True` policy (default true): only the opcodes torch 2.1 accepts,
   * only allow-listed globals, BUILD only on OrderedDict and objects with `__setstate__`; any
   * violation is a {@link WeightsOnlyUnpicklingError} with torch's text. With `false`, every
   * opcode is read and unknown globals become inert {@link PickledObject}s: nothing is called.
   */
  weightsOnly?: boolean;
  /** The allow-list: descriptors looked up by `module.name`. Empty by default. */
  globals?: Iterable<PickleGlobal>;
  /** Replaces the allow-list lookup entirely; return a descriptor or throw. */
  resolveGlobal?: (module: string, name: string) => PickleGlobal;
  /** Python's `persistent_load(pid)`: PERSID/BINPERSID push what it returns. */
  persistentLoad?: (pid: unknown) => unknown;
  /** Decoding of Python 2 byte strings (default 'ASCII', as pickle.loads; torch.load uses 'utf-8'). */
  encoding?: Py2StringEncoding;
}

/** CPython has a single empty tuple: every `()` in a pickle is the same object. */
const EMPTY_TUPLE: readonly unknown[] = Object.freeze([]);

/** Python ≥ 3.11 refuses int literals longer than this (sys.int_info.default_max_str_digits). */
const MAX_STR_DIGITS = 4300;

const SAFE_U64 = 2 ** 53;
/** sys.maxsize on 64-bit CPython. */
const MAXSIZE = 0x7fffffffffffffffn;

/**
 * Reads one pickle from `data`.
 *
 * @example
 * ```ts
 * const obj = new Unpickler(bytes, { globals: PYTHON_DATA_GLOBALS }).load();
 * ```
 */
export class Unpickler {
  private pos = 0;
  private readonly view: DataView;
  private stack: unknown[] = [];
  private marks: number[] = [];
  private readonly memo = new Map<number, unknown>();
  private readonly weightsOnly: boolean;
  private readonly allow = new Map<string, PickleGlobal>();

  constructor(private readonly data: Uint8Array, private readonly options: UnpicklerOptions = {}) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.weightsOnly = options.weightsOnly !== false;
    for (const g of options.globals ?? []) this.allow.set(globalPath(g), g);
  }

  /** Runs the pickle to its STOP and returns the value; `position` is then just past STOP. */
  load(): unknown {
    if (this.pos >= this.data.length) throw new UnpicklingError('Ran out of input');
    try {
      return this.run();
    } catch (e) {
      if (e instanceof CodecError) throw new UnpicklingError(e.message);
      throw e;
    }
  }

  /** Offset just past the last opcode read (for formats that put data after the pickle). */
  get position(): number {
    return this.pos;
  }

  // ---- input ----

  private truncated(): UnpicklingError {
    return new UnpicklingError('pickle data was truncated');
  }

  private need(n: number): number {
    if (!(n <= this.data.length - this.pos)) throw this.truncated();
    const at = this.pos;
    this.pos += n;
    return at;
  }

  private u8(): number {
    return this.data[this.need(1)]!;
  }

  private u16(): number {
    return this.view.getUint16(this.need(2), true);
  }

  private u32(): number {
    return this.view.getUint32(this.need(4), true);
  }

  private i32(): number {
    return this.view.getInt32(this.need(4), true);
  }

  /**
   * A uint64 length, with CPython's messages for sizes beyond sys.maxsize and for reads that
   * would overflow; anything else larger than the input is reported by the read as truncation.
   */
  private u64(op: string): number {
    const at = this.need(8);
    const big = this.view.getBigUint64(at, true);
    if (big > MAXSIZE) {
      throw new UnpicklingError(
        op === 'FRAME' ? `frame size > sys.maxsize: ${big}` : `${op} exceeds system's maximum size of ${MAXSIZE} bytes`,
      );
    }
    if (big > MAXSIZE - BigInt(this.pos)) throw new UnpicklingError('read would overflow (invalid bytecode)');
    return big >= BigInt(SAFE_U64) ? SAFE_U64 : Number(big);
  }

  private bytes(n: number): Uint8Array {
    const at = this.need(n);
    return this.data.subarray(at, at + n);
  }

  /** A text-opcode argument: the bytes up to '\n' (excluded). */
  private line(): Uint8Array {
    const nl = this.data.indexOf(0x0a, this.pos);
    if (nl < 0) throw this.truncated();
    const out = this.data.subarray(this.pos, nl);
    this.pos = nl + 1;
    return out;
  }

  private asciiLine(): string {
    return decodeLatin1(this.line());
  }

  // ---- stack ----

  private get fence(): number {
    return this.marks.length ? this.marks[this.marks.length - 1]! : 0;
  }

  private underflow(): UnpicklingError {
    return new UnpicklingError(this.marks.length ? 'unexpected MARK found' : 'unpickling stack underflow');
  }

  private push(v: unknown): void {
    this.stack.push(v);
  }

  private pop(): unknown {
    if (this.stack.length <= this.fence) throw this.underflow();
    return this.stack.pop();
  }

  private peek(): unknown {
    if (this.stack.length <= this.fence) throw this.underflow();
    return this.stack[this.stack.length - 1];
  }

  private popN(n: number): unknown[] {
    if (this.stack.length - n < this.fence) throw this.underflow();
    return this.stack.splice(this.stack.length - n, n);
  }

  private popMark(): unknown[] {
    const m = this.marks.pop();
    if (m === undefined) throw new UnpicklingError('could not find MARK');
    return this.stack.splice(m);
  }

  // ---- policy ----

  private wo(reason: string): WeightsOnlyUnpicklingError {
    return new WeightsOnlyUnpicklingError(reason);
  }

  private resolve(module: string, name: string): PickleGlobal {
    if (this.options.resolveGlobal) return this.options.resolveGlobal(module, name);
    const g = this.allow.get(`${module}.${name}`);
    if (g) return g;
    if (this.weightsOnly) throw this.wo(WO.unsupportedClass(`${module}.${name}`));
    return defineGlobal(module, name); // inert: it can only make PickledObjects
  }

  private checkHashable(v: unknown): void {
    if (isList(v) || (v instanceof Map) || (v instanceof Set && !(v instanceof FrozenSet))) {
      throw new UnpicklingError(`unhashable type: '${pyTypeName(v)}'`);
    }
  }

  private call(fn: unknown, args: unknown): unknown {
    if (!isTuple(args)) throw new UnpicklingError('argument list must be a tuple');
    if (isPickleGlobal(fn)) {
      if (fn.call) return fn.call(args);
      if (this.weightsOnly) throw this.wo(WO.reduce(globalPath(fn)));
      return new PickledObject(fn.module, fn.name, 'reduce', args);
    }
    if (this.weightsOnly) throw this.wo(WO.reduce(pyTypeRepr(fn)));
    throw new UnpicklingError(`'${pyTypeName(fn)}' object is not callable`);
  }

  private construct(cls: unknown, args: readonly unknown[], kwargs: Map<unknown, unknown> | null, op: string): unknown {
    if (!isPickleGlobal(cls)) {
      if (this.weightsOnly) throw this.wo(WO.instantiate(pyTypeRepr(cls)));
      throw new UnpicklingError(`${op} class argument must be a type, not ${pyTypeName(cls)}`);
    }
    if (cls.construct) return cls.construct(args, kwargs ?? new Map());
    if (this.weightsOnly) throw this.wo(WO.instantiate(`<class '${globalPath(cls)}'>`));
    return new PickledObject(cls.module, cls.name, 'new', args, kwargs && kwargs.size ? kwargs : null);
  }

  /** INST / OBJ: CPython calls `cls.__new__(cls)` for a class and no arguments, `cls(*args)` otherwise. */
  private instantiate(cls: unknown, args: readonly unknown[]): unknown {
    return args.length === 0 && isPickleGlobal(cls) ? this.construct(cls, args, null, 'INST') : this.call(cls, args);
  }

  private build(inst: unknown, state: unknown): void {
    if (inst instanceof PickledObject && !this.weightsOnly) {
      inst.state = state;
      return;
    }
    const setstate = (inst as { __setstate__?: unknown } | null)?.__setstate__;
    if (typeof setstate === 'function' && !(inst instanceof Map)) {
      (setstate as (s: unknown) => void).call(inst, state);
      return;
    }
    if (inst instanceof OrderedDict) {
      this.setAttributes(inst, state);
      return;
    }
    if (this.weightsOnly) throw this.wo(WO.build(pyTypeRepr(inst)));
    // CPython's load_build without __setstate__: validate the state, then it needs __dict__.
    const [dictState, slotState] = isTuple(state) && state.length === 2 ? state : [state, null];
    if (dictState !== null && !(dictState instanceof Map)) throw new UnpicklingError('state is not a dictionary');
    if (slotState !== null && !(slotState instanceof Map)) throw new UnpicklingError('slot state is not a dictionary');
    if (dictState !== null || slotState !== null) {
      throw new UnpicklingError(`'${pyTypeName(inst)}' object has no attribute '__dict__'`);
    }
  }

  /** BUILD's default: `inst.__dict__.update(state)`, state being a dict or (dict, slots). */
  private setAttributes(inst: object, state: unknown): void {
    const parts = isTuple(state) && state.length === 2 ? state : [state];
    for (const part of parts) {
      if (part === null) continue;
      if (!(part instanceof Map)) throw new UnpicklingError('state is not a dictionary');
      for (const [k, v] of part) {
        if (typeof k !== 'string') throw new UnpicklingError('attribute name must be string');
        // defineProperty: a key such as '__proto__' becomes an own property, never the prototype.
        Object.defineProperty(inst, k, { value: v, writable: true, enumerable: true, configurable: true });
      }
    }
  }

  private append(target: unknown, items: unknown[], op: 'append' | 'extend'): void {
    if (isList(target)) {
      for (const x of items) target.push(x);
      return;
    }
    if (this.weightsOnly) throw this.wo(op === 'append' ? WO.append(pyTypeRepr(target)) : WO.extend(pyTypeRepr(target)));
    if (target instanceof PickledObject) {
      for (const x of items) (target.listItems ??= []).push(x);
      return;
    }
    throw new UnpicklingError(`'${pyTypeName(target)}' object has no attribute '${op}'`);
  }

  private setItem(target: unknown, k: unknown, v: unknown): void {
    this.checkHashable(k);
    if (target instanceof Map) target.set(k, v);
    else if (isList(target) && typeof k === 'number' && Number.isInteger(k)) {
      // Python's list.__setitem__ (SETITEM on a list is legal pickle, if unusual).
      const i = k < 0 ? target.length + k : k;
      if (i < 0 || i >= target.length) throw new UnpicklingError('list assignment index out of range');
      target[i] = v;
    } else if (target instanceof PickledObject && !this.weightsOnly) (target.dictItems ??= new Map()).set(k, v);
    else throw new UnpicklingError(`'${pyTypeName(target)}' object does not support item assignment`);
  }

  private requirePersistentLoad(): (pid: unknown) => unknown {
    const load = this.options.persistentLoad;
    if (!load) {
      throw new UnpicklingError(
        'A load persistent id instruction was encountered,\nbut no persistent_load function was specified.',
      );
    }
    return load;
  }

  private persistent(pid: unknown): unknown {
    if (this.weightsOnly && isTuple(pid) && pid.length > 0) {
      const first = pid[0] instanceof Uint8Array ? decodeLatin1(pid[0]) : pid[0];
      if (first !== 'storage') throw this.wo(WO.persistentStorage(String(first)));
    }
    return this.requirePersistentLoad()(pid);
  }

  private py2String(raw: Uint8Array): string | Uint8Array {
    switch (this.options.encoding ?? 'ASCII') {
      case 'bytes':
        return raw.slice();
      case 'latin1':
        return decodeLatin1(raw);
      case 'utf-8':
        return decodeUtf8(raw);
      default:
        return decodeAscii(raw);
    }
  }

  /** INT (CPython's load_int reports every failure alike) or LONG (PyLong_FromString's errors). */
  private intLiteral(text: string, op: 'INT' | 'LONG'): number | bigint {
    const digits = text.replace(/^[\s+-]+/, '').length;
    const v = digits > MAX_STR_DIGITS ? null : parseIntLiteral(text);
    if (v !== null) return v;
    if (op === 'INT') throw new UnpicklingError('could not convert string to int');
    if (digits > MAX_STR_DIGITS) {
      throw new UnpicklingError(
        `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
      );
    }
    throw new UnpicklingError(`invalid literal for int() with base 0: '${text}'`);
  }

  private floatLiteral(text: string): number {
    const t = text.trim().toLowerCase();
    const special: Record<string, number> = {
      inf: Infinity, '+inf': Infinity, '-inf': -Infinity, infinity: Infinity, '+infinity': Infinity,
      '-infinity': -Infinity, nan: NaN, '+nan': NaN, '-nan': NaN,
    };
    if (t in special) return special[t]!;
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) return Number(t);
    // CPython converts the line with its newline, and prints it with repr().
    throw new UnpicklingError(`could not convert string to float: '${text}\n'`);
  }

  private memoGet(idx: number): unknown {
    if (!this.memo.has(idx)) throw new UnpicklingError(`Memo value not found at index ${idx}`);
    return this.memo.get(idx);
  }

  // ---- the machine ----

  private run(): unknown {
    const data = this.data;
    for (;;) {
      // CPython: EOF where an opcode should start is EOFError('Ran out of input').
      if (this.pos >= data.length) throw new UnpicklingError('Ran out of input');
      const code = data[this.pos++]!;
      if (this.weightsOnly && !WEIGHTS_ONLY_OPCODES.has(code)) throw this.wo(WO.unsupportedOperand(code));
      switch (code) {
        case Op.PROTO: {
          const proto = this.u8();
          if (proto > HIGHEST_PROTOCOL) throw new UnpicklingError(`unsupported pickle protocol: ${proto}`);
          break;
        }
        case Op.FRAME:
          // CPython only requires the frame's bytes to be present; opcodes may span frames.
          if (this.u64('FRAME') > data.length - this.pos) throw this.truncated();
          break;
        case Op.STOP:
          return this.pop();
        case Op.MARK:
          this.marks.push(this.stack.length);
          break;
        case Op.POP:
          if (this.marks.length && this.marks[this.marks.length - 1] === this.stack.length) this.marks.pop();
          else this.pop();
          break;
        case Op.POP_MARK:
          this.popMark();
          break;
        case Op.DUP:
          this.push(this.peek());
          break;

        case Op.NONE:
          this.push(null);
          break;
        case Op.NEWTRUE:
          this.push(true);
          break;
        case Op.NEWFALSE:
          this.push(false);
          break;
        case Op.INT: {
          const text = this.asciiLine();
          if (text === '00') this.push(false);
          else if (text === '01') this.push(true);
          else this.push(this.intLiteral(text, 'INT'));
          break;
        }
        case Op.LONG: {
          const text = this.asciiLine();
          this.push(this.intLiteral(text.endsWith('L') ? text.slice(0, -1) : text, 'LONG'));
          break;
        }
        case Op.BININT:
          this.push(this.i32());
          break;
        case Op.BININT1:
          this.push(this.u8());
          break;
        case Op.BININT2:
          this.push(this.u16());
          break;
        case Op.LONG1:
          this.push(decodeLong(this.bytes(this.u8())));
          break;
        case Op.LONG4: {
          const n = this.i32();
          if (n < 0) throw new UnpicklingError('LONG pickle has negative byte count');
          this.push(decodeLong(this.bytes(n)));
          break;
        }
        case Op.FLOAT:
          this.push(this.floatLiteral(this.asciiLine()));
          break;
        case Op.BINFLOAT:
          this.push(this.view.getFloat64(this.need(8), false));
          break;

        case Op.STRING: {
          const raw = this.line();
          let end = raw.length;
          while (end > 0 && raw[end - 1]! <= 0x20) end--; // CPython strips trailing whitespace
          const q = raw[0];
          if (end < 2 || (q !== 0x27 && q !== 0x22) || raw[end - 1] !== q) {
            throw new UnpicklingError('the STRING opcode argument must be quoted');
          }
          this.push(this.py2String(escapeDecode(raw.subarray(1, end - 1))));
          break;
        }
        case Op.BINSTRING:
          // CPython reads the size unsigned, so a "negative" one is simply too long.
          this.push(this.py2String(this.bytes(this.u32())));
          break;
        case Op.SHORT_BINSTRING:
          this.push(this.py2String(this.bytes(this.u8())));
          break;
        case Op.UNICODE:
          this.push(decodeRawUnicodeEscape(this.line()));
          break;
        case Op.BINUNICODE:
          this.push(decodeUtf8(this.bytes(this.u32())));
          break;
        case Op.SHORT_BINUNICODE:
          this.push(decodeUtf8(this.bytes(this.u8())));
          break;
        case Op.BINUNICODE8:
          this.push(decodeUtf8(this.bytes(this.u64('BINUNICODE8'))));
          break;
        case Op.BINBYTES:
          this.push(this.bytes(this.u32()).slice());
          break;
        case Op.SHORT_BINBYTES:
          this.push(this.bytes(this.u8()).slice());
          break;
        case Op.BINBYTES8:
          this.push(this.bytes(this.u64('BINBYTES8')).slice());
          break;
        case Op.BYTEARRAY8:
          this.push(PyByteArray.from(this.bytes(this.u64('BYTEARRAY8'))));
          break;
        case Op.NEXT_BUFFER:
          throw new UnpicklingError('pickle stream refers to out-of-band data but no *buffers* argument was given');
        case Op.READONLY_BUFFER:
          this.peek(); // a read-only view of the value on top; our bytes need no change
          break;

        case Op.EMPTY_TUPLE:
          this.push(EMPTY_TUPLE);
          break;
        case Op.TUPLE: {
          const items = this.popMark();
          this.push(items.length ? Object.freeze(items) : EMPTY_TUPLE);
          break;
        }
        case Op.TUPLE1:
        case Op.TUPLE2:
        case Op.TUPLE3:
          this.push(Object.freeze(this.popN(code - Op.TUPLE1 + 1)));
          break;
        case Op.EMPTY_LIST:
          this.push([]);
          break;
        case Op.LIST:
          this.push(this.popMark());
          break;
        case Op.APPEND: {
          const v = this.pop();
          this.append(this.peek(), [v], 'append');
          break;
        }
        case Op.APPENDS: {
          const items = this.popMark();
          const target = this.peek();
          // CPython does nothing for an empty batch, whatever the target; torch checks the type.
          if (items.length || this.weightsOnly) this.append(target, items, 'extend');
          break;
        }
        case Op.EMPTY_DICT:
          this.push(new Map());
          break;
        case Op.DICT: {
          const items = this.popMark();
          if (items.length % 2) throw new UnpicklingError('odd number of items for DICT');
          const d = new Map<unknown, unknown>();
          for (let i = 0; i < items.length; i += 2) {
            this.checkHashable(items[i]);
            d.set(items[i], items[i + 1]);
          }
          this.push(d);
          break;
        }
        case Op.SETITEM: {
          const v = this.pop();
          const k = this.pop();
          this.setItem(this.peek(), k, v);
          break;
        }
        case Op.SETITEMS: {
          const items = this.popMark();
          const target = this.peek();
          if (items.length % 2) throw new UnpicklingError('odd number of items for SETITEMS');
          for (let i = 0; i < items.length; i += 2) this.setItem(target, items[i], items[i + 1]);
          break;
        }
        case Op.EMPTY_SET:
          this.push(new Set());
          break;
        case Op.ADDITEMS: {
          const items = this.popMark();
          const target = this.peek();
          for (const x of items) this.checkHashable(x);
          if (items.length === 0) break; // CPython: nothing to do, whatever the target
          if (target instanceof Set && !(target instanceof FrozenSet)) for (const x of items) target.add(x);
          else if (target instanceof PickledObject && !this.weightsOnly) for (const x of items) (target.listItems ??= []).push(x);
          else throw new UnpicklingError(`'${pyTypeName(target)}' object has no attribute 'add'`);
          break;
        }
        case Op.FROZENSET: {
          const items = this.popMark();
          for (const x of items) this.checkHashable(x);
          this.push(new FrozenSet(items));
          break;
        }

        case Op.GET: {
          const text = this.asciiLine();
          const idx = parseIntLiteral(text);
          if (idx === null) throw new UnpicklingError(`invalid literal for int() with base 10: '${text}'`);
          this.push(this.memoGet(Number(idx)));
          break;
        }
        case Op.BINGET:
          this.push(this.memoGet(this.u8()));
          break;
        case Op.LONG_BINGET:
          this.push(this.memoGet(this.u32()));
          break;
        case Op.PUT: {
          const text = this.asciiLine();
          this.peek();
          const idx = parseIntLiteral(text);
          if (idx === null) throw new UnpicklingError(`invalid literal for int() with base 10: '${text}'`);
          if (idx < 0) throw new UnpicklingError('negative PUT argument');
          this.memo.set(Number(idx), this.peek());
          break;
        }
        case Op.BINPUT:
          this.memo.set(this.u8(), this.peek());
          break;
        case Op.LONG_BINPUT:
          this.memo.set(this.u32(), this.peek());
          break;
        case Op.MEMOIZE:
          this.memo.set(this.memo.size, this.peek());
          break;

        case Op.GLOBAL: {
          const module = decodeUtf8(this.line());
          const name = decodeUtf8(this.line());
          this.push(this.resolve(module, name));
          break;
        }
        case Op.STACK_GLOBAL: {
          // CPython reports a missing operand as a non-str one.
          const name = this.stack.length > this.fence ? this.stack.pop() : undefined;
          const module = this.stack.length > this.fence ? this.stack.pop() : undefined;
          if (typeof name !== 'string' || typeof module !== 'string') throw new UnpicklingError('STACK_GLOBAL requires str');
          this.push(this.resolve(module, name));
          break;
        }
        case Op.REDUCE: {
          const args = this.pop();
          const fn = this.peek();
          this.stack[this.stack.length - 1] = this.call(fn, args);
          break;
        }
        case Op.NEWOBJ:
        case Op.NEWOBJ_EX: {
          const op = code === Op.NEWOBJ ? 'NEWOBJ' : 'NEWOBJ_EX';
          const kwargs = code === Op.NEWOBJ_EX ? this.pop() : null;
          const args = this.pop();
          const cls = this.pop();
          // CPython's order of checks: the class, then the arguments.
          if (!isPickleGlobal(cls)) this.construct(cls, [], null, op);
          if (!isTuple(args)) throw new UnpicklingError(`${op} args argument must be a tuple, not ${pyTypeName(args)}`);
          if (kwargs !== null && !(kwargs instanceof Map)) {
            throw new UnpicklingError(`${op} kwargs argument must be a dict, not ${pyTypeName(kwargs)}`);
          }
          this.push(this.construct(cls, args, kwargs, op));
          break;
        }
        case Op.INST: {
          const m = this.marks.pop();
          if (m === undefined) throw new UnpicklingError('could not find MARK');
          const module = decodeUtf8(this.line());
          const name = decodeUtf8(this.line());
          const cls = this.resolve(module, name);
          this.push(this.instantiate(cls, Object.freeze(this.stack.splice(m))));
          break;
        }
        case Op.OBJ: {
          const items = this.popMark();
          if (items.length < 1) throw this.underflow();
          this.push(this.instantiate(items[0], Object.freeze(items.slice(1))));
          break;
        }
        case Op.BUILD: {
          const state = this.pop();
          this.build(this.peek(), state);
          break;
        }
        case Op.PERSID: {
          this.requirePersistentLoad();
          const raw = this.line();
          if (raw.some((b) => b >= 0x80)) throw new UnpicklingError('persistent IDs in protocol 0 must be ASCII strings');
          this.push(this.persistent(decodeLatin1(raw)));
          break;
        }
        case Op.BINPERSID:
          this.requirePersistentLoad();
          this.push(this.persistent(this.pop()));
          break;
        case Op.EXT1:
        case Op.EXT2:
        case Op.EXT4: {
          const ext = code === Op.EXT1 ? this.u8() : code === Op.EXT2 ? this.u16() : this.i32();
          if (ext <= 0) throw new UnpicklingError('EXT specifies code <= 0');
          // No copyreg extension registry exists here, so every code is unregistered.
          throw new UnpicklingError(`unregistered extension code ${ext}`);
        }
        default: {
          const c = String.fromCharCode(code);
          const shown = code >= 0x20 && code <= 0x7e && c !== "'" && c !== '\\' ? c : `\\x${code.toString(16).padStart(2, '0')}`;
          throw new UnpicklingError(`invalid load key, '${shown}'.`);
        }
      }
    }
  }
}

/**
 * Reads a pickle (Python's `pickle.loads`), safely: see {@link UnpicklerOptions}.
 *
 * @example
 * ```ts
 * loads(bytes, { globals: PYTHON_DATA_GLOBALS });            // weights_only-style allow-list
 * loads(bytes, { weightsOnly: false });                      // unknown classes → PickledObject
 * ```
 */
export function loads(data: Uint8Array, options: UnpicklerOptions = {}): unknown {
  return new Unpickler(data, options).load();
}

export { normalizeInt };
