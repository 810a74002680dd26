/** `torch.optim.ASGD` (2.1, the single-tensor `foreach=False` path). */
import { no_grad, type Tensor, tensor, ValueError, zeros_like } from '@nncompat/core';
import { Optimizer, type ParamsT } from './optimizer.js';

/** Options of `ASGD`. */
export interface ASGDOptions {
  lr?: number;
  lambd?: number;
  alpha?: number;
  t0?: number;
  weight_decay?: number;
  foreach?: boolean | null;
  maximize?: boolean;
  differentiable?: boolean;
}

/**
 * `torch.optim.ASGD(params, lr=1e-2, lambd=1e-4, alpha=0.75, t0=1e6, weight_decay=0,
 * foreach=None, maximize=False, differentiable=False)`: SGD with a decaying step `eta` and a
 * running average `ax` of the iterates (from step `t0` on).
 *
 * @example
 * const opt = new optim.ASGD(model.parameters(), { lr: 0.01, t0: 100 });
 */
export class ASGD extends Optimizer {
  constructor(params: ParamsT, opts: ASGDOptions = {}) {
    const lr = opts.lr ?? 1e-2;
    const weight_decay = opts.weight_decay ?? 0;
    if (!(lr >= 0)) throw new ValueError(`Invalid learning rate: ${lr}`);
    if (!(weight_decay >= 0)) throw new ValueError(`Invalid weight_decay value: ${weight_decay}`);
    super(params, {
      lr, lambd: opts.lambd ?? 1e-4, alpha: opts.alpha ?? 0.75, t0: opts.t0 ?? 1e6, weight_decay,
      foreach: opts.foreach ?? null, maximize: opts.maximize ?? false, differentiable: opts.differentiable ?? false,
    });
  }

  /**
   * One ASGD step. `eta` and `mu` are float32 tensors as in PyTorch and are read back with
   * `.item()`, so the float32 rounding of `eta` enters the update exactly as there.
   */
  step(closure?: (() => number | Tensor) | null): number | Tensor | null {
    const loss = this._runClosure(closure);
    no_grad(() => {
      for (const group of this.param_groups) {
        const lr = Optimizer.num(group, 'lr');
        const lambd = Optimizer.num(group, 'lambd');
        const alpha = Optimizer.num(group, 'alpha');
        const t0 = Optimizer.num(group, 't0');
        const wd = Optimizer.num(group, 'weight_decay');
        for (const p of group.params) {
          if (p.grad === null) continue;
          const state = this._stateOf(p);
          if (Object.keys(state).length === 0) {
            state.step = tensor(0, { dtype: 'float32' });
            state.eta = tensor(lr, { dtype: 'float32' });
            state.mu = tensor(1, { dtype: 'float32' });
            state.ax = zeros_like(p);
          }
          const step_t = state.step as Tensor;
          const eta = state.eta as Tensor;
          const mu = state.mu as Tensor;
          const ax = state.ax as Tensor;
          let grad = group.maximize === true ? p.grad.neg() : p.grad;
          step_t.add_(1);
          const step = Number(step_t.item());
          if (wd !== 0) grad = grad.add(p, { alpha: wd });
          const eta_value = Number(eta.item());
          p.mul_(1 - lambd * eta_value);
          p.add_(grad, { alpha: -eta_value });
          if (Number(mu.item()) !== 1) ax.add_(p.sub(ax).mul(mu));
          else ax.copy_(p);
          eta.copy_(tensor(lr / (1 + lambd * lr * step) ** alpha, { dtype: 'float32' }));
          mu.copy_(tensor(1 / Math.max(1, step - t0), { dtype: 'float32' }));
        }
      }
    });
    return loss;
  }
}
