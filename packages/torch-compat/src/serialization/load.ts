/**
 * `torch.load`: reads PyTorch's zip checkpoints (≥ 1.6) and the legacy format
 * (`_use_new_zipfile_serialization=False`), safe by default (`weights_only=true`: an allow-list
 * unpickler that calls nothing but the rebuild functions below).
 */
import { DType, moveTo, Parameter, pickle, RuntimeError, Tensor, zip, nodeFs } from '@nncompat/core';
import { decodeElements, DTYPE_BY_NAME, STORAGE_DTYPES, StorageType } from './storage-types.js';
import { torchTypes } from './torch-types.js';

type PickleGlobal = ReturnType<typeof pickle.defineGlobal>;

/** `map_location`: a device/backend name, or a mapping from saved locations to names. */
export type MapLocation = string | null | Readonly<Record<string, string>>;

/** Options of {@link load}. */
export interface LoadOptions {
  /** Where tensors go: `'cpu'` (the reference backend), a backend name, or `{ 'cuda:0': 'cpu' }`. */
  map_location?: MapLocation;
  /** Allow-list unpickling (default true), as PyTorch ≥ 2.6 defaults to. */
  weights_only?: boolean;
  /** Also verify the CRC-32 of every storage record (PyTorch does not; default false). */
  check_crc?: boolean;
}

/** A storage while loading: a 1-D tensor over its elements plus an element offset (legacy views). */
interface LoadedStorage {
  tensor: Tensor;
  offset: number;
  location: string;
}

const extraSafeGlobals: PickleGlobal[] = [];

/**
 * `torch.serialization.add_safe_globals(globals)`: extends the weights_only allow-list.
 *
 * @example
 * add_safe_globals([pickle.defineGlobal('mylib', 'Config', { construct: () => ({}) })]);
 */
export function add_safe_globals(globals: readonly PickleGlobal[]): void {
  extraSafeGlobals.push(...globals);
}

/** `torch.serialization.get_safe_globals()`. */
export function get_safe_globals(): PickleGlobal[] {
  return [...extraSafeGlobals];
}

/** `torch.serialization.clear_safe_globals()`. */
export function clear_safe_globals(): void {
  extraSafeGlobals.length = 0;
}

function asStorage(v: unknown, what: string): LoadedStorage {
  if (v && typeof v === 'object' && 'tensor' in v && 'offset' in v) return v as LoadedStorage;
  throw new RuntimeError(`${what}: expected a storage, got ${pickle.pyTypeName(v)}`);
}

function asDims(v: unknown, what: string): number[] {
  if (!Array.isArray(v) || !v.every((d) => Number.isInteger(d))) throw new RuntimeError(`${what}: expected a tuple of ints`);
  return v as number[];
}

/** Builds the strided tensor of `_rebuild_tensor*`, checking it stays inside its storage. */
function rebuildTensor(storageV: unknown, offsetV: unknown, sizeV: unknown, strideV: unknown, requiresGrad: unknown): Tensor {
  const st = asStorage(storageV, '_rebuild_tensor_v2');
  const size = asDims(sizeV, '_rebuild_tensor_v2 size');
  const stride = asDims(strideV, '_rebuild_tensor_v2 stride');
  if (!Number.isInteger(offsetV) || (offsetV as number) < 0) throw new RuntimeError('_rebuild_tensor_v2: storage offset must be a non-negative int');
  if (size.length !== stride.length) throw new RuntimeError(`_rebuild_tensor_v2: size has ${size.length} dims but stride has ${stride.length}`);
  const offset = st.offset + (offsetV as number);
  let last = offset;
  let empty = false;
  size.forEach((s, i) => {
    if (s < 0 || stride[i]! < 0) throw new RuntimeError(`_rebuild_tensor_v2: negative size or stride in [${size}] / [${stride}]`);
    if (s === 0) empty = true;
    else last += (s - 1) * stride[i]!;
  });
  const n = st.tensor.numel();
  if (!empty && last >= n) {
    throw new RuntimeError(
      `corrupt checkpoint: a tensor of size [${size.join(', ')}] with stride [${stride.join(', ')}] at offset ${offset} reads element ${last} of a storage of ${n} elements`,
    );
  }
  const t = new Tensor(st.tensor._storage, size, stride, offset);
  if (requiresGrad === true) t.requires_grad_(true);
  return t;
}

