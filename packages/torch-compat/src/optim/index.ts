/**
 * `torch.optim`: SGD, Adam, AdamW, RMSprop, Adagrad, NAdam, RAdam, Adamax, Adadelta, Rprop and
 * ASGD (PyTorch 2.1's single-tensor math),
 * param groups, state_dict in PyTorch's layout, and `lr_scheduler`.
 *
 * @example
 * import { optim } from '@nncompat/torch-compat';
 * const opt = new optim.AdamW(params, { lr: 1e-3 });
 * const sched = new optim.lr_scheduler.CosineAnnealingLR(opt, 100);
 */
export { Optimizer, required, type ParamsT, type ParamGroup, type ParamGroupInput, type ParamState, type StateValue, type OptimizerStateDict, type HyperValue, type Defaults } from './optimizer.js';
export { SGD, type SGDOptions } from './sgd.js';
export { Adam, AdamW, type AdamOptions } from './adam.js';
export { RMSprop, type RMSpropOptions } from './rmsprop.js';
export { Adagrad, type AdagradOptions } from './adagrad.js';
export * as lr_scheduler from './lr_scheduler_all.js';
export { NAdam, type NAdamOptions } from './nadam.js';
export { RAdam, type RAdamOptions } from './radam.js';
export { Adamax, type AdamaxOptions } from './adamax.js';
export { Adadelta, type AdadeltaOptions } from './adadelta.js';
export { Rprop, type RpropOptions } from './rprop.js';
export { ASGD, type ASGDOptions } from './asgd.js';
