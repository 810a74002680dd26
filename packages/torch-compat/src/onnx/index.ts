/**
 * `torch.onnx`: `export` (needs `import '@nncompat/backend-onnxruntime'`, which installs the tracer).
 *
 * @example
 * import '@nncompat/backend-onnxruntime';
 * torch.onnx.export(model, x, 'model.onnx', { input_names: ['input'], output_names: ['output'] });
 */
export { export_ as export, type ExportOptions } from './export.js';
export { ONNX_EXPORTER_KEY, type DynamicAxes, type OnnxExporterHook, type BackendExportOptions } from './exporter.js';
