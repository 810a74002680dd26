/**
 * Python spellings in OneFlow's messages: `type(x)` printed as `<class 'oneflow.Tensor'>`,
 * `<class 'int'>`, `<class '__main__.MyModule'>`; `oneflow.Size([2, 3])`; `str` of a KeyError.
 */
import { KeyError, Parameter as CoreParameter, Tensor } from '@nncompat/core';

/** `type(x).__name__` with OneFlow's tensor class names. */
export function pyTypeName(x: unknown): string {
  if (x === null || x === undefined) return 'NoneType';
  if (typeof x === 'string') return 'str';
  if (typeof x === 'boolean') return 'bool';
  if (typeof x === 'number') return Number.isInteger(x) ? 'int' : 'float';
  if (typeof x === 'bigint') return 'int';
  if (Array.isArray(x)) return Object.isFrozen(x) ? 'tuple' : 'list';
  if (x instanceof Map) return x.constructor === Map ? 'dict' : x.constructor.name;
  if (typeof x === 'function' && Object.getPrototypeOf(x) === Function.prototype) return 'function';
  if (typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) return 'dict';
  return (x as { constructor: { name: string } }).constructor.name;
}

/** The Python module of a class: its own static `__module__`, else `__main__`. */
export function pyModuleOf(cls: unknown): string {
  if (typeof cls === 'function' && Object.prototype.hasOwnProperty.call(cls, '__module__')) {
    return (cls as unknown as { __module__: string }).__module__;
  }
  return '__main__';
}

/** `str(type(x))` as OneFlow's messages print it. */
export function pyTypeRepr(x: unknown): string {
  if (x instanceof Tensor) {
    const flowParam = (x.constructor as { pythonTypeName?: string }).pythonTypeName;
    if (flowParam === 'oneflow.nn.Parameter') return "<class 'oneflow.nn.Parameter'>";
    if (x instanceof CoreParameter) return "<class 'torch.nn.parameter.Parameter'>";
    return "<class 'oneflow.Tensor'>";
  }
  const name = pyTypeName(x);
  if (['str', 'bool', 'int', 'float', 'NoneType', 'list', 'tuple', 'dict', 'function'].includes(name)) return `<class '${name}'>`;
  return `<class '${pyModuleOf((x as { constructor?: unknown }).constructor)}.${name}'>`;
}

/** `oneflow.Size([2, 3])`. */
export function sizeRepr(shape: readonly number[]): string {
  return `oneflow.Size([${shape.join(', ')}])`;
}

/** `repr(s)` of a Python str. */
export function pyStrRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  return q + s.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`).replace(/\n/g, '\\n') + q;
}

/** A KeyError whose `str()` is Python's (the repr of its text). */
export function keyError(text: string): KeyError {
  return new KeyError(text, pyStrRepr(text));
}
