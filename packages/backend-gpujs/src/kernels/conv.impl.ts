/** Attribute readers shared by the pooling kernels (and future convolution ones). */

/** A `[h, w]` attribute given as a pair or one number. */
export function pair(attrs: Readonly<Record<string, unknown>>, name: string): [number, number] {
  const v = attrs[name] as readonly number[] | number;
  return typeof v === 'number' ? [v, v] : [v[0]!, v[1]!];
}
