/**
 * `torch.nn.Module` with PyTorch 2.1 semantics: `__setattr__` registration rules, hooks,
 * `state_dict` / `load_state_dict`, conversions and the exact `repr`. The stores, the callable
 * instance and the tree walks come from core's `ModuleBase`.
 */
import {
  addIndent, AssertionError, AttributeError, checkAddModule, checkMemberName, collectUnexpectedKeys, SELF, type DType, type DTypeName,
  emptyStateDict, empty_like, KeyError, localMetadataFor, type OrderedDict, ModuleBase, moduleDirNames, moduleRepr, no_grad, Parameter, persistentMembers,
  RAW, raiseLoadErrors, recordLocalMetadata, registerHook, requiresGradTree, runStateDictHooks, storeBuffer, trainTree, type RegistrationRules, type RemovableHandle, RuntimeError, setattrRegistering,
  stateDictCopy, Tensor, toDType, ValueError, is_lazy, MemoryFormat,
} from '@nncompat/core';
import { keyError, pyTypeRepr, sizeRepr, typename } from '../../python.js';
import { BackwardHook } from '../../utils/backward-hook.js';
import { globalHooks, hasGlobalHooks } from './global-hooks.js';
import type {
  Args, BackwardHookFn, BackwardPreHookFn, ForwardHookFn, ForwardHookWithKwargsFn, ForwardPreHookFn,
  ForwardPreHookWithKwargsFn, Kwargs, LoadStateDictPostHookFn, LoadStateDictPreHookFn, StateDictHookFn, StateDictPreHookFn,
} from './hook-types.js';
import { IncompatibleKeys } from './incompatible-keys.js';
import { warn } from '../../utils/warn.js';

/** Key suffix of `get_extra_state()` in a state dict. */
export const _EXTRA_STATE_KEY_SUFFIX = '_extra_state';

/** Options of `state_dict`. */
export interface StateDictOptions {
  destination?: Map<string, unknown> | null;
  prefix?: string;
  keep_vars?: boolean;
}
/** A state dict: an `OrderedDict` whose `_metadata` maps module prefixes to `{version}`. */
export type StateDict = OrderedDict<string, unknown>;

/** Options of `register_forward_hook`. */
export interface ForwardHookOptions {
  prepend?: boolean;
  with_kwargs?: boolean;
  always_call?: boolean;
}
/** Options of `register_forward_pre_hook`. */
export interface ForwardPreHookOptions {
  prepend?: boolean;
  with_kwargs?: boolean;
}
/** Arguments of `Module.to` in keyword form. */
export interface ToOptions {
  device?: string | null;
  dtype?: DType | DTypeName | null;
  non_blocking?: boolean;
  tensor?: Tensor;
  /** Layout for 4-D and 5-D parameters and buffers (e.g. `torch.channels_last`). */
  memory_format?: MemoryFormat | null;
}

function isDTypeLike(x: unknown): x is DType | DTypeName {
  if (typeof x === 'object' && x !== null && 'is_floating_point' in x && 'itemsize' in x) return true;
  return typeof x === 'string' && ['float32', 'float64', 'float16', 'bfloat16', 'int8', 'uint8', 'int16', 'int32', 'int64', 'bool',
    'torch.float32', 'torch.float64', 'torch.float16', 'torch.bfloat16', 'torch.int8', 'torch.uint8', 'torch.int16', 'torch.int32', 'torch.int64', 'torch.bool',
  ].includes(x);
}
function asDType(x: DType | DTypeName | string): DType {
  return toDType((typeof x === 'string' ? x.replace(/^torch\./, '') : x) as DType | DTypeName);
}
const LEGACY_TYPES: Record<string, DTypeName> = {
  'torch.FloatTensor': 'float32', 'torch.DoubleTensor': 'float64', 'torch.HalfTensor': 'float16', 'torch.BFloat16Tensor': 'bfloat16',
  'torch.CharTensor': 'int8', 'torch.ByteTensor': 'uint8', 'torch.ShortTensor': 'int16', 'torch.IntTensor': 'int32',
  'torch.LongTensor': 'int64', 'torch.BoolTensor': 'bool',
};

/** Moves a tensor to a device as `tensor.to(device)` does; `cuda` raises like a CPU-only torch. */
function toDevice(t: Tensor, device: string): Tensor {
  const d = device.split(':')[0]!;
  if (d === 'cuda') throw new AssertionError('Torch not compiled with CUDA enabled');
  if (d === 'xpu' || d === 'ipu') throw new RuntimeError(`PyTorch is not linked with support for ${d} devices`);
  if (d === 'meta' || d === 'mps') throw new RuntimeError(`${d} device is not available in nncompat`);
  return t.to(d === 'cpu' ? 'cpu' : device);
}

/** `_addindent(s, n)`: indents every line but the first. */
export const _addindent: (s: string, numSpaces: number) => string = addIndent;

