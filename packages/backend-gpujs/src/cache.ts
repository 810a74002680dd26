/**
 * Compiled gpu.js kernels, cached per signature. gpu.js compiles a kernel for one output size
 * (and, on its WebAssembly backend, one set of argument sizes); compiling costs milliseconds,
 * so each distinct (source, output size, argument sizes) is compiled once and reused.
 *
 * Lookups are two-level, (family, signature), so hot kernels need not rebuild their source text
 * per call: an elementwise op's family is its body and its signature the shapes and strides,
 * which determine the source (built only on a miss). A 1×4 add spent more time building and
 * hashing its source key than gpu.js spent running it.
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

/** One compiled kernel and where it is filed. */
interface Entry {
  readonly kernel: IKernelRunShortcut;
  readonly family: string;
  readonly sig: string;
}

/** Least-recently-used cache of compiled kernels; evicted kernels are destroyed. */
export class KernelCache {
  private readonly families = new Map<string, Map<string, Entry>>();
  /** Insertion order is the LRU order (oldest first); keyed by the entry itself. */
  private readonly lru = new Map<Entry, Entry>();
  private newest: Entry | null = null;
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
    let sig = `${size}|`;
    for (const a of args) sig += `${a.length},`;
    return this.runKeyed(source, sig, () => source, size, args);
  }

  /**
   * Runs the kernel filed under (`family`, `sig`), compiling `source()` on a miss. The pair must
   * determine the source text, the output `size` and the argument lengths.
   */
  runKeyed(family: string, sig: string, source: () => string, size: number, args: readonly Float32Array[]): Float32Array {
    let fam = this.families.get(family);
    let e = fam?.get(sig);
    let out: KernelOutput;
    if (e) {
      this.hits++;
      if (e !== this.newest) {
        this.lru.delete(e);
        this.lru.set(e, e);
        this.newest = e;
      }
      out = (e.kernel as unknown as Runner)(...args);
    } else {
      const t0 = performance.now();
      const kernel = this.gpu.createKernel(source(), { output: [size], precision: 'single', tactic: 'precision' });
      out = (kernel as unknown as Runner)(...args);
      this.compileMs += performance.now() - t0;
      this.compiles++;
      this.lastMode = modeOf(kernel);
      e = { kernel, family, sig };
      if (!fam) this.families.set(family, (fam = new Map()));
      fam.set(sig, e);
      this.lru.set(e, e);
      this.newest = e;
      while (this.lru.size > this.limit) this.evict(this.lru.keys().next().value as Entry);
    }
    if (!(out instanceof Float32Array)) throw new Error(`internal error: gpu.js returned ${Object.prototype.toString.call(out)} for a 1-D kernel`);
    return out;
  }

  private evict(e: Entry): void {
    e.kernel.destroy();
    this.lru.delete(e);
    const fam = this.families.get(e.family)!;
    fam.delete(e.sig);
    if (fam.size === 0) this.families.delete(e.family);
    if (this.newest === e) this.newest = null;
  }

  /** Counters since creation. */
  stats(): KernelCacheStats {
    return { compiles: this.compiles, hits: this.hits, compileMs: this.compileMs, size: this.lru.size };
  }

  /** Destroys every cached kernel. */
  clear(): void {
    for (const e of this.lru.keys()) e.kernel.destroy();
    this.lru.clear();
    this.families.clear();
    this.newest = null;
  }
}

function modeOf(k: IKernelRunShortcut): string | null {
  const inner = (k as unknown as { kernel?: { constructor?: { mode?: string } } }).kernel;
  return inner?.constructor?.mode ?? null;
}