/** One marker per storage class, shared by the globals and by persistent ids naming them. */
const STORAGE_TYPES: ReadonlyMap<string, StorageType> = new Map(
  Object.entries(STORAGE_DTYPES).map(([name, dtype]) => [name, new StorageType(name, DTYPE_BY_NAME[dtype]!)]),
);

let torchGlobalsCache: PickleGlobal[] | null = null;

/** The allow-list of torch globals; built once, every unpickler of every load shares it. */
function torchGlobals(): PickleGlobal[] {
  if (torchGlobalsCache) return torchGlobalsCache;
  const g = pickle.defineGlobal;
  const types = torchTypes();
  const r: PickleGlobal[] = [pickle.ORDERED_DICT_GLOBAL];
  for (const [name, marker] of STORAGE_TYPES) {
    r.push(g('torch', name, { call: () => marker, construct: () => marker }));
    r.push(g('torch.storage', name, { call: () => marker, construct: () => marker }));
  }
  for (const [name, dtype] of Object.entries(DTYPE_BY_NAME)) r.push(g('torch', name, { call: () => dtype, construct: () => dtype }));
  r.push(
    g('torch._utils', '_rebuild_tensor_v2', { call: (a) => rebuildTensor(a[0], a[1], a[2], a[3], a[4]) }),
    g('torch._utils', '_rebuild_tensor', { call: (a) => rebuildTensor(a[0], a[1], a[2], a[3], false) }),
    g('torch._utils', '_rebuild_tensor_v3', {
      call: (a) => {
        // 2.x untyped storages: bytes reinterpreted as `dtype`.
        const st = asStorage(a[0], '_rebuild_tensor_v3');
        // GLOBAL pushes `torch.float32` as a global reference; the call sees it unresolved.
        const d = a[6];
        const dtype = d instanceof DType ? d : dtypeOfGlobal(d);
        if (!dtype) throw new RuntimeError('_rebuild_tensor_v3: expected a dtype');
        const bytes = st.tensor.dataSync() as Uint8Array;
        const typed = decodeElements(bytes, dtype, Math.floor(bytes.length / dtype.itemsize), false, '_rebuild_tensor_v3 storage');
        const tt: LoadedStorage = { tensor: Tensor.fromHost(typed, [typed.length], dtype), offset: 0, location: st.location };
        return rebuildTensor(tt, a[1], a[2], a[3], a[4]);
      },
    }),
    g('torch._utils', '_rebuild_parameter', {
      call: (a) => {
        if (!(a[0] instanceof Tensor)) throw new RuntimeError('_rebuild_parameter: expected a tensor');
        return new Parameter(a[0], a[1] !== false);
      },
    }),
    g('torch._utils', '_rebuild_parameter_with_state', {
      call: (a) => {
        if (!(a[0] instanceof Tensor)) throw new RuntimeError('_rebuild_parameter_with_state: expected a tensor');
        const p = new Parameter(a[0], a[1] !== false);
        if (a[3] instanceof Map) for (const [k, v] of a[3]) if (typeof k === 'string' && !(k in p)) (p as unknown as Record<string, unknown>)[k] = v;
        return p;
      },
    }),
    g('torch', 'Size', { call: (a) => types.size(asDims(a[0] ?? [], 'torch.Size')) }),
    // torch.device is on the weights_only list from PyTorch 2.4 on; it is pure data.
    g('torch', 'device', {
      call: (a) => {
        const spec = a[0];
        if (typeof spec !== 'string') throw new RuntimeError('torch.device: expected a string');
        const [type, idx] = spec.split(':');
        const index = a.length > 1 && typeof a[1] === 'number' ? a[1] : idx !== undefined ? Number(idx) : null;
        return types.device(type!, index);
      },
    }),
  );
  torchGlobalsCache = r;
  return r;
}

