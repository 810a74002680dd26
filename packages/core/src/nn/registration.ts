/**
 * `Module.__setattr__`, `register_parameter`, `register_buffer` and `add_module` checks, shared
 * by the framework surfaces: PyTorch's rules (OneFlow copied them). What differs between
 * frameworks is data, passed as `RegistrationRules`: which classes count as Parameter and
 * Module, how a value's type is spelled, the expected-type names in TypeErrors, and the KeyError
 * factory (its `str()` follows the framework's string repr).
 */
import { Tensor } from '../tensor/tensor.js';
import { type ModuleBase, RAW } from './module-base.js';

/** What `setattrRegistering` and the name checks need to know about a framework. */
export interface RegistrationRules {
  /** `isinstance(value, Parameter)`. */
  isParameter(value: unknown): boolean;
  /** `isinstance(value, Module)`. */
  isModule(value: unknown): boolean;
  /** How a value's type is spelled in TypeErrors (`torch.typename(v)`, `<class 'int'>`, …). */
  typeName(value: unknown): string;
  /** The framework's KeyError for `text`. */
  keyError(text: string): Error;
  /** Expected-type names in `__setattr__`'s TypeErrors: `(<parameter> or None expected)` etc. */
  expected: { parameter: string; module: string; buffer: string };
}

/** A module that can register parameters (what `setattrRegistering` calls). */
export interface RegisteringModule extends ModuleBase {
  register_parameter(name: string, param: never): void;
}

/**
 * `Module.__setattr__`: a Parameter is registered (dropping a plain attribute, buffer or child of
 * that name), a Module becomes a child, a tensor or None may replace a buffer, None may clear a
 * parameter or child; anything else is a plain attribute.
 */
export function setattrRegistering(m: RegisteringModule, name: string, value: unknown, rules: RegistrationRules): void {
  const expected = (what: string, kind: string): TypeError =>
    new TypeError(`cannot assign '${rules.typeName(value)}' as ${kind} '${name}' (${what} or None expected)`);
  if (rules.isParameter(value)) {
    m._delete_plain_attr(name);
    m._buffers.delete(name);
    m._modules.delete(name);
    m._non_persistent_buffers_set.delete(name);
    m.register_parameter(name, value as never);
  } else if (m._parameters.has(name)) {
    if (value !== null && value !== undefined) throw expected(rules.expected.parameter, 'parameter');
    m.register_parameter(name, null as never);
  } else if (rules.isModule(value)) {
    m._delete_plain_attr(name);
    m._parameters.delete(name);
    m._buffers.delete(name);
    m._non_persistent_buffers_set.delete(name);
    m._modules.set(name, value as ModuleBase);
  } else if (m._modules.has(name)) {
    if (value !== null && value !== undefined) throw expected(rules.expected.module, 'child module');
    m._modules.set(name, null);
  } else if (m._buffers.has(name)) {
    if (value !== null && value !== undefined && !(value instanceof Tensor)) throw expected(rules.expected.buffer, 'buffer');
    m._buffers.set(name, (value ?? null) as Tensor | null);
  } else {
    m._set_plain_attr(name, value);
  }
}

/**
 * The name checks of `register_parameter` / `register_buffer`, in PyTorch's order: a string,
 * no '.', not empty, not an existing attribute other than a member of `store`.
 */
export function checkMemberName(
  m: ModuleBase, kind: 'parameter' | 'buffer', name: unknown, store: Map<string, unknown>, rules: RegistrationRules,
): void {
  if (typeof name !== 'string') throw new TypeError(`${kind} name should be a string. Got ${rules.typeName(name)}`);
  if (name.includes('.')) throw rules.keyError(`${kind} name can't contain "."`);
  if (name === '') throw rules.keyError(`${kind} name can't be empty string ""`);
  if (name in m && !store.has(name)) throw rules.keyError(`attribute '${name}' already exists`);
}

/** The end of `register_buffer`: stores `tensor` (or None) and files the name as (non-)persistent. */
export function storeBuffer(m: ModuleBase, name: string, tensor: Tensor | null | undefined, persistent: boolean): void {
  m._buffers.set(name, tensor ?? null);
  if (persistent) m._non_persistent_buffers_set.delete(name);
  else m._non_persistent_buffers_set.add(name);
}

/** The checks of `add_module(name, module)`, in PyTorch's order. */
export function checkAddModule(m: ModuleBase, name: unknown, module: unknown, rules: RegistrationRules): void {
  if (!rules.isModule(module) && module !== null && module !== undefined) {
    throw new TypeError(`${rules.typeName(module)} is not a Module subclass`);
  }
  if (typeof name !== 'string') throw new TypeError(`module name should be a string. Got ${rules.typeName(name)}`);
  if (name in m && !m._modules.has(name)) throw rules.keyError(`attribute '${name}' already exists`);
  if (name.includes('.')) throw rules.keyError(`module name can't contain ".", got: ${name}`);
  if (name === '') throw rules.keyError('module name can\'t be empty string ""');
}

/**
 * Python's default `dir(module)` before sorting: the class attributes along the prototype chain,
 * the plain attributes and the member names.
 */
export function moduleDirNames(m: ModuleBase): Set<string> {
  const raw = m[RAW];
  const keys = new Set<string>();
  for (let p = Object.getPrototypeOf(raw); p && p !== Object.prototype && p !== Function.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of Object.getOwnPropertyNames(p)) if (k !== 'constructor') keys.add(k);
  }
  for (const k of Object.keys(raw)) keys.add(k);
  for (const s of [m._parameters, m._modules, m._buffers]) for (const k of s.keys()) keys.add(k);
  return keys;
}

/** A module with PyTorch's mode and grad switches (what `trainTree` / `requiresGradTree` recurse through). */
export interface TrainableModule extends ModuleBase {
  train(mode: boolean): unknown;
}

/** `train(mode)`: sets `training` on the module (a plain attribute) and calls `train(mode)` on each child. */
export function trainTree(m: TrainableModule, mode: boolean): void {
  m[RAW].training = mode;
  for (const c of m.children()) (c as TrainableModule).train(mode);
}

/** `requires_grad_(flag)`: on every parameter of the tree. */
export function requiresGradTree(m: ModuleBase, requiresGrad: boolean): void {
  for (const p of m.parameters()) p.requires_grad_(requiresGrad);
}
