/** `torch.optim.Adam` and `AdamW` (2.1, the single-tensor `foreach=False` path). */
import { full_like, no_grad, type Tensor, tensor, ValueError, zeros, zeros_like } from '@nncompat/core';
import { Optimizer, type ParamGroup, type ParamState, type ParamsT } from './optimizer.js';

/** Options of `Adam` / `AdamW` (PyTorch's keyword arguments). */
export interface AdamOptions {
  lr?: number;
  betas?: readonly [number, number];
  eps?: number;
  weight_decay?: number;
  amsgrad?: boolean;
  maximize?: boolean;
  foreach?: boolean | null;
  capturable?: boolean;
  differentiable?: boolean;
  fused?: boolean | null;
}

function validate(lr: number, eps: number, betas: readonly [number, number], wd: number): void {
  if (!(lr >= 0)) throw new ValueError(`Invalid learning rate: ${lr}`);
  if (!(eps >= 0)) throw new ValueError(`Invalid epsilon value: ${eps}`);
  if (!(betas[0] >= 0 && betas[0] < 1)) throw new ValueError(`Invalid beta parameter at index 0: ${betas[0]}`);
  if (!(betas[1] >= 0 && betas[1] < 1)) throw new ValueError(`Invalid beta parameter at index 1: ${betas[1]}`);
  if (!(wd >= 0)) throw new ValueError(`Invalid weight_decay value: ${wd}`);
}

/**
 * Lazily creates Adam's state for `p`: step (a float32 scalar tensor: on the CPU, or on `p`'s
 * device when capturable, as in PyTorch 2.1), exp_avg, exp_avg_sq[, max_exp_avg_sq].
 */
function adamState(state: ParamState, p: Tensor, amsgrad: boolean, capturable: boolean): void {
  if (Object.keys(state).length > 0) return;
  state.step = capturable ? zeros([], { dtype: 'float32' }).to(p.device) : tensor(0, { dtype: 'float32' });
  state.exp_avg = zeros_like(p);
  state.exp_avg_sq = zeros_like(p);
  if (amsgrad) state.max_exp_avg_sq = zeros_like(p);
}

/** The shared update of Adam and AdamW (`decoupled`: AdamW's `p *= 1 - lr * wd`). */
function adamStep(group: ParamGroup, stateOf: (p: Tensor) => ParamState, decoupled: boolean): void {
  const lr = group.lr as number;
  const [beta1, beta2] = group.betas as readonly [number, number];
  const eps = group.eps as number;
  const wd = group.weight_decay as number;
  const amsgrad = group.amsgrad === true;
  const maximize = group.maximize === true;
  const capturable = group.capturable === true;
  for (const p of group.params) {
    if (p.grad === null) continue;
    const state = stateOf(p);
    adamState(state, p, amsgrad, capturable);
    let grad = maximize ? p.grad.neg() : p.grad;
    const step_t = state.step as Tensor;
    const exp_avg = state.exp_avg as Tensor;
    const exp_avg_sq = state.exp_avg_sq as Tensor;
    step_t.add_(1);
    if (wd !== 0) {
      if (decoupled) p.mul_(1 - lr * wd);
      else grad = grad.add(p, { alpha: wd });
    }
    exp_avg.lerp_(grad, 1 - beta1);
    exp_avg_sq.mul_(beta2).addcmul_(grad, grad, { value: 1 - beta2 });
    if (capturable) {
      capturableUpdate(p, step_t, exp_avg, exp_avg_sq, amsgrad ? (state.max_exp_avg_sq as Tensor) : null, lr, beta1, beta2, eps);
      continue;
    }
    const step = Number(step_t.item());
    const bias_correction1 = 1 - beta1 ** step;
    const bias_correction2 = 1 - beta2 ** step;
    const step_size = lr / bias_correction1;
    const bc2_sqrt = Math.sqrt(bias_correction2);
    let denom: Tensor;
    if (amsgrad) {
      const m = state.max_exp_avg_sq as Tensor;
      m.maximum_(exp_avg_sq);
      denom = m.sqrt().div(bc2_sqrt).add_(eps);
    } else {
      denom = exp_avg_sq.sqrt().div(bc2_sqrt).add_(eps);
    }
    p.addcdiv_(exp_avg, denom, { value: -step_size });
  }
}

