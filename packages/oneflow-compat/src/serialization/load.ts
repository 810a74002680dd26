/**
 * `oneflow.load(path, global_src_rank=None, map_location=None, *, support_pytorch_format=True)`
 * (check_point_v2.py): the loaders are tried in OneFlow's order — legacy directory (no
 * `pickled_data`), OneFlow single-file pickle, PyTorch file (through torch-compat's
 * `torch.load`), OneFlow pickle directory — and anything else is `ValueError: Cannot load
 * file "<path>"`.
 */
import { AssertionError, OrderedDict, pickle, RuntimeError, Tensor as CoreTensor, ValueError, nodeFs, nodePath } from '@nncompat/core';
import { load as torchLoad } from '@nncompat/torch-compat';
import { Module } from '../nn/module.js';
import { Parameter } from '../nn/parameter.js';
import { warn } from '../nn/warn.js';
import { placement, sbp as SBP } from '../tensor/placement.js';
import { asFlow, Tensor } from '../tensor/tensor.js';
import { parseMeta } from './meta.js';
import { NUMPY_GLOBALS, NumpyArray, bytesToHost } from './numpy.js';
import { DTypeRef } from './pickling.js';
import { lookupModuleClass } from './registry.js';
import {
  DATA_FILENAME, META_INFO_FILENAME, ONEFLOW_MAGIC_KEY, PICKLE_FILENAME, PROTOCOL_VERSION, SNAPSHOT_DONE_FILENAME,
} from './save.js';

/** `map_location`: a device string, a placement, or `fn(tensor, location)` (null keeps the tensor). */
export type MapLocation = string | placement | ((t: Tensor, location: string | null) => CoreTensor | null | undefined) | null;

/** Keyword arguments of `load`. */
export interface LoadOptions {
  /** Rank that reads the files; tensors come back global on `placement("cpu", [rank])`, broadcast. */
  global_src_rank?: number | null;
  map_location?: MapLocation;
  /** Also try PyTorch's formats (default true). */
  support_pytorch_format?: boolean;
}

/** `str(pathlib.Path(p))`: redundant separators and `.` parts dropped, no trailing slash. */
function pathStr(p: string): string {
  const abs = p.startsWith('/');
  const parts = p.split('/').filter((s) => s !== '' && s !== '.');
  const s = (abs ? '/' : '') + parts.join('/');
  return s === '' ? '.' : s;
}

function restoreLocation(mapLocation: MapLocation | undefined): (t: CoreTensor) => CoreTensor {
  if (mapLocation === null || mapLocation === undefined) return (t) => t;
  if (typeof mapLocation === 'string') {
    return (t) => {
      const d = mapLocation.split(':')[0]!;
      if (d === 'cuda') throw new RuntimeError(`map_location '${mapLocation}': nncompat's oneflow surface has no CUDA device`);
      return d === 'cpu' && t.device === 'cpu' ? t : asFlow(t.to(d === 'cpu' ? 'cpu' : mapLocation));
    };
  }
  if (mapLocation instanceof placement) return (t) => (asFlow(t) as Tensor).to_global(mapLocation);
  return (t) => mapLocation(asFlow(t) as Tensor, null) ?? t;
}

/** ArgsTree.map_leaf: rebuilds exact dicts/OrderedDicts/lists/tuples (dropping attributes such as `_metadata`). */
function mapLeaves(x: unknown, f: (t: CoreTensor) => unknown): unknown {
  if (Array.isArray(x)) {
    const items = x.map((v) => mapLeaves(v, f));
    return Object.isFrozen(x) ? Object.freeze(items) : items;
  }
  if (x instanceof Map && (x.constructor === Map || x.constructor === OrderedDict)) {
    const m = x instanceof OrderedDict ? new OrderedDict<unknown, unknown>() : new Map<unknown, unknown>();
    for (const [k, v] of x) m.set(k, mapLeaves(v, f));
    return m;
  }
  return x instanceof CoreTensor ? f(x) : x;
}

function mapLocationOf(obj: unknown, mapLocation: MapLocation | undefined): unknown {
  if (obj instanceof Module) {
    const device = restoreLocation(mapLocation)(asFlow(CoreTensor.fromHost(new Float32Array([0]), [1], 'float32'))).device;
    return obj.to(device);
  }
  return mapLeaves(obj, restoreLocation(mapLocation));
}

function toGlobalOnSrc(obj: unknown, rank: number): unknown {
  const p = new placement('cpu', [rank]);
  return mapLeaves(obj, (t) => (asFlow(t) as Tensor).to_global(p, SBP.broadcast));
}

// ---- reading tensors -------------------------------------------------------------------------

