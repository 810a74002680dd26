/** `nncompat inspect` / `nncompat convert`: checkpoints as flat name → tensor tables. */
import { readFileSync } from 'node:fs';
import { OrderedDict, RuntimeError, safetensors, Tensor } from '@nncompat/core';
import * as mx from '@nncompat/gluon-compat';
import { load, save } from '@nncompat/torch-compat';

/** One tensor of a checkpoint. */
export interface CheckpointEntry {
  name: string;
  dtype: string;
  shape: number[];
}

type Format = 'pt' | 'safetensors' | 'params';

function formatOf(path: string): Format {
  if (path.endsWith('.safetensors')) return 'safetensors';
  if (path.endsWith('.params')) return 'params';
  if (/\.(pt|pth|bin|ckpt)$/.test(path)) return 'pt';
  throw new RuntimeError(`cannot tell the format of '${path}': use .pt/.pth/.bin/.ckpt, .safetensors or .params`);
}

/** Flattens nested dicts/lists of tensors into dotted names, as state_dict keys read. */
function flatten(v: unknown, prefix: string, out: Map<string, Tensor>): void {
  if (v instanceof Tensor) {
    out.set(prefix, v);
    return;
  }
  const join = (k: unknown): string => (prefix ? `${prefix}.${String(k)}` : String(k));
  if (v instanceof Map) for (const [k, x] of v) flatten(x, join(k), out);
  else if (Array.isArray(v)) v.forEach((x, i) => flatten(x, join(i), out));
}

function readTensors(path: string): Map<string, Tensor> {
  const fmt = formatOf(path);
  if (fmt === 'safetensors') return safetensors.load_file(path);
  if (fmt === 'params') {
    const loaded = mx.nd.load(path) as unknown;
    const out = new Map<string, Tensor>();
    if (loaded instanceof Map) for (const [k, a] of loaded) out.set(String(k), (a as { _tensor?: Tensor; tensor?: Tensor }).tensor ?? (a as { _tensor: Tensor })._tensor);
    else (loaded as { tensor?: Tensor; _tensor?: Tensor }[]).forEach((a, i) => out.set(String(i), a.tensor ?? a._tensor!));
    return out;
  }
  const out = new Map<string, Tensor>();
  flatten(load(new Uint8Array(readFileSync(path))), '', out);
  return out;
}

/**
 * Lists every tensor of a checkpoint (.pt/.pth, .safetensors, MXNet .params).
 *
 * @example
 * inspectCheckpoint('model.safetensors'); // [{ name: 'fc.weight', dtype: 'float32', shape: [2, 4] }, …]
 */
export function inspectCheckpoint(path: string): CheckpointEntry[] {
  return [...readTensors(path)].map(([name, t]) => ({ name, dtype: t.dtype.name, shape: [...t.shape] }));
}

/**
 * Converts between .pt and .safetensors (and from .params), keeping names, dtypes and values.
 *
 * @example
 * convertCheckpoint('model.pt', 'model.safetensors');
 */
export function convertCheckpoint(from: string, to: string): number {
  const tensors = readTensors(from);
  const fmt = formatOf(to);
  if (fmt === 'safetensors') {
    // safetensors refuses shared or non-contiguous tensors: write contiguous copies.
    const copies = new Map([...tensors].map(([k, t]) => [k, t.contiguous().clone()] as const));
    safetensors.save_file(copies, to);
  } else if (fmt === 'pt') {
    save(new OrderedDict(tensors), to);
  } else {
    throw new RuntimeError('writing .params is done with gluon-compat (mx.nd.save); convert to .pt or .safetensors');
  }
  return tensors.size;
}
