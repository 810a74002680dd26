/**
 * A backend buffer shared by a tensor and all its views, with PyTorch's version counter
 * (bumped by every in-place write) and deterministic or GC-driven release.
 */
import type { Backend } from '../backend/types.js';
import type { DType } from '../dtype.js';
import { RuntimeError } from '../errors.js';

interface LiveStats {
  buffers: number;
  bytes: number;
}
const live = new Map<string, LiveStats>();

function account(backend: string, buffers: number, bytes: number): void {
  let s = live.get(backend);
  if (!s) live.set(backend, (s = { buffers: 0, bytes: 0 }));
  s.buffers += buffers;
  s.bytes += bytes;
}

interface Held {
  backend: Backend;
  /** Null for backends whose buffers the GC reclaims: holding it would delay that. */
  handle: unknown;
  bytes: number;
}

// Frees the backend buffer of a storage the program can no longer reach.
const finalizer = new FinalizationRegistry<Held>((h) => {
  account(h.backend.name, -1, -h.bytes);
  if (h.handle !== null) h.backend.dispose(h.handle);
});

let trackAll = false;

/**
 * Turns on accounting (and GC-release tracking) for backends whose buffers the garbage
 * collector reclaims by itself (the reference backend). Off by default because registering
 * every small buffer with a FinalizationRegistry costs more than the ops on it; backends that
 * hold native or GPU memory are always tracked.
 */
export function trackMemory(on: boolean): void {
  trackAll = on;
}

/** `tensor.untyped_storage()`: one per allocation, shared by views. */
export class Storage {
  /** Bumped on every in-place modification through any view. */
  version = 0;
  private _handle: unknown;
  private readonly bytes: number;
  private disposed = false;
  private readonly tracked: boolean;

  constructor(
    readonly backend: Backend,
    handle: unknown,
    readonly dtype: DType,
    /** Number of elements of `dtype` the buffer holds. */
    readonly numel: number,
  ) {
    this._handle = handle;
    const gcOnly = backend.needsDispose === false;
    this.tracked = trackAll || !gcOnly;
    this.bytes = this.tracked ? backend.byteLength(handle) : 0;
    if (this.tracked) {
      account(backend.name, 1, this.bytes);
      finalizer.register(this, { backend, handle: gcOnly ? null : handle, bytes: this.bytes }, this);
    }
  }

  /** The backend's buffer; throws once disposed. */
  get handle(): unknown {
    if (this.disposed) throw new RuntimeError('Tensor has been disposed: its storage was freed with dispose()');
    return this._handle;
  }
  get isDisposed(): boolean {
    return this.disposed;
  }
  /** Bytes of the backend buffer. */
  nbytes(): number {
    return this.tracked ? this.bytes : this.backend.byteLength(this._handle);
  }
  /** Frees the buffer now; every view of it becomes unusable. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.tracked) {
      finalizer.unregister(this);
      account(this.backend.name, -1, -this.bytes);
    }
    this.backend.dispose(this._handle);
    this._handle = null;
  }
  /** Python's `storage.size()`: number of elements. */
  size(): number {
    return this.numel;
  }
}

/** Live buffers and bytes per backend (what the memory tests watch). */
export function memory(backend?: string): { numBuffers: number; numBytes: number } {
  if (backend) {
    const s = live.get(backend);
    return { numBuffers: s?.buffers ?? 0, numBytes: s?.bytes ?? 0 };
  }
  let numBuffers = 0;
  let numBytes = 0;
  for (const s of live.values()) {
    numBuffers += s.buffers;
    numBytes += s.bytes;
  }
  return { numBuffers, numBytes };
}
