/**
 * `oneflow.nn.Module` as OneFlow 1.0 has it (python/oneflow/nn/modules/module.py). Core's
 * `ModuleBase` provides the stores, the callable instance and the tree walk; this class adds
 * OneFlow's rules where they differ from PyTorch 2.1: `state_dict()` holds the Parameter
 * objects themselves, `_metadata` is always `{version: 1}`, `load_state_dict` copies numpy-like
 * arrays too and reports local/global mismatches, `zero_grad` keeps grads by default,
 * `named_modules`/`named_parameters` have no `remove_duplicate`, `to_global`/`to_local`
 * convert every parameter and buffer, `to_consistent` is gone.
 */
import {
  addIndent, AttributeError, checkAddModule, checkMemberName, collectUnexpectedKeys, type DType, emptyStateDict, localMetadataFor,
  ModuleBase, moduleDirNames, moduleRepr, no_grad, NotImplementedError, OrderedDict, persistentMembers, RAW, raiseLoadErrors,
  recordLocalMetadata, registerHook, requiresGradTree, runStateDictHooks, storeBuffer, trainTree, type RegistrationRules, type RemovableHandle, RuntimeError, SELF, setattrRegistering,
  stateDictCopy, Tensor as CoreTensor, ValueError, empty_like, DTYPES, type DTypeName, walkMembers, walkModules,
} from '@nncompat/core';
import { globalInfo, setGlobal } from '../tensor/global.js';
import type { placement, SbpParallel } from '../tensor/placement.js';
import { Tensor, asFlow } from '../tensor/tensor.js';
import { keyError, pyTypeRepr, sizeRepr } from '../python.js';
import { arrayInput } from './array-input.js';
import { IncompatibleKeys } from './incompatible-keys.js';
import { Parameter } from './parameter.js';
import { warn } from './warn.js';

/** `hook(module, args)`: may return replacement args (a single value is wrapped in a tuple). */
export type ForwardPreHook = (module: Module, args: readonly unknown[]) => unknown;
/** `hook(module, args, output)`: may return a replacement output. */
export type ForwardHook = (module: Module, args: readonly unknown[], output: unknown) => unknown;
/** `hook(module, state_dict, prefix, local_metadata)`: may return a new state dict. */
export type StateDictHook = (module: Module, sd: Map<string, unknown>, prefix: string, meta: Map<string, unknown>) => unknown;
/** `hook(state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys, error_msgs)`. */
export type LoadStateDictPreHook = (
  sd: Map<string, unknown>, prefix: string, meta: Map<string, unknown>, strict: boolean,
  missing: string[], unexpected: string[], errors: string[],
) => unknown;

/** A state dict: an `OrderedDict` whose `_metadata` maps module prefixes to `{version: 1}`. */
export type StateDict = OrderedDict<string, unknown>;

/** `_addindent(s, n)`: indents every line but the first. */
export const _addindent: (s: string, numSpaces: number) => string = addIndent;

/** OneFlow's spellings in `__setattr__` / `register_*` errors. */
const RULES: RegistrationRules = {
  isParameter: (v) => v instanceof Parameter,
  isModule: (v) => v instanceof Module,
  typeName: pyTypeRepr,
  keyError,
  expected: { parameter: 'nn.Parameter', module: 'nn.Module', buffer: 'Tensor' },
};

function isDType(x: unknown): x is DType {
  return typeof x === 'object' && x !== null && Object.values(DTYPES).includes(x as DType);
}

/** The dict of tensors `_apply` already converted, shared down the tree during one call. */
type AppliedDict = Map<CoreTensor, CoreTensor>;

/**
 * Base class for all neural network modules (`oneflow.nn.Module`).
 *
 * @example
 * ```ts
 * class Model extends flow.nn.Module {
 *   fc = new flow.nn.Linear(4, 2);
 *   override forward(x: flow.Tensor) { return this.fc(x); }
 * }
 * String(new Model()); // 'Model(\n  (fc): Linear(in_features=4, out_features=2, bias=True)\n)'
 * ```
 */
export class Module extends ModuleBase {
  /** Python module of the class (used by pickles and `type()` reprs); subclasses set their own. */
  static __module__ = 'oneflow.nn.modules.module';

