/** `torch.optim.RMSprop` (2.1, the single-tensor `foreach=False` path). */
import { no_grad, type Tensor, ValueError, zeros_like } from '@nncompat/core';
import { Optimizer, type ParamsT } from './optimizer.js';

/** Options of `RMSprop`. */
export interface RMSpropOptions {
  lr?: number;
  alpha?: number;
  eps?: number;
  weight_decay?: number;
  momentum?: number;
  centered?: boolean;
  foreach?: boolean | null;
  maximize?: boolean;
  differentiable?: boolean;
}

/**
 * `torch.optim.RMSprop(params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0,
 * centered=False, foreach=None, maximize=False, differentiable=False)`.
 *
 * @example
 * const opt = new optim.RMSprop(params, { lr: 0.01, momentum: 0.9, centered: true });
 */
export class RMSprop extends Optimizer {
  constructor(params: ParamsT, opts: RMSpropOptions = {}) {
    const lr = opts.lr ?? 1e-2;
    const alpha = opts.alpha ?? 0.99;
    const eps = opts.eps ?? 1e-8;
    const weight_decay = opts.weight_decay ?? 0;
    const momentum = opts.momentum ?? 0;
    if (!(lr >= 0)) throw new ValueError(`Invalid learning rate: ${lr}`);
    if (!(eps >= 0)) throw new ValueError(`Invalid epsilon value: ${eps}`);
    if (!(momentum >= 0)) throw new ValueError(`Invalid momentum value: ${momentum}`);
    if (!(weight_decay >= 0)) throw new ValueError(`Invalid weight_decay value: ${weight_decay}`);
    if (!(alpha >= 0)) throw new ValueError(`Invalid alpha value: ${alpha}`);
    super(params, {
      lr, momentum, alpha, eps, centered: opts.centered ?? false, weight_decay,
      foreach: opts.foreach ?? null, maximize: opts.maximize ?? false, differentiable: opts.differentiable ?? false,
    });
  }

  /** One RMSprop step: running mean of squared grads (centered: minus the squared mean grad). */
  step(closure?: (() => number | Tensor) | null): number | Tensor | null {
    const loss = this._runClosure(closure);
    no_grad(() => {
      for (const group of this.param_groups) {
        const lr = Optimizer.num(group, 'lr');
        const alpha = Optimizer.num(group, 'alpha');
        const eps = Optimizer.num(group, 'eps');
        const wd = Optimizer.num(group, 'weight_decay');
        const momentum = Optimizer.num(group, 'momentum');
        const centered = group.centered === true;
        for (const p of group.params) {
          if (p.grad === null) continue;
          const state = this._stateOf(p);
          if (Object.keys(state).length === 0) {
            // An int step, as PyTorch 2.1's RMSprop keeps it.
            state.step = 0;
            state.square_avg = zeros_like(p);
            if (momentum > 0) state.momentum_buffer = zeros_like(p);
            if (centered) state.grad_avg = zeros_like(p);
          }
          state.step = (state.step as number) + 1;
          let grad = group.maximize === true ? p.grad.neg() : p.grad;
          if (wd !== 0) grad = grad.add(p, { alpha: wd });
          const square_avg = state.square_avg as Tensor;
          square_avg.mul_(alpha).addcmul_(grad, grad, { value: 1 - alpha });
          let avg: Tensor;
          if (centered) {
            const grad_avg = state.grad_avg as Tensor;
            grad_avg.mul_(alpha).add_(grad, { alpha: 1 - alpha });
            avg = square_avg.sub(grad_avg.mul(grad_avg)).sqrt();
          } else {
            avg = square_avg.sqrt();
          }
          avg = avg.add_(eps);
          if (momentum > 0) {
            const buf = state.momentum_buffer as Tensor;
            buf.mul_(momentum).addcdiv_(grad, avg);
            p.add_(buf, { alpha: -lr });
          } else {
            p.addcdiv_(grad, avg, { value: -lr });
          }
        }
      }
    });
    return loss;
  }
}
