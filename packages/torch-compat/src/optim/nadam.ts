/** `torch.optim.NAdam` (2.1, the single-tensor `foreach=False` path). */
import { no_grad, type Tensor, tensor, ValueError, zeros_like } from '@nncompat/core';
import { checkAdamLike, refuseCapturable, tuple2 } from './hyper.js';
import { Optimizer, type ParamsT } from './optimizer.js';

/** Options of `NAdam` (PyTorch 2.1's keyword arguments; 2.1's NAdam has no `maximize`). */
export interface NAdamOptions {
  lr?: number;
  betas?: readonly [number, number];
  eps?: number;
  weight_decay?: number;
  momentum_decay?: number;
  decoupled_weight_decay?: boolean;
  foreach?: boolean | null;
  capturable?: boolean;
  differentiable?: boolean;
}

/**
 * `torch.optim.NAdam(params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
 * momentum_decay=4e-3, decoupled_weight_decay=False, *, foreach=None, capturable=False,
 * differentiable=False)`: Adam with Nesterov momentum whose coefficient `mu_t` decays.
 *
 * @example
 * const opt = new optim.NAdam(model.parameters(), { lr: 2e-3, momentum_decay: 4e-3 });
 */
export class NAdam extends Optimizer {
  constructor(params: ParamsT, opts: NAdamOptions = {}) {
    const lr = opts.lr ?? 2e-3;
    const betas = tuple2(opts.betas, [0.9, 0.999]);
    const eps = opts.eps ?? 1e-8;
    const weight_decay = opts.weight_decay ?? 0;
    const momentum_decay = opts.momentum_decay ?? 4e-3;
    checkAdamLike(lr, eps, betas, weight_decay);
    if (!(momentum_decay >= 0)) throw new ValueError(`Invalid momentum_decay value: ${momentum_decay}`);
    super(params, {
      lr, betas, eps, weight_decay, momentum_decay, decoupled_weight_decay: opts.decoupled_weight_decay ?? false,
      foreach: opts.foreach ?? null, capturable: opts.capturable ?? false, differentiable: opts.differentiable ?? false,
    });
  }

  /**
   * One NAdam step. `mu_product` is a float32 tensor as in PyTorch, so the running product
   * rounds to float32 each step exactly as there.
   */
  step(closure?: (() => number | Tensor) | null): number | Tensor | null {
    const loss = this._runClosure(closure);
    no_grad(() => {
      for (const group of this.param_groups) {
        if (group.capturable === true) refuseCapturable('NAdam');
        const lr = Optimizer.num(group, 'lr');
        const [beta1, beta2] = group.betas as readonly [number, number];
        const eps = Optimizer.num(group, 'eps');
        const wd = Optimizer.num(group, 'weight_decay');
        const momentum_decay = Optimizer.num(group, 'momentum_decay');
        for (const p of group.params) {
          if (p.grad === null) continue;
          const state = this._stateOf(p);
          if (Object.keys(state).length === 0) {
            state.step = tensor(0, { dtype: 'float32' });
            state.mu_product = tensor(1, { dtype: 'float32' });
            state.exp_avg = zeros_like(p);
            state.exp_avg_sq = zeros_like(p);
          }
          const step_t = state.step as Tensor;
          const mu_product = state.mu_product as Tensor;
          const exp_avg = state.exp_avg as Tensor;
          const exp_avg_sq = state.exp_avg_sq as Tensor;
          let grad = p.grad;
          step_t.add_(1);
          const step = Number(step_t.item());
          const bias_correction2 = 1 - beta2 ** step;
          if (wd !== 0) {
            if (group.decoupled_weight_decay === true) p.mul_(1 - lr * wd);
            else grad = grad.add(p, { alpha: wd });
          }
          const mu = beta1 * (1 - 0.5 * 0.96 ** (step * momentum_decay));
          const mu_next = beta1 * (1 - 0.5 * 0.96 ** ((step + 1) * momentum_decay));
          mu_product.mul_(mu);
          exp_avg.lerp_(grad, 1 - beta1);
          exp_avg_sq.mul_(beta2).addcmul_(grad, grad, { value: 1 - beta2 });
          const denom = exp_avg_sq.div(bias_correction2).sqrt();
          // Python reads the float32 product back as a double, then works in doubles.
          const mp = Number(mu_product.item());
          const mu_product_next = mp * mu_next;
          denom.add_(eps);
          p.addcdiv_(grad, denom, { value: (-lr * (1 - mu)) / (1 - mp) });
          p.addcdiv_(exp_avg, denom, { value: (-lr * mu_next) / (1 - mu_product_next) });
        }
      }
    });
    return loss;
  }
}
