/** `torch.optim.Adagrad` (2.1, the single-tensor `foreach=False` path). */
import { full_like, no_grad, type Tensor, tensor, ValueError } from '@nncompat/core';
import { Optimizer, type ParamsT } from './optimizer.js';

/** Options of `Adagrad`. */
export interface AdagradOptions {
  lr?: number;
  lr_decay?: number;
  weight_decay?: number;
  initial_accumulator_value?: number;
  eps?: number;
  foreach?: boolean | null;
  maximize?: boolean;
  differentiable?: boolean;
}

/**
 * `torch.optim.Adagrad(params, lr=1e-2, lr_decay=0, weight_decay=0,
 * initial_accumulator_value=0, eps=1e-10, foreach=None, *, maximize=False, differentiable=False)`.
 * State is created in the constructor, as PyTorch does.
 *
 * @example
 * const opt = new optim.Adagrad(params, { lr: 0.1, lr_decay: 0.01 });
 */
export class Adagrad extends Optimizer {
  constructor(params: ParamsT, opts: AdagradOptions = {}) {
    const lr = opts.lr ?? 1e-2;
    const lr_decay = opts.lr_decay ?? 0;
    const weight_decay = opts.weight_decay ?? 0;
    const initial_accumulator_value = opts.initial_accumulator_value ?? 0;
    const eps = opts.eps ?? 1e-10;
    if (!(lr >= 0)) throw new ValueError(`Invalid learning rate: ${lr}`);
    if (!(lr_decay >= 0)) throw new ValueError(`Invalid lr_decay value: ${lr_decay}`);
    if (!(weight_decay >= 0)) throw new ValueError(`Invalid weight_decay value: ${weight_decay}`);
    if (!(initial_accumulator_value >= 0)) throw new ValueError(`Invalid initial_accumulator_value value: ${initial_accumulator_value}`);
    if (!(eps >= 0)) throw new ValueError(`Invalid epsilon value: ${eps}`);
    super(params, {
      lr, lr_decay, eps, weight_decay, initial_accumulator_value,
      foreach: opts.foreach ?? null, maximize: opts.maximize ?? false, differentiable: opts.differentiable ?? false,
    });
    for (const g of this.param_groups) {
      for (const p of g.params) {
        const s = this._stateOf(p);
        s.step = tensor(0, { dtype: 'float32' });
        s.sum = full_like(p, g.initial_accumulator_value as number);
      }
    }
  }

  /** One Adagrad step: `sum += g^2`, `p -= clr * g / (sqrt(sum) + eps)` with `clr = lr / (1 + (step - 1) * lr_decay)`. */
  step(closure?: (() => number | Tensor) | null): number | Tensor | null {
    const loss = this._runClosure(closure);
    no_grad(() => {
      for (const group of this.param_groups) {
        const lr = Optimizer.num(group, 'lr');
        const lr_decay = Optimizer.num(group, 'lr_decay');
        const wd = Optimizer.num(group, 'weight_decay');
        const eps = Optimizer.num(group, 'eps');
        for (const p of group.params) {
          if (p.grad === null) continue;
          const state = this._stateOf(p);
          const step_t = state.step as Tensor;
          const sum = state.sum as Tensor;
          step_t.add_(1);
          const step = Number(step_t.item());
          let grad = group.maximize === true ? p.grad.neg() : p.grad;
          if (wd !== 0) grad = grad.add(p, { alpha: wd });
          const clr = lr / (1 + (step - 1) * lr_decay);
          sum.addcmul_(grad, grad, { value: 1 });
          const std = sum.sqrt().add_(eps);
          p.addcdiv_(grad, std, { value: -clr });
        }
      }
    });
    return loss;
  }
}