  declare training: boolean;
  declare _backward_hooks: Map<number, unknown>;
  declare _is_full_backward_hook: boolean | null;
  declare _forward_hooks: Map<number, ForwardHook>;
  declare _forward_pre_hooks: Map<number, ForwardPreHook>;
  declare _state_dict_hooks: Map<number, StateDictHook>;
  declare _load_state_dict_pre_hooks: Map<number, LoadStateDictPreHook>;
  declare _is_ddp_module: boolean;
  declare _oneflow_internal_module_tensor_applied_dict__: AppliedDict | null;
  declare cpg: unknown;
  declare _modules: ModuleBase['_modules'] & Map<string, Module | null>;

  constructor() {
    super();
    // Written on the raw object, as OneFlow's super().__setattr__ calls.
    const raw = this[RAW];
    raw.training = true;
    raw._backward_hooks = new Map();
    raw._is_full_backward_hook = null;
    raw._forward_hooks = new Map();
    raw._forward_pre_hooks = new Map();
    raw._state_dict_hooks = new Map();
    raw._load_state_dict_pre_hooks = new Map();
    raw._is_ddp_module = false;
    raw._oneflow_internal_module_tensor_applied_dict__ = null;
    raw.cpg = null;
  }

  /** `forward(*args)`: OneFlow raises a bare NotImplementedError. */
  override forward(...args: never[]): unknown {
    void args;
    throw new NotImplementedError();
  }

  /** `__call__`: forward pre-hooks, forward, forward hooks (module.py order). */
  override _call_impl(...input: unknown[]): unknown {
    const self = this[SELF] as Module;
    let args: readonly unknown[] = input;
    if (this._forward_pre_hooks.size > 0) {
      for (const hook of [...this._forward_pre_hooks.values()]) {
        const result = hook(self, args);
        if (result !== null && result !== undefined) args = Array.isArray(result) && Object.isFrozen(result) ? result : [result];
      }
    }
    let res = (self.forward as (...a: unknown[]) => unknown)(...args);
    // Results computed here print as OneFlow tensors; an input handed back unchanged keeps its own view.
    if (!args.includes(res)) res = asFlow(res);
    if (this._forward_hooks.size > 0) {
      for (const hook of [...this._forward_hooks.values()]) {
        const result = hook(self, args, res);
        if (result !== null && result !== undefined) res = result;
      }
    }
    return res;
  }

  /** `module(*args)` spelled as a method (`Module.__call__`). */
  __call__(...args: unknown[]): unknown {
    return this._call_impl(...args);
  }

  /** `dir(module)`: class attributes, instance attributes and member names, sorted (object's default `__dir__`). */
  __dir__(): string[] {
    return [...moduleDirNames(this)].sort();
  }

  // ---- attribute rules ----------------------------------------------------------------------

  /** `Module.__setattr__` (module.py): Parameters, Modules, and tensors for buffer names. */
  override __setattr__(name: string, value: unknown): void {
    setattrRegistering(this, name, value, RULES);
  }

  /** `Module.__getstate__`: the attribute dict without hooks (warns when hooks would be lost). */
  __getstate__(): Map<string, unknown> {
    if (!this._is_ddp_module && (this._backward_hooks.size || this._forward_hooks.size || this._forward_pre_hooks.size ||
      this._state_dict_hooks.size || this._load_state_dict_pre_hooks.size)) {
      warn('The module hooks will not be remained after serializing');
    }
    const state = new Map<string, unknown>();
    state.set('training', this.training);
    state.set('_parameters', new OrderedDict(this._parameters));
    state.set('_buffers', new OrderedDict(this._buffers));
    state.set('_modules', new OrderedDict(this._modules));
    const skip = new Set(['training', '_backward_hooks', '_is_full_backward_hook', '_forward_hooks', '_forward_pre_hooks',
      '_state_dict_hooks', '_load_state_dict_pre_hooks', '_non_persistent_buffers_set']);
    for (const k of Object.keys(this[RAW])) if (!skip.has(k) && !state.has(k)) state.set(k, this[RAW][k]);
    return state;
  }