function targetBackend(map: MapLocation | undefined, location: string): string {
  if (map === null || map === undefined) {
    if (location.startsWith('cuda')) {
      throw new RuntimeError(
        "Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False. If you are running on a CPU-only machine, please use torch.load with map_location=torch.device('cpu') to map your storages to the CPU.",
      );
    }
    return 'cpu';
  }
  if (typeof map === 'string') return map;
  return map[location] ?? (location.startsWith('cuda') ? targetBackend(null, location) : 'cpu');
}

function isZipFile(path: string): boolean {
  const fs = nodeFs();
  const fd = fs.openSync(path, 'r');
  try {
    const head = new Uint8Array(4);
    return fs.readSync(fd, head, 0, 4, 0) === 4 && isZip(head);
  } finally {
    fs.closeSync(fd);
  }
}

function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

function unpicklerOptions(weightsOnly: boolean, persistentLoad: (pid: unknown) => unknown): pickle.UnpicklerOptions {
  return {
    weightsOnly,
    // set/frozenset/bytes/bytearray are pure data: PyTorch ≥ 2.5 allows them under weights_only too.
    globals: [...torchGlobals(), ...extraSafeGlobals, ...pickle.PYTHON_DATA_GLOBALS],
    persistentLoad,
    encoding: 'utf-8',
  };
}

/** A storage class global (as GLOBAL pushes it) or its called marker → its storage type. */
function storageTypeOf(v: unknown): StorageType | null {
  if (v instanceof StorageType) return v;
  if (pickle.isPickleGlobal(v) && (v.module === 'torch' || v.module === 'torch.storage')) {
    return STORAGE_TYPES.get(v.name) ?? null;
  }
  return null;
}

/** The dtype a `torch.<dtype>` global reference names (GLOBAL pushes it unresolved), if any. */
function dtypeOfGlobal(v: unknown): DType | undefined {
  return pickle.isPickleGlobal(v) && v.module === 'torch' ? DTYPE_BY_NAME[v.name] : undefined;
}

/** Globals pushed as plain values (GLOBAL without a call): dtypes become dtype objects. */
function resolveGlobalValues(v: unknown, seen = new Map<unknown, unknown>()): unknown {
  if (pickle.isPickleGlobal(v)) return dtypeOfGlobal(v) ?? v;
  if (v === null || typeof v !== 'object' || v instanceof Tensor) return v;
  if (seen.has(v)) return seen.get(v);
  if (Array.isArray(v)) {
    if (Object.isFrozen(v)) {
      const items = v.map((x) => resolveGlobalValues(x, seen));
      const same = items.every((x, i) => x === v[i]);
      const r = same ? v : Object.freeze(items);
      seen.set(v, r);
      return r;
    }
    seen.set(v, v);
    for (let i = 0; i < v.length; i++) v[i] = resolveGlobalValues(v[i], seen);
    return v;
  }
  seen.set(v, v);
  if (v instanceof Map) {
    for (const [k, x] of v) v.set(k, resolveGlobalValues(x, seen));
  }
  return v;
}

function storagePid(pid: unknown, what: string): { type: StorageType; key: string; location: string; numel: number; rest: readonly unknown[] } {
  if (!Array.isArray(pid) || pid[0] !== 'storage') {
    throw new pickle.UnpicklingError(`Only persistent_load of storage is allowed, but got ${Array.isArray(pid) ? String(pid[0]) : pickle.pyTypeName(pid)}`);
  }
  const [, typeV, key, location, numel, ...rest] = pid as unknown[];
  const type = storageTypeOf(typeV);
  if (!type) throw new RuntimeError(`${what}: unknown storage type ${pickle.isPickleGlobal(typeV) ? pickle.globalPath(typeV) : pickle.pyTypeName(typeV)}`);
  if (typeof key !== 'string') throw new RuntimeError(`${what}: storage key must be a string`);
  if (!Number.isInteger(numel) || (numel as number) < 0) throw new RuntimeError(`${what}: storage size must be a non-negative int`);
  return { type, key, location: String(location), numel: numel as number, rest };
}

