/**
 * MXNet's initializer registry (python/mxnet/registry.py): classes registered under their
 * lower-cased class name and aliases; `create` resolves a name, an instance or a JSON config.
 */
import { AssertionError } from '@nncompat/core';
import type { Initializer } from './initializer.js';

/** An initializer class (constructor arguments are each class's own). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type InitializerClass = new (...args: any[]) => Initializer;

const registry = new Map<string, InitializerClass>();

function put(name: string, klass: InitializerClass): void {
  // MXNet warns when a name is overridden by a different class; re-registering the same one is silent.
  registry.set(name.toLowerCase(), klass);
}

/**
 * `mx.init.register(klass)`: makes `create('<classname>')` build it.
 *
 * @example
 * ```ts
 * class MyInit extends mx.init.Initializer { override _init_weight(_: unknown, arr: mx.nd.NDArray) { arr.__setitem__(':', 0.1); } }
 * mx.init.register(MyInit);
 * mx.init.create('myinit');
 * ```
 */
export function register<T extends InitializerClass>(klass: T): T {
  put(klass.name, klass);
  return klass;
}

/** `mx.init.alias(*aliases)`: a decorator-like function registering a class under more names. */
export function alias(...aliases: string[]): <T extends InitializerClass>(klass: T) => T {
  return (klass) => {
    for (const a of aliases) put(a, klass);
    return klass;
  };
}

/** What `create` accepts: an instance, a registered name, or a JSON config (`'["normal", {"sigma": 0.5}]'`). */
export type InitializerSpec = Initializer | string;

/** `mx.init.create(spec)`: the instance itself, or a new instance of the registered class. */
export function create(spec: InitializerSpec, kwargs: Record<string, unknown> = {}): Initializer {
  if (typeof spec !== 'string') {
    if (Object.keys(kwargs).length) throw new AssertionError('initializer is already an instance. Additional arguments are invalid');
    return spec;
  }
  if (spec.startsWith('[')) {
    const [name, kw] = JSON.parse(spec) as [string, Record<string, unknown>];
    return create(name, kw);
  }
  const name = spec.toLowerCase();
  const klass = registry.get(name);
  if (!klass) throw new AssertionError(`${name} is not registered. Please register with initializer.register first`);
  return construct(klass, kwargs);
}

/** Python keyword arguments map onto each class's positional parameters, in declared order. */
function construct(klass: InitializerClass, kwargs: Record<string, unknown>): Initializer {
  const order = (klass as unknown as { _argNames?: readonly string[] })._argNames ?? [];
  const unknown = Object.keys(kwargs).filter((k) => !order.includes(k));
  if (unknown.length) throw new TypeError(`__init__() got an unexpected keyword argument '${unknown[0]}'`);
  return new klass(...order.map((k) => kwargs[k]));
}