/** PyTorch's spellings in `__setattr__` / `register_*` errors. */
const RULES: RegistrationRules = {
  isParameter: (v) => v instanceof Parameter,
  isModule: (v) => v instanceof ModuleBase,
  typeName: typename,
  keyError,
  expected: { parameter: 'torch.nn.Parameter', module: 'torch.nn.Module', buffer: 'torch.Tensor' },
};

/**
 * Base class for all neural network modules (`torch.nn.Module`).
 *
 * @example
 * ```ts
 * class Model extends nn.Module {
 *   fc = new nn.Linear(4, 2);          // registered as a child module
 *   override forward(x: Tensor) { return this.fc(x).relu(); }
 * }
 * const m = new Model();
 * m(torch.randn(3, 4));
 * String(m); // 'Model(\n  (fc): Linear(in_features=4, out_features=2, bias=True)\n)'
 * ```
 */
export class Module extends ModuleBase {
  /** `Module._version`: stored in `state_dict()._metadata`; subclasses bump it on format changes. */
  static _version = 1;
  /** Python module path used by `torch.typename` and error texts. */
  static __module__ = 'torch.nn.modules.module';
  /** `dump_patches` class attribute (kept for surface compatibility). */
  static dump_patches = false;

  declare training: boolean;
  declare _backward_pre_hooks: Map<number, BackwardPreHookFn>;
  declare _backward_hooks: Map<number, BackwardHookFn>;
  declare _is_full_backward_hook: boolean | null;
  declare _forward_hooks: Map<number, ForwardHookFn | ForwardHookWithKwargsFn>;
  declare _forward_hooks_with_kwargs: Map<number, unknown>;
  declare _forward_hooks_always_called: Map<number, unknown>;
  declare _forward_pre_hooks: Map<number, ForwardPreHookFn | ForwardPreHookWithKwargsFn>;
  declare _forward_pre_hooks_with_kwargs: Map<number, unknown>;
  declare _state_dict_hooks: Map<number, StateDictHookFn>;
  declare _state_dict_pre_hooks: Map<number, StateDictPreHookFn>;
  declare _load_state_dict_pre_hooks: Map<number, LoadStateDictPreHookFn>;
  declare _load_state_dict_post_hooks: Map<number, LoadStateDictPostHookFn>;
  declare _compiled_call_impl: ((...args: unknown[]) => unknown) | null;
  declare _modules: ModuleBase['_modules'] & Map<string, Module | null>;

  /** `Module()`: takes no arguments (PyTorch raises for any). */
  constructor(...args: unknown[]) {
    super();
    if (args.length > 0) {
      throw new TypeError(`${new.target.name}.__init__() takes 1 positional argument but ${args.length + 1} were given`);
    }
    // Written on the raw object: internal state, like PyTorch's super().__setattr__ calls.
    const raw = this[RAW];
    raw.training = true;
    raw._backward_pre_hooks = new Map();
    raw._backward_hooks = new Map();
    raw._is_full_backward_hook = null;
    raw._forward_hooks = new Map();
    raw._forward_hooks_with_kwargs = new Map();
    raw._forward_hooks_always_called = new Map();
    raw._forward_pre_hooks = new Map();
    raw._forward_pre_hooks_with_kwargs = new Map();
    raw._state_dict_hooks = new Map();
    raw._state_dict_pre_hooks = new Map();
    raw._load_state_dict_pre_hooks = new Map();
    raw._load_state_dict_post_hooks = new Map();
    raw._compiled_call_impl = null;
  }

  // ---- attribute rules ----------------------------------------------------------------------

  /** `Module.__setattr__`: registers Parameters, Modules and tensors assigned to buffer names. */
  override __setattr__(name: string, value: unknown): void {
    setattrRegistering(this, name, value, RULES);
  }

  /** `dir(module)`: class attributes, plain attributes and member names, sorted. */
  __dir__(): string[] {
    return [...moduleDirNames(this)].filter((k) => !/^\d/.test(k)).sort();
  }

  // ---- registration -------------------------------------------------------------------------

  /** `register_buffer(name, tensor, persistent=True)`. */
  register_buffer(name: string, tensor: Tensor | null, persistent: boolean | { persistent?: boolean } = true): void {
    const pers = typeof persistent === 'object' ? (persistent.persistent ?? true) : persistent;
    checkMemberName(this, 'buffer', name, this._buffers, RULES);
    if (tensor !== null && tensor !== undefined && !(tensor instanceof Tensor)) {
      throw new TypeError(`cannot assign '${typename(tensor)}' object to buffer '${name}' (torch Tensor or None required)`);
    }
    storeBuffer(this, name, tensor, pers);
  }

  /** `register_parameter(name, param)`. */
  register_parameter(name: string, param: Parameter | null): void {
    checkMemberName(this, 'parameter', name, this._parameters, RULES);
    if (param === null || param === undefined) {
      this._parameters.set(name, null);
    } else if (!(param instanceof Parameter)) {
      throw new TypeError(`cannot assign '${typename(param)}' object to parameter '${name}' (torch.nn.Parameter or None required)`);
    } else if (param.grad_fn) {
      throw new ValueError(
        `Cannot assign non-leaf Tensor to parameter '${name}'. Model parameters must be created explicitly. ` +
          `To express '${name}' as a function of another Tensor, compute the value in the forward() method.`,
      );
    } else {
      this._parameters.set(name, param);
    }
  }

