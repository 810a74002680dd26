/** Python's `warnings.warn(msg, UserWarning)`: shown once per message, as the default filter does. */
const seen = new Set<string>();

/**
 * Prints `UserWarning: <message>` to stderr the first time a message is seen.
 *
 * @example
 * warnOnce('reduction: \'mean\' divides the total loss by both the batch size and the support size.');
 */
export function warnOnce(message: string): void {
  if (seen.has(message)) return;
  seen.add(message);
  console.warn(`UserWarning: ${message}`);
}
