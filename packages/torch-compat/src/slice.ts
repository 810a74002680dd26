/** Python's `slice` objects for container indexing (`seq.__getitem__(slice(1, null))`). */
import { ValueError } from '@nncompat/core';

/** `slice(start, stop, step)`. */
export class Slice {
  constructor(
    readonly start: number | null = null,
    readonly stop: number | null = null,
    readonly step: number | null = null,
  ) {}
  /** `slice.indices(length)` then `range(...)`: the selected positions. */
  positions(length: number): number[] {
    const step = this.step ?? 1;
    if (step === 0) throw new ValueError('slice step cannot be zero');
    const clamp = (v: number | null, dflt: number, lo: number, hi: number): number => {
      if (v === null) return dflt;
      const x = v < 0 ? v + length : v;
      return Math.min(Math.max(x, lo), hi);
    };
    const start = step > 0 ? clamp(this.start, 0, 0, length) : clamp(this.start, length - 1, -1, length - 1);
    const stop = step > 0 ? clamp(this.stop, length, 0, length) : clamp(this.stop, -1, -1, length - 1);
    const out: number[] = [];
    for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(i);
    return out;
  }
  toString(): string {
    const r = (v: number | null): string => (v === null ? 'None' : String(v));
    return `slice(${r(this.start)}, ${r(this.stop)}, ${r(this.step)})`;
  }
}

/**
 * `slice(stop)` / `slice(start, stop, step?)`.
 *
 * @example
 * ```ts
 * seq.__getitem__(slice(1, null)); // seq[1:]
 * ```
 */
export function slice(start: number | null, stop?: number | null, step: number | null = null): Slice {
  return stop === undefined ? new Slice(null, start, null) : new Slice(start, stop, step);
}
