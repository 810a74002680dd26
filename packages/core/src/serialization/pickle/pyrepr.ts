/** Python class names of loaded values, for error texts that print `type(x)` as Python does. */
import { isPickleGlobal } from './globals.js';
import { OrderedDict } from './ordered-dict.js';
import { FrozenSet, PickledObject, PyByteArray, PyFloat, isTuple } from './values.js';

/** The name `type(value).__name__` would give for the Python value `value` stands for. */
export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'string':
      return 'str';
    default:
  }
  if (value instanceof PyFloat) return 'float';
  if (value instanceof PyByteArray) return 'bytearray';
  if (value instanceof Uint8Array) return 'bytes';
  if (isTuple(value)) return 'tuple';
  if (Array.isArray(value)) return 'list';
  if (value instanceof OrderedDict) return 'collections.OrderedDict';
  if (value instanceof Map) return 'dict';
  if (value instanceof FrozenSet) return 'frozenset';
  if (value instanceof Set) return 'set';
  if (value instanceof PickledObject) return value.qualifiedName;
  if (isPickleGlobal(value)) return 'type';
  const ctor = (value as { constructor?: { pythonName?: unknown; name?: unknown } }).constructor;
  if (typeof ctor?.pythonName === 'string') return ctor.pythonName;
  return typeof ctor?.name === 'string' ? ctor.name : 'object';
}

/** `str(type(value))`, e.g. `<class 'list'>`. */
export function pyTypeRepr(value: unknown): string {
  return `<class '${pyTypeName(value)}'>`;
}
