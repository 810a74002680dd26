/**
 * `torch.optim.lr_scheduler` (PyTorch 2.1): the chainable schedulers (their `get_lr` reads the
 * group's current lr, as PyTorch's do, so float sequences match), OneCycleLR and
 * ReduceLROnPlateau.
 */
import { KeyError, type Tensor, ValueError } from '@nncompat/core';
import { warnOnce } from '../functional/warn.js';
import { Optimizer, type ParamGroup } from './optimizer.js';
import { withNullLambdas, withoutLambdas } from './lambda_state.js';

const EPOCH_DEPRECATION_WARNING = 'The epoch parameter in `scheduler.step()` was not necessary and is being deprecated where possible. Please use `scheduler.step()` to step the scheduler. During the deprecation, if epoch is different from None, the closed form is used instead of the new chainable form, where available. Please open an issue if you are unable to replicate your use case: https://github.com/pytorch/pytorch/issues/new/choose.';

/** A scheduler's `state_dict()`: its attributes except the optimizer. */
export type SchedulerStateDict = Record<string, unknown>;

const COUNTED = Symbol('withCounter');
interface CountedOptimizer {
  _step_count?: number;
  step: ((...a: unknown[]) => unknown) & { [COUNTED]?: true };
}

/** Wraps `optimizer.step` once so it counts calls (PyTorch's `with_counter`, for the order warning). */
function withCounter(opt: Optimizer): void {
  const o = opt as unknown as CountedOptimizer;
  if (o.step[COUNTED]) return;
  const orig = o.step.bind(opt);
  const wrapped = Object.assign((...a: unknown[]) => {
    o._step_count = (o._step_count ?? 0) + 1;
    return orig(...a);
  }, { [COUNTED]: true as const });
  o.step = wrapped;
}

function checkOptimizer(optimizer: unknown): asserts optimizer is Optimizer {
  if (!(optimizer instanceof Optimizer)) {
    throw new TypeError(`${optimizer === null || optimizer === undefined ? 'NoneType' : (optimizer as object).constructor.name} is not an Optimizer`);
  }
}

/**
 * `torch.optim.lr_scheduler.LRScheduler`: sets `initial_lr`, keeps `base_lrs` and `last_epoch`,
 * and takes the initial step in the constructor.
 *
 * @example
 * class Halve extends LRScheduler { get_lr() { return this.optimizer.param_groups.map((g) => (g.lr as number) / 2); } }
 */
export abstract class LRScheduler {
  readonly optimizer: Optimizer;
  base_lrs: number[];
  last_epoch: number;
  verbose: boolean;
  _step_count = 0;
  _last_lr: number[] = [];
  /** @internal True while `step()` calls `get_lr()`. */
  protected _get_lr_called_within_step = false;

  constructor(optimizer: Optimizer, last_epoch = -1, verbose = false) {
    checkOptimizer(optimizer);
    this.optimizer = optimizer;
    if (last_epoch === -1) {
      for (const g of optimizer.param_groups) if (!('initial_lr' in g)) g.initial_lr = g.lr as number;
    } else {
      optimizer.param_groups.forEach((g, i) => {
        if (!('initial_lr' in g)) throw new KeyError(`"param 'initial_lr' is not specified in param_groups[${i}] when resuming an optimizer"`);
      });
    }
    this.base_lrs = optimizer.param_groups.map((g) => g.initial_lr as number);
    this.last_epoch = last_epoch;
    this.verbose = verbose;
    withCounter(optimizer);
  }

  /** Subclass constructors call this last (PyTorch's `_initial_step`, run from `__init__`). */
  protected _initial_step(): void {
    (this.optimizer as unknown as CountedOptimizer)._step_count = 0;
    this._step_count = 0;
    this.step();
  }

  /** The learning rates of the next step (chainable form). */
  abstract get_lr(): number[];

  /** `scheduler.get_last_lr()`: the lrs set by the last step. */
  get_last_lr(): number[] {
    return this._last_lr;
  }

  /** The closed form for `step(epoch)`, where the scheduler has one. */
  protected _get_closed_form_lr(): number[] | null {
    return null;
  }

