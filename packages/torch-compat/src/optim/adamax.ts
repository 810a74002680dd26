/** `torch.optim.Adamax` (2.1, the single-tensor `foreach=False` path). */
import { no_grad, type Tensor, tensor, zeros_like } from '@nncompat/core';
import { checkAdamLike, tuple2 } from './hyper.js';
import { Optimizer, type ParamsT } from './optimizer.js';

/** Options of `Adamax`. */
export interface AdamaxOptions {
  lr?: number;
  betas?: readonly [number, number];
  eps?: number;
  weight_decay?: number;
  foreach?: boolean | null;
  maximize?: boolean;
  differentiable?: boolean;
}

/**
 * `torch.optim.Adamax(params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
 * foreach=None, *, maximize=False, differentiable=False)`: Adam with the infinity norm.
 *
 * @example
 * const opt = new optim.Adamax(model.parameters(), { lr: 2e-3 });
 */
export class Adamax extends Optimizer {
  constructor(params: ParamsT, opts: AdamaxOptions = {}) {
    const lr = opts.lr ?? 2e-3;
    const betas = tuple2(opts.betas, [0.9, 0.999]);
    const eps = opts.eps ?? 1e-8;
    const weight_decay = opts.weight_decay ?? 0;
    checkAdamLike(lr, eps, betas, weight_decay);
    super(params, {
      lr, betas, eps, weight_decay, foreach: opts.foreach ?? null, maximize: opts.maximize ?? false,
      differentiable: opts.differentiable ?? false,
    });
  }

  /** One Adamax step: `exp_inf = max(beta2 * exp_inf, |g| + eps)`, `p -= lr / bc1 * exp_avg / exp_inf`. */
  step(closure?: (() => number | Tensor) | null): number | Tensor | null {
    const loss = this._runClosure(closure);
    no_grad(() => {
      for (const group of this.param_groups) {
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
            state.exp_inf = zeros_like(p);
          }
          const step_t = state.step as Tensor;
          const exp_avg = state.exp_avg as Tensor;
          const exp_inf = state.exp_inf as Tensor;
          let grad = group.maximize === true ? p.grad.neg() : p.grad;
          step_t.add_(1);
          if (wd !== 0) grad = grad.add(p, { alpha: wd });
          exp_avg.lerp_(grad, 1 - beta1);
          // PyTorch takes amax over cat([beta2 * exp_inf, |g| + eps]): an elementwise maximum.
          exp_inf.mul_(beta2);
          exp_inf.copy_(exp_inf.maximum(grad.abs().add_(eps)));
          const clr = lr / (1 - beta1 ** Number(step_t.item()));
          p.addcdiv_(exp_avg, exp_inf, { value: -clr });
        }
      }
    });
    return loss;
  }
}
