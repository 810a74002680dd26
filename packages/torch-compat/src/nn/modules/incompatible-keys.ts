/** `torch.nn.modules.module._IncompatibleKeys`: what `load_state_dict` returns. */
import { pyRepr } from '../../python.js';

/**
 * Missing and unexpected keys of a `load_state_dict` call (a named tuple in PyTorch).
 *
 * @example
 * ```ts
 * const r = model.load_state_dict(sd, false);
 * r.missing_keys; String(r); // '<All keys matched successfully>' when both are empty
 * ```
 */
export class IncompatibleKeys {
  constructor(
    readonly missing_keys: string[],
    readonly unexpected_keys: string[],
  ) {}
  /** Tuple-style access: `[missing_keys, unexpected_keys]`. */
  *[Symbol.iterator](): Generator<string[]> {
    yield this.missing_keys;
    yield this.unexpected_keys;
  }
  /** `repr()`, as PyTorch prints it. */
  toString(): string {
    if (this.missing_keys.length === 0 && this.unexpected_keys.length === 0) return '<All keys matched successfully>';
    return `_IncompatibleKeys(missing_keys=${pyRepr(this.missing_keys)}, unexpected_keys=${pyRepr(this.unexpected_keys)})`;
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
