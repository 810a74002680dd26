/**
 * The `safetensors.torch` surface over nncompat tensors: `load(bytes)` and `save(tensors)`.
 * Browser-safe; the file functions live in `torch-file.ts`. Loaded tensors come back in file
 * order in a `Map` (a Python dict, per the design's conventions), on the default backend unless a
 * device is named. int64 values beyond ±(2^53 − 1) fail to load with a `SafetensorError` rather
 * than being rounded (nncompat holds int64 as float64).
 */
import { RuntimeError, ValueError } from '../../errors.js';
import { Tensor } from '../../tensor/tensor.js';
import { deserializeRecords, serializeRecords, type SafetensorsMetadata } from './bytes.js';
import type { TensorRecord } from './codec.js';

/** Tensors keyed by name, as a `Map` (kept in order) or a plain object. */
export type TensorDict = Map<string, Tensor> | Record<string, Tensor>;

/** @internal A record as a tensor on `device` (a backend name, `cpu` for the reference backend). */
export function recordToTensor(r: TensorRecord, device?: string | null): Tensor {
  return Tensor.fromHost(r.data, r.shape, r.dtype, device);
}

function entries(tensors: TensorDict): Array<[string, Tensor]> {
  if (tensors instanceof Map) return [...tensors.entries()];
  if (tensors === null || typeof tensors !== 'object' || Array.isArray(tensors) || tensors instanceof Tensor) {
    const got = tensors === null ? 'null' : Array.isArray(tensors) ? 'Array' : tensors instanceof Tensor ? 'Tensor' : typeof tensors;
    throw new ValueError(`Expected a dict of [str, torch.Tensor] but received ${got}`);
  }
  return Object.entries(tensors);
}

/** Byte range [start, stop) a tensor covers in its storage (`data_ptr()` to `_end_ptr()`). */
function area(t: Tensor): [number, number] {
  const size = t.dtype.itemsize;
  const start = t.storage_offset() * size;
  if (t.numel() === 0) return [start, start];
  let last = t.storage_offset();
  t.shape.forEach((d, i) => (last += (d - 1) * t.stride()[i]!));
  return [start, (last + 1) * size];
}

/**
 * `_find_shared_tensors` + `_filter_shared_not_shared` of safetensors/torch.py: names grouped by
 * storage, then split where their byte ranges do not overlap.
 */
function sharedGroups(items: Array<[string, Tensor]>): string[][] {
  const byStorage = new Map<object, Array<[string, Tensor]>>();
  for (const [k, t] of items) {
    const s = t.untyped_storage();
    if (s.numel * s.dtype.itemsize === 0) continue;
    const g = byStorage.get(s);
    if (g) g.push([k, t]);
    else byStorage.set(s, [[k, t]]);
  }
  const out: string[][] = [];
  for (const group of byStorage.values()) {
    if (group.length < 2) continue;
    const areas = group.map(([k, t]) => [...area(t), k] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : 1));
    let current = [areas[0]![2]];
    let lastStop = areas[0]![1];
    for (const [start, stop, name] of areas.slice(1)) {
      if (start >= lastStop) {
        if (current.length > 1) out.push(current);
        current = [name];
      } else current.push(name);
      lastStop = stop;
    }
    if (current.length > 1) out.push(current);
  }
  return out;
}

/** `_flatten` of safetensors/torch.py: its checks and errors, then records in the given order. */
export function tensorsToRecords(tensors: TensorDict): Map<string, TensorRecord> {
  const items = entries(tensors);
  for (const [k, v] of items) {
    if (!(v instanceof Tensor)) {
      throw new ValueError(`Key \`${k}\` is invalid, expected torch.Tensor but received ${v === null ? 'null' : typeof v}`);
    }
  }
  const failing = sharedGroups(items);
  if (failing.length) {
    const sets = failing.map((g) => `{${g.sort().map((n) => `'${n}'`).join(', ')}}`).join(', ');
    throw new RuntimeError(`
            Some tensors share memory, this will lead to duplicate memory on disk and potential differences when loading them again: [${sets}].
            A potential way to correctly save your model is to use \`save_model\`.
            More information at https://huggingface.co/docs/safetensors/torch_shared_tensors
            `);
  }
  const records = new Map<string, TensorRecord>();
  for (const [k, v] of items) {
    if (!v.is_contiguous()) {
      throw new ValueError(
        `You are trying to save a non contiguous tensor: \`${k}\` which is not allowed. It either means you` +
          " are trying to save tensors which are reference of each other in which case it's recommended to save" +
          ' only the full tensors, and reslice at load time, or simply call `.contiguous()` on your tensor to' +
          ' pack it before saving.',
      );
    }
    records.set(k, { dtype: v.dtype.name, shape: [...v.shape], data: v.dataSync() });
  }
  return records;
}

/**
 * `safetensors.torch.save`: the bytes of a safetensors file holding `tensors`, written exactly as
 * the reference serializer writes them. Tensors must be contiguous and must not share memory.
 *
 * @param metadata - optional `str → str` text stored under `__metadata__`
 * @example
 * ```ts
 * const bytes = save({ weight: Tensor.fromHost(new Float32Array([1, 2]), [2], 'float32') }, { format: 'pt' });
 * ```
 */
export function save(tensors: TensorDict, metadata?: SafetensorsMetadata | null): Uint8Array {
  return serializeRecords(tensorsToRecords(tensors), metadata);
}

/**
 * `safetensors.torch.load`: every tensor of an in-memory safetensors file, in file order.
 * Fails with a `SafetensorError` on any header problem the reference reader rejects.
 *
 * @param device - backend to place tensors on (`cpu` = the reference backend); default backend when omitted
 * @example
 * ```ts
 * const sd = load(new Uint8Array(await (await fetch('model.safetensors')).arrayBuffer()));
 * sd.get('weight')!.shape;
 * ```
 */
export function load(data: Uint8Array, device?: string | null): Map<string, Tensor> {
  const out = new Map<string, Tensor>();
  for (const [k, r] of deserializeRecords(data).tensors) out.set(k, recordToTensor(r, device));
  return out;
}

