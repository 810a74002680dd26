/** `mx.optimizer`: Optimizer, SGD, Adam, create, register, Updater, get_updater. */
export {
  Optimizer, Updater, UserWarning, create, register, get_updater,
  type OptimizerOptions, type OptimizerState, type LRScheduler, type ParamMults,
} from './optimizer.js';
export { SGD, Adam, type SGDOptions, type AdamOptions } from './sgd-adam.js';
