/** Signatures of module hooks (module.py's docstrings), with JS arrays standing for tuples. */
import type { Tensor } from '@nncompat/core';
import type { Module } from './module.js';

/** Positional arguments of a module call (Python's `args` tuple). */
export type Args = unknown[];
/** Keyword arguments of a module call (always `{}` from a plain call; see `with_kwargs`). */
export type Kwargs = Record<string, unknown>;
/** Gradients as a tuple with `null` for None. */
export type Grads = (Tensor | null)[];

/** `hook(module, args) -> None or modified input`. */
export type ForwardPreHookFn = (module: Module, args: Args) => unknown;
/** `hook(module, args, kwargs) -> None or (args, kwargs)` (`with_kwargs=True`). */
export type ForwardPreHookWithKwargsFn = (module: Module, args: Args, kwargs: Kwargs) => unknown;
/** `hook(module, args, output) -> None or modified output`. */
export type ForwardHookFn = (module: Module, args: Args, output: unknown) => unknown;
/** `hook(module, args, kwargs, output) -> None or modified output` (`with_kwargs=True`). */
export type ForwardHookWithKwargsFn = (module: Module, args: Args, kwargs: Kwargs, output: unknown) => unknown;
/** `hook(module, grad_input, grad_output) -> tuple(Tensor) or None`. */
export type BackwardHookFn = (module: Module, grad_input: Grads, grad_output: Grads) => Grads | void | null | undefined;
/** `hook(module, grad_output) -> tuple(Tensor) or None`. */
export type BackwardPreHookFn = (module: Module, grad_output: Grads) => Grads | void | null | undefined;
/** `hook(module, prefix, keep_vars) -> None`. */
export type StateDictPreHookFn = (module: Module, prefix: string, keep_vars: boolean) => void;
/** `hook(module, state_dict, prefix, local_metadata) -> None or new state_dict`. */
export type StateDictHookFn = (module: Module, state_dict: Map<string, unknown>, prefix: string, local_metadata: Map<string, unknown>) => unknown;
/** `hook(module, incompatible_keys) -> None`. */
export type LoadStateDictPostHookFn = (module: Module, incompatible_keys: { missing_keys: string[]; unexpected_keys: string[] }) => unknown;
/** `hook(state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys, error_msgs)`. */
export type LoadStateDictPreHookFn = (
  state_dict: Map<string, unknown>, prefix: string, local_metadata: Map<string, unknown>, strict: boolean,
  missing_keys: string[], unexpected_keys: string[], error_msgs: string[],
) => unknown;
