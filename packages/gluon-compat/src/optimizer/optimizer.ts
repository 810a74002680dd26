/**
 * `mx.optimizer` (python/mxnet/optimizer/optimizer.py, MXNet 1.9): the `Optimizer` base with
 * learning-rate / weight-decay multipliers, the registry behind `create`, and `Updater`.
 * Updates run on the host in float64 and are stored in the weight's dtype (MXNet's kernels
 * compute in the weight's dtype: results agree to float32 rounding).
 */
import { ValueError } from '@nncompat/core';
import { hostToNumbers, numbersToHost } from '../ndarray/host.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { warn } from '../util/warnings.js';

/** Python's `UserWarning` raised as an exception (MXNet raises it from Trainer and Optimizer). */
export class UserWarning extends Error {
  override name = 'UserWarning';
}

/** A learning-rate schedule: `base_lr` and `__call__(num_update)`. */
export interface LRScheduler {
  base_lr: number;
  __call__(num_update: number): number;
}

/** What an optimizer needs from a parameter (`lr_mult`, `wd_mult`). */
export interface ParamMults {
  lr_mult: number;
  wd_mult: number;
}

/** Keyword arguments of `Optimizer`. */
export interface OptimizerOptions {
  rescale_grad?: number;
  param_idx2name?: Record<number, string> | null;
  wd?: number;
  clip_gradient?: number | null;
  learning_rate?: number | null;
  lr_scheduler?: LRScheduler | null;
  begin_num_update?: number;
  multi_precision?: boolean;
  param_dict?: Map<number, ParamMults> | null;
}

/** Optimizer state: null, one array, or a tuple of arrays (host values in float64). */
export type OptimizerState = Float64Array | readonly Float64Array[] | null;

const BASE_KEYS = ['rescale_grad', 'param_idx2name', 'wd', 'clip_gradient', 'learning_rate', 'lr_scheduler', 'sym', 'begin_num_update', 'multi_precision', 'param_dict'];

/** Raises Python's error for keyword arguments `__init__` does not take. */
export function checkKwargs(opts: object, own: readonly string[]): void {
  for (const k of Object.keys(opts)) {
    if (!BASE_KEYS.includes(k) && !own.includes(k)) throw new TypeError(`__init__() got an unexpected keyword argument '${k}'`);
  }
}

/**
 * Base class of optimizers.
 *
 * @example
 * ```ts
 * const opt = mx.optimizer.create('sgd', { learning_rate: 0.1, momentum: 0.9 });
 * opt.learning_rate; // 0.1
 * ```
 */
export class Optimizer {
  static readonly opt_registry = new Map<string, new (opts?: object) => Optimizer>();
  rescale_grad: number;
  lr_scheduler: LRScheduler | null;
  lr: number;
  wd: number;
  lr_mult: Map<number | string, number> = new Map();
  wd_mult: Map<number | string, number> = new Map();
  begin_num_update: number;
  num_update: number;
  clip_gradient: number | null;
  multi_precision: boolean;
  idx2name: Map<number, string>;
  param_dict: Map<number, ParamMults>;
  /** @internal Update counts per index (one table per device id). */
  _all_index_update_counts = new Map<number, Map<number, number>>([[0, new Map()]]);
  /** @internal */
  _index_update_count: Map<number, number>;

  constructor(opts: OptimizerOptions = {}) {
    this.rescale_grad = opts.rescale_grad ?? 1.0;
    this.lr_scheduler = opts.lr_scheduler ?? null;
    let learning_rate = opts.learning_rate ?? null;
    if (this.lr_scheduler === null && learning_rate === null) learning_rate = 0.01;
    this.lr = learning_rate ?? this.lr_scheduler!.base_lr;
    if (this.lr_scheduler !== null && learning_rate !== null && this.lr_scheduler.base_lr !== learning_rate) {
      // MXNet prints (not warns) this UserWarning.
      console.log('learning rate from ``lr_scheduler`` has been overwritten by ``learning_rate`` in optimizer.');
      this.lr_scheduler.base_lr = learning_rate;
    }
    this.wd = opts.wd ?? 0.0;
    this.begin_num_update = opts.begin_num_update ?? 0;
    this.num_update = this.begin_num_update;
    this._index_update_count = this._all_index_update_counts.get(0)!;
    this.clip_gradient = opts.clip_gradient ?? null;
    this.multi_precision = opts.multi_precision ?? false;
    this.idx2name = new Map(Object.entries(opts.param_idx2name ?? {}).map(([k, v]) => [Number(k), v]));
    this.param_dict = opts.param_dict ?? new Map();
    this.set_lr_mult({});
    this.set_wd_mult({});
  }

