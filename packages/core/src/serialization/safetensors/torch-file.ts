/**
 * `safetensors.torch.load_file` / `save_file` and `safetensors.safe_open` over nncompat tensors,
 * on top of the `node:fs` reader and writer in `file-io.ts`.
 */
import type { PathLike } from 'node:fs';
import { Tensor } from '../../tensor/tensor.js';
import type { SafetensorsMetadata } from './bytes.js';
import { SafetensorError } from './errors.js';
import { SafeOpenRecords, writeRecordsFile } from './file-io.js';
import type { TensorInfo } from './header.js';
import { recordToTensor, tensorsToRecords, type TensorDict } from './torch.js';

/** The frameworks `safe_open` serves here: PyTorch's names only. */
export type SafeOpenFramework = 'pt' | 'torch' | 'pytorch';

/**
 * A file opened by `safe_open`: header read, tensors read one at a time on demand, each with a
 * single positioned read of its own bytes.
 *
 * @example
 * ```ts
 * const f = safe_open('model.safetensors', 'pt');
 * try { for (const k of f.keys()) console.log(k, f.get_tensor(k).shape); } finally { f.close(); }
 * ```
 */
export class SafeOpen {
  private readonly file: SafeOpenRecords;
  constructor(filename: PathLike, private readonly device: string | null = null) {
    this.file = new SafeOpenRecords(filename);
  }
  /** Tensor names, sorted. */
  keys(): string[] {
    return this.file.keys();
  }
  /** Tensor names in file order. */
  offset_keys(): string[] {
    return this.file.offset_keys();
  }
  /** The `__metadata__` strings, or `null`. */
  metadata(): Map<string, string> | null {
    return this.file.metadata();
  }
  /** The header entry (safetensors dtype code, shape, data offsets) of one tensor. */
  info(name: string): TensorInfo {
    return this.file.info(name);
  }
  /** Reads one tensor. */
  get_tensor(name: string): Tensor {
    return recordToTensor(this.file.get_record(name), this.device);
  }
  /** Closes the file. */
  close(): void {
    this.file.close();
  }
}

/**
 * `safetensors.safe_open(filename, framework, device)`. Without a callback it returns the open
 * file (call `close()`); with one, as Python's `with safe_open(...) as f:`, it runs the callback,
 * closes the file and returns the callback's result.
 *
 * @param device - backend name (`cpu` = the reference backend); default backend when omitted
 * @example
 * ```ts
 * const w = safe_open('model.safetensors', 'pt', null, (f) => f.get_tensor('fc.weight'));
 * ```
 */
export function safe_open(filename: PathLike, framework?: SafeOpenFramework, device?: string | null): SafeOpen;
export function safe_open<R>(filename: PathLike, framework: SafeOpenFramework, device: string | null | undefined, fn: (f: SafeOpen) => R): R;
export function safe_open<R>(
  filename: PathLike,
  framework: SafeOpenFramework = 'pt',
  device?: string | null,
  fn?: (f: SafeOpen) => R,
): SafeOpen | R {
  if (framework !== 'pt' && framework !== 'torch' && framework !== 'pytorch') {
    throw new SafetensorError('InvalidInput', `framework ${String(framework)} is invalid`);
  }
  const f = new SafeOpen(filename, device ?? null);
  if (!fn) return f;
  try {
    return fn(f);
  } finally {
    f.close();
  }
}

/**
 * `safetensors.torch.load_file`: every tensor of a file, in file order, one positioned read each.
 *
 * @example
 * ```ts
 * const sd = load_file('model.safetensors');
 * model.load_state_dict(sd);
 * ```
 */
export function load_file(filename: PathLike, device?: string | null): Map<string, Tensor> {
  return safe_open(filename, 'pt', device, (f) => {
    const out = new Map<string, Tensor>();
    for (const k of f.offset_keys()) out.set(k, f.get_tensor(k));
    return out;
  });
}

/**
 * `safetensors.torch.save_file`: writes `tensors` to `filename` (via a temporary file renamed
 * into place). Tensors must be contiguous and must not share memory.
 *
 * @example
 * ```ts
 * save_file({ weight: w }, 'model.safetensors', { format: 'pt' });
 * ```
 */
export function save_file(tensors: TensorDict, filename: string, metadata?: SafetensorsMetadata | null): void {
  writeRecordsFile(tensorsToRecords(tensors), filename, metadata);
}
