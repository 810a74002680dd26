/**
 * Runs a whole ONNX model (e.g. one built with OnnxGraphBuilder by a tracer, or loaded from a
 * `.onnx` file) synchronously on nncompat tensors: the piece `compile()` and export round-trip
 * tests build on.
 */
import { Tensor, toDType, type DTypeName, type HostArray } from '@nncompat/core';
import { OrtSession, type OrtSessionOptions, type OrtValue } from './ort/binding.js';
import { ONNXRUNTIME } from './exec/plan.js';
import { checkNotStale } from './exec/stale.js';

// onnxruntime's tensor type names → nncompat dtypes (bfloat16 has no onnxruntime JS type).
const FROM_ORT: Readonly<Record<string, DTypeName>> = {
  float32: 'float32', float64: 'float64', float16: 'float16', int8: 'int8', uint8: 'uint8',
  int16: 'int16', int32: 'int32', int64: 'int64', bool: 'bool',
};

/** The tensor's values as a dense host array: its own buffer when it is one (no copy), else a copy. */
function denseValues(t: Tensor): HostArray {
  if (t.backend === ONNXRUNTIME && t.is_contiguous() && t._offset === 0) {
    const buf = t._storage.handle as HostArray;
    if (buf.length === t.numel()) {
      checkNotStale(buf);
      return buf;
    }
  }
  return t.dataSync();
}

function toFeed(t: Tensor, name: string): OrtValue {
  const data = denseValues(t);
  const d = t.dtype.name;
  if (d === 'bfloat16') throw new TypeError(`input '${name}': bfloat16 tensors cannot be fed to onnxruntime (no bfloat16 JS tensor type); cast to float32`);
  // int64's canonical host array holds exact integers as float64; models take real int64.
  const payload = d === 'int64' ? BigInt64Array.from(data as Float64Array, (v) => BigInt(v)) : data;
  return { location: 'cpu', type: d, dims: t.shape, data: payload };
}

function fromOutput(v: OrtValue, name: string): Tensor {
  const dtype = FROM_ORT[v.type];
  if (!dtype) throw new TypeError(`output '${name}': onnxruntime type '${v.type}' has no nncompat dtype`);
  let data: HostArray;
  if (dtype === 'int64') data = Float64Array.from(v.data as BigInt64Array, (x) => Number(x));
  else data = v.data as HostArray;
  return Tensor.fromHost(data, [...v.dims], toDType(dtype), ONNXRUNTIME);
}

/**
 * A loaded ONNX model that runs synchronously on tensors; outputs live on the `onnxruntime`
 * backend.
 *
 * @example
 * const m = new OnnxModelSession(bytes);
 * const { output } = m.run({ input: x });
 */
export class OnnxModelSession {
  private readonly session: OrtSession;
  /** Graph input names, in order. */
  readonly inputNames: readonly string[];
  /** Graph output names, in order. */
  readonly outputNames: readonly string[];

  constructor(model: Uint8Array, options: OrtSessionOptions = {}) {
    if (!(model instanceof Uint8Array)) throw new TypeError("'model' must be a Uint8Array of ONNX model bytes");
    this.session = new OrtSession(model, options);
    this.inputNames = this.session.inputNames;
    this.outputNames = this.session.outputNames;
  }

  /** Runs the model; every graph input must be given by name. */
  run(inputs: Readonly<Record<string, Tensor>>): Record<string, Tensor> {
    const feeds: Record<string, OrtValue> = {};
    for (const name of this.inputNames) {
      const t = inputs[name];
      if (!(t instanceof Tensor)) throw new TypeError(`input '${name}' is missing (the model takes ${this.inputNames.join(', ')})`);
      feeds[name] = toFeed(t, name);
    }
    const out = this.session.run(feeds);
    const r: Record<string, Tensor> = {};
    for (const name of this.outputNames) r[name] = fromOutput(out[name]!, name);
    return r;
  }

  /** Releases the native session. */
  dispose(): void {
    this.session.dispose();
  }
}
