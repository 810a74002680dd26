/**
 * Store operations of the list- and dict-like containers (`ModuleList`, `Sequential`,
 * `ModuleDict`, OneFlow's `ParameterList` / `ParameterDict`): the numbering of list items as
 * '0', '1', …, and the KeyError of a missing dict key. Index checks and error texts that
 * differ between frameworks stay with the framework's containers.
 */

/** Renumbers a list container's store as '0'..'n-1' in place, keeping the order (after deletions). */
export function renumberStore<V>(store: Map<string, V>): void {
  const values = [...store.values()];
  store.clear();
  values.forEach((v, i) => store.set(String(i), v));
}

/**
 * `ModuleList.insert(index, module)`: shifts the entries from `index` up by one and stores
 * `value` at `index` (no range check, as in PyTorch and OneFlow).
 */
export function insertShifting<V>(store: Map<string, V>, index: number, value: V): void {
  for (let i = store.size; i > index; i--) store.set(String(i), store.get(String(i - 1))!);
  store.set(String(index), value);
}

/** `extend(items)` of a list container: `add(String(size + i), item)` for each item, in order. */
export function appendNumbered<V>(size: number, items: Iterable<V>, add: (key: string, item: V) => void): void {
  let i = size;
  for (const item of items) add(String(i++), item);
}

/** `d[key]` of a dict container: the stored value, or the framework's KeyError. */
export function getOrKeyError<V>(store: Map<string, V>, key: string, keyError: (key: string) => Error): V {
  if (!store.has(key)) throw keyError(key);
  return store.get(key) as V;
}

/** `del d[key]` of a dict container: removes it, or raises the framework's KeyError. */
export function deleteOrKeyError(store: Map<string, unknown>, key: string, keyError: (key: string) => Error): void {
  if (!store.delete(key)) throw keyError(key);
}
