/**
 * `torch.optim.lr_scheduler` (PyTorch 2.1): LinearLR, ConstantLR, MultiplicativeLR and
 * PolynomialLR in PyTorch's chainable form (each step scales the group's current lr), with
 * their closed forms for `step(epoch)`.
 */
import { ValueError } from '@nncompat/core';
import { LRScheduler, type SchedulerStateDict } from './lr_scheduler.js';
import type { Optimizer } from './optimizer.js';
import { withNullLambdas, withoutLambdas } from './lambda_state.js';

/** `last_epoch` / `verbose`, PyTorch's trailing arguments. */
export interface SchedulerBaseOptions {
  last_epoch?: number;
  verbose?: boolean;
}

/**
 * `ConstantLR(optimizer, factor=1/3, total_iters=5, last_epoch=-1, verbose=False)`: lr times
 * `factor` until `total_iters` steps have passed.
 *
 * @example
 * new lr_scheduler.ConstantLR(opt, { factor: 0.5, total_iters: 4 });
 */
export class ConstantLR extends LRScheduler {
  factor: number;
  total_iters: number;
  constructor(optimizer: Optimizer, opts: { factor?: number; total_iters?: number } & SchedulerBaseOptions = {}) {
    const factor = opts.factor ?? 1.0 / 3;
    if (factor > 1.0 || factor < 0) throw new ValueError('Constant multiplicative factor expected to be between 0 and 1.');
    super(optimizer, opts.last_epoch ?? -1, opts.verbose ?? false);
    this.factor = factor;
    this.total_iters = opts.total_iters ?? 5;
    this._initial_step();
  }
  get_lr(): number[] {
    this._warnGetLr();
    const g = this._groupLrs();
    if (this.last_epoch === 0) return g.map((lr) => lr * this.factor);
    if (this.last_epoch !== this.total_iters) return g;
    return g.map((lr) => lr * (1.0 / this.factor));
  }
  protected override _get_closed_form_lr(): number[] {
    const done = this.last_epoch >= this.total_iters ? 1 : 0;
    return this.base_lrs.map((b) => b * (this.factor + done * (1 - this.factor)));
  }
}

/**
 * `LinearLR(optimizer, start_factor=1/3, end_factor=1.0, total_iters=5, last_epoch=-1,
 * verbose=False)`: the lr factor moves linearly from `start_factor` to `end_factor`.
 *
 * @example
 * new lr_scheduler.LinearLR(opt, { start_factor: 0.1, total_iters: 10 });
 */
export class LinearLR extends LRScheduler {
  start_factor: number;
  end_factor: number;
  total_iters: number;
  constructor(optimizer: Optimizer, opts: { start_factor?: number; end_factor?: number; total_iters?: number } & SchedulerBaseOptions = {}) {
    const start_factor = opts.start_factor ?? 1.0 / 3;
    const end_factor = opts.end_factor ?? 1.0;
    if (start_factor > 1.0 || start_factor <= 0) {
      throw new ValueError('Starting multiplicative factor expected to be greater than 0 and less or equal to 1.');
    }
    if (end_factor > 1.0 || end_factor < 0) throw new ValueError('Ending multiplicative factor expected to be between 0 and 1.');
    super(optimizer, opts.last_epoch ?? -1, opts.verbose ?? false);
    this.start_factor = start_factor;
    this.end_factor = end_factor;
    this.total_iters = opts.total_iters ?? 5;
    this._initial_step();
  }
  get_lr(): number[] {
    this._warnGetLr();
    const g = this._groupLrs();
    if (this.last_epoch === 0) return g.map((lr) => lr * this.start_factor);
    if (this.last_epoch > this.total_iters) return g;
    const d = this.end_factor - this.start_factor;
    return g.map((lr) => lr * (1 + d / (this.total_iters * this.start_factor + (this.last_epoch - 1) * d)));
  }
  protected override _get_closed_form_lr(): number[] {
    const d = this.end_factor - this.start_factor;
    return this.base_lrs.map((b) => b * (this.start_factor + (d * Math.min(this.total_iters, this.last_epoch)) / this.total_iters));
  }
}

/**
 * `MultiplicativeLR(optimizer, lr_lambda, last_epoch=-1, verbose=False)`: each step multiplies
 * the lr by `lr_lambda(epoch)` (one function, or one per group).
 *
 * @example
 * new lr_scheduler.MultiplicativeLR(opt, () => 0.95);
 */
export class MultiplicativeLR extends LRScheduler {
  lr_lambdas: ((epoch: number) => number)[];
  constructor(optimizer: Optimizer, lr_lambda: ((epoch: number) => number) | readonly ((epoch: number) => number)[], opts: SchedulerBaseOptions = {}) {
    const n = optimizer.param_groups.length;
    if (typeof lr_lambda !== 'function' && lr_lambda.length !== n) throw new ValueError(`Expected ${n} lr_lambdas, but got ${lr_lambda.length}`);
    super(optimizer, opts.last_epoch ?? -1, opts.verbose ?? false);
    this.lr_lambdas = typeof lr_lambda === 'function' ? new Array<(epoch: number) => number>(n).fill(lr_lambda) : [...lr_lambda];
    this._initial_step();
  }
  get_lr(): number[] {
    this._warnGetLr();
    const g = this._groupLrs();
    if (this.last_epoch > 0) return g.map((lr, i) => lr * this.lr_lambdas[i]!(this.last_epoch));
    return g;
  }
  override state_dict(): SchedulerStateDict {
    return withNullLambdas(super.state_dict(), this.lr_lambdas);
  }
  override load_state_dict(state_dict: SchedulerStateDict): void {
    Object.assign(this, withoutLambdas(state_dict));
  }
}

/**
 * `PolynomialLR(optimizer, total_iters=5, power=1.0, last_epoch=-1, verbose=False)`: decays the
 * lr as `(1 - t / total_iters) ** power` over `total_iters` steps.
 *
 * @example
 * new lr_scheduler.PolynomialLR(opt, { total_iters: 100, power: 2 });
 */
export class PolynomialLR extends LRScheduler {
  total_iters: number;
  power: number;
  constructor(optimizer: Optimizer, opts: { total_iters?: number; power?: number } & SchedulerBaseOptions = {}) {
    super(optimizer, opts.last_epoch ?? -1, opts.verbose ?? false);
    this.total_iters = opts.total_iters ?? 5;
    this.power = opts.power ?? 1.0;
    this._initial_step();
  }
  get_lr(): number[] {
    this._warnGetLr();
    const g = this._groupLrs();
    if (this.last_epoch === 0 || this.last_epoch > this.total_iters) return g;
    const f = ((1.0 - this.last_epoch / this.total_iters) / (1.0 - (this.last_epoch - 1) / this.total_iters)) ** this.power;
    return g.map((lr) => lr * f);
  }
  protected override _get_closed_form_lr(): number[] {
    return this.base_lrs.map((b) => b * (1.0 - Math.min(this.total_iters, this.last_epoch) / this.total_iters) ** this.power);
  }
}
