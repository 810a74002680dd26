/** `torch.optim.Adadelta` (2.1, the single-tensor `foreach=False` path). */
import { no_grad, type Tensor, ValueError, zeros_like } from '@nncompat/core';
import { Optimizer, type ParamsT } from './optimizer.js';

/** Options of `Adadelta`. */
export interface AdadeltaOptions {
  lr?: number;
  rho?: number;
  eps?: number;
  weight_decay?: number;
  foreach?: boolean | null;
  maximize?: boolean;
  differentiable?: boolean;
}

/**
 * `torch.optim.Adadelta(params, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0, foreach=None, *,
 * maximize=False, differentiable=False)`.
 *
 * @example
 * const opt = new optim.Adadelta(model.parameters(), { lr: 1.0, rho: 0.9 });
 */
export class Adadelta extends Optimizer {
  constructor(params: ParamsT, opts: AdadeltaOptions = {}) {
    const lr = opts.lr ?? 1.0;
    const rho = opts.rho ?? 0.9;
    const eps = opts.eps ?? 1e-6;
    const weight_decay = opts.weight_decay ?? 0;
    if (!(lr >= 0)) throw new ValueError(`Invalid learning rate: ${lr}`);
    if (!(rho >= 0 && rho <= 1)) throw new ValueError(`Invalid rho value: ${rho}`);
    if (!(eps >= 0)) throw new ValueError(`Invalid epsilon value: ${eps}`);
    if (!(weight_decay >= 0)) throw new ValueError(`Invalid weight_decay value: ${weight_decay}`);
    super(params, {
      lr, rho, eps, weight_decay, maximize: opts.maximize ?? false, foreach: opts.foreach ?? null,
      differentiable: opts.differentiable ?? false,
    });
  }

  /** One Adadelta step: `delta = sqrt(acc_delta + eps) / sqrt(square_avg + eps) * g`, `p -= lr * delta`. */
  step(closure?: (() => number | Tensor) | null): number | Tensor | null {
    const loss = this._runClosure(closure);
    no_grad(() => {
      for (const group of this.param_groups) {
        const lr = Optimizer.num(group, 'lr');
        const rho = Optimizer.num(group, 'rho');
        const eps = Optimizer.num(group, 'eps');
        const wd = Optimizer.num(group, 'weight_decay');
        for (const p of group.params) {
          if (p.grad === null) continue;
          const state = this._stateOf(p);
          if (Object.keys(state).length === 0) {
            // An int step, as PyTorch 2.1's Adadelta keeps it.
            state.step = 0;
            state.square_avg = zeros_like(p);
            state.acc_delta = zeros_like(p);
          }
          state.step = (state.step as number) + 1;
          const square_avg = state.square_avg as Tensor;
          const acc_delta = state.acc_delta as Tensor;
          let grad = group.maximize === true ? p.grad.neg() : p.grad;
          if (wd !== 0) grad = grad.add(p, { alpha: wd });
          square_avg.mul_(rho).addcmul_(grad, grad, { value: 1 - rho });
          const std = square_avg.add(eps).sqrt_();
          const delta = acc_delta.add(eps).sqrt_();
          delta.div_(std).mul_(grad);
          acc_delta.mul_(rho).addcmul_(delta, delta, { value: 1 - rho });
          p.add_(delta, { alpha: -lr });
        }
      }
    });
    return loss;
  }
}
