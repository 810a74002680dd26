/**
 * Python's `collections.OrderedDict` as loaded from and written to pickles: an insertion-ordered
 * `Map` that, unlike a plain object, never reorders integer-like keys, and that keeps the
 * attributes a pickle sets on it with BUILD. PyTorch stores `state_dict()` versions there as
 * `_metadata` (`{'': {'version': 1}, 'fc': {'version': 2}, …}`).
 *
 * @example
 * ```ts
 * const sd = new OrderedDict<string, number>([['10', 1], ['2', 2]]);
 * [...sd.keys()]; // ['10', '2'] (a plain object would give ['2', '10'])
 * sd._metadata = new OrderedDict([['', new Map([['version', 1]])]]);
 * ```
 */
export class OrderedDict<K = unknown, V = unknown> extends Map<K, V> {
  /** PyTorch's per-module state_dict metadata, when the pickle carried it. */
  // `declare`: no field initializer, so the property exists only when a pickle (or user) sets it.
  declare _metadata?: OrderedDict<string, unknown> | Map<string, unknown>;

  /** The Python class name, for reprs and error texts. */
  static readonly pythonName = 'collections.OrderedDict';
}
