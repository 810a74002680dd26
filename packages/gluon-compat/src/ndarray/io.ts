/**
 * `mx.nd.save`, `mx.nd.load`, `mx.nd.load_frombuffer` (python/mxnet/ndarray/utils.py) over the
 * `.params` codec. A dict is saved with its names and loads back as an ordered `Map`; a list
 * (or a single NDArray) is saved without names and loads back as an array.
 */
import { ValueError, nodeFs } from '@nncompat/core';
import { cpu } from '../context/context.js';
import { readNDArrayList } from '../ndarray-format/read.js';
import { writeNDArrayList } from '../ndarray-format/write.js';
import type { NDArrayRecord } from '../ndarray-format/record.js';
import { NDArray } from './ndarray.js';

/** What `mx.nd.save` accepts: an NDArray, a list of them, or a dict (`Map` or plain object) of name → NDArray. */
export type SaveData = NDArray | readonly NDArray[] | ReadonlyMap<string, NDArray> | Readonly<Record<string, NDArray>>;

/** What `mx.nd.load` returns: a list for files saved without names, else an ordered `Map`. */
export type LoadResult = NDArray[] | Map<string, NDArray>;

const TYPE_MSG = 'save only accept dict str->NDArray or list of NDArray';

/**
 * The bytes `mx.nd.save(fname, data)` writes (MXNet 1.9's V2 layout, dense arrays).
 *
 * @example
 * ```ts
 * const bytes = mx.nd.save_tobytes(new Map([['w', mx.nd.ones([2])]]));
 * ```
 */
export function save_tobytes(data: SaveData): Uint8Array {
  let arrays: readonly NDArray[];
  let names: string[] = [];
  if (data instanceof NDArray) arrays = [data];
  else if (Array.isArray(data)) {
    if (data.some((v) => !(v instanceof NDArray))) throw new TypeError(TYPE_MSG);
    arrays = data;
  } else if (data instanceof Map) {
    const entries = [...data.entries()];
    if (entries.some(([k, v]) => typeof k !== 'string' || !(v instanceof NDArray))) throw new TypeError(TYPE_MSG);
    names = entries.map(([k]) => k);
    arrays = entries.map(([, v]) => v);
  } else if (data !== null && typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype) {
    const entries = Object.entries(data as Record<string, unknown>);
    if (entries.some(([, v]) => !(v instanceof NDArray))) throw new TypeError(TYPE_MSG);
    names = entries.map(([k]) => k);
    arrays = entries.map(([, v]) => v as NDArray);
  } else {
    throw new ValueError('data needs to either be a NDArray, dict of str, NDArray pairs or a list of NDarrays.');
  }
  const records: NDArrayRecord[] = arrays.map((a) => ({
    dtype: a.tensor().dtype.name,
    shape: [...a.shape],
    data: a.asnumpy(),
    ctx: { devType: a.context.device_typeid, devId: a.context.device_id },
  }));
  // MXNet 1.9 writes V2 outside np_shape; a 0-dim array only exists under np_shape (V3).
  const version = records.some((r) => r.shape.length === 0) ? 3 : 2;
  return writeNDArrayList(records, names, { version });
}

/**
 * `mx.nd.save(fname, data)`: writes a list or dict of NDArrays to a `.params` file.
 *
 * @example
 * ```ts
 * mx.nd.save('my_dict.params', { x: mx.nd.zeros([2, 3]), y: mx.nd.ones([1, 4]) });
 * ```
 */
export function save(fname: string, data: SaveData): void {
  if (typeof fname !== 'string') throw new TypeError('fname required to be a string');
  nodeFs().writeFileSync(fname, save_tobytes(data));
}

/**
 * `mx.nd.load_frombuffer(buf)`: decodes `.params` bytes. Arrays land on `cpu(0)`, as in a
 * CPU-only MXNet build (the saved context is in `readNDArrayList`'s records).
 */
export function load_frombuffer(buf: Uint8Array): LoadResult {
  if (!(buf instanceof Uint8Array)) throw new TypeError('buf required to be a bytes-like object');
  const { arrays, names } = readNDArrayList(buf);
  const nds = arrays.map((r) => {
    // MXNet's `_ndarray_cls` rejects the "none" NDArray by its storage type.
    if (r === null) throw new Error('unknown storage type: -1');
    return NDArray._fromHost(r.data, r.shape, r.dtype, cpu(0));
  });
  if (names.length === 0) return nds;
  return new Map(names.map((n, i) => [n, nds[i]!]));
}

/**
 * `mx.nd.load(fname)`: reads a `.params` file (or its bytes) into a list or an ordered `Map`.
 *
 * @example
 * ```ts
 * const d = mx.nd.load('net.params') as Map<string, mx.nd.NDArray>;
 * d.get('arg:dense0_weight')?.shape;
 * ```
 */
export function load(fname: string | Uint8Array): LoadResult {
  if (fname instanceof Uint8Array) return load_frombuffer(fname);
  if (typeof fname !== 'string') throw new TypeError('fname required to be a string');
  return load_frombuffer(new Uint8Array(nodeFs().readFileSync(fname)));
}