  /** `Module.__setstate__`: restores the attribute dict and fresh hook dicts. */
  __setstate__(state: Map<string, unknown>): void {
    const raw = this[RAW];
    for (const [k, v] of state) {
      if (k === '_parameters' || k === '_buffers' || k === '_modules') {
        const store = this[k] as Map<string, unknown>;
        store.clear();
        if (v instanceof Map) for (const [n, x] of v) store.set(String(n), x);
      } else {
        Object.defineProperty(raw, k, { value: v, writable: true, configurable: true, enumerable: true });
      }
    }
    raw._backward_hooks = new Map();
    raw._forward_hooks = new Map();
    raw._forward_pre_hooks = new Map();
    raw._state_dict_hooks = new Map();
    raw._load_state_dict_pre_hooks = new Map();
    raw._is_full_backward_hook = null;
    raw._non_persistent_buffers_set = new Set();
  }

  // ---- registration -------------------------------------------------------------------------

  /** `add_module(name, module)`. */
  add_module(name: string, module: Module | null): void {
    checkAddModule(this, name, module, RULES);
    this._modules.set(name, module ?? null);
  }

  /** `register_buffer(name, tensor, persistent=True)`. */
  register_buffer(name: string, tensor: CoreTensor | null, persistent: boolean | { persistent?: boolean } = true): void {
    const pers = typeof persistent === 'object' ? (persistent.persistent ?? true) : persistent;
    checkMemberName(this, 'buffer', name, this._buffers, RULES);
    if (tensor !== null && tensor !== undefined && !(tensor instanceof CoreTensor)) {
      throw new TypeError(`cannot assign '${pyTypeRepr(tensor)}' object to buffer '${name}' (Tensor or None required)`);
    }
    storeBuffer(this, name, tensor, pers);
  }

  /** `register_parameter(name, param)` (OneFlow does not refuse non-leaf tensors here). */
  register_parameter(name: string, param: Parameter | null): void {
    checkMemberName(this, 'parameter', name, this._parameters, RULES);
    if (param === null || param === undefined) this._parameters.set(name, null);
    else if (!(param instanceof Parameter)) {
      throw new TypeError(`cannot assign '${pyTypeRepr(param)}' object to parameter '${name}' (nn.Parameter or None required)`);
    } else this._parameters.set(name, param);
  }

  /** `register_forward_pre_hook(hook)`. */
  register_forward_pre_hook(hook: ForwardPreHook): RemovableHandle {
    return registerHook(this._forward_pre_hooks, hook);
  }

  /** `register_forward_hook(hook)`. */
  register_forward_hook(hook: ForwardHook): RemovableHandle {
    return registerHook(this._forward_hooks, hook);
  }

  /** `_register_state_dict_hook(hook)`. */
  _register_state_dict_hook(hook: StateDictHook): RemovableHandle {
    return registerHook(this._state_dict_hooks, hook);
  }

  /** `_register_load_state_dict_pre_hook(hook, with_module=False)`. */
  _register_load_state_dict_pre_hook(hook: LoadStateDictPreHook | ((m: Module, ...r: Parameters<LoadStateDictPreHook>) => unknown), with_module = false): RemovableHandle {
    const fn: LoadStateDictPreHook = with_module
      ? (...a) => (hook as (m: Module, ...r: Parameters<LoadStateDictPreHook>) => unknown)(this[SELF] as Module, ...a)
      : (hook as LoadStateDictPreHook);
    return registerHook(this._load_state_dict_pre_hooks, fn);
  }

  // ---- walks ---------------------------------------------------------------------------------

  /** `_named_members(get_members_fn, prefix='', recurse=True)`. */
  *_named_members<V>(get_members_fn: (m: Module) => Iterable<[string, V | null]>, prefix = '', recurse = true): Generator<[string, V]> {
    yield* walkMembers<V>(this, get_members_fn as (m: ModuleBase) => Iterable<[string, V | null]>, { prefix, recurse });
  }

