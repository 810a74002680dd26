/**
 * `torch.optim.Optimizer` (PyTorch 2.1): param groups with defaults, per-parameter state,
 * `zero_grad(set_to_none=True)`, and `state_dict` / `load_state_dict` in PyTorch's layout
 * (state keyed by integer parameter index, groups listing those indices under `params`).
 */
import { enable_grad, KeyError, noteHostConstantChange, type Tensor, Tensor as TensorClass, ValueError } from '@nncompat/core';
import { pyFloatRepr } from '../python.js';

/** A hyperparameter value of a param group (numbers, flags, `betas` tuples, `foreach: null`, …). */
export type HyperValue = number | boolean | string | null | readonly number[] | undefined;

/** A param group as passed in: `{ params, lr?, ... }`. */
export interface ParamGroupInput {
  params: Tensor | Iterable<Tensor>;
  [option: string]: HyperValue | Tensor | Iterable<Tensor>;
}

/** A param group as held by the optimizer: its params and every hyperparameter. */
export interface ParamGroup {
  params: Tensor[];
  [option: string]: HyperValue | Tensor[];
}

/** What optimizers accept: tensors (or Parameters), or param-group objects. */
export type ParamsT = Iterable<Tensor> | Iterable<ParamGroupInput>;

/** A value in an optimizer's per-parameter state. */
export type StateValue = Tensor | number | null;

/** Per-parameter state (`optimizer.state[p]`): an insertion-ordered record. */
export type ParamState = Record<string, StateValue>;

/** `optimizer.state_dict()`: `state` keyed by parameter index, `param_groups` with index lists. */
export interface OptimizerStateDict {
  state: Map<number, ParamState>;
  param_groups: ({ params: number[] } & Record<string, HyperValue | number[]>)[];
}

/** The `required` sentinel of `torch.optim.optimizer`: a default the caller must supply. */
export const required: unique symbol = Symbol('required');

/** Defaults of an optimizer: a value per hyperparameter, or `required`. */
export type Defaults = Record<string, HyperValue | typeof required>;

function isTensor(x: unknown): x is Tensor {
  return x instanceof TensorClass;
}

function typeNameOf(x: unknown): string {
  if (isTensor(x)) return x.type();
  if (x === null || x === undefined) return 'NoneType';
  if (Array.isArray(x)) return 'list';
  if (x instanceof Set) return 'set';
  return typeof x === 'object' ? (x as object).constructor.name : typeof x;
}

/**
 * A param group whose writes are reported to core (`noteHostConstantChange`): compiled steps bake
 * hyperparameters into their graphs and retrace when one changes (an lr scheduler's step).
 */
function observedGroup(group: ParamGroup): ParamGroup {
  return new Proxy(group, {
    set(target, key, value: unknown) {
      if (!Object.is(Reflect.get(target, key), value)) noteHostConstantChange();
      return Reflect.set(target, key, value);
    },
    deleteProperty(target, key) {
      noteHostConstantChange();
      return Reflect.deleteProperty(target, key);
    },
  });
}

/**
 * Base class of the optimizers. Subclasses implement `step()`.
 *
 * @example
 * const opt = new optim.SGD(model.parameters(), { lr: 0.1 });
 * opt.zero_grad();
 * loss.backward();
 * opt.step();
 */
export abstract class Optimizer {
  /** Default hyperparameters, filled into each group that lacks them. */
  readonly defaults: Defaults;
  /** Per-parameter state, keyed by the parameter tensor. */
  state: Map<Tensor, ParamState> = new Map();
  /** The param groups. */
  param_groups: ParamGroup[] = [];

  constructor(params: ParamsT | Tensor, defaults: Defaults) {
    this.defaults = defaults;
    if (isTensor(params)) {
      throw new TypeError(`params argument given to the optimizer should be an iterable of Tensors or dicts, but got ${params.type()}`);
    }
    const list = [...(params as Iterable<Tensor | ParamGroupInput>)];
    if (list.length === 0) throw new ValueError('optimizer got an empty parameter list');
    const groups: ParamGroupInput[] = isTensor(list[0]) ? [{ params: list as Tensor[] }] : (list as ParamGroupInput[]);
    for (const g of groups) this.add_param_group(g);
  }

