/**
 * Writes the traced graph of a function as a standard `.onnx` file: the backend half of
 * `torch.onnx.export(model, args, f, { input_names, output_names, dynamic_axes, opset_version })`.
 */
import { writeFileSync } from 'node:fs';
import { cat, no_grad, Tensor } from '@nncompat/core';
import { encodeModel } from '../onnx/proto.js';
import { traceGraph, type CompileOptions } from './compile.js';
import { mergeDynamic, normalizeDynamicAxes, type DynamicAxes } from './dynamic.js';

/** Options of {@link exportOnnx} (torch.onnx.export's keyword names). */
export interface ExportOptions extends CompileOptions {
  /**
   * Dims of inputs/outputs (by name) left symbolic in the graph: `{ input: [0] }` (torch's
   * generated names) or `{ input: { 0: 'batch' } }`. Every op must be independent of their size
   * (checked by tracing twice); otherwise NotImplementedError names the op that pins the dim.
   */
  dynamic_axes?: DynamicAxes | null;
}

/** The example input with each listed dim grown by one (its first slice repeated: values stay valid, e.g. indices). */
function grown(t: Tensor, dims: Iterable<number>): Tensor {
  let r = t;
  for (const d of dims) r = cat([r, r.narrow(d, 0, 1)], d);
  return r;
}

/**
 * Traces `fn` on `args` (tensors on `onnxruntime`, or moved there) and writes the model to `path`
 * (a file path), or only returns the bytes when `path` is null.
 *
 * @example
 * model.to('onnxruntime');
 * exportOnnx(model, [x], 'model.onnx', { input_names: ['input'], output_names: ['output'], dynamic_axes: { input: { 0: 'batch' }, output: { 0: 'batch' } } });
 */
export function exportOnnx(
  fn: (...inputs: Tensor[]) => Tensor | readonly Tensor[],
  args: readonly Tensor[],
  path: string | null,
  options: ExportOptions = {},
): Uint8Array {
  if (path !== null && typeof path !== 'string') throw new TypeError("'path' must be a string or null");
  const traced = traceGraph(fn, args, options);
  let model = traced.model;
  if (options.dynamic_axes && Object.keys(options.dynamic_axes).length > 0) {
    const ranks = new Map<string, number>([
      ...traced.model.graph.inputs.map((v): [string, number] => [v.name, v.dims?.length ?? 0]),
      ...traced.model.graph.outputs.map((v): [string, number] => [v.name, v.dims?.length ?? 0]),
    ]);
    const dims = normalizeDynamicAxes(options.dynamic_axes, ranks);
    if (dims.size > 0) {
      const other = no_grad(() => args.map((t, i) => grown(t, dims.get(traced.input_names[i]!)?.keys() ?? [])));
      const second = traceGraph(fn, other, options);
      model = mergeDynamic(traced.model, second.model, traced.nodeKernels, dims);
    }
  }
  const bytes = encodeModel(model);
  if (path !== null) writeFileSync(path, bytes);
  return bytes;
}
