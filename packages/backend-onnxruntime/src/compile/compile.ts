/**
 * `compile(fn, exampleInputs)`: traces a function (a callable module, or any function of
 * tensors) on the onnxruntime backend into one ONNX graph and returns a callable that runs that
 * graph in a single session. Shapes are those of the example inputs.
 */
import { no_grad, RuntimeError, Tensor } from '@nncompat/core';
import { setReadObserver } from '../backend.js';
import { ONNX_TYPE } from '../exec/dtypes.js';
import { ONNXRUNTIME, setKernelObserver } from '../exec/plan.js';
import { OnnxModelSession } from '../model_session.js';
import { defaultIntraOpThreads, withProductLayout } from '../exec/session_options.js';
import type { OrtSessionOptions } from '../ort/binding.js';
import { encodeModel, type OnnxModel } from '../onnx/proto.js';
import { elideOutputIdentities } from './elide_identities.js';
import { Tracer, TraceError } from './tracer.js';

/** Options of {@link compile} and {@link traceToOnnx}. */
export interface CompileOptions {
  /** Graph input names (default `input_0`, `input_1`, …). */
  input_names?: readonly string[];
  /** Graph output names (default `output_0`, …). */
  output_names?: readonly string[];
  /** Opset of the default domain (default 17). */
  opset_version?: number;
  /** `compile` only: options of the session that runs the graph (e.g. `{ intraOpNumThreads: 1 }`; default onnxruntime's). */
  session_options?: OrtSessionOptions;
}

/** A compiled function: call it like the original; `model` holds the ONNX bytes. */
export interface CompiledFunction {
  (...inputs: Tensor[]): Tensor | Tensor[];
  readonly model: Uint8Array;
  readonly input_names: readonly string[];
  readonly output_names: readonly string[];
  /** Releases the session. */
  dispose(): void;
}

/** The traced graph of `fn` on `exampleInputs`, as ONNX model bytes, plus its names. */
export function traceToOnnx(
  fn: (...inputs: Tensor[]) => Tensor | readonly Tensor[],
  exampleInputs: readonly Tensor[],
  options: CompileOptions = {},
): { model: Uint8Array; input_names: string[]; output_names: string[]; single: boolean } {
  const { model, input_names, output_names, single } = traceGraph(fn, exampleInputs, options);
  return { model: encodeModel(model), input_names, output_names, single };
}

/** A traced graph as data, with the kernel that added each node (for dynamic_axes' errors). */
export interface TracedGraph {
  model: OnnxModel;
  nodeKernels: readonly (string | undefined)[];
  input_names: string[];
  output_names: string[];
  single: boolean;
}

/** @internal Traces `fn` on `exampleInputs` into an ONNX model (as data). */
export function traceGraph(
  fn: (...inputs: Tensor[]) => Tensor | readonly Tensor[],
  exampleInputs: readonly Tensor[],
  options: CompileOptions = {},
): TracedGraph {
  if (typeof fn !== 'function') throw new TypeError("'fn' must be a function or a callable module");
  if (!Array.isArray(exampleInputs) || exampleInputs.some((t) => !(t instanceof Tensor))) {
    throw new TypeError("'exampleInputs' must be an array of tensors");
  }
  const input_names = exampleInputs.map((_, i) => options.input_names?.[i] ?? `input_${i}`);
  const tracer = new Tracer(options.opset_version === undefined ? {} : { opsetVersion: options.opset_version });
  // Fresh contiguous copies on this backend: graph inputs own their storage.
  const inputs = no_grad(() => exampleInputs.map((t) => t.to(ONNXRUNTIME).contiguous().clone()));
  inputs.forEach((t, i) => tracer.addInput(input_names[i]!, t));
  const prevObserver = setKernelObserver(tracer);
  setReadObserver((s) => tracer.onRead(s));
  let result: Tensor | readonly Tensor[];
  try {
    result = no_grad(() => fn(...inputs));
  } catch (e) {
    throw tracer.failure ?? e;
  } finally {
    setKernelObserver(prevObserver);
    setReadObserver(null);
  }
  if (tracer.failure) throw tracer.failure;
  const single = result instanceof Tensor;
  const outs = single ? [result as Tensor] : [...(result as readonly Tensor[])];
  if (outs.length === 0 || outs.some((t) => !(t instanceof Tensor))) throw new TraceError('compile: the function must return a tensor or an array of tensors');
  const output_names = outs.map((_, i) => options.output_names?.[i] ?? `output_${i}`);
  outs.forEach((t, i) => {
    if (t.backend !== ONNXRUNTIME) throw new TraceError(`compile: output ${i} is on '${t.backend}'; move the module to 'onnxruntime' before compiling`);
    const v = tracer.view({ storage: t._storage.handle, dtype: t.dtype, shape: t.shape, strides: t._strides, offset: t._offset });
    tracer.g.addNode('Identity', [v], [output_names[i]!]);
    tracer.g.addOutput(output_names[i]!, ONNX_TYPE[t.dtype.name], t.shape);
  });
  return { model: elideOutputIdentities(tracer.g.toModel()), nodeKernels: tracer.nodeKernels, input_names, output_names, single };
}

/**
 * Traces `fn` (e.g. a module, already moved to `onnxruntime`) on `exampleInputs` and returns a
 * function that runs the whole graph in one onnxruntime session. Inference only (no autograd);
 * inputs must have the example inputs' shapes and dtypes.
 *
 * @example
 * model.to('onnxruntime');
 * const fast = compile(model, [x]);
 * const y = fast(x) as Tensor; // same values as model(x)
 */
export function compile(
  fn: (...inputs: Tensor[]) => Tensor | readonly Tensor[],
  exampleInputs: readonly Tensor[],
  options: CompileOptions = {},
): CompiledFunction {
  const { model, input_names, output_names, single } = traceToOnnx(fn, exampleInputs, options);
  const session = new OnnxModelSession(model, withProductLayout(options.session_options ?? { intraOpNumThreads: defaultIntraOpThreads() }));
  const shapes = exampleInputs.map((t) => [...t.shape]);
  const dtypes = exampleInputs.map((t) => t.dtype.name);
  const run = (...inputs: Tensor[]): Tensor | Tensor[] => {
    if (inputs.length !== input_names.length) throw new TypeError(`compiled function takes ${input_names.length} input(s), got ${inputs.length}`);
    const feeds: Record<string, Tensor> = {};
    inputs.forEach((t, i) => {
      if (!(t instanceof Tensor)) throw new TypeError(`input ${i} must be a tensor`);
      if (t.shape.join(',') !== shapes[i]!.join(',') || t.dtype.name !== dtypes[i]) {
        throw new RuntimeError(`compiled for input ${i} of shape [${shapes[i]!.join(', ')}] and dtype ${dtypes[i]}, got [${t.shape.join(', ')}] and ${t.dtype.name}`);
      }
      feeds[input_names[i]!] = t;
    });
    const out = session.run(feeds);
    const device = inputs[0]?.backend ?? ONNXRUNTIME;
    const list = output_names.map((n) => out[n]!.to(device));
    return single ? list[0]! : list;
  };
  return Object.assign(run, { model, input_names, output_names, dispose: () => session.dispose() });
}

