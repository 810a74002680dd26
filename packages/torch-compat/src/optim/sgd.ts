/** `torch.optim.SGD` (2.1, the single-tensor `foreach=False` path). */
import { no_grad, type Tensor, ValueError } from '@nncompat/core';
import { Optimizer, type ParamsT, required } from './optimizer.js';

/** Options of `SGD` (PyTorch's keyword arguments). */
export interface SGDOptions {
  lr?: number;
  momentum?: number;
  dampening?: number;
  weight_decay?: number;
  nesterov?: boolean;
  maximize?: boolean;
  foreach?: boolean | null;
  differentiable?: boolean;
}

/**
 * `torch.optim.SGD(params, lr=required, momentum=0, dampening=0, weight_decay=0,
 * nesterov=False, *, maximize=False, foreach=None, differentiable=False)`.
 *
 * @example
 * const opt = new optim.SGD(params, { lr: 0.1, momentum: 0.9, nesterov: true });
 */
export class SGD extends Optimizer {
  constructor(params: ParamsT, opts: SGDOptions = {}) {
    const lr = opts.lr ?? required;
    const momentum = opts.momentum ?? 0;
    const weight_decay = opts.weight_decay ?? 0;
    if (lr !== required && lr < 0) throw new ValueError(`Invalid learning rate: ${lr}`);
    if (momentum < 0) throw new ValueError(`Invalid momentum value: ${momentum}`);
    if (weight_decay < 0) throw new ValueError(`Invalid weight_decay value: ${weight_decay}`);
    const dampening = opts.dampening ?? 0;
    const nesterov = opts.nesterov ?? false;
    super(params, {
      lr, momentum, dampening, weight_decay, nesterov,
      maximize: opts.maximize ?? false, foreach: opts.foreach ?? null, differentiable: opts.differentiable ?? false,
    });
    if (nesterov && (momentum <= 0 || dampening !== 0)) throw new ValueError('Nesterov momentum requires a momentum and zero dampening');
  }

  /**
   * One SGD step: `d_p = grad (+ wd * p)`, momentum buffer `buf = momentum * buf + (1 - dampening) * d_p`
   * (a clone of d_p on the first step), nesterov `d_p += momentum * buf`, then `p -= lr * d_p`.
   */
  step(closure?: (() => number | Tensor) | null): number | Tensor | null {
    const loss = this._runClosure(closure);
    no_grad(() => {
      for (const group of this.param_groups) {
        const lr = Optimizer.num(group, 'lr');
        const momentum = Optimizer.num(group, 'momentum');
        const dampening = Optimizer.num(group, 'dampening');
        const wd = Optimizer.num(group, 'weight_decay');
        const nesterov = group.nesterov === true;
        const maximize = group.maximize === true;
        for (const p of group.params) {
          if (p.grad === null) continue;
          const state = this._stateOf(p);
          let buf = (state.momentum_buffer ?? null) as Tensor | null;
          let d_p = maximize ? p.grad.neg() : p.grad;
          if (wd !== 0) d_p = d_p.add(p, { alpha: wd });
          if (momentum !== 0) {
            if (buf === null) buf = d_p.clone().detach();
            else buf.mul_(momentum).add_(d_p, { alpha: 1 - dampening });
            d_p = nesterov ? d_p.add(buf, { alpha: momentum }) : buf;
          }
          p.add_(d_p, { alpha: -lr });
          // PyTorch 2.1 stores the buffer (None without momentum) for every param with a grad.
          state.momentum_buffer = buf;
        }
      }
    });
    return loss;
  }
}