  /** `named_modules(memo=None, prefix='')`. */
  override named_modules(memo: Set<ModuleBase> | null | { memo?: Set<ModuleBase> | null; prefix?: string } = null, prefix = ''): Generator<[string, Module]> {
    if (memo !== null && !(memo instanceof Set)) return this.named_modules(memo.memo ?? null, memo.prefix ?? '');
    return walkModules(this, { memo, prefix }) as Generator<[string, Module]>;
  }
  /** `modules()`. */
  override *modules(): Generator<Module> {
    for (const [, m] of this.named_modules()) yield m;
  }
  /** `named_children()`. */
  override named_children(): Generator<[string, Module]> {
    return super.named_children() as Generator<[string, Module]>;
  }
  /** `children()`. */
  override children(): Generator<Module> {
    return super.children() as Generator<Module>;
  }
  /** `named_parameters(prefix='', recurse=True)`. */
  override named_parameters(prefix: string | { prefix?: string; recurse?: boolean } = '', recurse = true): Generator<[string, Parameter]> {
    const o = typeof prefix === 'object' ? prefix : { prefix, recurse };
    return this._named_members<Parameter>((m) => m._parameters as Map<string, Parameter | null>, o.prefix ?? '', o.recurse ?? true);
  }
  /** `parameters(recurse=True)`. */
  override *parameters(recurse: boolean | { recurse?: boolean } = true): Generator<Parameter> {
    const r = typeof recurse === 'object' ? (recurse.recurse ?? true) : recurse;
    for (const [, p] of this.named_parameters('', r)) yield p;
  }
  /** `named_buffers(prefix='', recurse=True)`. */
  override named_buffers(prefix: string | { prefix?: string; recurse?: boolean } = '', recurse = true): Generator<[string, CoreTensor]> {
    const o = typeof prefix === 'object' ? prefix : { prefix, recurse };
    return this._named_members<CoreTensor>((m) => m._buffers, o.prefix ?? '', o.recurse ?? true);
  }
  /** `buffers(recurse=True)`. */
  override *buffers(recurse: boolean | { recurse?: boolean } = true): Generator<CoreTensor> {
    const r = typeof recurse === 'object' ? (recurse.recurse ?? true) : recurse;
    for (const [, b] of this.named_buffers('', r)) yield b;
  }

  /** `get_submodule(target)` with OneFlow's error texts. */
  get_submodule(target: string): Module {
    if (target === '') return this;
    const curr = [this._get_name()];
    let mod: unknown = this;
    for (const item of target.split('.')) {
      if (!(item in (mod as object))) throw new AttributeError(`\`${curr.join('.')}\` doesn't have submodule \`${item}\``);
      mod = (mod as Record<string, unknown>)[item];
      curr.push(item);
      if (!(mod instanceof Module)) throw new TypeError(`\`${curr.join('.')}\` isn't an oneflow.Module, but a ${pyTypeRepr(mod)}`);
    }
    return mod as Module;
  }

  /** `get_parameter(target)` (any tensor attribute, as OneFlow checks `isinstance(x, flow.Tensor)`). */
  get_parameter(target: string): CoreTensor {
    const i = target.lastIndexOf('.');
    const subName = i < 0 ? '' : target.slice(0, i);
    const name = target.slice(i + 1);
    const sub = this.get_submodule(subName);
    if (!(name in sub)) throw new AttributeError(`\`${subName}\` doesn't have attribute \`${name}\``);
    const p = (sub as unknown as Record<string, unknown>)[name];
    if (!(p instanceof CoreTensor)) throw new TypeError(`\`${target}\` is not an oneflow.Tensor, but ${pyTypeRepr(p)}`);
    return p;
  }

  // ---- modes ---------------------------------------------------------------------------------

  /** `train(mode=True)`. */
  train(mode = true): this {
    trainTree(this, mode);
    return this;
  }
  /** `eval()`. */
  eval(): this {
    return this.train(false);
  }
  /** `requires_grad_(requires_grad=True)`. */
  requires_grad_(requires_grad = true): this {
    requiresGradTree(this, requires_grad);
    return this;
  }
  /** `zero_grad(set_to_none=False)`: OneFlow zeroes grads in place by default. */
  zero_grad(set_to_none: boolean | { set_to_none?: boolean } = false): void {
    const none = typeof set_to_none === 'object' ? (set_to_none.set_to_none ?? false) : set_to_none;
    for (const p of this.parameters()) {
      if (p.grad !== null) {
        if (none) p.grad = null;
        else {
          if (p.grad.grad_fn !== null) p.grad = p.grad.detach();
          else p.grad.requires_grad_(false);
          p.grad.zero_();
        }
      }
    }
  }

  // ---- state dict ----------------------------------------------------------------------------

  /** `_save_to_state_dict(destination, prefix, keep_vars)`: the Parameter and buffer objects themselves. */
  _save_to_state_dict(destination: Map<string, unknown>, prefix: string, keep_vars: boolean): void {
    void keep_vars;
    for (const [name, p] of this._parameters) if (p !== null) destination.set(prefix + name, p);
    for (const [name, b] of this._buffers) if (b !== null && !this._non_persistent_buffers_set.has(name)) destination.set(prefix + name, b);
  }

