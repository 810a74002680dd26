/**
 * @nncompat/backend-onnxruntime: nncompat's kernels on onnxruntime-node. Each kernel call runs a
 * single-op ONNX graph, built in code and cached per signature, synchronously. Importing the
 * package registers the backend as `onnxruntime` (device `onnxruntime`).
 *
 * @example
 * import { tensor } from '@nncompat/core';
 * import '@nncompat/backend-onnxruntime';
 * const a = tensor([[1, 2], [3, 4]]).to('onnxruntime');
 * a.mm(a).tolist(); // [[7, 10], [15, 22]]
 */
import { registerBackend, registerKernel } from '@nncompat/core';
import { OnnxruntimeBackend } from './backend.js';
import { ONNXRUNTIME } from './exec/plan.js';
import { ADDMM_KERNELS } from './kernels/addmm.js';
import { BINARY_KERNELS } from './kernels/binary.js';
import { CONV_KERNELS } from './kernels/conv.js';
import { COPY_KERNELS } from './kernels/copy.js';
import { INDEXING_KERNELS } from './kernels/indexing.js';
import { MATMUL_KERNELS } from './kernels/matmul.js';
import { POOL_KERNELS } from './kernels/pool.js';
import { REDUCE_KERNELS } from './kernels/reduce.js';
import { SOFTMAX_KERNELS } from './kernels/softmax.js';
import { UNARY_KERNELS } from './kernels/unary.js';
import { installOnnxExporter } from './compile/exporter_hook.js';

/** Registry priority: below the reference backend (0) until benchmarks pick the default. */
export const ONNXRUNTIME_PRIORITY = -10;

registerBackend(ONNXRUNTIME, () => new OnnxruntimeBackend(), ONNXRUNTIME_PRIORITY);
for (const k of [
  ...BINARY_KERNELS, ...UNARY_KERNELS, ...COPY_KERNELS, ...REDUCE_KERNELS, ...SOFTMAX_KERNELS,
  ...MATMUL_KERNELS, ...ADDMM_KERNELS, ...CONV_KERNELS, ...POOL_KERNELS, ...INDEXING_KERNELS,
]) registerKernel(k);
installOnnxExporter();

export { OnnxruntimeBackend, ONNXRUNTIME };
export { kernelCoverage, type KernelCoverage, type KernelStatus } from './coverage.js';
export { sessionCacheStats, clearSessionCache, setSessionCacheLimit, setSessionOptions, getSessionOptions, type SessionCacheStats } from './exec/session_cache.js';
export { OrtSession, type OrtValue, type OrtSessionOptions } from './ort/binding.js';
export { OnnxGraphBuilder, DEFAULT_OPSET, DEFAULT_IR_VERSION, type OnnxGraphBuilderOptions, type InitializerData } from './onnx/graph_builder.js';
export { encodeModel, OnnxDataType, type OnnxDataTypeValue, type OnnxAttrValue, type OnnxDim, type OnnxModel, type OnnxGraph, type OnnxNode, type OnnxTensor, type OnnxValueInfo } from './onnx/proto.js';
export { ONNX_TYPE } from './exec/dtypes.js';
export { OnnxModelSession } from './model_session.js';
export { compile, traceToOnnx, type CompileOptions, type CompiledFunction } from './compile/compile.js';
export { TraceError } from './compile/tracer.js';
export { compileStep, type CompileStepOptions, type CompiledStep, type StepResult } from './compile/step.js';
export { exportOnnx, type ExportOptions } from './compile/export.js';
export { type DynamicAxes } from './compile/dynamic.js';
export { ONNX_EXPORTER_KEY, type OnnxExporterHook } from './compile/exporter_hook.js';
