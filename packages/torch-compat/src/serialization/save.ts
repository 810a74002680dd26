/**
 * `torch.save`: writes the zip format PyTorch ≥ 1.6 reads (`<name>/data.pkl` at protocol 2,
 * `byteorder`, one record per storage, `version`), with storages shared between views written
 * once, so `torch.load` in Python rebuilds the same sharing.
 */
import { OrderedDict, Parameter, pickle, RuntimeError, Tensor, zip, type Storage, nodeFs } from '@nncompat/core';
import { encodeElements, storageClassFor } from './storage-types.js';
import { torchTypes } from './torch-types.js';

const g = pickle.defineGlobal;
const REBUILD_TENSOR_V2 = g('torch._utils', '_rebuild_tensor_v2');
const REBUILD_PARAMETER = g('torch._utils', '_rebuild_parameter');
const SIZE = g('torch', 'Size');
const DEVICE = g('torch', 'device');

/** Options of {@link save}. */
export interface SaveOptions {
  /** Pickle protocol of data.pkl (PyTorch's default: 2). */
  pickle_protocol?: number;
}

class StorageRef {
  constructor(readonly storage: Storage, readonly key: string) {}
}

/** Serializes `obj` into checkpoint bytes; `archiveName` is the zip's top folder. */
export function saveToBytes(obj: unknown, archiveName = 'archive', opts: SaveOptions = {}): Uint8Array {
  const storages = new Map<Storage, StorageRef>();
  const memo = new Map<unknown, unknown>();
  const storageRef = (t: Tensor): StorageRef => {
    let r = storages.get(t._storage);
    if (!r) storages.set(t._storage, (r = new StorageRef(t._storage, String(storages.size))));
    return r;
  };
  const types = torchTypes();
  const convert = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'function' || typeof v === 'symbol') throw new RuntimeError(`torch.save: cannot pickle a ${typeof v}`);
      return v;
    }
    const hit = memo.get(v);
    if (hit !== undefined) return hit;
    let out: unknown;
    if (v instanceof Tensor) {
      if (v.isDisposed) throw new RuntimeError('torch.save: a tensor in the object was disposed');
      const tensorReduction = (t: Tensor): pickle.PickleReduction => ({
        func: REBUILD_TENSOR_V2,
        args: pickle.tuple(storageRef(t), t.storage_offset(), pickle.tuple(...t.shape), pickle.tuple(...t.stride()), t.requires_grad, new OrderedDict()),
      });
      if (v instanceof Parameter) {
        const data = { __reduce_ex__: () => tensorReduction(v.detach()) };
        out = { __reduce_ex__: (): pickle.PickleReduction => ({ func: REBUILD_PARAMETER, args: pickle.tuple(data, v.requires_grad, new OrderedDict()) }) };
      } else {
        out = { __reduce_ex__: () => tensorReduction(v) };
      }
    } else if (types.sizeDims(v) !== null) {
      const dims = types.sizeDims(v)!;
      out = { __reduce_ex__: (): pickle.PickleReduction => ({ func: SIZE, args: pickle.tuple(pickle.tuple(...dims)) }) };
    } else if (types.deviceSpec(v) !== null) {
      const d = types.deviceSpec(v)!;
      out = { __reduce_ex__: (): pickle.PickleReduction => ({ func: DEVICE, args: d.index === null ? pickle.tuple(d.type) : pickle.tuple(d.type, d.index) }) };
    } else if (v instanceof OrderedDict) {
      const od = new OrderedDict();
      memo.set(v, od);
      for (const [k, x] of v) od.set(convert(k), convert(x));
      if (v._metadata) od._metadata = convert(v._metadata) as OrderedDict<string, unknown>;
      return od;
    } else if (v instanceof Map) {
      const m = new Map();
      memo.set(v, m);
      for (const [k, x] of v) m.set(convert(k), convert(x));
      return m;
    } else if (v instanceof Set) {
      out = new Set([...v].map(convert));
    } else if (Array.isArray(v)) {
      const items = v.map(convert);
      out = Object.isFrozen(v) ? Object.freeze(items) : items;
    } else if (ArrayBuffer.isView(v) || v instanceof pickle.PyFloat || v instanceof pickle.PickledObject) {
      out = v;
    } else if (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null) {
      // A plain object is a dict with string keys (in insertion order, as JS keeps them).
      const m = new Map();
      memo.set(v, m);
      for (const [k, x] of Object.entries(v)) m.set(k, convert(x));
      return m;
    } else {
      throw new RuntimeError(`torch.save: cannot pickle an object of class ${(v as object).constructor?.name ?? 'unknown'}; save its state_dict() instead`);
    }
    memo.set(v, out);
    return out;
  };
  const root = convert(obj);
  const pkl = pickle.dumps(root, {
    protocol: opts.pickle_protocol ?? 2,
    persistentId: (o) =>
      o instanceof StorageRef
        ? pickle.tuple('storage', g('torch', storageClassFor(o.storage.dtype)), o.key, 'cpu', o.storage.numel)
        : null,
  });
  const entries: { name: string; data: Uint8Array }[] = [
    { name: `${archiveName}/data.pkl`, data: pkl },
    { name: `${archiveName}/byteorder`, data: new TextEncoder().encode('little') },
  ];
  for (const ref of storages.values()) {
    const host = ref.storage.backend.read(ref.storage.handle, ref.storage.dtype);
    entries.push({ name: `${archiveName}/data/${ref.key}`, data: encodeElements(host, ref.storage.dtype) });
  }
  entries.push({ name: `${archiveName}/version`, data: new TextEncoder().encode('3\n') });
  return zip.writeZip(entries, { align: 64 });
}

/**
 * The last component of a path (node:path's POSIX `basename`, trailing separators dropped),
 * without importing node:path; a backslash also separates, as on Windows where `torch.save` may run.
 */
function baseName(f: string): string {
  const parts = f.split(/[\\/]+/).filter((s) => s !== '');
  return parts[parts.length - 1] ?? '';
}

/**
 * `torch.save(obj, f)`: `f` is a path (the zip's folder is the file name without extension, as
 * PyTorch names it) or omitted to get the bytes.
 *
 * @example
 * torch.save(model.state_dict(), 'model.pt');
 */
export function save(obj: unknown, f?: string | null, opts: SaveOptions = {}): Uint8Array {
  const name = typeof f === 'string' ? baseName(f).replace(/\.[^.]*$/, '') || 'archive' : 'archive';
  const bytes = saveToBytes(obj, name, opts);
  if (typeof f === 'string') nodeFs().writeFileSync(f, bytes);
  return bytes;
}