  /**
   * `optimizer.add_param_group(param_group)`: fills defaults, checks that params are leaf
   * tensors that appear in no other group.
   *
   * @example
   * opt.add_param_group({ params: head.parameters(), lr: 0.01 });
   */
  add_param_group(param_group: ParamGroupInput): void {
    if (param_group === null || typeof param_group !== 'object' || isTensor(param_group) || Array.isArray(param_group)) {
      throw new TypeError(`param_group must be a dict, but got ${typeNameOf(param_group)}`);
    }
    const p = param_group.params;
    if (p instanceof Set) {
      throw new TypeError('optimizer parameters need to be organized in ordered collections, but the ordering of tensors in sets will change between runs. Please use a list instead.');
    }
    const params: Tensor[] = isTensor(p) ? [p] : [...(p as Iterable<Tensor>)];
    for (const t of params) {
      if (!isTensor(t)) throw new TypeError(`optimizer can only optimize Tensors, but one of the params is ${typeNameOf(t)}`);
      if (!this.defaults.differentiable && !(t.is_leaf || t.retains_grad)) throw new ValueError("can't optimize a non-leaf Tensor");
    }
    const group: ParamGroup = { params };
    for (const [k, v] of Object.entries(param_group)) if (k !== 'params') group[k] = v as HyperValue;
    for (const [name, dflt] of Object.entries(this.defaults)) {
      if (dflt === required && !(name in group)) {
        throw new ValueError(`parameter group didn't specify a value of required optimization parameter ${name}`);
      }
      if (!(name in group)) group[name] = dflt as HyperValue;
    }
    // Keep the group's key order as PyTorch's dict: given keys first, then filled defaults.
    const ordered: ParamGroup = { params };
    for (const k of Object.keys(group)) if (k !== 'params') ordered[k] = group[k]!;
    if (new Set(params).size !== params.length) {
      console.warn('UserWarning: optimizer contains a parameter group with duplicate parameters; in future, this will cause an error; see github.com/pytorch/pytorch/issues/40967 for more information');
    }
    const seen = new Set<Tensor>();
    for (const g of this.param_groups) for (const t of g.params) seen.add(t);
    if (params.some((t) => seen.has(t))) throw new ValueError('some parameters appear in more than one parameter group');
    this.param_groups.push(observedGroup(ordered));
    noteHostConstantChange();
  }

  /**
   * `optimizer.zero_grad(set_to_none=True)`: drops the gradients (or zeroes them in place).
   *
   * @example
   * opt.zero_grad();        // p.grad = null
   * opt.zero_grad(false);   // p.grad.zero_()
   */
  zero_grad(set_to_none: boolean | { set_to_none?: boolean } = true): void {
    const toNone = typeof set_to_none === 'boolean' ? set_to_none : set_to_none.set_to_none ?? true;
    for (const g of this.param_groups) {
      for (const p of g.params) {
        if (p.grad === null) continue;
        if (toNone) p.grad = null;
        else {
          if (p.grad.grad_fn) p.grad.detach_();
          else p.grad.requires_grad_(false);
          p.grad.zero_();
        }
      }
    }
  }

  /** Performs one optimization step; with a closure, re-evaluates the loss first (under grad). */
  abstract step(closure?: (() => number | Tensor) | null): number | Tensor | null;

  /** Runs the closure with grad enabled, as `with torch.enable_grad(): loss = closure()`. */
  protected _runClosure(closure?: (() => number | Tensor) | null): number | Tensor | null {
    return closure ? enable_grad(closure) : null;
  }

  /** The state of `p`, created empty on first access (PyTorch's defaultdict). */
  protected _stateOf(p: Tensor): ParamState {
    let s = this.state.get(p);
    if (!s) {
      s = {};
      this.state.set(p, s);
    }
    return s;
  }