  /** `state_dict(destination=None, prefix='', keep_vars=False)`. */
  state_dict(destination: Map<string, unknown> | null | { destination?: Map<string, unknown> | null; prefix?: string; keep_vars?: boolean } = null,
    prefix = '', keep_vars = false): StateDict {
    if (destination !== null && !(destination instanceof Map)) {
      return this.state_dict(destination.destination ?? null, destination.prefix ?? '', destination.keep_vars ?? false);
    }
    const dest: Map<string, unknown> = destination ?? emptyStateDict();
    const localMetadata = new Map<string, unknown>([['version', 1]]);
    recordLocalMetadata(dest, prefix, localMetadata);
    this._save_to_state_dict(dest, prefix, keep_vars);
    for (const [name, m] of this._modules) if (m !== null) m.state_dict(dest, `${prefix}${name}.`, keep_vars);
    return runStateDictHooks(this._state_dict_hooks, this[SELF] as Module, dest, prefix, localMetadata) as StateDict;
  }

  /** `_load_from_state_dict(state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys, error_msgs)`. */
  _load_from_state_dict(
    state_dict: Map<string, unknown>, prefix: string, local_metadata: Map<string, unknown>, strict: boolean,
    missing_keys: string[], unexpected_keys: string[], error_msgs: string[],
  ): void {
    for (const hook of this._load_state_dict_pre_hooks.values()) {
      hook(state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys, error_msgs);
    }
    const localState = persistentMembers(this);
    for (const [name, param] of localState) {
      const key = prefix + name;
      if (state_dict.has(key)) {
        const raw = state_dict.get(key);
        const input = arrayInput(raw);
        const inShape = input.shape;
        if (inShape.length !== param.shape.length || inShape.some((d, i) => d !== param.shape[i])) {
          const inRepr = input instanceof CoreTensor ? sizeRepr(input.shape) : input.shapeRepr;
          error_msgs.push(`size mismatch for ${key}: copying a param with shape ${inRepr} from checkpoint, the shape in current model is ${sizeRepr(param.shape)}.`);
          continue;
        }
        if (input instanceof CoreTensor && (globalInfo(input) !== null) !== (globalInfo(param) !== null)) {
          const paramGlobal = globalInfo(param) !== null;
          const help = paramGlobal
            ? "Maybe you need to convert the checkpoint param to global, or set global_src_rank=0 when using flow.load to load model's state_dict"
            : 'Maybe you need to convert your model to global.';
          error_msgs.push(
            `local / global mismatch for "${key}":  param from checkpoint is ${paramGlobal ? 'local' : 'global'} tensor, ` +
              `but the param in current model is ${paramGlobal ? 'global' : 'local'} tensor. ${help}`,
          );
          continue;
        }
        try {
          no_grad(() => {
            param.copy_(input instanceof CoreTensor ? input : input.toTensor(param.dtype));
          });
        } catch (ex) {
          const e = ex as Error;
          error_msgs.push(`While copying the parameter "${key}", an exception occurred : \n\n\t${e.name}: ${e.message}\n.`);
        }
      } else if (strict) {
        missing_keys.push(key);
      }
    }
    if (strict) collectUnexpectedKeys(this, state_dict, prefix, localState, unexpected_keys);
  }

  /**
   * `load_state_dict(state_dict, strict=True)`: values may be tensors, numpy arrays loaded by
   * `oneflow.load`, nested arrays or typed arrays.
   */
  load_state_dict(state_dict: Map<string, unknown> | Record<string, unknown>, strict: boolean | { strict?: boolean } = true): IncompatibleKeys {
    const isStrict = typeof strict === 'object' ? (strict.strict ?? true) : strict;
    if (typeof state_dict !== 'object' || state_dict === null || Array.isArray(state_dict) || state_dict instanceof CoreTensor) {
      throw new AttributeError(`'${state_dict === null ? 'NoneType' : Array.isArray(state_dict) ? 'list' : typeof state_dict}' object has no attribute 'copy'`);
    }
    const missing: string[] = [];
    const unexpected: string[] = [];
    const errors: string[] = [];
    const { sd, metadata } = stateDictCopy(state_dict);
    const load = (module: Module, prefix: string): void => {
      module._load_from_state_dict(sd, prefix, localMetadataFor(metadata, prefix), true, missing, unexpected, errors);
      for (const [name, child] of module._modules) if (child !== null) load(child, `${prefix}${name}.`);
    };
    load(this, '');
    raiseLoadErrors(this._get_name(), isStrict, missing, unexpected, errors);
    return new IncompatibleKeys(missing, unexpected);
  }