/** `FileBackendVariableBlob(var_dir).numpy()` as a tensor. */
function loadSingleVariable(varDir: string): CoreTensor {
  const dataPath = nodePath().join(varDir, DATA_FILENAME);
  if (!nodeFs().existsSync(dataPath) || !nodeFs().statSync(dataPath).isFile()) throw Object.assign(new Error(dataPath), { code: 'ENOENT' });
  const metaPath = nodePath().join(varDir, META_INFO_FILENAME);
  if (!nodeFs().existsSync(metaPath)) throw new RuntimeError('This variable does not have meta info');
  const meta = parseMeta(nodeFs().readFileSync(metaPath, 'utf8'));
  const bytes = nodeFs().readFileSync(dataPath);
  const count = meta.shape.reduce((a, b) => a * b, 1);
  if (bytes.length !== count * meta.dtype.itemsize) throw new AssertionError('');
  const data = bytesToHost(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), meta.dtype, count);
  return asFlow(CoreTensor.fromHost(data, meta.shape, meta.dtype));
}

interface LoadContext {
  dir: string | null;
  mapLocation: MapLocation | undefined;
}
let loadCtx: LoadContext | null = null;

/** `Tensor.__setstate__` (check_point_v2.tensor_setstate): rebuilds the data in place. */
function tensorSetstate(this: CoreTensor, state: unknown): void {
  if (!(state instanceof Map)) throw new RuntimeError('oneflow.Tensor: pickled state must be a dict');
  let t: CoreTensor;
  if (loadCtx?.dir) {
    const rel = state.get('path');
    if (typeof rel !== 'string') throw new RuntimeError("oneflow.Tensor: external-data state has no 'path'");
    t = restoreLocation(loadCtx.mapLocation)(loadSingleVariable(nodePath().join(loadCtx.dir, rel)));
  } else {
    if (state.has('placement')) {
      throw new RuntimeError('pickled global tensors (placement/sbp state, written by pickle.dumps of a global tensor) are not supported; save with oneflow.save');
    }
    const data = state.get('data');
    if (!(data instanceof NumpyArray)) throw new RuntimeError("oneflow.Tensor: pickled state has no numpy 'data'");
    const device = state.get('device');
    if (typeof device === 'string' && device.startsWith('cuda') && !loadCtx?.mapLocation) {
      throw new RuntimeError(`a tensor was saved on device '${device}'; nncompat's oneflow surface has no CUDA device: pass map_location='cpu'`);
    }
    t = data.toTensor();
    const dtype = state.get('dtype');
    if (dtype instanceof DTypeRef && dtype.dtype && dtype.dtype !== t.dtype) t = t.to(dtype.dtype);
  }
  this.data = t;
}
for (const proto of [Tensor.prototype, Parameter.prototype]) {
  Object.defineProperty(proto, '__setstate__', { configurable: true, writable: true, value: tensorSetstate });
}

function placementShell(): placement {
  const p = Object.create(placement.prototype) as placement;
  Object.defineProperty(p, '__setstate__', {
    value(this: placement, state: unknown) {
      if (!(state instanceof Map)) throw new RuntimeError('oneflow.placement: pickled state must be a dict');
      const real = new placement(state.get('type') as string, state.get('ranks') as number[]);
      Object.defineProperty(this, 'type', { value: real.type, enumerable: true });
      Object.defineProperty(this, 'ranks', { value: real.ranks, enumerable: true });
    },
  });
  return p;
}

const STATIC_GLOBALS = new Map<string, pickle.PickleGlobal>(
  [
    ...pickle.PYTHON_DATA_GLOBALS,
    ...NUMPY_GLOBALS,
    pickle.defineGlobal('oneflow', 'Tensor', { construct: () => asFlow(CoreTensor.fromHost(new Float32Array(0), [0], 'float32')) }),
    pickle.defineGlobal('oneflow.nn', 'Parameter', { construct: () => new Parameter(CoreTensor.fromHost(new Float32Array(0), [0], 'float32')) }),
    pickle.defineGlobal('oneflow._oneflow_internal', 'dtype', { construct: () => new DTypeRef() }),
    pickle.defineGlobal('oneflow._oneflow_internal', 'placement', { construct: () => placementShell() }),
  ].map((g) => [pickle.globalPath(g), g]),
);

function resolveGlobal(module: string, name: string): pickle.PickleGlobal {
  const g = STATIC_GLOBALS.get(`${module}.${name}`);
  if (g) return g;
  const cls = lookupModuleClass(module, name);
  if (cls) return pickle.defineGlobal(module, name, { construct: () => Reflect.construct(Module, [], cls) as Module });
  throw new pickle.UnpicklingError(`Can't get attribute '${name}' on <module '${module}'>`);
}

/**
 * Unpickles OneFlow's pickle bytes (numpy arrays, oneflow tensors/dtypes/placements, registered
 * modules); any other global is refused (nothing from a file is ever run).
 *
 * @example
 * ```ts
 * const top = unpickle(bytes) as Map<string, unknown>; // {'protocol_version': 1, '__oneflow__': None, 'data': …}
 * ```
 */
