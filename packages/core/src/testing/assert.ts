/** Closeness assertions in the style of `torch.testing.assert_close`. */
import { Tensor } from '../index.js';
import { toNumbers } from './tensors.js';

/** Tolerances: |actual - expected| <= atol + rtol * |expected|. */
export interface Tolerance {
  rtol: number;
  atol: number;
}

/** torch.testing's default tolerances per dtype (exact for integer and bool dtypes). */
export const DEFAULT_TOLERANCE: Readonly<Record<string, Tolerance>> = Object.freeze({
  float32: { rtol: 1.3e-6, atol: 1e-5 },
  float64: { rtol: 1e-7, atol: 1e-7 },
  float16: { rtol: 1e-3, atol: 1e-5 },
  bfloat16: { rtol: 1.6e-2, atol: 1e-5 },
});

/** Options of `assertClose`. */
export interface AssertCloseOptions extends Partial<Tolerance> {
  /** Prefix of the error message. */
  what?: string;
  /** NaN equals NaN (default true, as fixtures spell NaN explicitly). */
  equal_nan?: boolean;
}

/**
 * Throws an Error naming the first mismatching element (and counting the others) unless
 * `actual` and `expected` have the same length and agree within `atol + rtol * |expected|`.
 * Infinities must match exactly; tolerances default to exact comparison.
 *
 * @example
 * assertClose(y, [0.5, 1.25], { rtol: 1.3e-6, atol: 1e-5 });
 */
export function assertClose(actual: Tensor | ArrayLike<number>, expected: Tensor | ArrayLike<number>, opts: AssertCloseOptions = {}): void {
  const a = actual instanceof Tensor ? toNumbers(actual) : Array.from(actual);
  const e = expected instanceof Tensor ? toNumbers(expected) : Array.from(expected);
  const what = opts.what ?? 'values';
  const rtol = opts.rtol ?? 0;
  const atol = opts.atol ?? 0;
  const equalNan = opts.equal_nan ?? true;
  if (a.length !== e.length) throw new Error(`${what}: expected ${e.length} elements, got ${a.length}`);
  let first = -1;
  let bad = 0;
  let worst = 0;
  for (let i = 0; i < e.length; i++) {
    const x = a[i]!;
    const y = e[i]!;
    let ok: boolean;
    if (Number.isNaN(y) || Number.isNaN(x)) ok = equalNan && Number.isNaN(x) && Number.isNaN(y);
    else if (!Number.isFinite(y) || !Number.isFinite(x)) ok = x === y;
    else {
      const diff = Math.abs(x - y);
      ok = diff <= atol + rtol * Math.abs(y);
      if (!ok) worst = Math.max(worst, diff);
    }
    if (!ok) {
      bad++;
      if (first < 0) first = i;
    }
  }
  if (bad > 0) {
    throw new Error(
      `${what}: ${bad} of ${e.length} elements differ (rtol ${rtol}, atol ${atol}); first at flat index ${first}: got ${a[first]}, expected ${e[first]}; greatest finite difference ${worst}`,
    );
  }
}