// PyTorch's reader does not verify storage CRCs (miniz is built without them); data.pkl's is checked below.
function loadZip(z: zip.ZipReader | zip.ZipFileReader, opts: LoadOptions, owned: boolean): unknown {
  // From a file: each storage gets a buffer of its own, read straight from disk.
  const readStorage = 'readDetached' in z ? (n: string) => z.readDetached(n) : (n: string) => z.read(n);
  const names = z.names();
  const pkl = names.filter((n) => n === 'data.pkl' || n.endsWith('/data.pkl'));
  if (pkl.length !== 1) {
    throw new RuntimeError(`PytorchStreamReader failed locating file data.pkl: file not found (found ${pkl.length} candidates in ${names.length} records)`);
  }
  const prefix = pkl[0]!.slice(0, -'data.pkl'.length);
  const order = z.has(`${prefix}byteorder`) ? new TextDecoder().decode(z.read(`${prefix}byteorder`)) : 'little';
  if (order !== 'little' && order !== 'big') throw new RuntimeError(`Unknown endianness type: ${order}`);
  const cache = new Map<string, LoadedStorage>();
  const persistentLoad = (pid: unknown): unknown => {
    const p = storagePid(pid, 'torch.load');
    const hit = cache.get(p.key);
    if (hit) return hit;
    const name = `${prefix}data/${p.key}`;
    if (!z.has(name)) throw new RuntimeError(`PytorchStreamReader failed locating file ${name}: file not found`);
    const data = decodeElements(readStorage(name), p.type.dtype, p.numel, order === 'big', `storage ${p.key}`, owned);
    const st: LoadedStorage = { tensor: Tensor.fromHost(data, [p.numel], p.type.dtype, 'cpu'), offset: 0, location: p.location };
    cache.set(p.key, st);
    return st;
  };
  const pklBytes = z.read(pkl[0]!);
  if (zip.crc32(pklBytes) !== z.info(pkl[0]!).crc32) throw new zip.ZipFormatError(`CRC-32 mismatch in entry '${pkl[0]}': the checkpoint is corrupt`);
  const result = resolveGlobalValues(new pickle.Unpickler(pklBytes, unpicklerOptions(opts.weights_only ?? true, persistentLoad)).load());
  return relocate(result, [...cache.values()], opts.map_location);
}

/** 0x1950a86a20f9469cfc6c: the legacy format's magic number. */
const MAGIC_NUMBER = 0x1950a86a20f9469cfc6cn;
const PROTOCOL_VERSION = 1001;

