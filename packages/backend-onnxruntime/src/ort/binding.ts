/**
 * Synchronous access to onnxruntime-node's native session. The package's public
 * `InferenceSession.run()` is async only because it wraps the native (synchronous) call in
 * `setImmediate`; the eager tensor API must be synchronous, so this file talks to the native
 * binding (`onnxruntime-node/dist/binding.js`) directly. It is the only file that depends on
 * that internal shape, and it checks the shape when loading.
 */
import { createRequire } from 'node:module';

/** A tensor as the native binding takes and returns it (onnxruntime-common's Tensor fields). */
export interface OrtValue {
  /** Always `cpu` here: every buffer of this backend is host memory. */
  readonly location: 'cpu';
  readonly type: string;
  readonly dims: readonly number[];
  readonly data: ArrayBufferView;
}

/** Session options the native binding parses (a subset of onnxruntime-common's). */
export interface OrtSessionOptions {
  intraOpNumThreads?: number;
  interOpNumThreads?: number;
  graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'all';
  executionMode?: 'sequential' | 'parallel';
  /** Writes the graph onnxruntime optimized to this path (for inspecting fusions). */
  optimizedModelFilePath?: string;
  /** Writes a per-node timing profile (JSON) to `<profileFilePrefix>_<date>.json` when the session ends. */
  enableProfiling?: boolean;
  profileFilePrefix?: string;
  extra?: Record<string, unknown>;
}

interface NativeSession {
  loadModel(buffer: ArrayBuffer, byteOffset: number, byteLength: number, options: OrtSessionOptions): void;
  readonly inputMetadata: readonly { name: string }[];
  readonly outputMetadata: readonly { name: string }[];
  run(feeds: Record<string, OrtValue>, fetches: Record<string, null>, options: Record<string, unknown>): Record<string, OrtValue>;
  dispose(): void;
}

interface NativeBindingModule {
  binding: { InferenceSession: new () => NativeSession };
  initOrt: () => void;
}

const BINDING_PATH = 'onnxruntime-node/dist/binding.js';
let loaded: NativeBindingModule | null = null;

function nodeRequire(): NodeJS.Require {
  // A require made from this module's URL works in ESM, vitest, and the CJS build (where tsup's
  // shims provide import.meta.url). Bundlers' own `require` stubs in ESM output throw instead.
  return createRequire(import.meta.url);
}

/** Loads and checks the native binding once; throws a clear error when its shape changed. */
export function nativeBinding(): NativeBindingModule {
  if (loaded) return loaded;
  let mod: unknown;
  try {
    mod = nodeRequire()(BINDING_PATH);
  } catch (e) {
    throw new Error(`onnxruntime-node is not installed or its native binding failed to load (${BINDING_PATH}): ${(e as Error).message}`);
  }
  const m = mod as Partial<NativeBindingModule>;
  const proto = (m.binding?.InferenceSession as { prototype?: Record<string, unknown> } | undefined)?.prototype;
  if (typeof m.initOrt !== 'function' || !proto || typeof proto['loadModel'] !== 'function' || typeof proto['run'] !== 'function') {
    throw new Error(
      `onnxruntime-node's internal binding (${BINDING_PATH}) no longer exports { binding: { InferenceSession with loadModel/run }, initOrt }; ` +
        'this backend supports onnxruntime-node 1.x as of 1.30: pin that version or update src/ort/binding.ts',
    );
  }
  m.initOrt();
  loaded = m as NativeBindingModule;
  return loaded;
}

/**
 * One loaded model; `run` is synchronous.
 *
 * @example
 * const s = new OrtSession(modelBytes, {});
 * const { y } = s.run({ x: { location: 'cpu', type: 'float32', dims: [2], data: new Float32Array([1, 2]) } });
 */
export class OrtSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  private readonly native: NativeSession;
  private readonly fetches: Record<string, null>;

  constructor(model: Uint8Array, options: OrtSessionOptions = {}) {
    const b = nativeBinding();
    this.native = new b.binding.InferenceSession();
    this.native.loadModel(model.buffer as ArrayBuffer, model.byteOffset, model.byteLength, options);
    this.inputNames = this.native.inputMetadata.map((m) => m.name);
    this.outputNames = this.native.outputMetadata.map((m) => m.name);
    this.fetches = Object.fromEntries(this.outputNames.map((n) => [n, null]));
  }

  /** Runs the model on `feeds` (every graph input by name) and returns every output. */
  run(feeds: Record<string, OrtValue>): Record<string, OrtValue> {
    return this.native.run(feeds, this.fetches, {});
  }

  /** Releases the native session. */
  dispose(): void {
    this.native.dispose();
  }
}
