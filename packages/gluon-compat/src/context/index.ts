/** `mx.context`. */
export { Context, cpu, gpu, cpu_pinned, current_context, num_gpus } from './context.js';