  /**
   * `scheduler.step(epoch=None)`: advances `last_epoch` and writes the new lrs into the groups.
   *
   * @example
   * optimizer.step();
   * scheduler.step();
   */
  step(epoch?: number | null): void {
    if (this._step_count === 1) {
      const o = this.optimizer as unknown as CountedOptimizer;
      if (!o.step[COUNTED]) {
        warnOnce('Seems like `optimizer.step()` has been overridden after learning rate scheduler initialization. Please, make sure to call `optimizer.step()` before `lr_scheduler.step()`. See more details at https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate');
      } else if ((o._step_count ?? 0) < 1) {
        warnOnce('Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, you should call them in the opposite order: `optimizer.step()` before `lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping the first value of the learning rate schedule. See more details at https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate');
      }
    }
    this._step_count += 1;
    let values: number[];
    this._get_lr_called_within_step = true;
    try {
      if (epoch === undefined || epoch === null) {
        this.last_epoch += 1;
        values = this.get_lr();
      } else {
        warnOnce(EPOCH_DEPRECATION_WARNING);
        this.last_epoch = epoch;
        values = this._get_closed_form_lr() ?? this.get_lr();
      }
    } finally {
      this._get_lr_called_within_step = false;
    }
    this.optimizer.param_groups.forEach((g, i) => {
      g.lr = values[i]!;
      if (this.verbose) console.log(`Adjusting learning rate of group ${i} to ${values[i]!.toExponential(4)}.`);
    });
    this._last_lr = this.optimizer.param_groups.map((g) => g.lr as number);
  }

  /** Warns as PyTorch does when `get_lr()` is called outside `step()`. */
  protected _warnGetLr(): void {
    if (!this._get_lr_called_within_step) warnOnce('To get the last learning rate computed by the scheduler, please use `get_last_lr()`.');
  }

  /** The current lr of every group. */
  protected _groupLrs(): number[] {
    return this.optimizer.param_groups.map((g) => g.lr as number);
  }

  /** `scheduler.state_dict()`: every attribute except the optimizer. */
  state_dict(): SchedulerStateDict {
    const out: SchedulerStateDict = {};
    for (const [k, v] of Object.entries(this)) if (k !== 'optimizer' && k !== '_get_lr_called_within_step') out[k] = Array.isArray(v) ? [...v] : v;
    return out;
  }

  /** `scheduler.load_state_dict(state_dict)`. */
  load_state_dict(state_dict: SchedulerStateDict): void {
    Object.assign(this, state_dict);
  }
}

/**
 * `StepLR(optimizer, step_size, gamma=0.1, last_epoch=-1, verbose=False)`: lr *= gamma every
 * `step_size` epochs.
 *
 * @example
 * const sched = new lr_scheduler.StepLR(opt, 30, { gamma: 0.1 });
 */
export class StepLR extends LRScheduler {
  step_size: number;
  gamma: number;
  constructor(optimizer: Optimizer, step_size: number, opts: { gamma?: number; last_epoch?: number; verbose?: boolean } = {}) {
    super(optimizer, opts.last_epoch ?? -1, opts.verbose ?? false);
    this.step_size = step_size;
    this.gamma = opts.gamma ?? 0.1;
    this._initial_step();
  }
  get_lr(): number[] {
    this._warnGetLr();
    if (this.last_epoch === 0 || this.last_epoch % this.step_size !== 0) return this._groupLrs();
    return this._groupLrs().map((lr) => lr * this.gamma);
  }
  protected override _get_closed_form_lr(): number[] {
    return this.base_lrs.map((b) => b * this.gamma ** Math.floor(this.last_epoch / this.step_size));
  }
}

/**
 * `MultiStepLR(optimizer, milestones, gamma=0.1)`: lr *= gamma^(count) at each milestone
 * (a milestone listed twice decays twice).
 *
 * @example
 * new lr_scheduler.MultiStepLR(opt, [30, 80], { gamma: 0.1 });
 */
export class MultiStepLR extends LRScheduler {
  milestones: Map<number, number>;
  gamma: number;
  constructor(optimizer: Optimizer, milestones: readonly number[], opts: { gamma?: number; last_epoch?: number; verbose?: boolean } = {}) {
    super(optimizer, opts.last_epoch ?? -1, opts.verbose ?? false);
    this.milestones = new Map();
    for (const m of milestones) this.milestones.set(m, (this.milestones.get(m) ?? 0) + 1);
    this.gamma = opts.gamma ?? 0.1;
    this._initial_step();
  }
  get_lr(): number[] {
    this._warnGetLr();
    const c = this.milestones.get(this.last_epoch);
    if (c === undefined) return this._groupLrs();
    return this._groupLrs().map((lr) => lr * this.gamma ** c);
  }
  protected override _get_closed_form_lr(): number[] {
    let passed = 0;
    for (const [m, c] of this.milestones) if (m <= this.last_epoch) passed += c;
    return this.base_lrs.map((b) => b * this.gamma ** passed);
  }
}

