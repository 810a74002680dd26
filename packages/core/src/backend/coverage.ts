/** `kernelCoverage()`: which SPI kernels each backend runs natively, and which fell back. */
import { ALL_KERNELS } from '../kernels/names.js';
import { fallbackLog } from '../tensor/dispatch.js';
import { kernelsFor, listBackends } from './registry.js';

/** Coverage of one backend. */
export interface BackendCoverage {
  /** SPI kernels the backend registered. */
  native: string[];
  /** SPI kernels it lacks: they run on the reference backend (copy in, copy out). */
  fallback: string[];
  /** Of those, the ones that actually ran through the fallback in this process so far. */
  fellBack: string[];
  /** Kernels the backend registered beyond the SPI list (backend-specific helpers). */
  extra: string[];
}

/**
 * Per-backend kernel coverage for every registered backend (or just `backend`).
 *
 * @example
 * kernelCoverage()['onnxruntime'].fallback; // ['Conv2DBackpropFilter', …]
 */
export function kernelCoverage(backend?: string): Record<string, BackendCoverage> {
  const names = backend ? [backend] : listBackends();
  const out: Record<string, BackendCoverage> = {};
  for (const b of names) {
    const registered = new Set(kernelsFor(b));
    out[b] = {
      native: ALL_KERNELS.filter((k) => registered.has(k)),
      fallback: ALL_KERNELS.filter((k) => !registered.has(k)),
      fellBack: [...(fallbackLog.get(b) ?? [])].sort(),
      extra: [...registered].filter((k) => !ALL_KERNELS.includes(k)).sort(),
    };
  }
  return out;
}
