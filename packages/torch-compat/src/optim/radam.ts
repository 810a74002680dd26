/** `torch.optim.RAdam` (2.1, the single-tensor `foreach=False` path). */
import { no_grad, type Tensor, tensor, zeros_like } from '@nncompat/core';
import { checkAdamLike, refuseCapturable, tuple2 } from './hyper.js';
import { Optimizer, type ParamsT } from './optimizer.js';

/** Options of `RAdam` (PyTorch 2.1's keyword arguments; 2.1's RAdam has no `maximize`). */
export interface RAdamOptions {
  lr?: number;
  betas?: readonly [number, number];
  eps?: number;
  weight_decay?: number;
  decoupled_weight_decay?: boolean;
  foreach?: boolean | null;
  capturable?: boolean;
  differentiable?: boolean;
}

/**
 * `torch.optim.RAdam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
 * decoupled_weight_decay=False, *, foreach=None, capturable=False, differentiable=False)`:
 * Adam whose adaptive term is switched on (and rectified) once the variance estimate is
 * tractable (`rho_t > 5`).
 *
 * @example
 * const opt = new optim.RAdam(model.parameters(), { lr: 1e-3 });
 */
export class RAdam extends Optimizer {
  constructor(params: ParamsT, opts: RAdamOptions = {}) {
    const lr = opts.lr ?? 1e-3;
    const betas = tuple2(opts.betas, [0.9, 0.999]);
    const eps = opts.eps ?? 1e-8;
    const weight_decay = opts.weight_decay ?? 0;
    checkAdamLike(lr, eps, betas, weight_decay);
    // 2.1's key order: foreach, capturable, decoupled_weight_decay, differentiable.
    super(params, {
      lr, betas, eps, weight_decay, foreach: opts.foreach ?? null, capturable: opts.capturable ?? false,
      decoupled_weight_decay: opts.decoupled_weight_decay ?? false, differentiable: opts.differentiable ?? false,
    });
  }

  /** One RAdam step (tensor ops in PyTorch's order so float32 rounding matches). */
  step(closure?: (() => number | Tensor) | null): number | Tensor | null {
    const loss = this._runClosure(closure);
    no_grad(() => {
      for (const group of this.param_groups) {
        if (group.capturable === true) refuseCapturable('RAdam');
        const lr = Optimizer.num(group, 'lr');
        const [beta1, beta2] = group.betas as readonly [number, number];
        const eps = Optimizer.num(group, 'eps');
        const wd = Optimizer.num(group, 'weight_decay');
        for (const p of group.params) {
          if (p.grad === null) continue;
          const state = this._stateOf(p);
          if (Object.keys(state).length === 0) {
            state.step = tensor(0, { dtype: 'float32' });
            state.exp_avg = zeros_like(p);
            state.exp_avg_sq = zeros_like(p);
          }
          const step_t = state.step as Tensor;
          const exp_avg = state.exp_avg as Tensor;
          const exp_avg_sq = state.exp_avg_sq as Tensor;
          let grad = p.grad;
          step_t.add_(1);
          const step = Number(step_t.item());
          if (wd !== 0) {
            if (group.decoupled_weight_decay === true) p.mul_(1 - lr * wd);
            else grad = grad.add(p, { alpha: wd });
          }
          exp_avg.lerp_(grad, 1 - beta1);
          exp_avg_sq.mul_(beta2).addcmul_(grad, grad, { value: 1 - beta2 });
          const bias_correction1 = 1 - beta1 ** step;
          const bias_correction2 = 1 - beta2 ** step;
          const bias_corrected_exp_avg = exp_avg.div(bias_correction1);
          const rho_inf = 2 / (1 - beta2) - 1;
          const rho_t = rho_inf - (2 * step * beta2 ** step) / bias_correction2;
          if (rho_t > 5) {
            const rect = Math.sqrt(((rho_t - 4) * (rho_t - 2) * rho_inf) / ((rho_inf - 4) * (rho_inf - 2) * rho_t));
            // `math.sqrt(bc2) / t` is Tensor.__rtruediv__: reciprocal, then multiply.
            const adaptive_lr = exp_avg_sq.sqrt().add_(eps).reciprocal().mul(Math.sqrt(bias_correction2));
            p.add_(bias_corrected_exp_avg.mul(lr).mul(adaptive_lr).mul(rect), { alpha: -1 });
          } else {
            p.add_(bias_corrected_exp_avg.mul(lr), { alpha: -1 });
          }
        }
      }
    });
    return loss;
  }
}