  /** `add_module(name, module)`. */
  add_module(name: string, module: Module | null): void {
    checkAddModule(this, name, module, RULES);
    this._modules.set(name, module ?? null);
  }

  /** `register_module(name, module)`: alias of `add_module`. */
  register_module(name: string, module: Module | null): void {
    this.add_module(name, module);
  }

  /** `get_submodule(target)`: the module at a dotted path. */
  get_submodule(target: string): Module {
    if (target === '') return this;
    let mod: Module = this;
    for (const item of target.split('.')) {
      if (!(item in mod)) throw new AttributeError(`${mod._get_name()} has no attribute \`${item}\``);
      const next = (mod as unknown as Record<string, unknown>)[item];
      if (!(next instanceof Module)) throw new AttributeError(`\`${item}\` is not an nn.Module`);
      mod = next;
    }
    return mod;
  }

  /** `get_parameter(target)`: the parameter at a dotted path. */
  get_parameter(target: string): Parameter {
    const i = target.lastIndexOf('.');
    const mod = this.get_submodule(i < 0 ? '' : target.slice(0, i));
    const name = target.slice(i + 1);
    if (!(name in mod)) throw new AttributeError(`${mod._get_name()} has no attribute \`${name}\``);
    const p = (mod as unknown as Record<string, unknown>)[name];
    if (!(p instanceof Parameter)) throw new AttributeError(`\`${name}\` is not an nn.Parameter`);
    return p;
  }

  /** `get_buffer(target)`: the buffer at a dotted path. */
  get_buffer(target: string): Tensor {
    const i = target.lastIndexOf('.');
    const mod = this.get_submodule(i < 0 ? '' : target.slice(0, i));
    const name = target.slice(i + 1);
    if (!(name in mod)) throw new AttributeError(`${mod._get_name()} has no attribute \`${name}\``);
    if (!mod._buffers.has(name)) throw new AttributeError(`\`${name}\` is not a buffer`);
    return mod._buffers.get(name) as Tensor;
  }

  /** `get_extra_state()`: override (with `set_extra_state`) to save extra state. */
  get_extra_state(): unknown {
    throw new RuntimeError(
      'Reached a code path in Module.get_extra_state() that should never be called. ' +
        'Please file an issue at https://github.com/pytorch/pytorch/issues/new?template=bug-report.yml ' +
        'to report this bug.',
    );
  }

  /** `set_extra_state(state)`. */
  set_extra_state(state: unknown): void {
    void state;
    throw new RuntimeError(
      'Reached a code path in Module.set_extra_state() that should never be called. ' +
        'Please file an issue at https://github.com/pytorch/pytorch/issues/new?template=bug-report.yml ' +
        'to report this bug.',
    );
  }

  // ---- typed walks ---------------------------------------------------------------------------

  /** `named_modules(memo=None, prefix='', remove_duplicate=True)`. */
  override named_modules(...args: Parameters<ModuleBase['named_modules']>): Generator<[string, Module]> {
    return super.named_modules(...args) as Generator<[string, Module]>;
  }
  /** `modules()`. */
  override modules(): Generator<Module> {
    return super.modules() as Generator<Module>;
  }
  /** `named_children()`. */
  override named_children(): Generator<[string, Module]> {
    return super.named_children() as Generator<[string, Module]>;
  }
  /** `children()`. */
  override children(): Generator<Module> {
    return super.children() as Generator<Module>;
  }

  // ---- conversions ---------------------------------------------------------------------------

  /** `_apply(fn, recurse=True)`: converts parameters (in place, keeping identity), grads and buffers. */
  _apply(fn: (t: Tensor) => Tensor, recurse = true): this {
    if (recurse) for (const m of this.children()) m._apply(fn);
    for (const [key, param] of this._parameters) {
      if (param === null) continue;
      const applied = no_grad(() => fn(param));
      param.data = applied;
      void key;
      if (param.grad !== null) {
        const g = param.grad;
        const ga = no_grad(() => fn(g));
        g.data = ga;
        if (ga.dtype !== g.dtype) param.grad = ga;
      }
    }
    for (const [key, buf] of this._buffers) {
      if (buf !== null) this._buffers.set(key, fn(buf));
    }
    return this;
  }

  /** `apply(fn)`: calls `fn` on every submodule (children first) and on self. */
  override apply(fn: (m: Module) => void): this {
    for (const m of this.children()) m.apply(fn);
    fn(this);
    return this;
  }