/**
 * PyTorch 2.1's `capturable` branch of `_single_tensor_adam`: the bias corrections stay tensors
 * (no host read of the step), so the update can be captured as a graph (compileStep). Python's
 * `lr / t` and `eps / t` are `t.reciprocal() * lr` (Tensor.__rtruediv__), `1 - t` is rsub.
 */
function capturableUpdate(
  p: Tensor, step: Tensor, exp_avg: Tensor, exp_avg_sq: Tensor, max_exp_avg_sq: Tensor | null,
  lr: number, beta1: number, beta2: number, eps: number,
): void {
  const bias_correction1 = full_like(step, beta1).pow(step).neg().add(1);
  const bias_correction2 = full_like(step, beta2).pow(step).neg().add(1);
  const step_size_neg = bias_correction1.reciprocal().mul(lr).neg();
  const bias_correction2_sqrt = bias_correction2.sqrt();
  let second = exp_avg_sq;
  if (max_exp_avg_sq) {
    max_exp_avg_sq.copy_(max_exp_avg_sq.maximum(exp_avg_sq));
    second = max_exp_avg_sq;
  }
  const denom = second.sqrt().div(bias_correction2_sqrt.mul(step_size_neg)).add_(step_size_neg.reciprocal().mul(eps));
  p.addcdiv_(exp_avg, denom);
}

/**
 * `torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
 * amsgrad=False, *, foreach=None, maximize=False, capturable=False, differentiable=False,
 * fused=None)`.
 *
 * @example
 * const opt = new optim.Adam(params, { lr: 1e-3, amsgrad: true });
 */
export class Adam extends Optimizer {
  constructor(params: ParamsT, opts: AdamOptions = {}) {
    const lr = opts.lr ?? 1e-3;
    const betas = Object.freeze([...(opts.betas ?? [0.9, 0.999])]) as unknown as readonly [number, number];
    const eps = opts.eps ?? 1e-8;
    const weight_decay = opts.weight_decay ?? 0;
    validate(lr, eps, betas, weight_decay);
    super(params, {
      lr, betas, eps, weight_decay, amsgrad: opts.amsgrad ?? false, maximize: opts.maximize ?? false,
      foreach: opts.foreach ?? null, capturable: opts.capturable ?? false, differentiable: opts.differentiable ?? false,
      fused: opts.fused ?? null,
    });
    if (opts.fused) throw new ValueError('`fused=True` requires all the params to be floating point Tensors of supported devices: cuda');
  }

  /** One Adam step (bias-corrected first and second moments; AMSGrad keeps the max of the second). */
  step(closure?: (() => number | Tensor) | null): number | Tensor | null {
    const loss = this._runClosure(closure);
    no_grad(() => {
      for (const g of this.param_groups) adamStep(g, (p) => this._stateOf(p), false);
    });
    return loss;
  }
}

/**
 * `torch.optim.AdamW(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2,
 * amsgrad=False, *, maximize=False, foreach=None, capturable=False, differentiable=False,
 * fused=None)`: Adam with decoupled weight decay.
 *
 * @example
 * const opt = new optim.AdamW(params, { lr: 1e-3, weight_decay: 0.05 });
 */
export class AdamW extends Optimizer {
  constructor(params: ParamsT, opts: AdamOptions = {}) {
    const lr = opts.lr ?? 1e-3;
    const betas = Object.freeze([...(opts.betas ?? [0.9, 0.999])]) as unknown as readonly [number, number];
    const eps = opts.eps ?? 1e-8;
    const weight_decay = opts.weight_decay ?? 1e-2;
    validate(lr, eps, betas, weight_decay);
    super(params, {
      lr, betas, eps, weight_decay, amsgrad: opts.amsgrad ?? false, foreach: opts.foreach ?? null,
      maximize: opts.maximize ?? false, capturable: opts.capturable ?? false, differentiable: opts.differentiable ?? false,
      fused: opts.fused ?? null,
    });
    if (opts.fused) throw new ValueError('`fused=True` requires all the params to be floating point Tensors of supported devices: cuda');
  }

  /** One AdamW step: `p *= 1 - lr * weight_decay`, then the Adam update without L2 term. */
  step(closure?: (() => number | Tensor) | null): number | Tensor | null {
    const loss = this._runClosure(closure);
    no_grad(() => {
      for (const g of this.param_groups) adamStep(g, (p) => this._stateOf(p), true);
    });
    return loss;
  }
}