/**
 * `ExponentialLR(optimizer, gamma)`: lr *= gamma every epoch.
 *
 * @example
 * new lr_scheduler.ExponentialLR(opt, 0.9);
 */
export class ExponentialLR extends LRScheduler {
  gamma: number;
  constructor(optimizer: Optimizer, gamma: number, opts: { last_epoch?: number; verbose?: boolean } = {}) {
    super(optimizer, opts.last_epoch ?? -1, opts.verbose ?? false);
    this.gamma = gamma;
    this._initial_step();
  }
  get_lr(): number[] {
    this._warnGetLr();
    if (this.last_epoch === 0) return this._groupLrs();
    return this._groupLrs().map((lr) => lr * this.gamma);
  }
  protected override _get_closed_form_lr(): number[] {
    return this.base_lrs.map((b) => b * this.gamma ** this.last_epoch);
  }
}

/**
 * `CosineAnnealingLR(optimizer, T_max, eta_min=0)` in PyTorch's recursive (chainable) form.
 *
 * @example
 * new lr_scheduler.CosineAnnealingLR(opt, 100, { eta_min: 1e-5 });
 */
export class CosineAnnealingLR extends LRScheduler {
  T_max: number;
  eta_min: number;
  constructor(optimizer: Optimizer, T_max: number, opts: { eta_min?: number; last_epoch?: number; verbose?: boolean } = {}) {
    super(optimizer, opts.last_epoch ?? -1, opts.verbose ?? false);
    this.T_max = T_max;
    this.eta_min = opts.eta_min ?? 0;
    this._initial_step();
  }
  get_lr(): number[] {
    this._warnGetLr();
    const e = this.last_epoch;
    const T = this.T_max;
    const groups = this._groupLrs();
    if (e === 0) return groups;
    if (this._step_count === 1 && e > 0) {
      return this.base_lrs.map((b) => this.eta_min + ((b - this.eta_min) * (1 + Math.cos((e * Math.PI) / T))) / 2);
    }
    if (pyMod(e - 1 - T, 2 * T) === 0) {
      return groups.map((lr, i) => lr + ((this.base_lrs[i]! - this.eta_min) * (1 - Math.cos(Math.PI / T))) / 2);
    }
    return groups.map((lr) => ((1 + Math.cos((Math.PI * e) / T)) / (1 + Math.cos((Math.PI * (e - 1)) / T))) * (lr - this.eta_min) + this.eta_min);
  }
  protected override _get_closed_form_lr(): number[] {
    return this.base_lrs.map((b) => this.eta_min + ((b - this.eta_min) * (1 + Math.cos((Math.PI * this.last_epoch) / this.T_max))) / 2);
  }
}

/** Python's `%` (the result has the divisor's sign). */
function pyMod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/**
 * `LambdaLR(optimizer, lr_lambda)`: `lr = initial_lr * lr_lambda(epoch)`, one function or one
 * per group.
 *
 * @example
 * new lr_scheduler.LambdaLR(opt, (epoch) => 0.95 ** epoch);
 */
export class LambdaLR extends LRScheduler {
  lr_lambdas: ((epoch: number) => number)[];
  constructor(optimizer: Optimizer, lr_lambda: ((epoch: number) => number) | readonly ((epoch: number) => number)[], opts: { last_epoch?: number; verbose?: boolean } = {}) {
    super(optimizer, opts.last_epoch ?? -1, opts.verbose ?? false);
    const n = optimizer.param_groups.length;
    if (typeof lr_lambda === 'function') this.lr_lambdas = new Array(n).fill(lr_lambda);
    else {
      if (lr_lambda.length !== n) throw new ValueError(`Expected ${n} lr_lambdas, but got ${lr_lambda.length}`);
      this.lr_lambdas = [...lr_lambda];
    }
    this._initial_step();
  }
  get_lr(): number[] {
    this._warnGetLr();
    return this.base_lrs.map((b, i) => b * this.lr_lambdas[i]!(this.last_epoch));
  }
  override state_dict(): SchedulerStateDict {
    return withNullLambdas(super.state_dict(), this.lr_lambdas);
  }
  override load_state_dict(state_dict: SchedulerStateDict): void {
    Object.assign(this, withoutLambdas(state_dict));
  }
}