  /** `cuda(device=None)`: raises as a CPU-only PyTorch does when there is anything to move. */
  cuda(device: number | string | null = null): this {
    return this._apply((t) => toDevice(t, device === null ? 'cuda' : typeof device === 'number' ? `cuda:${device}` : device));
  }
  /** `ipu(device=None)`. */
  ipu(device: number | string | null = null): this {
    void device;
    return this._apply((t) => toDevice(t, 'ipu'));
  }
  /** `xpu(device=None)`. */
  xpu(device: number | string | null = null): this {
    void device;
    return this._apply((t) => toDevice(t, 'xpu'));
  }
  /** `cpu()`. */
  cpu(): this {
    return this._apply((t) => toDevice(t, 'cpu'));
  }
  /** `type(dst_type)`: casts every parameter and buffer (a dtype or a legacy type name). */
  type(dst_type: DType | DTypeName | string): this {
    const d = typeof dst_type === 'string' && dst_type in LEGACY_TYPES ? toDType(LEGACY_TYPES[dst_type]!) : asDType(dst_type);
    return this._apply((t) => t.to(d));
  }
  /** `float()`: floating-point parameters and buffers to float32. */
  float(): this {
    return this._apply((t) => (t.is_floating_point() ? t.float() : t));
  }
  /** `double()`. */
  double(): this {
    return this._apply((t) => (t.is_floating_point() ? t.double() : t));
  }
  /** `half()`. */
  half(): this {
    return this._apply((t) => (t.is_floating_point() ? t.half() : t));
  }
  /** `bfloat16()`. */
  bfloat16(): this {
    return this._apply((t) => (t.is_floating_point() ? t.bfloat16() : t));
  }
  /** `to_empty(*, device, recurse=True)`: new uninitialised storage on `device`. */
  to_empty(opts: { device: string; recurse?: boolean }): this {
    return this._apply((t) => empty_like(t, { device: opts.device === 'cpu' ? null : opts.device }), opts.recurse ?? true);
  }
  /** `share_memory()`: tensors already live in this process's memory; uninitialised ones raise. */
  share_memory(): this {
    return this._apply((t) => {
      const s = (t as unknown as { share_memory_?: () => Tensor }).share_memory_;
      return s ? s.call(t) : t;
    });
  }

  /**
   * `to(device=None, dtype=None, non_blocking=False)`, `to(dtype)`, `to(tensor)` or
   * `to({device, dtype, memory_format})`; only floating dtypes are accepted, and only floating
   * tensors cast. `memory_format` converts the 4-D and 5-D parameters and buffers (PyTorch's rule,
   * so channels_last on a 5-D one raises).
   *
   * @example
   * model.to({ memory_format: torch.channels_last }); // conv weights become NHWC
   */
  to(...args: (string | DType | Tensor | ToOptions | boolean | null | undefined)[]): this {
    let device: string | null = null;
    let dtype: DType | null = null;
    let memory_format: MemoryFormat | null = null;
    for (const a of args) {
      if (a === null || a === undefined || typeof a === 'boolean') continue;
      if (a instanceof Tensor) {
        device = a.device;
        dtype = a.dtype;
      } else if (isDTypeLike(a)) dtype = asDType(a);
      else if (typeof a === 'string') device = a;
      else if (typeof a === 'object') {
        const o = a as ToOptions;
        if (o.tensor) {
          device = o.tensor.device;
          dtype = o.tensor.dtype;
        }
        if (o.device != null) device = o.device;
        if (o.dtype != null) dtype = asDType(o.dtype);
        if (o.memory_format != null) {
          if (!(o.memory_format instanceof MemoryFormat)) {
            throw new TypeError(`to() received an invalid combination of arguments - got memory_format=${String(o.memory_format)}`);
          }
          memory_format = o.memory_format;
        }
      }
    }
    if (dtype !== null && !(dtype.is_floating_point || dtype.is_complex)) {
      throw new TypeError(`nn.Module.to only accepts floating point or complex dtypes, but got desired dtype=${String(dtype)}`);
    }
    return this._apply((t) => {
      let r = device === null ? t : toDevice(t, device);
      if (dtype !== null && r.is_floating_point()) r = r.to(dtype);
      // module.py's convert(): only 4-D and 5-D tensors take the memory format.
      if (memory_format !== null && (r.dim() === 4 || r.dim() === 5)) r = r.to({ memory_format });
      return r;
    });
  }

  // ---- modes and grads -----------------------------------------------------------------------