  /** `Optimizer.register(klass)`: registers under the lower-cased class name. */
  static register(klass: new (opts?: object) => Optimizer): void {
    const name = klass.name.toLowerCase();
    if (Optimizer.opt_registry.has(name)) {
      const old = Optimizer.opt_registry.get(name)!;
      warn(`WARNING: New optimizer ${klass.name} is overriding existing optimizer ${old.name}`);
    }
    Optimizer.opt_registry.set(name, klass);
  }

  /** `Optimizer.create_optimizer(name, **kwargs)`. */
  static create_optimizer(name: string, opts: object = {}): Optimizer {
    const klass = Optimizer.opt_registry.get(name.toLowerCase());
    if (!klass) throw new ValueError(`Cannot find optimizer ${name}`);
    return new klass(opts);
  }

  /** The current learning rate (the scheduler's when there is one). */
  get learning_rate(): number {
    return this.lr_scheduler !== null ? this.lr_scheduler.__call__(this.num_update) : this.lr;
  }

  /** `set_learning_rate(lr)`: only without a scheduler. */
  set_learning_rate(lr: number): void {
    if (this.lr_scheduler !== null) {
      throw new UserWarning(
        'LRScheduler of the optimizer has already been defined. Note that set_learning_rate can mutate the value of the learning rate of the optimizer only when the LRScheduler of the optimizer is undefined.',
      );
    }
    this.lr = lr;
  }

  /** `set_lr_mult(args_lr_mult)`: multipliers by index or name. */
  set_lr_mult(args_lr_mult: Record<string, number>): void {
    this.lr_mult = new Map(Object.entries(args_lr_mult));
  }

  /** `set_wd_mult(args_wd_mult)`: names not ending in `_weight`/`_gamma` get no weight decay. */
  set_wd_mult(args_wd_mult: Record<string, number>): void {
    this.wd_mult = new Map();
    for (const n of this.idx2name.values()) if (!(n.endsWith('_weight') || n.endsWith('_gamma'))) this.wd_mult.set(n, 0.0);
    for (const [k, v] of Object.entries(args_wd_mult)) this.wd_mult.set(k, v);
  }

  /** @internal Selects the update-count table of a device. */
  _set_current_context(device_id: number): void {
    if (!this._all_index_update_counts.has(device_id)) this._all_index_update_counts.set(device_id, new Map());
    this._index_update_count = this._all_index_update_counts.get(device_id)!;
  }

  /** @internal Counts one more update of `index`. */
  _update_count(index: number): void {
    const n = (this._index_update_count.get(index) ?? this.begin_num_update) + 1;
    this._index_update_count.set(index, n);
    this.num_update = Math.max(n, this.num_update);
  }

  /** @internal The learning rate of `index` (times the parameter's `lr_mult`). */
  _get_lr(index: number): number {
    let lr = this.lr_scheduler !== null ? this.lr_scheduler.__call__(this.num_update) : this.lr;
    const p = this.param_dict.get(index);
    if (p) lr *= p.lr_mult;
    else if (this.lr_mult.has(index)) lr *= this.lr_mult.get(index)!;
    else if (this.idx2name.has(index)) lr *= this.lr_mult.get(this.idx2name.get(index)!) ?? 1.0;
    return lr;
  }

