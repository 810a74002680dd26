/**
 * `SGD` and `Adam` (python/mxnet/optimizer/optimizer.py) with the update kernels of MXNet
 * 1.9's src/operator/optimizer_op-inl.h (`MultiSGDKernel` / `SGDMomKernel`, `AdamUpdateKernel`).
 */
import { checkKwargs, Optimizer, type OptimizerOptions, type OptimizerState } from './optimizer.js';
import type { NDArray } from '../ndarray/ndarray.js';

/** Keyword arguments of `SGD`. */
export interface SGDOptions extends OptimizerOptions {
  momentum?: number;
  lazy_update?: boolean;
}

/**
 * `SGD(momentum=0.0, lazy_update=True, **kwargs)`:
 * `mom = momentum*mom - lr*wd*w - lr*clip(rescale_grad*grad)`, `w += mom` (no state when
 * momentum is 0).
 *
 * @example
 * ```ts
 * const sgd = new mx.optimizer.SGD({ learning_rate: 0.1, momentum: 0.9, wd: 1e-4 });
 * ```
 */
export class SGD extends Optimizer {
  momentum: number;
  lazy_update: boolean;

  constructor(opts: SGDOptions = {}) {
    checkKwargs(opts, ['momentum', 'lazy_update']);
    super(opts);
    this.momentum = opts.momentum ?? 0.0;
    this.lazy_update = opts.lazy_update ?? true;
  }

  override create_state(index: number, weight: NDArray): OptimizerState {
    void index;
    return this.momentum !== 0.0 ? new Float64Array(weight.size) : null;
  }

  override _fp16Warning(): string {
    return 'Accumulating with float16 in optimizer can lead to poor accuracy or slow convergence. Consider using multi_precision=True option of the SGD optimizer';
  }

  override _step(index: number, w: Float64Array, g: Float64Array, state: OptimizerState): void {
    this._update_count(index);
    const lr = this._get_lr(index);
    const wd = this._get_wd(index);
    const mom = state as Float64Array | null;
    const m = this.momentum > 0 ? this.momentum : 0;
    for (let i = 0; i < w.length; i++) {
      const step = m * (mom ? mom[i]! : 0) - lr * wd * w[i]! - lr * this._clip(this.rescale_grad * g[i]!);
      if (mom) mom[i] = step;
      w[i] = w[i]! + step;
    }
  }
}

/** Keyword arguments of `Adam`. */
export interface AdamOptions extends OptimizerOptions {
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  lazy_update?: boolean;
}

/**
 * `Adam(learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8, lazy_update=True)`:
 * `lr_t = lr*sqrt(1-beta2^t)/(1-beta1^t)`; `g = clip(rescale_grad*grad + wd*w)`;
 * `m = beta1*m + (1-beta1)*g`; `v = beta2*v + (1-beta2)*g²`; `w -= lr_t*m/(sqrt(v)+epsilon)`.
 *
 * @example
 * ```ts
 * const adam = new mx.optimizer.Adam({ learning_rate: 1e-3 });
 * ```
 */
export class Adam extends Optimizer {
  beta1: number;
  beta2: number;
  epsilon: number;
  lazy_update: boolean;

  constructor(opts: AdamOptions = {}) {
    checkKwargs(opts, ['beta1', 'beta2', 'epsilon', 'lazy_update']);
    super({ ...opts, learning_rate: opts.learning_rate === undefined ? 0.001 : opts.learning_rate });
    this.beta1 = opts.beta1 ?? 0.9;
    this.beta2 = opts.beta2 ?? 0.999;
    this.epsilon = opts.epsilon ?? 1e-8;
    this.lazy_update = opts.lazy_update ?? true;
  }

  override create_state(index: number, weight: NDArray): OptimizerState {
    void index;
    return [new Float64Array(weight.size), new Float64Array(weight.size)];
  }

  override _step(index: number, w: Float64Array, g: Float64Array, state: OptimizerState): void {
    this._update_count(index);
    let lr = this._get_lr(index);
    const wd = this._get_wd(index);
    const t = this._index_update_count.get(index)!;
    const coef1 = 1.0 - this.beta1 ** t;
    const coef2 = 1.0 - this.beta2 ** t;
    lr *= Math.sqrt(coef2) / coef1;
    const [mean, variance] = state as readonly Float64Array[];
    for (let i = 0; i < w.length; i++) {
      let gr = g[i]! * this.rescale_grad + w[i]! * wd;
      if (this.clip_gradient) gr = this._clip(gr);
      mean![i] = this.beta1 * mean![i]! + (1 - this.beta1) * gr;
      variance![i] = this.beta2 * variance![i]! + (1 - this.beta2) * gr * gr;
      w[i] = w[i]! - (lr * mean![i]!) / (Math.sqrt(variance![i]!) + this.epsilon);
    }
  }
}

Optimizer.register(SGD as new (opts?: object) => Optimizer);
Optimizer.register(Adam as new (opts?: object) => Optimizer);
