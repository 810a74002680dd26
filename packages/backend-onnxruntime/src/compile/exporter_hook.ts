/**
 * Installs this package's exporter for `torch.onnx.export` (in @nncompat/torch-compat). The
 * compat packages depend only on core (DESIGN.md), so they cannot import a backend; instead the
 * backend publishes its exporter under a global registry symbol when it is imported, and
 * `torch.onnx.export` looks it up there (and names this package when it is missing).
 */
import { ONNXRUNTIME } from '../exec/plan.js';
import { exportOnnx } from './export.js';

/** The registry key `torch.onnx.export` reads (`Symbol.for`, so every copy of a package agrees). */
export const ONNX_EXPORTER_KEY = Symbol.for('nncompat.onnx.exporter');

/** What is published under {@link ONNX_EXPORTER_KEY}. */
export interface OnnxExporterHook {
  /** Package that installed it. */
  readonly package: string;
  /** Device the model and inputs must be on while tracing. */
  readonly device: string;
  readonly export: typeof exportOnnx;
}

/** @internal Publishes the exporter (called once from the package index). */
export function installOnnxExporter(): void {
  const hook: OnnxExporterHook = { package: '@nncompat/backend-onnxruntime', device: ONNXRUNTIME, export: exportOnnx };
  (globalThis as Record<symbol, unknown>)[ONNX_EXPORTER_KEY] = hook;
}
