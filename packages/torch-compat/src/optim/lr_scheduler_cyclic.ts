/**
 * `torch.optim.lr_scheduler` (PyTorch 2.1): CosineAnnealingWarmRestarts and CyclicLR, which
 * compute each lr from `base_lrs` (not chainable), as PyTorch's do.
 */
import { ValueError } from '@nncompat/core';
import { LRScheduler } from './lr_scheduler.js';
import type { SchedulerBaseOptions } from './lr_scheduler_warmup.js';
import { Optimizer } from './optimizer.js';

/**
 * `CosineAnnealingWarmRestarts(optimizer, T_0, T_mult=1, eta_min=0, last_epoch=-1,
 * verbose=False)`: cosine annealing restarted every `T_i` epochs, `T_i` growing by `T_mult`.
 *
 * @example
 * const s = new lr_scheduler.CosineAnnealingWarmRestarts(opt, 10, { T_mult: 2 });
 * s.step(epoch + i / iters); // fractional epochs are allowed
 */
export class CosineAnnealingWarmRestarts extends LRScheduler {
  T_0: number;
  T_i: number;
  T_mult: number;
  eta_min: number;
  T_cur: number;
  constructor(optimizer: Optimizer, T_0: number, opts: { T_mult?: number; eta_min?: number } & SchedulerBaseOptions = {}) {
    const T_mult = opts.T_mult ?? 1;
    if (T_0 <= 0 || !Number.isInteger(T_0)) throw new ValueError(`Expected positive integer T_0, but got ${T_0}`);
    if (T_mult < 1 || !Number.isInteger(T_mult)) throw new ValueError(`Expected integer T_mult >= 1, but got ${T_mult}`);
    super(optimizer, opts.last_epoch ?? -1, opts.verbose ?? false);
    this.T_0 = T_0;
    this.T_i = T_0;
    this.T_mult = T_mult;
    this.eta_min = opts.eta_min ?? 0;
    this.T_cur = this.last_epoch;
    this._initial_step();
  }
  get_lr(): number[] {
    this._warnGetLr();
    return this.base_lrs.map((b) => this.eta_min + ((b - this.eta_min) * (1 + Math.cos((Math.PI * this.T_cur) / this.T_i))) / 2);
  }

  /** PyTorch's own `step(epoch=None)`: advances `T_cur`, restarting when it reaches `T_i`. */
  override step(epoch?: number | null): void {
    let e = epoch ?? null;
    if (e === null && this.last_epoch < 0) e = 0;
    if (e === null) {
      e = this.last_epoch + 1;
      this.T_cur += 1;
      if (this.T_cur >= this.T_i) {
        this.T_cur -= this.T_i;
        this.T_i *= this.T_mult;
      }
    } else {
      if (e < 0) throw new ValueError(`Expected non-negative epoch, but got ${e}`);
      if (e >= this.T_0) {
        if (this.T_mult === 1) this.T_cur = e % this.T_0;
        else {
          const n = Math.trunc(Math.log((e / this.T_0) * (this.T_mult - 1) + 1) / Math.log(this.T_mult));
          this.T_cur = e - (this.T_0 * (this.T_mult ** n - 1)) / (this.T_mult - 1);
          this.T_i = this.T_0 * this.T_mult ** n;
        }
      } else {
        this.T_i = this.T_0;
        this.T_cur = e;
      }
    }
    this.last_epoch = Math.floor(e);
    this._get_lr_called_within_step = true;
    let values: number[];
    try {
      values = this.get_lr();
    } finally {
      this._get_lr_called_within_step = false;
    }
    this.optimizer.param_groups.forEach((g, i) => {
      g.lr = values[i]!;
    });
    this._last_lr = this.optimizer.param_groups.map((g) => g.lr as number);
  }
}

/** Options of `CyclicLR` (PyTorch's keyword arguments after `max_lr`). */
export interface CyclicLROptions extends SchedulerBaseOptions {
  step_size_up?: number;
  step_size_down?: number | null;
  mode?: 'triangular' | 'triangular2' | 'exp_range';
  gamma?: number;
  scale_fn?: ((x: number) => number) | null;
  scale_mode?: 'cycle' | 'iterations';
  cycle_momentum?: boolean;
  base_momentum?: number | readonly number[];
  max_momentum?: number | readonly number[];
}

function formatParam(name: string, optimizer: Optimizer, param: number | readonly number[]): number[] {
  const n = optimizer.param_groups.length;
  if (typeof param === 'number') return new Array<number>(n).fill(param);
  if (param.length !== n) throw new ValueError(`expected ${n} values for ${name}, got ${param.length}`);
  return [...param];
}

