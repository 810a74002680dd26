/**
 * `oneflow.optim`: torch-compat's optimizers (the same update math) with OneFlow 1.0's
 * defaults (python/oneflow/nn/optimizer/*.py): every `lr` defaults to 0.001 (PyTorch: SGD
 * requires it, RMSprop/Adagrad use 0.01) and AdamW's `weight_decay` to 0 (PyTorch: 0.01).
 *
 * @example
 * ```ts
 * const opt = new flow.optim.SGD(model.parameters());       // lr=0.001
 * const adamw = new flow.optim.AdamW(model.parameters());   // weight_decay=0
 * ```
 */
import { optim as torchOptim } from '@nncompat/torch-compat';

type Params = ConstructorParameters<typeof torchOptim.SGD>[0];

/** `oneflow.optim.SGD(params, lr=0.001, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False, maximize=False)`. */
export class SGD extends torchOptim.SGD {
  constructor(params: Params, opts: torchOptim.SGDOptions = {}) {
    super(params, { ...opts, lr: opts.lr ?? 0.001 });
  }
}
/** `oneflow.optim.Adam(params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, amsgrad=False)`. */
export class Adam extends torchOptim.Adam {
  constructor(params: Params, opts: torchOptim.AdamOptions = {}) {
    super(params, { ...opts, lr: opts.lr ?? 0.001 });
  }
}
/** `oneflow.optim.AdamW(params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, amsgrad=False)`. */
export class AdamW extends torchOptim.AdamW {
  constructor(params: Params, opts: torchOptim.AdamOptions = {}) {
    super(params, { ...opts, lr: opts.lr ?? 0.001, weight_decay: opts.weight_decay ?? 0 });
  }
}
/** `oneflow.optim.RMSprop(params, lr=0.001, alpha=0.99, eps=1e-08, weight_decay=0, momentum=0.0, centered=False)`. */
export class RMSprop extends torchOptim.RMSprop {
  constructor(params: Params, opts: torchOptim.RMSpropOptions = {}) {
    super(params, { ...opts, lr: opts.lr ?? 0.001 });
  }
}
/** `oneflow.optim.Adagrad(params, lr=0.001, lr_decay=0.0, weight_decay=0, initial_accumulator_value=0.0, eps=1e-10)`. */
export class Adagrad extends torchOptim.Adagrad {
  constructor(params: Params, opts: torchOptim.AdagradOptions = {}) {
    super(params, { ...opts, lr: opts.lr ?? 0.001 });
  }
}
export const Optimizer = torchOptim.Optimizer;
export const lr_scheduler = torchOptim.lr_scheduler;
