/**
 * Backend and kernel registry, shaped like onnxruntime-common's backend registry (priorities,
 * cached lazy init, init errors kept per backend) and tfjs-core's kernel registry.
 */
import { RuntimeError } from '../errors.js';
import type { Backend, KernelConfig, KernelFunc } from './types.js';
import { KERNEL_SPI_VERSION } from './types.js';

/** Creates a backend; may throw (the error is kept and reported on every later use). */
export type BackendFactory = () => Backend;

interface BackendEntry {
  factory: BackendFactory;
  priority: number;
  instance?: Backend;
  initError?: Error;
}

const backends = new Map<string, BackendEntry>();
// Two-level table (backend → kernel → config): the lookup is on every op's hot path.
const kernels = new Map<string, Map<string, KernelConfig>>();
let explicitDefault: string | null = null;

function tableFor(backendName: string): Map<string, KernelConfig> {
  let t = kernels.get(backendName);
  if (!t) kernels.set(backendName, (t = new Map()));
  return t;
}

/**
 * Registers a backend factory under `name`. Higher `priority` wins when no default was chosen.
 * Re-registering a name replaces it (and forgets a cached instance or init error).
 *
 * @example
 * registerBackend('mybackend', () => new MyBackend(), 5);
 */
export function registerBackend(name: string, factory: BackendFactory, priority = 0, spiVersion = KERNEL_SPI_VERSION): void {
  if (typeof name !== 'string' || name === '') throw new TypeError("'name' must be a non-empty string");
  if (typeof factory !== 'function') throw new TypeError("'factory' must be a function");
  if (spiVersion !== KERNEL_SPI_VERSION) {
    throw new RuntimeError(`backend '${name}' implements kernel SPI v${spiVersion}, but this core provides v${KERNEL_SPI_VERSION}`);
  }
  backends.set(name, { factory, priority });
}

/** Names of registered backends, highest priority first. */
export function listBackends(): string[] {
  return [...backends.entries()].sort((a, b) => b[1].priority - a[1].priority).map(([n]) => n);
}

/**
 * Returns the backend instance, initialising it on first use. Init failures are cached and
 * re-raised with the backend's name, like onnxruntime-common does.
 */
export function getBackend(name: string): Backend {
  const e = backends.get(name);
  if (!e) {
    throw new RuntimeError(`backend '${name}' is not registered (registered: ${listBackends().join(', ') || 'none'})`);
  }
  if (e.instance) return e.instance;
  if (e.initError) throw new RuntimeError(`backend '${name}' failed to initialize: ${e.initError.message}`);
  try {
    e.instance = e.factory();
    return e.instance;
  } catch (err) {
    e.initError = err instanceof Error ? err : new Error(String(err));
    throw new RuntimeError(`backend '${name}' failed to initialize: ${e.initError.message}`);
  }
}

/** Chooses the backend new tensors are created on; the name must be registered and initialise. */
export function setDefaultBackend(name: string): void {
  getBackend(name);
  explicitDefault = name;
}

function envBackend(): string | undefined {
  const p = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  const v = p?.env?.['NNCOMPAT_BACKEND'];
  return v && v.length > 0 ? v : undefined;
}

/**
 * The default backend's name: `setDefaultBackend`, else `NNCOMPAT_BACKEND`, else the registered
 * backend with the highest priority that initialises.
 */
export function getDefaultBackendName(): string {
  if (explicitDefault) return explicitDefault;
  const env = envBackend();
  if (env) {
    getBackend(env);
    explicitDefault = env;
    return env;
  }
  for (const name of listBackends()) {
    try {
      getBackend(name);
      explicitDefault = name;
      return name;
    } catch {
      // An unusable backend is skipped here; its error stays available through getBackend.
    }
  }
  throw new RuntimeError('no backend could be initialized');
}

/** Registers one kernel implementation. */
export function registerKernel<S>(config: KernelConfig<S>): void {
  tableFor(config.backendName).set(config.kernelName, config as KernelConfig);
}

/** The kernel function for `(kernelName, backendName)`, or undefined. */
export function getKernel(kernelName: string, backendName: string): KernelFunc | undefined {
  return kernels.get(backendName)?.get(kernelName)?.kernelFunc;
}

/** Removes a kernel registration (used by tests and by backends that disable a kernel). */
export function unregisterKernel(kernelName: string, backendName: string): void {
  kernels.get(backendName)?.delete(kernelName);
}

/** Kernel names a backend registered natively. */
export function kernelsFor(backendName: string): string[] {
  return [...(kernels.get(backendName)?.keys() ?? [])].sort();
}
