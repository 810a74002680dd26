/**
 * Hooks every module runs (`torch.nn.modules.module.register_module_*_hook`): global
 * ordered dicts consulted by `Module._call_impl` before the module's own hooks.
 */
import { registerHook, type RemovableHandle, RuntimeError } from '@nncompat/core';
import type { BackwardHookFn, BackwardPreHookFn, ForwardHookFn, ForwardPreHookFn } from './hook-types.js';

/** @internal The global hook stores (module.py's `_global_*` dicts). */
export const globalHooks = {
  forward_pre: new Map<number, ForwardPreHookFn>(),
  forward: new Map<number, ForwardHookFn>(),
  forward_always_called: new Map<number, unknown>(),
  backward_pre: new Map<number, BackwardPreHookFn>(),
  backward: new Map<number, BackwardHookFn>(),
  /** `_global_is_full_backward_hook`: null until a global backward hook is registered. */
  is_full_backward: null as boolean | null,
};

/** True when any global hook exists (the fast path of `__call__` checks this). */
export function hasGlobalHooks(): boolean {
  const g = globalHooks;
  return g.forward_pre.size > 0 || g.forward.size > 0 || g.backward_pre.size > 0 || g.backward.size > 0;
}

/**
 * `torch.nn.modules.module.register_module_forward_pre_hook(hook)`: `hook(module, args)` runs
 * before every module's forward.
 *
 * @example
 * ```ts
 * const h = register_module_forward_pre_hook((m, args) => { console.log(m._get_name()); });
 * h.remove();
 * ```
 */
export function register_module_forward_pre_hook(hook: ForwardPreHookFn): RemovableHandle {
  return registerHook(globalHooks.forward_pre, hook);
}

/**
 * `register_module_forward_hook(hook, *, always_call=False)`: `hook(module, args, output)`
 * runs after every module's forward.
 *
 * @example
 * ```ts
 * const h = register_module_forward_hook((m, args, out) => undefined, { always_call: true });
 * ```
 */
export function register_module_forward_hook(hook: ForwardHookFn, opts: { always_call?: boolean } = {}): RemovableHandle {
  return registerHook(globalHooks.forward, hook, {
    flags: opts.always_call ? [globalHooks.forward_always_called] : [],
    extraDicts: opts.always_call ? [] : [globalHooks.forward_always_called],
  });
}

/**
 * `register_module_full_backward_pre_hook(hook)`: `hook(module, grad_output)` for every module.
 *
 * @example
 * ```ts
 * register_module_full_backward_pre_hook((m, gout) => undefined);
 * ```
 */
export function register_module_full_backward_pre_hook(hook: BackwardPreHookFn): RemovableHandle {
  return registerHook(globalHooks.backward_pre, hook);
}

/**
 * `register_module_full_backward_hook(hook)`: `hook(module, grad_input, grad_output)`.
 *
 * @example
 * ```ts
 * register_module_full_backward_hook((m, gin, gout) => undefined);
 * ```
 */
export function register_module_full_backward_hook(hook: BackwardHookFn): RemovableHandle {
  if (globalHooks.is_full_backward === false) {
    throw new RuntimeError('Cannot use both regular backward hooks and full backward hooks as a global Module hook. Please use only one of them.');
  }
  globalHooks.is_full_backward = true;
  return registerHook(globalHooks.backward, hook);
}

/**
 * `register_module_backward_hook(hook)` (deprecated non-full form).
 *
 * @example
 * ```ts
 * register_module_backward_hook((m, gin, gout) => undefined);
 * ```
 */
export function register_module_backward_hook(hook: BackwardHookFn): RemovableHandle {
  if (globalHooks.is_full_backward === true) {
    throw new RuntimeError('Cannot use both regular backward hooks and full backward hooks as a global Module hook. Please use only one of them.');
  }
  globalHooks.is_full_backward = false;
  return registerHook(globalHooks.backward, hook);
}
