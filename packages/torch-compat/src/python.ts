/**
 * Python spellings used in PyTorch's messages and reprs: `repr()` of strings and lists,
 * `type(x).__name__`, `torch.typename(x)` and `torch.Size([...])`.
 */
import { KeyError, Tensor } from '@nncompat/core';

/** `repr(s)` for a Python str: single quotes unless the text holds one and no double quote. */
export function pyStrRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    if (ch === '\\') out += '\\\\';
    else if (ch === q) out += `\\${q}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else out += ch;
  }
  return q + out + q;
}

/** `repr(x)` for the plain values that appear in PyTorch's messages. */
export function pyRepr(x: unknown): string {
  if (x === null || x === undefined) return 'None';
  if (typeof x === 'string') return pyStrRepr(x);
  if (typeof x === 'boolean') return x ? 'True' : 'False';
  if (typeof x === 'number') return Number.isInteger(x) ? String(x) : pyFloatRepr(x);
  if (typeof x === 'bigint') return x.toString();
  if (Array.isArray(x)) {
    const inner = x.map(pyRepr).join(', ');
    return Object.isFrozen(x) ? `(${inner}${x.length === 1 ? ',' : ''})` : `[${inner}]`;
  }
  return String(x);
}

/** Python's shortest round-trip float repr (`1.0`, `0.1`, `1e-05`, `inf`). */
export function pyFloatRepr(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return `${v}.0`;
  const s = String(v);
  const m = /^(-?[\d.]+)e([+-])(\d+)$/.exec(s);
  if (m) return `${m[1]}e${m[2]}${m[3]!.padStart(2, '0')}`;
  // Python switches to exponent form below 1e-4, JS below 1e-6.
  if (Math.abs(v) < 1e-4) {
    const e = v.toExponential();
    const [mant, exp] = e.split('e');
    const n = Number(exp);
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return s;
}

/** `type(x).__name__`. */
export function pyTypeName(x: unknown): string {
  if (x === null || x === undefined) return 'NoneType';
  switch (typeof x) {
    case 'string': return 'str';
    case 'boolean': return 'bool';
    case 'number': return Number.isInteger(x) ? 'int' : 'float';
    case 'bigint': return 'int';
    case 'function':
      if (isPyClassInstance(x)) return (x as { constructor: { name: string } }).constructor.name;
      return 'function';
    default: break;
  }
  if (Array.isArray(x)) return Object.isFrozen(x) ? 'tuple' : 'list';
  if (x instanceof Tensor) return x.constructor === Tensor ? 'Tensor' : x.constructor.name;
  if (x instanceof Map) return x.constructor === Map ? 'dict' : x.constructor.name;
  if (x instanceof Set) return 'set';
  const proto = Object.getPrototypeOf(x);
  if (proto === Object.prototype || proto === null) return 'dict';
  return (x as { constructor: { name: string } }).constructor.name;
}

/** Modules are callable functions whose prototype is a class's: they are instances, not functions. */
function isPyClassInstance(x: unknown): boolean {
  const p = Object.getPrototypeOf(x);
  return p !== Function.prototype && p !== null && typeof p.constructor === 'function' && p.constructor !== Function;
}

/** The Python module a class lives in: its own static `__module__`, else `__main__`. */
export function pyModuleOf(cls: unknown): string {
  if (typeof cls === 'function' && Object.prototype.hasOwnProperty.call(cls, '__module__')) {
    return (cls as unknown as { __module__: string }).__module__;
  }
  return '__main__';
}

/** `type(x)` as Python prints it: `<class 'list'>`. */
export function pyTypeRepr(x: unknown): string {
  const name = pyTypeName(x);
  if (['str', 'bool', 'int', 'float', 'NoneType', 'list', 'tuple', 'dict', 'set', 'function'].includes(name)) {
    return `<class '${name}'>`;
  }
  if (x instanceof Tensor) return x.constructor === Tensor ? "<class 'torch.Tensor'>" : `<class '${pyModuleOf(x.constructor)}.${name}'>`;
  const ctor = (x as { constructor?: unknown }).constructor;
  return `<class '${pyModuleOf(ctor)}.${name}'>`;
}

/** `torch.typename(x)`: the legacy tensor type name, else `module.QualName`. */
export function typename(x: unknown): string {
  if (x instanceof Tensor) return x._legacyTypeName();
  const name = pyTypeName(x);
  if (typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Map) && Object.getPrototypeOf(x) !== Object.prototype) {
    return `${pyModuleOf((x as { constructor: unknown }).constructor)}.${name}`;
  }
  if (typeof x === 'function') {
    if (isPyClassInstance(x)) return `${pyModuleOf((x as { constructor: unknown }).constructor)}.${name}`;
    return `__main__.${(x as { name: string }).name || '<lambda>'}`;
  }
  return name;
}

/** `torch.Size([2, 3])`. */
export function sizeRepr(shape: readonly number[]): string {
  return `torch.Size([${shape.join(', ')}])`;
}

/** A `KeyError(text)` whose message is what Python's `str(e)` prints: the repr of `text`. */
export function keyError(text: string): KeyError {
  return new KeyError(text, pyStrRepr(text));
}