/** Options of `OneCycleLR`. */
export interface OneCycleLROptions {
  total_steps?: number | null;
  epochs?: number | null;
  steps_per_epoch?: number | null;
  pct_start?: number;
  anneal_strategy?: 'cos' | 'linear';
  cycle_momentum?: boolean;
  base_momentum?: number | readonly number[];
  max_momentum?: number | readonly number[];
  div_factor?: number;
  final_div_factor?: number;
  three_phase?: boolean;
  last_epoch?: number;
  verbose?: boolean;
}

interface Phase {
  end_step: number;
  start_lr: string;
  end_lr: string;
  start_momentum: string;
  end_momentum: string;
}

/**
 * `OneCycleLR(optimizer, max_lr, total_steps=None, epochs=None, steps_per_epoch=None,
 * pct_start=0.3, anneal_strategy='cos', cycle_momentum=True, base_momentum=0.85,
 * max_momentum=0.95, div_factor=25., final_div_factor=1e4, three_phase=False)`; cycles
 * `momentum` (or Adam's beta1) inversely to the lr.
 *
 * @example
 * new lr_scheduler.OneCycleLR(opt, 0.1, { total_steps: 1000 });
 */
export class OneCycleLR extends LRScheduler {
  total_steps: number;
  _schedule_phases: Phase[];
  anneal_strategy: 'cos' | 'linear';
  cycle_momentum: boolean;
  use_beta1 = false;

  constructor(optimizer: Optimizer, max_lr: number | readonly number[], opts: OneCycleLROptions = {}) {
    checkOptimizer(optimizer);
    const { total_steps = null, epochs = null, steps_per_epoch = null } = opts;
    let total: number;
    if (total_steps === null && epochs === null && steps_per_epoch === null) {
      throw new ValueError('You must define either total_steps OR (epochs AND steps_per_epoch)');
    } else if (total_steps !== null) {
      if (total_steps <= 0 || !Number.isInteger(total_steps)) throw new ValueError(`Expected positive integer total_steps, but got ${total_steps}`);
      total = total_steps;
    } else {
      if (epochs === null || epochs <= 0 || !Number.isInteger(epochs)) throw new ValueError(`Expected positive integer epochs, but got ${epochs}`);
      if (steps_per_epoch === null || steps_per_epoch <= 0 || !Number.isInteger(steps_per_epoch)) {
        throw new ValueError(`Expected positive integer steps_per_epoch, but got ${steps_per_epoch}`);
      }
      total = epochs * steps_per_epoch;
    }
    const pct = opts.pct_start ?? 0.3;
    const phases: Phase[] = opts.three_phase
      ? [
        { end_step: pct * total - 1, start_lr: 'initial_lr', end_lr: 'max_lr', start_momentum: 'max_momentum', end_momentum: 'base_momentum' },
        { end_step: 2 * pct * total - 2, start_lr: 'max_lr', end_lr: 'initial_lr', start_momentum: 'base_momentum', end_momentum: 'max_momentum' },
        { end_step: total - 1, start_lr: 'initial_lr', end_lr: 'min_lr', start_momentum: 'max_momentum', end_momentum: 'max_momentum' },
      ]
      : [
        { end_step: pct * total - 1, start_lr: 'initial_lr', end_lr: 'max_lr', start_momentum: 'max_momentum', end_momentum: 'base_momentum' },
        { end_step: total - 1, start_lr: 'max_lr', end_lr: 'min_lr', start_momentum: 'base_momentum', end_momentum: 'max_momentum' },
      ];
    if (pct < 0 || pct > 1) throw new ValueError(`Expected float between 0 and 1 pct_start, but got ${pct}`);
    const strategy = opts.anneal_strategy ?? 'cos';
    if (strategy !== 'cos' && strategy !== 'linear') throw new ValueError(`anneal_strategy must by one of 'cos' or 'linear', instead got ${strategy as string}`);
    const last_epoch = opts.last_epoch ?? -1;
    const groups = optimizer.param_groups;
    const max_lrs = formatParam('max_lr', groups, max_lr);
    const div = opts.div_factor ?? 25;
    const finalDiv = opts.final_div_factor ?? 1e4;
    if (last_epoch === -1) {
      groups.forEach((g, i) => {
        g.initial_lr = max_lrs[i]! / div;
        g.max_lr = max_lrs[i]!;
        g.min_lr = (g.initial_lr as number) / finalDiv;
      });
    }
    const cycle = opts.cycle_momentum ?? true;
    let useBeta1 = false;
    if (cycle) {
      if (!('momentum' in optimizer.defaults) && !('betas' in optimizer.defaults)) {
        throw new ValueError('optimizer must support momentum with `cycle_momentum` option enabled');
      }
      useBeta1 = 'betas' in optimizer.defaults;
      const maxM = formatParam('max_momentum', groups, opts.max_momentum ?? 0.95);
      const baseM = formatParam('base_momentum', groups, opts.base_momentum ?? 0.85);
      if (last_epoch === -1) {
        groups.forEach((g, i) => {
          if (useBeta1) g.betas = Object.freeze([maxM[i]!, ...(g.betas as readonly number[]).slice(1)]);
          else g.momentum = maxM[i]!;
          g.max_momentum = maxM[i]!;
          g.base_momentum = baseM[i]!;
        });
      }
    }
    super(optimizer, last_epoch, opts.verbose ?? false);
    this.total_steps = total;
    this._schedule_phases = phases;
    this.anneal_strategy = strategy;
    this.cycle_momentum = cycle;
    this.use_beta1 = useBeta1;
    this._initial_step();
  }

