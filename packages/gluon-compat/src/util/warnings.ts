/**
 * Python's `warnings.warn` for this package: a warning goes to `process.emitWarning` (Node's
 * console output), or into the innermost `catch_warnings` recorder when one is active.
 */

/** One recorded warning. */
export interface WarningRecord {
  message: string;
  category: string;
}

const recorders: WarningRecord[][] = [];

/** `warnings.warn(message, category)`. */
export function warn(message: string, category = 'UserWarning'): void {
  const r = recorders[recorders.length - 1];
  if (r) r.push({ message, category });
  else if (typeof process !== 'undefined' && typeof process.emitWarning === 'function') process.emitWarning(message, category);
  else console.warn(`${category}: ${message}`);
}

/**
 * `with warnings.catch_warnings(record=True) as w:`: runs `fn` and returns its result with the
 * warnings raised meanwhile.
 *
 * @example
 * ```ts
 * const { warnings } = mx.catch_warnings(() => p.initialize());
 * ```
 */
export function catch_warnings<T>(fn: () => T): { result: T; warnings: WarningRecord[] } {
  const rec: WarningRecord[] = [];
  recorders.push(rec);
  try {
    return { result: fn(), warnings: rec };
  } finally {
    recorders.pop();
  }
}
