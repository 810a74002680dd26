/**
 * `torch.optim.lr_scheduler` (PyTorch 2.1): SequentialLR and ChainedScheduler, which drive
 * other schedulers of the same optimizer.
 */
import { ValueError } from '@nncompat/core';
import { LRScheduler, type SchedulerStateDict } from './lr_scheduler.js';
import type { SchedulerBaseOptions } from './lr_scheduler_warmup.js';
import type { Optimizer } from './optimizer.js';

/** Python's `bisect.bisect_right`. */
function bisectRight(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x < a[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Both composite schedulers save their children's state dicts under `_schedulers`. */
function composeStateDict(self: object, schedulers: readonly LRScheduler[], own: readonly string[]): SchedulerStateDict {
  const out: SchedulerStateDict = {};
  for (const k of own) out[k] = (self as Record<string, unknown>)[k];
  out._schedulers = schedulers.map((s) => s.state_dict());
  return out;
}

/**
 * `SequentialLR(optimizer, schedulers, milestones, last_epoch=-1, verbose=False)`: runs
 * `schedulers[i]` between `milestones[i-1]` and `milestones[i]`; at a milestone the next one
 * starts with `step(0)` (its closed form at epoch 0).
 *
 * @example
 * const warm = new lr_scheduler.LinearLR(opt, { start_factor: 0.1, total_iters: 5 });
 * const decay = new lr_scheduler.ExponentialLR(opt, 0.95);
 * const s = new lr_scheduler.SequentialLR(opt, [warm, decay], [5]);
 */
export class SequentialLR extends LRScheduler {
  _schedulers: LRScheduler[];
  _milestones: number[];
  constructor(optimizer: Optimizer, schedulers: readonly LRScheduler[], milestones: readonly number[], opts: SchedulerBaseOptions = {}) {
    if (schedulers.length < 1) throw new ValueError('SequentialLR expects at least one scheduler, but got no scheduler.');
    schedulers.forEach((s, i) => {
      if (s.optimizer !== optimizer) {
        throw new ValueError(`Sequential Schedulers expects all schedulers to belong to the same optimizer, but got schedulers at index ${i} to be different than the optimizer passed in.`);
      }
      if (s.optimizer !== schedulers[0]!.optimizer) {
        throw new ValueError(`Sequential Schedulers expects all schedulers to belong to the same optimizer, but got schedulers at index 0 and ${i} to be different.`);
      }
    });
    if (milestones.length !== schedulers.length - 1) {
      throw new ValueError(`Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers ${schedulers.length} and the number of milestones to be equal to ${milestones.length}`);
    }
    // PyTorch's SequentialLR skips LRScheduler.__init__; the base constructor here only fills
    // what the children already set (initial_lr, the step counter).
    super(optimizer, -1, opts.verbose ?? false);
    this._schedulers = [...schedulers];
    this._milestones = [...milestones];
    this.last_epoch = (opts.last_epoch ?? -1) + 1;
    for (const g of optimizer.param_groups) g.lr = g.initial_lr as number;
    // Undo the initial step each child took, then redo the first child's only.
    for (const s of this._schedulers) s.last_epoch -= 1;
    (this._schedulers[0] as unknown as { _initial_step(): void })._initial_step();
    this._last_lr = this._schedulers[0]!.get_last_lr();
  }
  get_lr(): number[] {
    return this._last_lr;
  }
  /** `step()`: advances the epoch and steps the scheduler whose interval it falls in. */
  override step(): void {
    this.last_epoch += 1;
    const idx = bisectRight(this._milestones, this.last_epoch);
    const s = this._schedulers[idx]!;
    if (idx > 0 && this._milestones[idx - 1] === this.last_epoch) s.step(0);
    else s.step();
    this._last_lr = s.get_last_lr();
  }
  override state_dict(): SchedulerStateDict {
    return composeStateDict(this, this._schedulers, ['_milestones', 'last_epoch', '_last_lr']);
  }
  override load_state_dict(state_dict: SchedulerStateDict): void {
    const { _schedulers: children, ...rest } = state_dict;
    Object.assign(this, rest);
    (children as SchedulerStateDict[]).forEach((sd, i) => this._schedulers[i]!.load_state_dict(sd));
  }
}

/**
 * `ChainedScheduler(schedulers)`: steps every scheduler on each `step()`, so their
 * multiplicative effects compose.
 *
 * @example
 * const s = new lr_scheduler.ChainedScheduler([new lr_scheduler.ConstantLR(opt, { factor: 0.1, total_iters: 2 }), new lr_scheduler.ExponentialLR(opt, 0.9)]);
 */
export class ChainedScheduler extends LRScheduler {
  _schedulers: LRScheduler[];
  constructor(schedulers: readonly LRScheduler[]) {
    for (let i = 1; i < schedulers.length; i++) {
      if (schedulers[i]!.optimizer !== schedulers[0]!.optimizer) {
        throw new ValueError(`ChainedScheduler expects all schedulers to belong to the same optimizer, but got schedulers at index 0 and ${i} to be different`);
      }
    }
    // PyTorch's ChainedScheduler skips LRScheduler.__init__ (see SequentialLR).
    super(schedulers[0]!.optimizer, -1, false);
    this._schedulers = [...schedulers];
    this._last_lr = this._schedulers[this._schedulers.length - 1]!.optimizer.param_groups.map((g) => g.lr as number);
  }
  get_lr(): number[] {
    return this._last_lr;
  }
  /** `step()`: steps each scheduler in order. */
  override step(): void {
    for (const s of this._schedulers) s.step();
    this._last_lr = this._schedulers[this._schedulers.length - 1]!.optimizer.param_groups.map((g) => g.lr as number);
  }
  override state_dict(): SchedulerStateDict {
    return composeStateDict(this, this._schedulers, ['_last_lr']);
  }
  override load_state_dict(state_dict: SchedulerStateDict): void {
    const { _schedulers: children, ...rest } = state_dict;
    Object.assign(this, rest);
    (children as SchedulerStateDict[]).forEach((sd, i) => this._schedulers[i]!.load_state_dict(sd));
  }
}