  private anneal(start: number, end: number, pct: number): number {
    if (this.anneal_strategy === 'cos') return end + ((start - end) / 2.0) * (Math.cos(Math.PI * pct) + 1);
    return (end - start) * pct + start;
  }

  get_lr(): number[] {
    this._warnGetLr();
    const step = this.last_epoch;
    if (step > this.total_steps) {
      throw new ValueError(`Tried to step ${step + 1} times. The specified number of total steps is ${this.total_steps}`);
    }
    return this.optimizer.param_groups.map((g: ParamGroup) => {
      let start = 0;
      let lr = 0;
      let mom = 0;
      for (let i = 0; i < this._schedule_phases.length; i++) {
        const ph = this._schedule_phases[i]!;
        if (step <= ph.end_step || i === this._schedule_phases.length - 1) {
          const pct = (step - start) / (ph.end_step - start);
          lr = this.anneal(g[ph.start_lr] as number, g[ph.end_lr] as number, pct);
          if (this.cycle_momentum) mom = this.anneal(g[ph.start_momentum] as number, g[ph.end_momentum] as number, pct);
          break;
        }
        start = ph.end_step;
      }
      if (this.cycle_momentum) {
        if (this.use_beta1) g.betas = Object.freeze([mom, ...(g.betas as readonly number[]).slice(1)]);
        else g.momentum = mom;
      }
      return lr;
    });
  }
}

function formatParam(name: string, groups: readonly ParamGroup[], v: number | readonly number[]): number[] {
  if (typeof v === 'number') return groups.map(() => v);
  if (v.length !== groups.length) throw new ValueError(`expected ${groups.length} values for ${name}, got ${v.length}`);
  return [...v];
}

/** Options of `ReduceLROnPlateau`. */
export interface ReduceLROnPlateauOptions {
  mode?: 'min' | 'max';
  factor?: number;
  patience?: number;
  threshold?: number;
  threshold_mode?: 'rel' | 'abs';
  cooldown?: number;
  min_lr?: number | readonly number[];
  eps?: number;
  verbose?: boolean;
}

/**
 * `ReduceLROnPlateau(optimizer, mode='min', factor=0.1, patience=10, threshold=1e-4,
 * threshold_mode='rel', cooldown=0, min_lr=0, eps=1e-8)`: lowers the lr when `step(metric)`
 * stops improving.
 *
 * @example
 * const sched = new lr_scheduler.ReduceLROnPlateau(opt, { patience: 3 });
 * sched.step(valLoss);
 */
export class ReduceLROnPlateau {
  readonly optimizer: Optimizer;
  factor: number;
  min_lrs: number[];
  patience: number;
  verbose: boolean;
  cooldown: number;
  cooldown_counter = 0;
  mode: 'min' | 'max';
  threshold: number;
  threshold_mode: 'rel' | 'abs';
  best = Infinity;
  num_bad_epochs = 0;
  mode_worse = Infinity;
  eps: number;
  last_epoch = 0;
  _last_lr: number[];