export function unpickle(bytes: Uint8Array, ctx: LoadContext = { dir: null, mapLocation: null }): unknown {
  const prev = loadCtx;
  loadCtx = ctx;
  try {
    return pickle.loads(bytes, { weightsOnly: false, resolveGlobal });
  } finally {
    loadCtx = prev;
  }
}

// ---- the loaders, in OneFlow's order ---------------------------------------------------------

type Source = { kind: 'path'; path: string } | { kind: 'bytes'; bytes: Uint8Array };

function isDir(src: Source): boolean {
  return src.kind === 'path' && nodeFs().existsSync(src.path) && nodeFs().statSync(src.path).isDirectory();
}
function fileBytes(src: Source): Uint8Array | null {
  if (src.kind === 'bytes') return src.bytes;
  return nodeFs().existsSync(src.path) && nodeFs().statSync(src.path).isFile() ? new Uint8Array(nodeFs().readFileSync(src.path)) : null;
}

function legacyLoad(path: string, mapLocation: MapLocation | undefined): Map<string, CoreTensor> {
  const all = nodeFs().readdirSync(path).sort();
  if (!all.includes(SNAPSHOT_DONE_FILENAME)) throw new AssertionError('');
  const out = new Map<string, CoreTensor>();
  for (const f of all) {
    if (f === SNAPSHOT_DONE_FILENAME) continue;
    const varDir = nodePath().join(path, f);
    try {
      out.set(f, restoreLocation(mapLocation)(loadSingleVariable(varDir)));
    } catch (e) {
      if ((e as { code?: string }).code !== 'ENOENT') throw e;
      warn(`'${varDir}' does not have valid tensor data. Please check it if it is unexpected.`);
    }
  }
  return out;
}

function oneflowPickleContent(bytes: Uint8Array): Map<unknown, unknown> | null {
  try {
    const content = unpickle(bytes);
    if (content instanceof Map && content.has(ONEFLOW_MAGIC_KEY)) return content;
    return null;
  } catch {
    return null;
  }
}

function torchContent(bytes: Uint8Array): { value: unknown } | null {
  try {
    return { value: torchLoad(bytes, { map_location: 'cpu', weights_only: false }) };
  } catch {
    return null;
  }
}

/**
 * Loads what `oneflow.save` (or `torch.save`, or OneFlow's legacy snapshot) wrote.
 *
 * @example
 * ```ts
 * const sd = flow.load('model.of') as Map<string, flow.Tensor>;
 * model.load_state_dict(sd);
 * flow.load('resnet.pt');                       // a PyTorch checkpoint
 * flow.load('ckpt_dir', { map_location: 'cpu' });
 * ```
 */
export function load(path: string | Uint8Array, opts: LoadOptions = {}): unknown {
  const src: Source = typeof path === 'string' ? { kind: 'path', path: pathStr(path) } : { kind: 'bytes', bytes: path };
  const mapLocation = opts.map_location;
  const rank = opts.global_src_rank ?? null;
  const finish = (x: unknown): unknown => (rank === null ? x : toGlobalOnSrc(x, rank));
  if (isDir(src) && !nodeFs().existsSync(nodePath().join((src as { path: string }).path, PICKLE_FILENAME))) {
    return finish(legacyLoad((src as { path: string }).path, mapLocation));
  }
  const bytes = isDir(src) ? null : fileBytes(src);
  if (bytes) {
    const content = oneflowPickleContent(bytes);
    if (content) {
      if (content.get('protocol_version') !== PROTOCOL_VERSION) throw new AssertionError('');
      return mapLocationOf(finish(content.get('data')), mapLocation);
    }
    if (opts.support_pytorch_format ?? true) {
      const t = torchContent(bytes);
      if (t) {
        const flowObj = mapLeaves(t.value, (x) => asFlow(x.detach()));
        return mapLocationOf(finish(flowObj), mapLocation);
      }
    }
  }
  if (isDir(src)) {
    const dir = (src as { path: string }).path;
    if (mapLocation !== null && mapLocation !== undefined && !(typeof mapLocation === 'string' || mapLocation instanceof placement)) {
      throw new AssertionError("'map_location' only supports str, device or placement.");
    }
    const res = unpickle(new Uint8Array(nodeFs().readFileSync(nodePath().join(dir, PICKLE_FILENAME))), { dir, mapLocation });
    if (!(res instanceof Map) || res.get('protocol_version') !== PROTOCOL_VERSION) throw new AssertionError('');
    return finish(res.get('data'));
  }
  throw new ValueError(src.kind === 'path' ? `Cannot load file "${src.path}"` : 'Cannot load the data');
}