  /** @internal The weight decay of `index` (times the parameter's `wd_mult`). */
  _get_wd(index: number): number {
    let wd = this.wd;
    const p = this.param_dict.get(index);
    if (p) wd *= p.wd_mult;
    else if (this.wd_mult.has(index)) wd *= this.wd_mult.get(index)!;
    else if (this.idx2name.has(index)) wd *= this.wd_mult.get(this.idx2name.get(index)!) ?? 1.0;
    return wd;
  }

  /** `create_state(index, weight)`: the optimizer's per-weight state. */
  create_state(index: number, weight: NDArray): OptimizerState {
    void index;
    void weight;
    return null;
  }

  /** `create_state_multi_precision`: warns on float16 weights without `multi_precision`. */
  create_state_multi_precision(index: number, weight: NDArray): OptimizerState {
    if (weight.tensor().dtype.name === 'float16') {
      if (this.multi_precision) throw new ValueError('multi_precision=True is not supported by this package (no float32 master copies)');
      warn(this._fp16Warning());
    }
    return this.create_state(index, weight);
  }

  /** @internal */
  _fp16Warning(): string {
    return 'Accumulating with float16 in optimizer can lead to poor accuracy or slow convergence. Consider using multi_precision=True option of the optimizer';
  }

  /**
   * `update(index, weight, grad, state)`: updates `weight` in place from `grad` (host values
   * `w`, `g` in float64; the result is written back in the weight's dtype).
   */
  update(index: number, weight: NDArray, grad: NDArray, state: OptimizerState): void {
    const d = weight.tensor().dtype.name;
    const w = hostToNumbers(weight.asnumpy(), d);
    const g = hostToNumbers(grad.asnumpy(), grad.tensor().dtype.name);
    this._step(index, w, g, state);
    weight._setHost(numbersToHost(w, d));
  }

  /** @internal The update rule on host values; subclasses implement it. */
  _step(index: number, w: Float64Array, g: Float64Array, state: OptimizerState): void {
    void index;
    void w;
    void g;
    void state;
    throw new Error('NotImplementedError');
  }

  /** @internal `clip(x, c)` as mshadow_op::clip (only when clip_gradient is set and truthy). */
  _clip(x: number): number {
    const c = this.clip_gradient;
    if (!c) return x;
    return x > c ? c : x < -c ? -c : x;
  }
}

/** `mx.optimizer.create(name, **kwargs)`. */
export function create(name: string, opts: object = {}): Optimizer {
  return Optimizer.create_optimizer(name, opts);
}

/** `mx.optimizer.register(klass)`. */
export function register(klass: new (opts?: object) => Optimizer): new (opts?: object) => Optimizer {
  Optimizer.register(klass);
  return klass;
}

/**
 * `Updater(optimizer)`: keeps one state per index and applies `optimizer.update`.
 *
 * @example
 * ```ts
 * const updater = mx.optimizer.get_updater(mx.optimizer.create('sgd'));
 * updater.__call__(0, grad, weight);
 * ```
 */
export class Updater {
  optimizer: Optimizer;
  states = new Map<number, OptimizerState>();

  constructor(optimizer: Optimizer) {
    this.optimizer = optimizer;
  }

  /** `updater(index, grad, weight)` for one index or parallel lists. */
  __call__(index: number | readonly number[], grad: NDArray | readonly NDArray[], weight: NDArray | readonly NDArray[]): void {
    const indices = typeof index === 'number' ? [index] : [...index];
    const grads = Array.isArray(grad) ? [...grad] : [grad as NDArray];
    const weights = Array.isArray(weight) ? [...weight] : [weight as NDArray];
    if (weights.length) this.optimizer._set_current_context(weights[0]!.context.device_id);
    indices.forEach((idx, i) => {
      if (!this.states.has(idx)) this.states.set(idx, this.optimizer.create_state_multi_precision(idx, weights[i]!));
    });
    indices.forEach((idx, i) => this.optimizer.update(idx, weights[i]!, grads[i]!, this.states.get(idx)!));
  }
}

/** `mx.optimizer.get_updater(optimizer)`. */
export function get_updater(optimizer: Optimizer): Updater {
  return new Updater(optimizer);
}
