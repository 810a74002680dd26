/** `torch.set_printoptions` state (`_tensor_str.PRINT_OPTS`). */

/** PyTorch's print options. */
export interface PrintOptions {
  precision: number;
  threshold: number;
  edgeitems: number;
  linewidth: number;
  sci_mode: boolean | null;
}

/** The live options read by the formatter. */
export const PRINT_OPTS: PrintOptions = { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80, sci_mode: null };

/** Arguments of `set_printoptions` (all optional; `profile` first resets to a preset). */
export interface SetPrintOptions {
  precision?: number | null;
  threshold?: number | null;
  edgeitems?: number | null;
  linewidth?: number | null;
  profile?: 'default' | 'short' | 'full' | null;
  sci_mode?: boolean | null;
}

/**
 * `torch.set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
 * profile=None, sci_mode=None)`.
 *
 * @example
 * ```ts
 * set_printoptions({ precision: 2 });
 * set_printoptions({ profile: 'default' });
 * ```
 */
export function set_printoptions(opts: SetPrintOptions = {}): void {
  if (opts.profile === 'default') Object.assign(PRINT_OPTS, { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80 });
  else if (opts.profile === 'short') Object.assign(PRINT_OPTS, { precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80 });
  else if (opts.profile === 'full') Object.assign(PRINT_OPTS, { precision: 4, threshold: Infinity, edgeitems: 3, linewidth: 80 });
  if (opts.precision != null) PRINT_OPTS.precision = opts.precision;
  if (opts.threshold != null) PRINT_OPTS.threshold = opts.threshold;
  if (opts.edgeitems != null) PRINT_OPTS.edgeitems = opts.edgeitems;
  if (opts.linewidth != null) PRINT_OPTS.linewidth = opts.linewidth;
  // As in PyTorch, sci_mode is always overwritten (None restores the automatic choice).
  PRINT_OPTS.sci_mode = opts.sci_mode ?? null;
}

/** `torch._tensor_str.get_printoptions()`: a copy of the current options. */
export function get_printoptions(): PrintOptions {
  return { ...PRINT_OPTS };
}
