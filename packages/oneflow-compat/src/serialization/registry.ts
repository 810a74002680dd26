/**
 * Module classes by their OneFlow qualified name (`oneflow.nn.modules.linear.Linear`,
 * `__main__.MyModule`): what a whole pickled Module (`oneflow.save(model, path)`) is rebuilt
 * as. The class is instantiated without running its constructor, as pickle does, and its
 * state restored with `Module.__setstate__`.
 */
import { RuntimeError } from '@nncompat/core';
import type { Module } from '../nn/module.js';
import { pyModuleOf } from '../python.js';

type ModuleClass = abstract new (...args: never[]) => Module;

const REGISTRY = new Map<string, ModuleClass>();

/**
 * `module.name` of a module class as pickle writes it (its static `__module__`, else `__main__`).
 *
 * @example
 * ```ts
 * qualifiedName(flow.nn.Linear); // 'oneflow.nn.modules.linear.Linear'
 * ```
 */
export function qualifiedName(cls: ModuleClass): string {
  return `${pyModuleOf(cls)}.${cls.name}`;
}

/**
 * Registers `cls` under `name` (default: its `__module__` + class name) for `oneflow.load`.
 *
 * @example
 * ```ts
 * class MyModule extends flow.nn.Module { … }
 * flow.register_module_class(MyModule);            // loads '__main__.MyModule' pickles
 * flow.register_module_class(Net, 'train.Net');   // a class pickled from another module
 * ```
 */
export function register_module_class(cls: ModuleClass, name: string = qualifiedName(cls)): void {
  const prev = REGISTRY.get(name);
  if (prev && prev !== cls) throw new RuntimeError(`module class '${name}' is already registered to another class`);
  REGISTRY.set(name, cls);
}

/** The class registered under `module.name`, or undefined. */
export function lookupModuleClass(module: string, name: string): ModuleClass | undefined {
  return REGISTRY.get(`${module}.${name}`);
}

/**
 * Every registered qualified name (sorted).
 *
 * @example
 * ```ts
 * registeredModuleClasses().includes('oneflow.nn.modules.container.ParameterDict'); // true
 * ```
 */
export function registeredModuleClasses(): string[] {
  return [...REGISTRY.keys()].sort();
}
