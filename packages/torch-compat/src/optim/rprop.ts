/** `torch.optim.Rprop` (2.1, the single-tensor `foreach=False` path). */
import { full_like, no_grad, type Tensor, ValueError, where, zeros_like } from '@nncompat/core';
import { tuple2 } from './hyper.js';
import { Optimizer, type ParamsT } from './optimizer.js';

/** Options of `Rprop`. */
export interface RpropOptions {
  lr?: number;
  etas?: readonly [number, number];
  step_sizes?: readonly [number, number];
  foreach?: boolean | null;
  maximize?: boolean;
  differentiable?: boolean;
}

/**
 * `torch.optim.Rprop(params, lr=1e-2, etas=(0.5, 1.2), step_sizes=(1e-6, 50), *,
 * foreach=None, maximize=False, differentiable=False)`: per-element step sizes grown by
 * `etas[1]` while the gradient keeps its sign and shrunk by `etas[0]` when it flips.
 *
 * @example
 * const opt = new optim.Rprop(model.parameters(), { lr: 0.01, etas: [0.5, 1.2] });
 */
export class Rprop extends Optimizer {
  constructor(params: ParamsT, opts: RpropOptions = {}) {
    const lr = opts.lr ?? 1e-2;
    const etas = tuple2(opts.etas, [0.5, 1.2]);
    const step_sizes = tuple2(opts.step_sizes, [1e-6, 50]);
    if (!(lr >= 0)) throw new ValueError(`Invalid learning rate: ${lr}`);
    if (!(etas[0] > 0 && etas[0] < 1 && etas[1] > 1)) throw new ValueError(`Invalid eta values: ${etas[0]}, ${etas[1]}`);
    super(params, {
      lr, etas, step_sizes, foreach: opts.foreach ?? null, maximize: opts.maximize ?? false,
      differentiable: opts.differentiable ?? false,
    });
  }

  /** One Rprop step (PyTorch's masked assignments written as `where`). */
  step(closure?: (() => number | Tensor) | null): number | Tensor | null {
    const loss = this._runClosure(closure);
    no_grad(() => {
      for (const group of this.param_groups) {
        const [etaminus, etaplus] = group.etas as readonly [number, number];
        const [step_size_min, step_size_max] = group.step_sizes as readonly [number, number];
        for (const p of group.params) {
          if (p.grad === null) continue;
          const state = this._stateOf(p);
          if (Object.keys(state).length === 0) {
            // An int step, as PyTorch 2.1's Rprop keeps it.
            state.step = 0;
            state.prev = zeros_like(p);
            state.step_size = full_like(p.grad, Optimizer.num(group, 'lr'));
          }
          state.step = (state.step as number) + 1;
          const prev = state.prev as Tensor;
          const step_size = state.step_size as Tensor;
          let grad = group.maximize === true ? p.grad.neg() : p.grad;
          const s = grad.mul(prev).sign();
          const factor = where(s.gt(0), etaplus, where(s.lt(0), etaminus, 1)).to(step_size.dtype);
          step_size.mul_(factor).clamp_(step_size_min, step_size_max);
          // Where the sign flipped the gradient counts as 0 (no move, and prev becomes 0).
          grad = where(s.lt(0), 0, grad).to(grad.dtype);
          p.addcmul_(grad.sign(), step_size, { value: -1 });
          prev.copy_(grad);
        }
      }
    });
    return loss;
  }
}
