/**
 * `copy.deepcopy(module)` for modules (Module has no deepcopy yet): a new instance of the same
 * class whose parameters, buffers and submodules are independent copies, and whose plain
 * attributes are copied (arrays, Maps and Sets shallowly, as deepcopy would for the plain
 * values layers hold). Shared tensors and modules stay shared inside the copy (deepcopy's memo).
 */
import { Parameter, RAW, type Tensor } from '@nncompat/core';
import { Module } from '../module.js';

const STORES = new Set(['_parameters', '_buffers', '_modules', '_non_persistent_buffers_set']);

/**
 * Deep-copies `module` (`copy.deepcopy`).
 *
 * @example
 * ```ts
 * const layers = [0, 1, 2].map(() => deepcopyModule(layer)); // as nn.Transformer's _get_clones
 * ```
 */
export function deepcopyModule<M extends Module>(module: M, memo: Map<object, unknown> = new Map()): M {
  const seen = memo.get(module);
  if (seen) return seen as M;
  // Runs only Module's constructor (no subclass __init__), like deepcopy's __reduce_ex__ path.
  const copy = Reflect.construct(Module, [], module.constructor) as M;
  memo.set(module, copy);
  const src = module[RAW];
  const dst = copy[RAW];
  for (const key of Object.keys(src)) {
    if (STORES.has(key)) continue;
    const v = src[key];
    if (v instanceof Map) dst[key] = new Map(v);
    else if (v instanceof Set) dst[key] = new Set(v);
    else if (Array.isArray(v)) dst[key] = Object.isFrozen(v) ? v : [...v];
    else dst[key] = v;
  }
  for (const [name, p] of module._parameters) {
    if (p === null) copy._parameters.set(name, null);
    else copy._parameters.set(name, copyTensor(p, memo) as Parameter);
  }
  for (const [name, b] of module._buffers) copy._buffers.set(name, b === null ? null : copyTensor(b, memo));
  for (const n of module._non_persistent_buffers_set) copy._non_persistent_buffers_set.add(n);
  for (const [name, m] of module._modules) copy._modules.set(name, m === null ? null : deepcopyModule(m as Module, memo));
  return copy;
}

function copyTensor(t: Tensor, memo: Map<object, unknown>): Tensor {
  const seen = memo.get(t);
  if (seen) return seen as Tensor;
  const c = t instanceof Parameter ? new Parameter(t.detach().clone(), t.requires_grad) : t.detach().clone().requires_grad_(t.requires_grad);
  memo.set(t, c);
  return c;
}