/**
 * `CyclicLR(optimizer, base_lr, max_lr, step_size_up=2000, step_size_down=None,
 * mode='triangular', gamma=1.0, scale_fn=None, scale_mode='cycle', cycle_momentum=True,
 * base_momentum=0.8, max_momentum=0.9, last_epoch=-1, verbose=False)`: the lr cycles between
 * `base_lr` and `max_lr`, and the momentum inversely between `max_momentum` and `base_momentum`.
 *
 * @example
 * const s = new lr_scheduler.CyclicLR(opt, 0.001, 0.1, { step_size_up: 2000 });
 */
export class CyclicLR extends LRScheduler {
  max_lrs: number[];
  total_size: number;
  step_ratio: number;
  mode: string;
  gamma: number;
  scale_mode: 'cycle' | 'iterations';
  cycle_momentum: boolean;
  base_momentums: number[] = [];
  max_momentums: number[] = [];
  private readonly _scale_fn_custom: ((x: number) => number) | null;

  constructor(optimizer: Optimizer, base_lr: number | readonly number[], max_lr: number | readonly number[], opts: CyclicLROptions = {}) {
    if (!(optimizer instanceof Optimizer)) throw new TypeError(`${String((optimizer as object | null)?.constructor?.name ?? 'NoneType')} is not an Optimizer`);
    const last_epoch = opts.last_epoch ?? -1;
    const base_lrs = formatParam('base_lr', optimizer, base_lr);
    // Before LRScheduler's constructor, so `initial_lr` (and base_lrs) start at base_lr.
    if (last_epoch === -1) optimizer.param_groups.forEach((g, i) => { g.lr = base_lrs[i]!; });
    const max_lrs = formatParam('max_lr', optimizer, max_lr);
    const up = opts.step_size_up ?? 2000;
    const down = opts.step_size_down ?? up;
    const mode = opts.mode ?? 'triangular';
    const scale_fn = opts.scale_fn ?? null;
    if (!['triangular', 'triangular2', 'exp_range'].includes(mode) && scale_fn === null) throw new ValueError('mode is invalid and scale_fn is None');
    const cycle_momentum = opts.cycle_momentum ?? true;
    let max_momentums: number[] = [];
    if (cycle_momentum) {
      // PyTorch 2.1 cycles `momentum` only (beta1 of `betas` optimizers came in 2.2).
      if (!('momentum' in optimizer.defaults)) throw new ValueError('optimizer must support momentum with `cycle_momentum` option enabled');
      const base = formatParam('base_momentum', optimizer, opts.base_momentum ?? 0.8);
      if (last_epoch === -1) optimizer.param_groups.forEach((g, i) => { g.momentum = base[i]!; });
      max_momentums = formatParam('max_momentum', optimizer, opts.max_momentum ?? 0.9);
    }
    super(optimizer, last_epoch, opts.verbose ?? false);
    this.max_lrs = max_lrs;
    this.total_size = up + down;
    this.step_ratio = up / this.total_size;
    this.mode = mode;
    this.gamma = opts.gamma ?? 1.0;
    this._scale_fn_custom = scale_fn;
    this.scale_mode = scale_fn === null ? (mode === 'exp_range' ? 'iterations' : 'cycle') : (opts.scale_mode ?? 'cycle');
    this.cycle_momentum = cycle_momentum;
    if (cycle_momentum) {
      this.base_momentums = optimizer.param_groups.map((g) => g.momentum as number);
      this.max_momentums = max_momentums;
    }
    this._initial_step();
    this.base_lrs = base_lrs;
  }

  /** The scale of the cycle's amplitude (mode's built-in function, or `scale_fn`). */
  scale_fn(x: number): number {
    if (this._scale_fn_custom) return this._scale_fn_custom(x);
    if (this.mode === 'triangular2') return 1 / 2.0 ** (x - 1);
    if (this.mode === 'exp_range') return this.gamma ** x;
    return 1.0;
  }

  get_lr(): number[] {
    this._warnGetLr();
    const cycle = Math.floor(1 + this.last_epoch / this.total_size);
    const x = 1 + this.last_epoch / this.total_size - cycle;
    const scale_factor = x <= this.step_ratio ? x / this.step_ratio : (x - 1) / (this.step_ratio - 1);
    const s = this.scale_fn(this.scale_mode === 'cycle' ? cycle : this.last_epoch);
    const lrs = this.base_lrs.map((b, i) => b + (this.max_lrs[i]! - b) * scale_factor * s);
    if (this.cycle_momentum) {
      this.optimizer.param_groups.forEach((g, i) => {
        const bm = this.base_momentums[i]!;
        const mm = this.max_momentums[i]!;
        const m = mm - (mm - bm) * scale_factor * s;
        g.momentum = m;
      });
    }
    return lrs;
  }
}
