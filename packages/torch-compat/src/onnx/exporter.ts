/**
 * Finds the ONNX exporter a backend installed. torch-compat depends only on core (DESIGN.md), so
 * it cannot import a backend: `@nncompat/backend-onnxruntime` publishes its tracer under
 * `Symbol.for('nncompat.onnx.exporter')` when it is imported, and `torch.onnx.export` reads it.
 */
import { NotImplementedError, type Tensor } from '@nncompat/core';

/** The registry key (shared with the backend through `Symbol.for`). */
export const ONNX_EXPORTER_KEY = Symbol.for('nncompat.onnx.exporter');

/** Options the backend's exporter takes (torch.onnx.export's keyword names). */
export interface BackendExportOptions {
  input_names?: readonly string[];
  output_names?: readonly string[];
  opset_version?: number;
  dynamic_axes?: DynamicAxes | null;
}

/** `dynamic_axes`: per input/output name, a list of dims or dims with symbolic names. */
export type DynamicAxes = Readonly<Record<string, readonly number[] | Readonly<Record<number, string>>>>;

/** What a backend publishes under {@link ONNX_EXPORTER_KEY}. */
export interface OnnxExporterHook {
  readonly package: string;
  /** Device the model's parameters must be on while it is traced. */
  readonly device: string;
  export(fn: (...inputs: Tensor[]) => Tensor | readonly Tensor[], args: readonly Tensor[], path: string | null, options: BackendExportOptions): Uint8Array;
}

/** The installed exporter, or a NotImplementedError saying which package installs it. */
export function onnxExporter(): OnnxExporterHook {
  const hook = (globalThis as Record<symbol, unknown>)[ONNX_EXPORTER_KEY] as OnnxExporterHook | undefined;
  if (!hook || typeof hook.export !== 'function') {
    throw new NotImplementedError("torch.onnx.export needs an ONNX tracer: import '@nncompat/backend-onnxruntime' first (it installs the exporter; torch-compat depends only on @nncompat/core)");
  }
  return hook;
}