  /** `train(mode=True)`. */
  train(mode: boolean = true): this {
    if (typeof mode !== 'boolean') throw new ValueError('training mode is expected to be boolean');
    trainTree(this, mode);
    return this;
  }
  /** `eval()`: `train(false)`. */
  eval(): this {
    return this.train(false);
  }
  /** `requires_grad_(requires_grad=True)`. */
  requires_grad_(requires_grad = true): this {
    requiresGradTree(this, requires_grad);
    return this;
  }
  /** `zero_grad(set_to_none=True)`. */
  zero_grad(set_to_none: boolean | { set_to_none?: boolean } = true): void {
    const none = typeof set_to_none === 'object' ? (set_to_none.set_to_none ?? true) : set_to_none;
    for (const p of this.parameters()) {
      if (p.grad === null) continue;
      if (none) {
        p.grad = null;
      } else {
        if (p.grad.grad_fn !== null) p.grad.detach_();
        else p.grad.requires_grad_(false);
        p.grad.zero_();
      }
    }
  }
  /**
   * `compile()`: there is no graph compiler here, so the "compiled" call is the eager
   * `_call_impl` (PyTorch's `torch.compile` result behaves the same numerically).
   */
  compile(...args: unknown[]): void {
    void args;
    this[RAW]._compiled_call_impl = (...a: unknown[]) => this._call_impl(...a);
  }

  // ---- calling -------------------------------------------------------------------------------

  /** `__call__`: the compiled call when `compile()` was used, else `_call_impl`. */
  __call__(...args: unknown[]): unknown {
    return this._compiled_call_impl ? this._compiled_call_impl(...args) : this._call_impl(...args);
  }

  /** `_call_impl`: forward with hooks (PyTorch 2.1's order, return rules and `always_call`). */
  override _call_impl(...callArgs: unknown[]): unknown {
    if (
      this._forward_pre_hooks.size === 0 && this._forward_hooks.size === 0 && this._backward_hooks.size === 0 &&
      this._backward_pre_hooks.size === 0 && !hasGlobalHooks()
    ) {
      return (this.forward as (...a: unknown[]) => unknown).apply(this[SELF], callArgs);
    }
    // `this` may be the raw object (the callable's fast path): hooks get the module itself.
    const self = this[SELF];
    let args: Args = callArgs;
    let kwargs: Kwargs = {};
    let result: unknown = null;
    const called = new Set<number>();
    try {
      let fullBackward: BackwardHookFn[] = [];
      let nonFullBackward: BackwardHookFn[] = [];
      let backwardPre: BackwardPreHookFn[] = [];
      if (this._backward_pre_hooks.size || globalHooks.backward_pre.size) {
        backwardPre = [...globalHooks.backward_pre.values(), ...this._backward_pre_hooks.values()];
      }
      if (this._backward_hooks.size || globalHooks.backward.size) [fullBackward, nonFullBackward] = this._get_backward_hooks();
      for (const [id, hook] of [...globalHooks.forward_pre, ...this._forward_pre_hooks]) {
        if (this._forward_pre_hooks_with_kwargs.has(id)) {
          const r = (hook as ForwardPreHookWithKwargsFn)(self, args, kwargs);
          if (r !== null && r !== undefined) {
            if (Array.isArray(r) && r.length === 2) [args, kwargs] = r as [Args, Kwargs];
            else throw new RuntimeError(`forward pre-hook must return None or a tuple of (new_args, new_kwargs), but got ${String(r)}.`);
          }
        } else {
          const r = (hook as ForwardPreHookFn)(self, args);
          if (r !== null && r !== undefined) args = Array.isArray(r) ? r : [r];
        }
      }
      let bwHook: BackwardHook | null = null;
      if (fullBackward.length || backwardPre.length) {
        bwHook = new BackwardHook(self, fullBackward, backwardPre);
        args = bwHook.setup_input_hook(args);
      }
      const fwdArgs = Object.keys(kwargs).length ? [...args, kwargs] : args;
      result = (this.forward as (...a: unknown[]) => unknown).apply(self, fwdArgs);
      for (const [id, hook] of [...globalHooks.forward, ...this._forward_hooks]) {
        if (this._forward_hooks_always_called.has(id) || globalHooks.forward_always_called.has(id)) called.add(id);
        const r = this._forward_hooks_with_kwargs.has(id)
          ? (hook as ForwardHookWithKwargsFn)(self, args, kwargs, result)
          : (hook as ForwardHookFn)(self, args, result);
        if (r !== null && r !== undefined) result = r;
      }
      if (bwHook) {
        if (!(result instanceof Tensor) && !Array.isArray(result)) {
          warn(`For backward hooks to be called, module output should be a Tensor or a tuple of Tensors but received ${pyTypeRepr(result)}`);
        }
        result = bwHook.setup_output_hook(result);
      }
      if (nonFullBackward.length) {
        let v: unknown = result;
        while (!(v instanceof Tensor)) {
          if (v instanceof Map) v = [...v.values()].find((x) => x instanceof Tensor);
          else v = (v as unknown[])[0];
        }
        const gf = v.grad_fn;
        if (gf) for (const hook of nonFullBackward) gf.register_hook((gi, go) => hook(self, gi, go));
      }
      return result;
    } catch (e) {
      for (const [id, hook] of globalHooks.forward) {
        if (globalHooks.forward_always_called.has(id) && !called.has(id)) {
          try {
            const r = hook(self, args, result);
            if (r !== null && r !== undefined) result = r;
          } catch (e2) {
            warn(`global module forward hook with \`\`always_call=True\`\` raised an exception that was silenced as another error was raised in forward: ${String((e2 as Error).message)}`);
          }
        }
      }
      for (const [id, hook] of this._forward_hooks) {
        if (this._forward_hooks_always_called.has(id) && !called.has(id)) {
          try {
            const r = this._forward_hooks_with_kwargs.has(id)
              ? (hook as ForwardHookWithKwargsFn)(self, args, kwargs, result)
              : (hook as ForwardHookFn)(self, args, result);
            if (r !== null && r !== undefined) result = r;
          } catch (e2) {
            warn(`module forward hook with \`\`always_call=True\`\` raised an exception that was silenced as another error was raised in forward: ${String((e2 as Error).message)}`);
          }
        }
      }
      throw e;
    }
  }

