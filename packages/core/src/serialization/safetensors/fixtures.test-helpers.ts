/** Test helpers: the committed fixtures written by tooling/goldens/gen_safetensors.py. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DTypeName, HostArray } from '../../dtype.js';
import type { TensorRecord } from './codec.js';

export const FIXTURES = fileURLToPath(new URL('../../../fixtures/safetensors/', import.meta.url));

export interface Expected {
  metadata: Record<string, string> | null;
  insertion_order: string[];
  offset_keys: string[];
  keys: string[];
  tensors: Record<string, { dtype: DTypeName; shape: number[]; values: Array<number | string> }>;
  raw: Record<string, { dtype: string; shape: number[]; bytes: number[] }>;
}

export function fixtureBytes(stem: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + stem + '.safetensors'));
}

export function expected(stem: string): Expected {
  return JSON.parse(readFileSync(FIXTURES + stem + '.json', 'utf8')) as Expected;
}

/** The canonical host array holding torch's values (floats were exported as raw bits). */
export function hostArray(dtype: DTypeName, values: Array<number | string>): HostArray {
  const nums = values as number[];
  switch (dtype) {
    case 'float16': case 'bfloat16': return Uint16Array.from(nums);
    case 'float32': return new Float32Array(Uint32Array.from(nums).buffer);
    case 'float64': return new Float64Array(BigUint64Array.from((values as string[]).map((h) => BigInt('0x' + h))).buffer);
    case 'int8': return Int8Array.from(nums);
    case 'uint8': case 'bool': return Uint8Array.from(nums);
    case 'int16': return Int16Array.from(nums);
    case 'int32': return Int32Array.from(nums);
    case 'int64': return Float64Array.from(nums);
  }
}

/** Records in the generator's insertion order. */
export function expectedRecords(e: Expected): Map<string, TensorRecord> {
  const m = new Map<string, TensorRecord>();
  for (const name of e.insertion_order) {
    const t = e.tensors[name];
    if (t) m.set(name, { dtype: t.dtype, shape: t.shape, data: hostArray(t.dtype, t.values) });
  }
  return m;
}

/** Raw bytes of a host array, to compare floats bit for bit (NaN payloads, -0). */
export function bytesOf(a: HostArray): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** Builds a file from a header string and data bytes, with a correct length prefix. */
export function fileFrom(header: string, data: ArrayLike<number> = [], declared?: number | bigint): Uint8Array {
  const h = new TextEncoder().encode(header);
  const out = new Uint8Array(8 + h.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(declared ?? h.length), true);
  out.set(h, 8);
  out.set(Array.from(data), 8 + h.length);
  return out;
}
