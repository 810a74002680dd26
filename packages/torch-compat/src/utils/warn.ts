/**
 * `warnings.warn(message)`: printed once per message to stderr (Python's default filter shows
 * a warning once per location); tests can capture them with `captureWarnings`.
 */
const seen = new Set<string>();
let sink: ((msg: string) => void) | null = null;

/** Emits a `UserWarning`. */
export function warn(message: string): void {
  if (sink) {
    sink(message);
    return;
  }
  if (seen.has(message)) return;
  seen.add(message);
  process.emitWarning(message, 'UserWarning');
}

/**
 * Runs `fn` collecting the warnings it emits instead of printing them.
 *
 * @example
 * ```ts
 * const [, msgs] = captureWarnings(() => model.state_dict(null, 'x.'));
 * ```
 */
export function captureWarnings<T>(fn: () => T): [T, string[]] {
  const msgs: string[] = [];
  const prev = sink;
  sink = (m) => msgs.push(m);
  try {
    return [fn(), msgs];
  } finally {
    sink = prev;
  }
}
