/**
 * The `torch.optim.lr_scheduler` namespace: the schedulers of lr_scheduler.ts plus the warmup,
 * cyclic and composite ones (separate files that extend its LRScheduler; re-exported here so
 * the modules form no import cycle).
 *
 * @example
 * import { optim } from '@nncompat/torch-compat';
 * const s = new optim.lr_scheduler.LinearLR(opt, { start_factor: 0.1, total_iters: 5 });
 */
export * from './lr_scheduler.js';
export * from './lr_scheduler_warmup.js';
export * from './lr_scheduler_cyclic.js';
export * from './lr_scheduler_compose.js';