  // ---- conversions ---------------------------------------------------------------------------

  /**
   * `_apply(fn, applied_dict=None)`: converts every parameter (keeping the Parameter object when
   * local-ness is unchanged) and buffer; a tensor shared by several modules is converted once.
   */
  _apply(fn: (t: CoreTensor) => CoreTensor, applied_dict: AppliedDict | null = null): this {
    const raw = this[RAW];
    if (this.cpg !== null && this.cpg !== undefined) {
      raw.cpg = null;
      warn('deleted ContiguousParamsGroup since creating it before apply operations like to(), to_global() will cause error.');
    }
    if (applied_dict !== null) raw._oneflow_internal_module_tensor_applied_dict__ = applied_dict;
    if (this._oneflow_internal_module_tensor_applied_dict__ === null) raw._oneflow_internal_module_tensor_applied_dict__ = new Map();
    const applied = this._oneflow_internal_module_tensor_applied_dict__!;
    for (const module of this.children()) {
      module[RAW]._oneflow_internal_module_tensor_applied_dict__ = applied;
      module._apply(fn);
      module[RAW]._oneflow_internal_module_tensor_applied_dict__ = null;
    }
    const isLocal = (t: CoreTensor): boolean => globalInfo(t) === null;
    for (const [key, param] of [...this._parameters]) {
      if (param === null) continue;
      let needApply = false;
      let paramApplied: CoreTensor;
      if (!applied.has(param)) {
        needApply = true;
        paramApplied = no_grad(() => fn(param));
        paramApplied.requires_grad = param.requires_grad;
        if (param.grad !== null) {
          const g = param.grad;
          const gradApplied = no_grad(() => fn(g));
          gradApplied.requires_grad = g.requires_grad;
          paramApplied.grad = gradApplied;
        }
      } else {
        paramApplied = applied.get(param)!;
      }
      if (isLocal(paramApplied) === isLocal(param)) {
        if (needApply) {
          param.data = paramApplied;
          param.grad = paramApplied.grad;
          setGlobal(param, globalInfo(paramApplied));
          applied.set(param, paramApplied);
        }
      } else if (needApply) {
        const np = new Parameter(paramApplied, param.requires_grad);
        np.grad = paramApplied.grad;
        this._parameters.set(key, np);
        applied.set(param, np);
      } else {
        this._parameters.set(key, applied.get(param) as Parameter);
      }
    }
    for (const [key, buf] of [...this._buffers]) {
      if (buf === null) continue;
      if (!applied.has(buf)) {
        const b = fn(buf);
        this._buffers.set(key, b);
        applied.set(buf, b);
      } else {
        this._buffers.set(key, applied.get(buf)!);
      }
    }
    raw._oneflow_internal_module_tensor_applied_dict__ = null;
    return this;
  }

  /** `apply(fn)`: `fn` on every submodule (children first), then on self. */
  override apply(fn: (m: Module) => void): this {
    if (this.cpg !== null && this.cpg !== undefined) {
      this[RAW].cpg = null;
      warn('deleted ContiguousParamsGroup since creating it before apply operations like to(), to_global() will cause error.');
    }
    for (const m of this.children()) m.apply(fn);
    fn(this[SELF] as this);
    return this;
  }

  /** `to_empty(*, device)`. */
  to_empty(opts: { device: string }): this {
    return this._apply((t) => asFlow(empty_like(t, { device: opts.device })));
  }

