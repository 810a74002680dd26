/** Errors of the pickle layer: Python's UnpicklingError, and PyTorch's weights-only rejection. */
import { UnpicklingError } from '../../errors.js';
import { WEIGHTS_ONLY_UNSAFE_MESSAGE } from './weights-only.js';

export { UnpicklingError };

/**
 * What `torch.load(..., weights_only=True)` raises for a pickle outside its policy: a Python
 * `UnpicklingError` whose text is UNSAFE_MESSAGE followed by the weights-only unpickler's own
 * message (kept apart in `reason`).
 *
 * @example
 * ```ts
 * try { loads(bytes); }
 * catch (e) { if (e instanceof WeightsOnlyUnpicklingError) e.reason; } // 'Unsupported class os.system'
 * ```
 */
export class WeightsOnlyUnpicklingError extends UnpicklingError {
  constructor(readonly reason: string) {
    super(WEIGHTS_ONLY_UNSAFE_MESSAGE + reason);
    // Python prints the class as UnpicklingError; this subclass only helps `instanceof`.
    this.name = 'UnpicklingError';
  }
}
