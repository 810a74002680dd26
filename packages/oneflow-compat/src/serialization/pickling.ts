/**
 * How oneflow objects pickle (python/oneflow/framework/check_point_v2.py and the C++ types):
 * a Tensor is `copyreg.__newobj__(oneflow.Tensor)` + BUILD `{"data": ndarray, "dtype": dtype,
 * "device": "cpu"}` (or `{"path": "tensor_<n>"}` with external data); a Parameter the same with
 * `oneflow.nn.Parameter`; a dtype `__newobj__(oneflow._oneflow_internal.dtype)` + BUILD
 * `<DataType enum>`; a placement `__newobj__(oneflow._oneflow_internal.placement)` + BUILD
 * `{"type", "ranks"}`; a Module `__newobj__(<its class>)` + BUILD `__getstate__()`.
 */
import { AssertionError, type DType, DTYPES, OrderedDict, Parameter as CoreParameter, pickle, RuntimeError, Tensor as CoreTensor } from '@nncompat/core';
import { flowDType, dtypeFromProto } from '../dtype.js';
import { Module } from '../nn/module.js';
import { pyModuleOf } from '../python.js';
import { globalInfo } from '../tensor/global.js';
import { placement } from '../tensor/placement.js';
import { NumpyArray } from './numpy.js';
import { writeMeta } from './meta.js';

const tuple = pickle.tuple;
export const TENSOR_GLOBAL = pickle.defineGlobal('oneflow', 'Tensor');
export const PARAMETER_GLOBAL = pickle.defineGlobal('oneflow.nn', 'Parameter');
export const DTYPE_GLOBAL = pickle.defineGlobal('oneflow._oneflow_internal', 'dtype');
export const PLACEMENT_GLOBAL = pickle.defineGlobal('oneflow._oneflow_internal', 'placement');

/** A oneflow dtype as pickled; one object per dtype (OneFlow's dtypes are singletons). */
export class DTypeRef implements pickle.Reducible {
  constructor(public dtype: DType | null = null) {}
  __setstate__(state: unknown): void {
    if (typeof state !== 'number') throw new RuntimeError('oneflow dtype: pickled state must be a DataType int');
    this.dtype = dtypeFromProto(state);
  }
  __reduce_ex__(): pickle.PickleReduction {
    return { func: pickle.NEWOBJ_GLOBAL, args: tuple(DTYPE_GLOBAL), state: flowDType(this.dtype!).proto };
  }
}
const DTYPE_REFS = new Map<DType, DTypeRef>(Object.values(DTYPES).map((d) => [d, new DTypeRef(d)]));

/** What one `oneflow.save` call knows while pickling (OneFlow's `context_data`). */
export interface SaveContext {
  /** `save_as_external_data`. */
  external: boolean;
  /** `global_dst_rank`. */
  globalRank: number | null;
  /** Files to write under the save directory, by relative path. */
  files: Map<string, Uint8Array | string>;
}

let uniqueId = 0;
let globalId = 0;

/**
 * Restarts the `tensor_<n>` / `global_tensor_<n>` numbering (OneFlow's process-wide
 * `UniqueStr` counter starts at 0); tests use it to compare directories byte for byte.
 */
export function _reset_tensor_ids(): void {
  uniqueId = 0;
  globalId = 0;
}

/**
 * A module's reduction inside a save: `copyreg.__newobj__(cls)` + BUILD `__getstate__()`
 * (OneFlow's Module pickles through `object.__reduce_ex__`). Modules are callable functions in
 * JS, which the pickler refuses, hence this stand-in (one per module, so sharing survives).
 */
class ModulePickle implements pickle.Reducible {
  constructor(private readonly module: Module) {}
  __reduce_ex__(): pickle.PickleReduction {
    const cls = this.module.constructor;
    return {
      func: pickle.NEWOBJ_GLOBAL,
      args: tuple(pickle.defineGlobal(pyModuleOf(cls), cls.name)),
      state: pickleable(this.module.__getstate__()),
    };
  }
}

