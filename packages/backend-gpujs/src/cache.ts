/**
 * Compiled gpu.js kernels, cached per signature. gpu.js compiles a kernel for one output size
 * (and, on its WebAssembly backend, one set of argument sizes); compiling costs milliseconds,
 * so each distinct (source, output size, argument sizes) is compiled once and reused.
 */
import type { GPU, IKernelRunShortcut, KernelOutput } from 'gpu.js';

/** Counters of the cache, for benchmarks and tests. */
export interface KernelCacheStats {
  /** Kernels compiled so far (cache misses). */
  compiles: number;
  /** Calls served by an already compiled kernel. */
  hits: number;
  /** Total milliseconds spent in compiling calls (createKernel plus the first run). */
  compileMs: number;
  /** Kernels held now. */
  size: number;
}

type Runner = (...args: Float32Array[]) => KernelOutput;

/** Least-recently-used cache of compiled kernels; evicted kernels are destroyed. */
export class KernelCache {
  private readonly map = new Map<string, IKernelRunShortcut>();
  private compiles = 0;
  private hits = 0;
  private compileMs = 0;
  /** gpu.js backend of the last compiled kernel. */
  lastMode: string | null = null;

  constructor(private readonly gpu: GPU, readonly limit: number) {}

  /**
   * Runs the kernel `source` (a gpu.js kernel function as text, sizes baked in) over a 1-D
   * output of `size` cells on `args`, compiling it on first use of this signature.
   */
  run(source: string, size: number, args: readonly Float32Array[]): Float32Array {
    let key = `${size}|`;
    for (const a of args) key += `${a.length},`;
    key += source;
    let k = this.map.get(key);
    let out: KernelOutput;
    if (k) {
      this.hits++;
      // Map order is the LRU order: refresh on hit.
      this.map.delete(key);
      this.map.set(key, k);
      out = (k as unknown as Runner)(...args);
    } else {
      const t0 = performance.now();
      k = this.gpu.createKernel(source, { output: [size], precision: 'single', tactic: 'precision' });
      out = (k as unknown as Runner)(...args);
      this.compileMs += performance.now() - t0;
      this.compiles++;
      this.lastMode = modeOf(k);
      this.map.set(key, k);
      while (this.map.size > this.limit) {
        const oldest = this.map.keys().next().value as string;
        this.map.get(oldest)!.destroy();
        this.map.delete(oldest);
      }
    }
    if (!(out instanceof Float32Array)) throw new Error(`internal error: gpu.js returned ${Object.prototype.toString.call(out)} for a 1-D kernel`);
    return out;
  }

  /** Counters since creation. */
  stats(): KernelCacheStats {
    return { compiles: this.compiles, hits: this.hits, compileMs: this.compileMs, size: this.map.size };
  }

  /** Destroys every cached kernel. */
  clear(): void {
    for (const k of this.map.values()) k.destroy();
    this.map.clear();
  }
}

function modeOf(k: IKernelRunShortcut): string | null {
  const inner = (k as unknown as { kernel?: { constructor?: { mode?: string } } }).kernel;
  return inner?.constructor?.mode ?? null;
}
