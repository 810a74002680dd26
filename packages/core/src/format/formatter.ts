/**
 * `_tensor_str._Formatter`: decides int / fixed / scientific mode and the column width from
 * the (summarized) values, then formats each element padded to that width.
 */
import { formatExp, formatFixed } from './pyformat.js';
import { PRINT_OPTS } from './options.js';

/** An element as Python sees it after `.tolist()`. */
export type Elem = number | boolean;

/** `str(x)` of an integer or bool element. */
export function intStr(v: Elem): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return Number.isSafeInteger(v) ? String(v) : BigInt(v).toString();
}

/** One formatter per printed tensor. */
export class Formatter {
  readonly floating: boolean;
  int_mode = true;
  sci_mode = false;
  max_width = 1;

  constructor(values: readonly Elem[], floating: boolean) {
    this.floating = floating;
    if (!floating) {
      for (const v of values) this.max_width = Math.max(this.max_width, intStr(v).length);
    } else {
      const nz = (values as number[]).filter((v) => Number.isFinite(v) && v !== 0);
      if (nz.length > 0) {
        let min = Infinity;
        let max = 0;
        for (const v of nz) {
          const a = Math.abs(v);
          if (a < min) min = a;
          if (a > max) max = a;
        }
        for (const v of nz) {
          if (v !== Math.ceil(v)) {
            this.int_mode = false;
            break;
          }
        }
        const p = PRINT_OPTS.precision;
        if (this.int_mode) {
          if (max / min > 1000 || max > 1e8) {
            this.sci_mode = true;
            for (const v of nz) this.max_width = Math.max(this.max_width, formatExp(v, p).length);
          } else {
            for (const v of nz) this.max_width = Math.max(this.max_width, formatFixed(v, 0).length + 1);
          }
        } else if (max / min > 1000 || max > 1e8 || min < 1e-4) {
          this.sci_mode = true;
          for (const v of nz) this.max_width = Math.max(this.max_width, formatExp(v, p).length);
        } else {
          for (const v of nz) this.max_width = Math.max(this.max_width, formatFixed(v, p).length);
        }
      }
    }
    if (PRINT_OPTS.sci_mode !== null) this.sci_mode = PRINT_OPTS.sci_mode;
  }

  width(): number {
    return this.max_width;
  }

  format(value: Elem): string {
    let ret: string;
    if (this.floating) {
      const v = value as number;
      if (this.sci_mode) ret = formatExp(v, PRINT_OPTS.precision);
      else if (this.int_mode) {
        ret = formatFixed(v, 0);
        if (Number.isFinite(v)) ret += '.';
      } else ret = formatFixed(v, PRINT_OPTS.precision);
    } else {
      ret = intStr(value);
    }
    return ' '.repeat(Math.max(0, this.max_width - ret.length)) + ret;
  }
}
