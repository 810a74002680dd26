/**
 * Writes the traced graph of a function as a standard `.onnx` file: the backend half of
 * `torch.onnx.export(model, args, f, { input_names, output_names, opset_version })`.
 */
import { writeFileSync } from 'node:fs';
import { NotImplementedError, type Tensor } from '@nncompat/core';
import { traceToOnnx, type CompileOptions } from './compile.js';

/** Options of {@link exportOnnx} (torch.onnx.export's keyword names). */
export interface ExportOptions extends CompileOptions {
  /** Not supported yet: traced graphs have the example inputs' static shapes. */
  dynamic_axes?: Readonly<Record<string, unknown>> | null;
}

/**
 * Traces `fn` on `args` (tensors on `onnxruntime`, or moved there) and writes the model to `path`
 * (a file path), or only returns the bytes when `path` is null.
 *
 * @example
 * model.to('onnxruntime');
 * exportOnnx(model, [x], 'model.onnx', { input_names: ['input'], output_names: ['output'] });
 */
export function exportOnnx(
  fn: (...inputs: Tensor[]) => Tensor | readonly Tensor[],
  args: readonly Tensor[],
  path: string | null,
  options: ExportOptions = {},
): Uint8Array {
  if (options.dynamic_axes && Object.keys(options.dynamic_axes).length > 0) {
    throw new NotImplementedError('dynamic_axes is not supported yet: the traced graph has the static shapes of the example inputs');
  }
  if (path !== null && typeof path !== 'string') throw new TypeError("'path' must be a string or null");
  const { model } = traceToOnnx(fn, args, options);
  if (path !== null) writeFileSync(path, model);
  return model;
}
