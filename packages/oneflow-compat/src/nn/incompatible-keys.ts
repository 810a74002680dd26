/** `_IncompatibleKeys`: the result of `load_state_dict` (module.py). */

/**
 * `(missing_keys, unexpected_keys)`, printed as OneFlow prints it (namedtuple's repr with the
 * subclass name `_IncompatibleKeys`).
 *
 * @example
 * ```ts
 * String(m.load_state_dict(sd)); // '<All keys matched successfully>'
 * ```
 */
export class IncompatibleKeys {
  constructor(readonly missing_keys: string[], readonly unexpected_keys: string[]) {}

  toString(): string {
    if (this.missing_keys.length === 0 && this.unexpected_keys.length === 0) return '<All keys matched successfully>';
    const list = (a: string[]): string => `[${a.map((k) => `'${k}'`).join(', ')}]`;
    return `_IncompatibleKeys(missing_keys=${list(this.missing_keys)}, unexpected_keys=${list(this.unexpected_keys)})`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