function loadLegacy(bytes: Uint8Array, opts: LoadOptions): unknown {
  if (bytes.length < 2 || bytes[0] !== 0x80) {
    throw new RuntimeError('Invalid magic number; corrupt file? (not a zip archive and not a legacy torch.save pickle)');
  }
  const weightsOnly = opts.weights_only ?? true;
  let pos = 0;
  const next = (persistentLoad?: (pid: unknown) => unknown): unknown => {
    const u = new pickle.Unpickler(bytes.subarray(pos), unpicklerOptions(weightsOnly, persistentLoad ?? (() => {
      throw new RuntimeError('unexpected persistent id in a legacy header pickle');
    })));
    const v = u.load();
    pos += u.position;
    return v;
  };
  const magic = next();
  if (typeof magic !== 'bigint' || magic !== MAGIC_NUMBER) throw new RuntimeError('Invalid magic number; corrupt file?');
  const protocol = next();
  if (protocol !== PROTOCOL_VERSION) throw new RuntimeError(`Invalid protocol version: ${String(protocol)}`);
  const sysInfo = next();
  if (sysInfo instanceof Map && sysInfo.get('little_endian') === false) {
    throw new RuntimeError('legacy checkpoints written on big-endian machines are not supported');
  }
  const roots = new Map<string, LoadedStorage & { numel: number; data: ReturnType<typeof decodeElements> | null }>();
  const views = new Map<string, LoadedStorage>();
  const persistentLoad = (pid: unknown): unknown => {
    const p = storagePid(pid, 'torch.load (legacy)');
    let root = roots.get(p.key);
    if (!root) {
      // Filled from the storage records after the main pickle; the tensor wraps the same array.
      const data = decodeElements(new Uint8Array(p.numel * p.type.dtype.itemsize), p.type.dtype, p.numel, false, `storage ${p.key}`);
      root = { tensor: Tensor.fromHost(data, [p.numel], p.type.dtype, 'cpu'), offset: 0, location: p.location, numel: p.numel, data };
      roots.set(p.key, root);
    }
    const viewMeta = p.rest[0];
    if (viewMeta === null || viewMeta === undefined) return root;
    if (!Array.isArray(viewMeta) || viewMeta.length !== 3) throw new RuntimeError('torch.load (legacy): bad view metadata');
    const [viewKey, offset, size] = viewMeta as [unknown, unknown, unknown];
    if (typeof viewKey !== 'string' || !Number.isInteger(offset) || !Number.isInteger(size)) throw new RuntimeError('torch.load (legacy): bad view metadata');
    if ((offset as number) + (size as number) > root.numel) throw new RuntimeError(`torch.load (legacy): storage view ${viewKey} exceeds storage ${p.key}`);
    let v = views.get(viewKey);
    if (!v) views.set(viewKey, (v = { tensor: root.tensor, offset: offset as number, location: p.location }));
    return v;
  };
  const result = resolveGlobalValues(next(persistentLoad));
  const keys = next();
  if (!Array.isArray(keys)) throw new RuntimeError('torch.load (legacy): expected the list of storage keys');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const key of keys) {
    const root = roots.get(key as string);
    if (!root) throw new RuntimeError(`torch.load (legacy): storage ${String(key)} is listed but never used`);
    if (pos + 8 > bytes.length) throw new RuntimeError(`torch.load (legacy): file ends before storage ${String(key)}`);
    const numel = dv.getBigInt64(pos, true);
    pos += 8;
    if (numel !== BigInt(root.numel)) throw new RuntimeError(`torch.load (legacy): storage ${String(key)} records ${numel} elements, the pickle says ${root.numel}`);
    const nbytes = root.numel * root.tensor.dtype.itemsize;
    if (pos + nbytes > bytes.length) throw new RuntimeError(`torch.load (legacy): file ends inside storage ${String(key)}`);
    const data = decodeElements(bytes.subarray(pos, pos + nbytes), root.tensor.dtype, root.numel, false, `storage ${String(key)}`);
    root.data!.set(data as never);
    pos += nbytes;
  }
  return relocate(result, [...roots.values()], opts.map_location);
}

/** Moves every loaded storage to its target backend, keeping views of one storage shared. */
function relocate(result: unknown, storages: readonly LoadedStorage[], map: MapLocation | undefined): unknown {
  const moved = new Map<unknown, Tensor>();
  for (const st of storages) {
    const target = targetBackend(map, st.location);
    if (target !== 'cpu' && target !== 'reference') moved.set(st.tensor._storage, moveTo(st.tensor, target));
  }
  if (moved.size === 0) return result;
  const seen = new Set<unknown>();
  const fix = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v instanceof Tensor) {
      const m = moved.get(v._storage);
      if (m) v._storage = m._storage;
      return;
    }
    if (v instanceof Map) for (const [k, x] of v) (fix(k), fix(x));
    else if (v instanceof Set) for (const x of v) fix(x);
    else if (Array.isArray(v)) for (const x of v) fix(x);
    else for (const x of Object.values(v)) fix(x);
  };
  fix(result);
  return result;
}

/**
 * `torch.load(f, map_location=None, weights_only=True)`: a path or the file's bytes.
 *
 * @example
 * const sd = torch.load('model.pt');            // OrderedDict of tensors
 * model.load_state_dict(sd);
 */
export function load(f: string | Uint8Array, opts: LoadOptions = {}): unknown {
  const checkCrc = opts.check_crc ?? false;
  if (typeof f === 'string') {
    if (isZipFile(f)) {
      // Storages are read from disk straight into the image the tensors then view: one copy.
      const z = zip.readZipFile(f, { checkCrc });
      try {
        return loadZip(z, opts, true);
      } finally {
        z.close();
      }
    }
    const file = nodeFs().readFileSync(f);
    return loadLegacy(new Uint8Array(file.buffer, file.byteOffset, file.byteLength), opts);
  }
  if (!(f instanceof Uint8Array)) throw new TypeError("'f' must be a path or a Uint8Array");
  // A caller's buffer is copied from, never viewed: their later writes must not reach our tensors.
  return isZip(f) ? loadZip(zip.readZip(f, { checkCrc }), opts, false) : loadLegacy(f, opts);
}