  /** `_get_backward_hooks()`: (full, non-full) hooks, globals first. */
  _get_backward_hooks(): [BackwardHookFn[], BackwardHookFn[]] {
    const full: BackwardHookFn[] = [];
    const nonFull: BackwardHookFn[] = [];
    if (globalHooks.is_full_backward === true) full.push(...globalHooks.backward.values());
    if (this._is_full_backward_hook === true) full.push(...this._backward_hooks.values());
    if (globalHooks.is_full_backward === false) nonFull.push(...globalHooks.backward.values());
    if (this._is_full_backward_hook === false) nonFull.push(...this._backward_hooks.values());
    return [full, nonFull];
  }

  // ---- hook registration ---------------------------------------------------------------------

  /**
   * `register_forward_pre_hook(hook, *, prepend=False, with_kwargs=False)`: `hook(module, args)`
   * (or `hook(module, args, kwargs)` with `with_kwargs`) before forward; a non-null return
   * replaces the arguments.
   */
  register_forward_pre_hook(hook: ForwardPreHookWithKwargsFn, opts: ForwardPreHookOptions & { with_kwargs: true }): RemovableHandle;
  register_forward_pre_hook(hook: ForwardPreHookFn, opts?: ForwardPreHookOptions): RemovableHandle;
  register_forward_pre_hook(hook: ForwardPreHookFn | ForwardPreHookWithKwargsFn, opts: ForwardPreHookOptions = {}): RemovableHandle {
    return registerHook(this._forward_pre_hooks, hook, {
      prepend: opts.prepend ?? false,
      flags: opts.with_kwargs ? [this._forward_pre_hooks_with_kwargs] : [],
      extraDicts: opts.with_kwargs ? [] : [this._forward_pre_hooks_with_kwargs],
    });
  }

  /**
   * `register_forward_hook(hook, *, prepend=False, with_kwargs=False, always_call=False)`:
   * `hook(module, args, output)` (or `hook(module, args, kwargs, output)`) after forward; a
   * non-null return replaces the output.
   */
  register_forward_hook(hook: ForwardHookWithKwargsFn, opts: ForwardHookOptions & { with_kwargs: true }): RemovableHandle;
  register_forward_hook(hook: ForwardHookFn, opts?: ForwardHookOptions): RemovableHandle;
  register_forward_hook(hook: ForwardHookFn | ForwardHookWithKwargsFn, opts: ForwardHookOptions = {}): RemovableHandle {
    const flags: Map<number, unknown>[] = [];
    const extra: Map<number, unknown>[] = [];
    (opts.with_kwargs ? flags : extra).push(this._forward_hooks_with_kwargs);
    (opts.always_call ? flags : extra).push(this._forward_hooks_always_called);
    return registerHook(this._forward_hooks, hook, { prepend: opts.prepend ?? false, flags, extraDicts: extra });
  }

  /** `register_full_backward_pre_hook(hook, prepend=False)`: `hook(module, grad_output)`. */
  register_full_backward_pre_hook(hook: BackwardPreHookFn, prepend: boolean | { prepend?: boolean } = false): RemovableHandle {
    const p = typeof prepend === 'object' ? (prepend.prepend ?? false) : prepend;
    return registerHook(this._backward_pre_hooks, hook, { prepend: p });
  }

  /** `register_full_backward_hook(hook, prepend=False)`: `hook(module, grad_input, grad_output)`. */
  register_full_backward_hook(hook: BackwardHookFn, prepend: boolean | { prepend?: boolean } = false): RemovableHandle {
    if (this._is_full_backward_hook === false) {
      throw new RuntimeError('Cannot use both regular backward hooks and full backward hooks on a single Module. Please use only one of them.');
    }
    this[RAW]._is_full_backward_hook = true;
    const p = typeof prepend === 'object' ? (prepend.prepend ?? false) : prepend;
    return registerHook(this._backward_hooks, hook, { prepend: p });
  }

  /** `register_backward_hook(hook)` (deprecated): a hook on the output's grad_fn. */
  register_backward_hook(hook: BackwardHookFn): RemovableHandle {
    if (this._is_full_backward_hook === true) {
      throw new RuntimeError('Cannot use both regular backward hooks and full backward hooks on a single Module. Please use only one of them.');
    }
    this[RAW]._is_full_backward_hook = false;
    return registerHook(this._backward_hooks, hook);
  }

