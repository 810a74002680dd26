/**
 * Compute borrowed from torch-compat: a OneFlow layer whose math equals PyTorch's keeps a
 * hidden torch-compat module of the same configuration (never registered as a child, so it is
 * in no state dict, repr or pickle) and runs it on its own parameters: before each call the
 * twin's top-level parameter and buffer slots are pointed at the OneFlow module's tensors of
 * the same names (so a layer with children cannot use this), and autograd reaches the OneFlow
 * Parameters directly. The twin is built once per module and
 * configuration, with the random stream saved and restored around its construction (its own
 * initialisation draws are thrown away and do not shift later draws).
 */
import { get_rng_state, no_grad, set_rng_state } from '@nncompat/core';
import type { Module } from './module.js';

/** What the twin needs of a torch-compat module: its stores and training flag. */
export interface TwinModule {
  readonly _parameters: Map<string, unknown>;
  readonly _buffers: Map<string, unknown>;
  training: boolean;
  train(mode: boolean): unknown;
}

const TWINS = new WeakMap<object, { key: string; twin: TwinModule }>();

/**
 * The torch-compat twin of `owner` for configuration `key` (rebuilt with `build` when the key
 * changes), with `owner`'s own parameters, buffers and training flag.
 *
 * @example
 * ```ts
 * const t = torchTwin(this, `${this.input_size}:${this.hidden_size}`, () => new torch.nn.GRU(this.input_size, this.hidden_size));
 * return t(x, hx);
 * ```
 */
export function torchTwin<T extends TwinModule>(owner: Module, key: string, build: () => T): T {
  let entry = TWINS.get(owner);
  if (entry === undefined || entry.key !== key) {
    const rng = get_rng_state();
    let twin: T;
    try {
      twin = no_grad(build);
    } finally {
      set_rng_state(rng);
    }
    entry = { key, twin };
    TWINS.set(owner, entry);
  }
  const twin = entry.twin as T;
  for (const [name, p] of owner._parameters) {
    if (twin._parameters.has(name)) twin._parameters.set(name, p);
  }
  for (const [name, b] of owner._buffers) {
    if (twin._buffers.has(name)) twin._buffers.set(name, b);
  }
  if (twin.training !== owner.training) twin.train(owner.training);
  return twin;
}
