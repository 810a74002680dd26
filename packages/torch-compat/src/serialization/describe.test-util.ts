/** Describes loaded values the way tooling/goldens/gen_torch_checkpoints.py describes them. */
import { DType, OrderedDict, Parameter, pickle, Tensor } from '@nncompat/core';
import { torchTypes } from './torch-types.js';

export type Described = Record<string, unknown>;

export function describe(v: unknown, storages: Map<unknown, number>): Described {
  if (v instanceof Tensor) {
    let sid = storages.get(v._storage);
    if (sid === undefined) storages.set(v._storage, (sid = storages.size));
    const vals = Array.from(v.contiguous().dataSync() as ArrayLike<number>);
    return {
      t: 'tensor', dtype: v.dtype.name, shape: [...v.shape], stride: [...v.stride()], offset: v.storage_offset(), storage: sid,
      storage_size: v._storage.numel, values: vals, requires_grad: v.requires_grad, parameter: v instanceof Parameter,
    };
  }
  if (v instanceof DType) return { t: 'dtype', name: v.name };
  const dims = torchTypes().sizeDims(v);
  if (dims) return { t: 'size', items: [...dims] };
  if (v instanceof OrderedDict) {
    const d: Described = { t: 'ordereddict', items: [...v].map(([k, x]) => [k, describe(x, storages)]) };
    if (v._metadata) d['metadata'] = [...v._metadata].map(([k, m]) => [k, Object.fromEntries(m as Map<string, unknown>)]);
    return d;
  }
  if (v instanceof Map) return { t: 'dict', items: [...v].map(([k, x]) => [describe(k, storages), describe(x, storages)]) };
  if (v instanceof Set) {
    const items = [...v].map((x) => describe(x, storages));
    items.sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1));
    return { t: 'set', items };
  }
  if (Array.isArray(v)) return { t: pickle.isTuple(v) ? 'tuple' : 'list', items: v.map((x) => describe(x, storages)) };
  if (typeof v === 'boolean') return { t: 'bool', v };
  if (typeof v === 'bigint') return { t: 'int', v: Math.abs(Number(v)) < 2 ** 53 ? Number(v) : v.toString() };
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { t: 'float', v: 'nan' };
    return { t: Number.isInteger(v) ? 'int' : 'float', v };
  }
  if (typeof v === 'string') return { t: 'str', v };
  if (v === null) return { t: 'none' };
  if (typeof v === 'object' && 'type' in v && 'index' in v) {
    return { t: 'device', type: (v as { type: string }).type, index: (v as { index: number | null }).index };
  }
  throw new Error(`cannot describe ${String(v)}`);
}

/** json.dumps(sort_keys=True)-like canonical text, for ordering set items as Python sorted them. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(', ')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}: ${canonical((v as Record<string, unknown>)[k])}`).join(', ')}}`;
  }
  return JSON.stringify(v);
}
