/**
 * Host reads that only validate input (index bounds, class counts) and never shape a result.
 * Graph capture (the onnxruntime backend's compileStep) must refuse ordinary host reads of
 * traced values, since their values would be baked into the graph; reads made inside
 * `validationRead` are exempt: a compiled graph skips the check (its own kernels still reject
 * bad indices), and the values cannot leak into it.
 */
let depth = 0;

/**
 * Runs `fn`, marking the host reads it makes as validation-only.
 *
 * @example
 * validationRead(() => { for (const t of target.dataSync()) if (t >= C) throw new IndexError(`Target ${t} is out of bounds.`); });
 */
export function validationRead<T>(fn: () => T): T {
  depth++;
  try {
    return fn();
  } finally {
    depth--;
  }
}

/** True while a {@link validationRead} callback runs (backends' read observers ask this). */
export function inValidationRead(): boolean {
  return depth > 0;
}