/** A tensor's reduction inside a save. */
class TensorPickle implements pickle.Reducible {
  constructor(private readonly cls: pickle.PickleGlobal, private readonly state: Map<string, unknown>) {}
  __reduce_ex__(): pickle.PickleReduction {
    return { func: pickle.NEWOBJ_GLOBAL, args: tuple(this.cls), state: this.state };
  }
}

function tensorState(t: CoreTensor, ctx: SaveContext): Map<string, unknown> {
  const g = globalInfo(t);
  if (ctx.globalRank === null && g) throw new AssertionError('Please set global_dst_rank in `flow.save` to save global tensor');
  // On one process the rank's local value of a global tensor is its whole value.
  const data = t.detach();
  if (ctx.external) {
    const dir = ctx.globalRank === null ? `tensor_${uniqueId++}` : `global_tensor_${globalId++}`;
    const np = NumpyArray.fromTensor(data);
    ctx.files.set(`${dir}/out`, np.raw);
    ctx.files.set(`${dir}/meta`, writeMeta(data.shape, data.dtype));
    return new Map([['path', dir]]);
  }
  return new Map<string, unknown>([['data', NumpyArray.fromTensor(data)], ['dtype', DTYPE_REFS.get(t.dtype)!], ['device', 'cpu']]);
}

/** Current save context (set for the duration of one `save`). */
let current: { ctx: SaveContext; cache: Map<object, unknown> } | null = null;

/** Runs `fn` with `ctx` as the save context. */
export function withSaveContext<T>(ctx: SaveContext, fn: () => T): T {
  const prev = current;
  current = { ctx, cache: new Map() };
  try {
    return fn();
  } finally {
    current = prev;
  }
}

/**
 * The pickleable form of `x`: tensors replaced by their reductions (each tensor once, so shared
 * tensors stay shared), plain objects by dicts; modules, placements and other values as they are.
 */
export function pickleable(x: unknown): unknown {
  if ((typeof x !== 'object' && !(x instanceof Module)) || x === null) return x;
  if (!current) throw new RuntimeError('pickleable() called outside oneflow.save');
  const { ctx, cache } = current;
  if (cache.has(x)) return cache.get(x);
  let out: unknown;
  if (x instanceof CoreTensor) {
    const cls = x instanceof CoreParameter ? PARAMETER_GLOBAL : TENSOR_GLOBAL;
    out = new TensorPickle(cls, tensorState(x, ctx));
  } else if (x instanceof Module) {
    out = new ModulePickle(x);
  } else if (x instanceof Map) {
    const m = x instanceof OrderedDict ? new OrderedDict<unknown, unknown>() : new Map<unknown, unknown>();
    cache.set(x, m);
    for (const [k, v] of x) m.set(k, pickleable(v));
    const meta = (x as OrderedDict<unknown, unknown>)._metadata;
    if (m instanceof OrderedDict && meta) m._metadata = pickleable(meta) as never;
    return m;
  } else if (Array.isArray(x)) {
    const items = x.map(pickleable);
    out = Object.isFrozen(x) ? Object.freeze(items) : items;
  } else if (Object.getPrototypeOf(x) === Object.prototype) {
    const m = new Map<unknown, unknown>();
    cache.set(x, m);
    for (const [k, v] of Object.entries(x)) m.set(k, pickleable(v));
    return m;
  } else {
    out = x;
  }
  cache.set(x, out);
  return out;
}

/** Python lists (not tuples) of the ranks, as `placement.ranks` returns. */
function listOf(r: unknown): unknown {
  return Array.isArray(r) ? r.map(listOf) : r;
}

// placement's `__getstate__` is `{"type": ..., "ranks": ...}` (check_point_v2.placement_getstate).
Object.defineProperty(placement.prototype, '__reduce_ex__', {
  configurable: true,
  writable: true,
  value(this: placement): pickle.PickleReduction {
    return { func: pickle.NEWOBJ_GLOBAL, args: tuple(PLACEMENT_GLOBAL), state: new Map<string, unknown>([['type', this.type], ['ranks', listOf(this.ranks)]]) };
  },
});

