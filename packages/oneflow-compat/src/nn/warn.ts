/** `warnings.warn(msg)`: printed once per message, as Python's default filter does. */
const seen = new Set<string>();

/**
 * Emits a UserWarning through Node's process warnings (or console.warn elsewhere), once per text.
 *
 * @example
 * ```ts
 * warn('The module hooks will not be remained after serializing');
 * ```
 */
export function warn(message: string): void {
  if (seen.has(message)) return;
  seen.add(message);
  const p = (globalThis as { process?: { emitWarning?: (m: string, t: string) => void } }).process;
  if (p?.emitWarning) p.emitWarning(message, 'UserWarning');
  else console.warn(`UserWarning: ${message}`);
}