  /**
   * `to(device=None, dtype=None)`, `to(dtype)`, `to(tensor)`, `to(device)`: only floating
   * point dtypes; integral tensors keep theirs.
   */
  to(...args: unknown[]): this {
    let device: string | null = null;
    let dtype: DType | null = null;
    const kw = args.length === 1 && typeof args[0] === 'object' && args[0] !== null && !(args[0] instanceof CoreTensor) && !isDType(args[0])
      ? (args[0] as { device?: string | null; dtype?: DType | DTypeName | null; tensor?: CoreTensor | null })
      : null;
    if (kw) {
      device = kw.device ?? null;
      dtype = kw.dtype ? (typeof kw.dtype === 'string' ? DTYPES[kw.dtype] : kw.dtype) : null;
      if (kw.tensor) {
        device = kw.tensor.device;
        dtype = kw.tensor.dtype;
      }
    } else if (args.length === 2) {
      device = args[0] as string;
      dtype = args[1] as DType;
    } else if (args.length === 1) {
      const arg = args[0];
      if (arg instanceof CoreTensor) {
        device = arg.device;
        dtype = arg.dtype;
      } else if (isDType(arg)) dtype = arg;
      else if (typeof arg === 'string' || typeof arg === 'number') device = String(arg);
      else throw new ValueError(`Unsupported parameters in module.to: ${String(arg)}`);
    } else {
      throw new ValueError(`Unsupported parameters in module.to: (${args.map(String).join(', ')}) and {}`);
    }
    if (dtype !== null && !dtype.is_floating_point) {
      throw new TypeError(`nn.Module.to only accepts floating point dtypes, but got desired dtype=oneflow.${dtype.name}`);
    }
    const dev = device;
    const dt = dtype;
    return this._apply((t) => {
      let out: CoreTensor = t;
      if (dev !== null) out = toDevice(out, dev);
      if (dt !== null && t.is_floating_point()) out = out.to(dt);
      return asFlow(out === t ? t.view(t.shape) : out);
    });
  }

  /** `to_consistent(...)`: removed in OneFlow. */
  to_consistent(...args: unknown[]): never {
    void args;
    throw new RuntimeError('.to_consistent has been removed, please use .to_global instead');
  }

  /** `to_global(placement=None, sbp=None)`: every parameter and buffer made global. */
  to_global(placementArg: placement | null = null, sbpArg: SbpParallel | readonly SbpParallel[] | null = null): this {
    return this._apply((t) => (asFlow(t) as Tensor).to_global(placementArg, sbpArg));
  }

  /** `to_local()`: every (global) parameter and buffer made local. */
  to_local(): this {
    return this._apply((t) => (asFlow(t) as Tensor).to_local());
  }

  /** `cpu()`. */
  cpu(): this {
    return this._apply((t) => asFlow(toDevice(t, 'cpu')));
  }
  /** `cuda(device=None)`: nncompat has no CUDA device. */
  cuda(device: number | string | null = null): this {
    return this._apply((t) => toDevice(t, device === null ? 'cuda' : `cuda:${device}`));
  }
  /** `float()`. */
  float(): this {
    return this._apply((t) => (t.is_floating_point() ? asFlow(t.float()) : t));
  }
  /** `double()`. */
  double(): this {
    return this._apply((t) => (t.is_floating_point() ? asFlow(t.double()) : t));
  }
  /** `half()`. */
  half(): this {
    return this._apply((t) => (t.is_floating_point() ? asFlow(t.half()) : t));
  }

  // ---- printing ------------------------------------------------------------------------------

  /** `extra_repr()`: override to print a summary inside `Name(...)`. */
  extra_repr(): string {
    return '';
  }

  /** `repr(module)`. */
  __repr__(): string {
    return moduleRepr(this._get_name(), this.extra_repr(), this._modules);
  }

  /** `_shallow_repr()`: the repr without children. */
  _shallow_repr(): string {
    const extra = this.extra_repr();
    const lines = extra ? extra.split('\n') : [];
    let main = `${this._get_name()}(`;
    if (lines.length) main += lines.length === 1 ? lines[0] : `\n  ${lines.join('\n  ')}\n`;
    return `${main})`;
  }

  override toString(): string {
    return this.__repr__();
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.__repr__();
  }
}

/** Moves a tensor as `tensor.to(device)`; CUDA is not available in nncompat. */
function toDevice(t: CoreTensor, device: string): CoreTensor {
  const d = device.split(':')[0]!;
  if (d === 'cuda') throw new RuntimeError(`Device type cuda is not available: nncompat's oneflow surface has no CUDA device (asked for '${device}')`);
  return d === 'cpu' && t.device === 'cpu' ? t : t.to(d === 'cpu' ? 'cpu' : device);
}
