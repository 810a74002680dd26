/**
 * A counter of changes to plain host values that captured graphs bake in as constants: an
 * optimizer's hyperparameters (learning rate, momentum, …). A compiled training step
 * (backend-onnxruntime's compileStep) keys its graphs by this counter, so changing a learning
 * rate (by hand or through a scheduler) retraces the step instead of silently running the old
 * value. torch-compat's optimizers report every write to a param group.
 */
let epoch = 0;

/**
 * Records that a baked-in host value changed.
 *
 * @example
 * group.lr = 0.01; noteHostConstantChange(); // what torch-compat's param groups do on every write
 */
export function noteHostConstantChange(): void {
  epoch++;
}

/**
 * The number of changes recorded so far.
 *
 * @example
 * const before = hostConstantEpoch(); opt.param_groups[0].lr = 0.1; hostConstantEpoch() > before; // true
 */
export function hostConstantEpoch(): number {
  return epoch;
}