  /** `register_state_dict_pre_hook(hook)`: `hook(module, prefix, keep_vars)` before saving. */
  register_state_dict_pre_hook(hook: StateDictPreHookFn): RemovableHandle {
    return registerHook(this._state_dict_pre_hooks, hook);
  }

  /** `_register_state_dict_hook(hook)`: `hook(module, state_dict, prefix, local_metadata)` after saving. */
  _register_state_dict_hook(hook: StateDictHookFn): RemovableHandle {
    return registerHook(this._state_dict_hooks, hook);
  }

  /** `_register_load_state_dict_pre_hook(hook, with_module=False)`. */
  _register_load_state_dict_pre_hook(
    hook: LoadStateDictPreHookFn | ((module: Module, ...rest: Parameters<LoadStateDictPreHookFn>) => unknown),
    with_module = false,
  ): RemovableHandle {
    const fn: LoadStateDictPreHookFn = with_module
      ? (...a) => (hook as (m: Module, ...r: Parameters<LoadStateDictPreHookFn>) => unknown)(this, ...a)
      : (hook as LoadStateDictPreHookFn);
    return registerHook(this._load_state_dict_pre_hooks, fn);
  }

  /** `register_load_state_dict_post_hook(hook)`: `hook(module, incompatible_keys)`, may edit the keys in place. */
  register_load_state_dict_post_hook(hook: LoadStateDictPostHookFn): RemovableHandle {
    return registerHook(this._load_state_dict_post_hooks, hook);
  }

  // ---- state dict ----------------------------------------------------------------------------

  /** `_save_to_state_dict(destination, prefix, keep_vars)`: this module's own entries. */
  _save_to_state_dict(destination: Map<string, unknown>, prefix: string, keep_vars: boolean): void {
    for (const [name, p] of this._parameters) if (p !== null) destination.set(prefix + name, keep_vars ? p : p.detach());
    for (const [name, b] of this._buffers) {
      if (b !== null && !this._non_persistent_buffers_set.has(name)) destination.set(prefix + name, keep_vars ? b : b.detach());
    }
    if (this.get_extra_state !== Module.prototype.get_extra_state) {
      destination.set(prefix + _EXTRA_STATE_KEY_SUFFIX, this.get_extra_state());
    }
  }

  /**
   * `state_dict(*, destination=None, prefix='', keep_vars=False)`: an `OrderedDict` of every
   * parameter and persistent buffer, with `_metadata` holding each module's `version`.
   */
  state_dict(opts?: StateDictOptions): StateDict;
  state_dict(destination: Map<string, unknown> | null, prefix?: string, keep_vars?: boolean): StateDict;
  state_dict(a?: StateDictOptions | Map<string, unknown> | null, b?: string, c?: boolean): StateDict {
    let destination: Map<string, unknown> | null | undefined;
    let prefix = '';
    let keep_vars = false;
    if (a instanceof Map || b !== undefined || c !== undefined) {
      warn('Positional args are being deprecated, use kwargs instead. Refer to https://pytorch.org/docs/master/generated/torch.nn.Module.html#torch.nn.Module.state_dict for details.');
      destination = a as Map<string, unknown> | null;
      prefix = b ?? '';
      keep_vars = c ?? false;
    } else if (a) {
      destination = a.destination;
      prefix = a.prefix ?? '';
      keep_vars = a.keep_vars ?? false;
    }
    const dest: Map<string, unknown> = destination ?? emptyStateDict();
    const localMetadata = new Map<string, unknown>([['version', (this.constructor as typeof Module)._version]]);
    recordLocalMetadata(dest, prefix, localMetadata);
    for (const hook of this._state_dict_pre_hooks.values()) hook(this, prefix, keep_vars);
    this._save_to_state_dict(dest, prefix, keep_vars);
    for (const [name, m] of this._modules) {
      if (m !== null) m.state_dict({ destination: dest, prefix: `${prefix}${name}.`, keep_vars });
    }
    return runStateDictHooks(this._state_dict_hooks, this, dest, prefix, localMetadata) as StateDict;
  }

