/**
 * `torch.onnx.export(model, args, f, ...)`: traces the model's forward on the exporter's backend
 * into one ONNX graph and writes a standard `.onnx` file.
 */
import { NotImplementedError, Tensor, ValueError, nodeFs } from '@nncompat/core';
import { Module } from '../nn/modules/module.js';
import { onnxExporter, type DynamicAxes } from './exporter.js';

/** Opsets the traced graphs are valid for: ScatterElements' `reduction` needs 16; onnx 1.12 (Debian) knows up to 17. */
const OPSETS = { min: 16, max: 17, default: 17 } as const;

/** Keyword options of {@link export_}. */
export interface ExportOptions {
  /** Names of the graph inputs, in `args` order (default `input_0`, …). */
  input_names?: readonly string[];
  /** Names of the graph outputs (default `output_0`, …). */
  output_names?: readonly string[];
  /**
   * Symbolic dims per input/output name: `{ input: { 0: 'batch' } }` or `{ input: [0] }`
   * (named `input_dynamic_axes_1`, … as torch names them). Every traced op must be independent
   * of their size; otherwise NotImplementedError names the op that pins the dim.
   */
  dynamic_axes?: DynamicAxes | null;
  /** Default opset of the graph (16 or 17; default 17: torch 1.13's default 14 lacks ScatterElements' reduction). */
  opset_version?: number | null;
  /**
   * Accepted for compatibility (default true). The traced graph holds no parameter-only
   * subgraphs beyond weight transposes/reshapes, which onnxruntime folds when it loads the model.
   */
  do_constant_folding?: boolean;
  /** Must be true (the default): parameters are written as initializers. */
  export_params?: boolean;
  /** `TrainingMode`: `'EVAL'` (default, the model is put in eval mode while traced) or `'PRESERVE'`. */
  training?: 'EVAL' | 'PRESERVE';
}

function firstDevice(model: Module): string | null {
  for (const p of model.parameters()) return p.device;
  for (const b of model.buffers()) return b.device;
  return null;
}

/**
 * `torch.onnx.export(model, args, f, { input_names, output_names, dynamic_axes, opset_version })`.
 * Needs `import '@nncompat/backend-onnxruntime'` (it installs the tracer). The model is traced in
 * eval mode on the exporter's device and put back where it was. `f` is a path, or null to only get
 * the bytes (returned in both cases; PyTorch returns None). Inference only.
 *
 * @example
 * import '@nncompat/backend-onnxruntime';
 * torch.onnx.export(model, torch.randn(1, 784), 'mlp.onnx', {
 *   input_names: ['input'], output_names: ['logits'],
 *   dynamic_axes: { input: { 0: 'batch' }, logits: { 0: 'batch' } },
 * });
 */
export function export_(
  model: Module | ((...inputs: Tensor[]) => Tensor | readonly Tensor[]),
  args: Tensor | readonly Tensor[],
  f: string | null,
  options: ExportOptions = {},
): Uint8Array {
  const hook = onnxExporter();
  if (typeof model !== 'function') throw new TypeError("torch.onnx.export: 'model' must be a torch.nn.Module or a function of tensors");
  const list = args instanceof Tensor ? [args] : args;
  if (!Array.isArray(list) || list.some((t) => !(t instanceof Tensor))) {
    throw new TypeError("torch.onnx.export: 'args' must be a tensor or an array of tensors (keyword arguments are not supported)");
  }
  if (f !== null && typeof f !== 'string') throw new TypeError("torch.onnx.export: 'f' must be a file path or null");
  if (options.export_params === false) throw new NotImplementedError('torch.onnx.export: export_params=False is not supported (parameters are always written as initializers)');
  const training = options.training ?? 'EVAL';
  if (training !== 'EVAL' && training !== 'PRESERVE') throw new NotImplementedError(`torch.onnx.export: training=${String(training)} is not supported (tracing is inference only: use 'EVAL' or 'PRESERVE')`);
  const opset = options.opset_version ?? OPSETS.default;
  if (!Number.isInteger(opset) || opset < OPSETS.min || opset > OPSETS.max) {
    throw new ValueError(`torch.onnx.export: opset_version ${String(opset)} is not supported; the traced graphs use opset ${OPSETS.min} to ${OPSETS.max}`);
  }
  const mod = model instanceof Module ? model : null;
  const device = mod ? firstDevice(mod) : null;
  const wasTraining = mod?.training ?? false;
  if (mod && device !== null && device !== hook.device) mod.to(hook.device);
  if (mod && training === 'EVAL') mod.eval();
  try {
    const fn = model as (...inputs: Tensor[]) => Tensor | readonly Tensor[];
    const bytes = hook.export((...xs: Tensor[]) => fn(...xs), list, null, {
      ...(options.input_names ? { input_names: options.input_names } : {}),
      ...(options.output_names ? { output_names: options.output_names } : {}),
      ...(options.dynamic_axes ? { dynamic_axes: options.dynamic_axes } : {}),
      opset_version: opset,
    });
    if (f !== null) nodeFs().writeFileSync(f, bytes);
    return bytes;
  } finally {
    if (mod && training === 'EVAL') mod.train(wasTraining);
    if (mod && device !== null && device !== hook.device) mod.to(device);
  }
}