  /**
   * `optimizer.state_dict()`.
   *
   * @example
   * const sd = opt.state_dict();
   * sd.param_groups[0].params; // [0, 1, 2, 3]
   * sd.state.get(0)!.momentum_buffer;
   */
  state_dict(): OptimizerStateDict {
    const mapping = new Map<Tensor, number>();
    let start = 0;
    const param_groups = this.param_groups.map((g) => {
      const packed: Record<string, HyperValue | number[]> = {};
      for (const [k, v] of Object.entries(g)) if (k !== 'params') packed[k] = v as HyperValue;
      g.params.forEach((p, i) => {
        if (!mapping.has(p)) mapping.set(p, start + i);
      });
      const ids = g.params.map((p) => mapping.get(p)!);
      start += ids.length;
      return { ...packed, params: ids } as { params: number[] } & Record<string, HyperValue | number[]>;
    });
    const state = new Map<number, ParamState>();
    for (const [p, s] of this.state) {
      const id = mapping.get(p);
      if (id !== undefined) state.set(id, s);
    }
    return { state, param_groups };
  }

  /**
   * `optimizer.load_state_dict(state_dict)`: restores state (tensors cast to their parameter's
   * dtype, except `step`) and hyperparameters; `state` may be a Map or a plain object.
   *
   * @example
   * opt2.load_state_dict(opt.state_dict());
   */
  load_state_dict(state_dict: OptimizerStateDict | { state: Record<string, ParamState> | Map<number, ParamState>; param_groups: OptimizerStateDict['param_groups'] }): void {
    const groups = this.param_groups;
    const saved = state_dict.param_groups;
    if (groups.length !== saved.length) throw new ValueError('loaded state dict has a different number of parameter groups');
    if (groups.some((g, i) => g.params.length !== saved[i]!.params.length)) {
      throw new ValueError("loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
    }
    const idMap = new Map<number, Tensor>();
    saved.forEach((sg, i) => sg.params.forEach((id, j) => idMap.set(id, groups[i]!.params[j]!)));
    const entries: [number, ParamState][] = state_dict.state instanceof Map
      ? [...state_dict.state.entries()]
      : Object.entries(state_dict.state).map(([k, v]) => [Number(k), v]);
    const state = new Map<Tensor, ParamState>();
    for (const [id, s] of entries) {
      const p = idMap.get(id);
      if (!p) continue;
      const copy: ParamState = {};
      for (const [k, v] of Object.entries(s)) {
        // `step` keeps its own dtype; other float state follows the param (as 2.1's policy).
        copy[k] = isTensor(v) ? (k !== 'step' && p.is_floating_point() ? v.detach().to(p.dtype, { copy: true }) : v.detach().clone()) : v;
      }
      state.set(p, copy);
    }
    this.state = state;
    this.param_groups = groups.map((g, i) => {
      const ng: ParamGroup = { params: g.params };
      for (const [k, v] of Object.entries(saved[i]!)) if (k !== 'params') ng[k] = Array.isArray(v) ? Object.freeze([...v]) : (v as HyperValue);
      return observedGroup(ng);
    });
    noteHostConstantChange();
  }

  /** Python's `repr(optimizer)`: the class name and each group's options in sorted order. */
  toString(): string {
    let s = `${this.constructor.name} (`;
    this.param_groups.forEach((g, i) => {
      s += `\nParameter Group ${i}\n`;
      for (const k of Object.keys(g).sort()) {
        if (k === 'params') continue;
        s += `    ${k}: ${pyValue(g[k] as HyperValue)}\n`;
      }
    });
    return s + ')';
  }

  /** A hyperparameter of a group as a number (throws a KeyError naming it when absent). */
  protected static num(group: ParamGroup, key: string): number {
    const v = group[key];
    if (typeof v !== 'number') throw new KeyError(`'${key}'`);
    return v;
  }
}

/** `str(v)` of a hyperparameter as Python prints it in an optimizer's repr. */
function pyValue(v: HyperValue): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isInteger(v) && !Object.is(v, -0) ? String(v) : pyFloatRepr(v);
  if (typeof v === 'string') return v;
  return `(${v.map((x) => pyValue(x)).join(', ')})`;
}