  /**
   * `_load_from_state_dict(state_dict, prefix, local_metadata, strict, missing_keys,
   * unexpected_keys, error_msgs)`: copies this module's own entries (override for custom formats).
   */
  _load_from_state_dict(
    state_dict: Map<string, unknown>, prefix: string, local_metadata: Map<string, unknown>, strict: boolean,
    missing_keys: string[], unexpected_keys: string[], error_msgs: string[],
  ): void {
    for (const hook of this._load_state_dict_pre_hooks.values()) {
      hook(state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys, error_msgs);
    }
    const localState = persistentMembers(this);
    const assign = local_metadata.get('assign_to_params_buffers') === true;
    for (const [name, param] of localState) {
      const key = prefix + name;
      if (state_dict.has(key)) {
        let input = state_dict.get(key);
        if (!(input instanceof Tensor)) {
          error_msgs.push(`While copying the parameter named "${key}", expected torch.Tensor or Tensor-like object from checkpoint but received ${pyTypeRepr(input)}`);
          continue;
        }
        const lazy = is_lazy(param);
        if (!lazy && param.shape.length === 0 && input.shape.length === 1) input = input.select(0, 0);
        const inp = input as Tensor;
        if (!lazy && !sameShape(inp.shape, param.shape)) {
          error_msgs.push(`size mismatch for ${key}: copying a param with shape ${sizeRepr(inp.shape)} from checkpoint, the shape in current model is ${sizeRepr(param.shape)}.`);
          continue;
        }
        try {
          no_grad(() => {
            if (assign) {
              if (param instanceof Parameter && !(inp instanceof Parameter)) this.__setattr__(name, new Parameter(inp));
              else this.__setattr__(name, inp);
            } else {
              param.copy_(inp);
            }
          });
        } catch (ex) {
          error_msgs.push(
            `While copying the parameter named "${key}", whose dimensions in the model are ${sizeRepr(param.shape)} and ` +
              `whose dimensions in the checkpoint are ${sizeRepr(inp.shape)}, an exception occurred : (${pyStr((ex as Error).message)},).`,
          );
        }
      } else if (strict) {
        missing_keys.push(key);
      }
    }
    const extraKey = prefix + _EXTRA_STATE_KEY_SUFFIX;
    if (this.set_extra_state !== Module.prototype.set_extra_state) {
      if (state_dict.has(extraKey)) this.set_extra_state(state_dict.get(extraKey));
      else if (strict) missing_keys.push(extraKey);
    } else if (strict && state_dict.has(extraKey)) {
      unexpected_keys.push(extraKey);
    }
    if (strict) collectUnexpectedKeys(this, state_dict, prefix, localState, unexpected_keys, extraKey);
  }

  /**
   * `load_state_dict(state_dict, strict=True, assign=False)`: returns
   * `{missing_keys, unexpected_keys}`; raises PyTorch's report on errors (size mismatches are
   * errors even when not strict).
   */
  load_state_dict(
    state_dict: Map<string, unknown> | Record<string, unknown>,
    strict: boolean | { strict?: boolean; assign?: boolean } = true,
    assign = false,
  ): IncompatibleKeys {
    let isStrict = true;
    if (typeof strict === 'object') {
      isStrict = strict.strict ?? true;
      assign = strict.assign ?? false;
    } else {
      isStrict = strict;
    }
    const isMapping = state_dict instanceof Map ||
      (typeof state_dict === 'object' && state_dict !== null && !Array.isArray(state_dict) && !(state_dict instanceof Tensor));
    if (!isMapping) throw new TypeError(`Expected state_dict to be dict-like, got ${pyTypeRepr(state_dict)}.`);
    const missing: string[] = [];
    const unexpected: string[] = [];
    const errors: string[] = [];
    const { sd, metadata } = stateDictCopy(state_dict);

    const load = (module: Module, local: Map<string, unknown>, prefix: string): void => {
      const localMetadata = localMetadataFor(metadata, prefix);
      if (assign) localMetadata.set('assign_to_params_buffers', assign);
      module._load_from_state_dict(local, prefix, localMetadata, true, missing, unexpected, errors);
      for (const [name, child] of module._modules) {
        if (child === null) continue;
        const childPrefix = `${prefix}${name}.`;
        const childSd = new Map<string, unknown>();
        for (const [k, v] of local) if (k.startsWith(childPrefix)) childSd.set(k, v);
        load(child, childSd, childPrefix);
      }
      const incompatible = new IncompatibleKeys(missing, unexpected);
      for (const hook of module._load_state_dict_post_hooks.values()) {
        const out = hook(module, incompatible);
        if (out !== null && out !== undefined) {
          throw new AssertionError(
            'Hooks registered with ``register_load_state_dict_post_hook`` are not' +
              'expected to return new values, if incompatible_keys need to be modified,' +
              'it should be done inplace.',
          );
        }
      }
    };
    load(this, sd, '');
    raiseLoadErrors(this.constructor.name, isStrict, missing, unexpected, errors);
    return new IncompatibleKeys(missing, unexpected);
  }

  // ---- printing ------------------------------------------------------------------------------

  /** `extra_repr()`: the one-line summary shown inside `Name(...)`; override it. */
  extra_repr(): string {
    return '';
  }

  /** `repr(module)`. */
  __repr__(): string {
    return moduleRepr(this._get_name(), this.extra_repr(), this._modules);
  }

  /** `str(module)`: the repr. */
  override toString(): string {
    return this.__repr__();
  }

  /** Node's `util.inspect` / `console.log` print the repr. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.__repr__();
  }
}

/** `str()` of an exception argument as it appears inside `ex.args` (a quoted string). */
function pyStr(s: string): string {
  return s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replace(/'/g, "\\'")}'`;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