  constructor(optimizer: Optimizer, opts: ReduceLROnPlateauOptions = {}) {
    const factor = opts.factor ?? 0.1;
    if (factor >= 1.0) throw new ValueError('Factor should be < 1.0.');
    this.factor = factor;
    checkOptimizer(optimizer);
    this.optimizer = optimizer;
    const min_lr = opts.min_lr ?? 0;
    if (typeof min_lr === 'number') this.min_lrs = optimizer.param_groups.map(() => min_lr);
    else {
      if (min_lr.length !== optimizer.param_groups.length) throw new ValueError(`expected ${optimizer.param_groups.length} min_lrs, got ${min_lr.length}`);
      this.min_lrs = [...min_lr];
    }
    this.patience = opts.patience ?? 10;
    this.verbose = opts.verbose ?? false;
    this.cooldown = opts.cooldown ?? 0;
    this.mode = opts.mode ?? 'min';
    this.threshold = opts.threshold ?? 1e-4;
    this.threshold_mode = opts.threshold_mode ?? 'rel';
    this.eps = opts.eps ?? 1e-8;
    this._init_is_better();
    this._reset();
    this._last_lr = optimizer.param_groups.map((g) => g.lr as number);
  }

  private _reset(): void {
    this.best = this.mode_worse;
    this.cooldown_counter = 0;
    this.num_bad_epochs = 0;
  }

  private _init_is_better(): void {
    if (this.mode !== 'min' && this.mode !== 'max') throw new ValueError(`mode ${this.mode as string} is unknown!`);
    if (this.threshold_mode !== 'rel' && this.threshold_mode !== 'abs') throw new ValueError(`threshold mode ${this.threshold_mode as string} is unknown!`);
    this.mode_worse = this.mode === 'min' ? Infinity : -Infinity;
  }

  /** Whether `a` improves on `best` by the threshold. */
  is_better(a: number, best: number): boolean {
    if (this.mode === 'min' && this.threshold_mode === 'rel') return a < best * (1 - this.threshold);
    if (this.mode === 'min') return a < best - this.threshold;
    if (this.threshold_mode === 'rel') return a > best * (this.threshold + 1);
    return a > best + this.threshold;
  }

  /** Whether the scheduler is cooling down after a reduction. */
  get in_cooldown(): boolean {
    return this.cooldown_counter > 0;
  }

  /**
   * `scheduler.step(metrics, epoch=None)`.
   *
   * @example
   * sched.step(valLoss);
   */
  step(metrics: number | Tensor, epoch?: number | null): void {
    const current = typeof metrics === 'number' ? metrics : Number(metrics.item());
    let e: number;
    if (epoch === undefined || epoch === null) e = this.last_epoch + 1;
    else {
      warnOnce(EPOCH_DEPRECATION_WARNING);
      e = epoch;
    }
    this.last_epoch = e;
    if (this.is_better(current, this.best)) {
      this.best = current;
      this.num_bad_epochs = 0;
    } else this.num_bad_epochs += 1;
    if (this.in_cooldown) {
      this.cooldown_counter -= 1;
      this.num_bad_epochs = 0;
    }
    if (this.num_bad_epochs > this.patience) {
      this._reduce_lr(e);
      this.cooldown_counter = this.cooldown;
      this.num_bad_epochs = 0;
    }
    this._last_lr = this.optimizer.param_groups.map((g) => g.lr as number);
  }

  private _reduce_lr(epoch: number): void {
    this.optimizer.param_groups.forEach((g, i) => {
      const old = g.lr as number;
      const next = Math.max(old * this.factor, this.min_lrs[i]!);
      if (old - next > this.eps) {
        g.lr = next;
        if (this.verbose) console.log(`Epoch ${String(epoch).padStart(5, '0')}: reducing learning rate of group ${i} to ${next.toExponential(4)}.`);
      }
    });
  }

  /** `scheduler.get_last_lr()`. */
  get_last_lr(): number[] {
    return this._last_lr;
  }

  /** `scheduler.state_dict()`: every attribute except the optimizer. */
  state_dict(): SchedulerStateDict {
    const out: SchedulerStateDict = {};
    for (const [k, v] of Object.entries(this)) if (k !== 'optimizer') out[k] = Array.isArray(v) ? [...v] : v;
    return out;
  }

  /** `scheduler.load_state_dict(state_dict)`. */
  load_state_dict(state_dict: SchedulerStateDict): void {
    Object.assign(this, state_dict);
    this._init_is_better();
  }
}
