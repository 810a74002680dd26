/**
 * BatchMatMul on the reference backend: `[B,n,k] · [B,k,m] → [B,n,m]`, any strides (a batch
 * stride of 0 broadcasts one matrix over the batch), through the packed, cache-blocked `gemm`.
 */
import type { KernelArgs, KernelConfig, KernelResult, TensorInfo } from '../../../backend/types.js';
import type { HostArray } from '../../../dtype.js';
import { RuntimeError } from '../../../errors.js';
import { BatchMatMul } from '../../../kernels/names.js';
import { REFERENCE } from '../backend.js';
import { values } from '../strided.js';
import { input, fromFloat64 } from './common.impl.js';
import { gemm, isSmallGemm, widenSpan } from './gemm.impl.js';

function batchMatMul(args: KernelArgs<HostArray>): KernelResult<HostArray> {
  const a = input(args, 'a');
  const b = input(args, 'b');
  checkOperands(a, b);
  const [batch, n, k] = a.shape as [number, number, number];
  const m = b.shape[2]!;
  const outShape = [batch, n, m];
  // float64 accumulators for every dtype: exact for integers below 2^53, and float32 results are
  // rounded once at the end (at least as accurate as PyTorch's float32 accumulation).
  const acc = new Float64Array(batch * n * m);
  if (acc.length === 0 || k === 0) return fromFloat64(a.dtype, acc, outShape);
  // Widen both operands to float64 once for the whole batch (gemm would per matrix), unless each
  // product is small enough for gemm's direct loop, which reads them as they are.
  const small = isSmallGemm(n, m, k);
  const [av, aOff] = small ? [values(a), a.offset] : widenSpan(values(a), a.offset, a.shape, a.strides);
  const [bv, bOff] = small ? [values(b), b.offset] : widenSpan(values(b), b.offset, b.shape, b.strides);
  for (let i = 0; i < batch; i++) {
    gemm(
      n, m, k,
      { data: av, offset: aOff + i * a.strides[0]!, rowStride: a.strides[1]!, colStride: a.strides[2]! },
      { data: bv, offset: bOff + i * b.strides[0]!, rowStride: b.strides[1]!, colStride: b.strides[2]! },
      acc, i * n * m, m, false,
    );
  }
  return fromFloat64(a.dtype, acc, outShape);
}

function checkOperands(a: TensorInfo, b: TensorInfo): void {
  if (a.shape.length !== 3 || b.shape.length !== 3) {
    throw new RuntimeError(`BatchMatMul expects 3-D operands, got shapes [${a.shape.join(', ')}] and [${b.shape.join(', ')}]`);
  }
  if (a.shape[0] !== b.shape[0] || a.shape[2] !== b.shape[1]) {
    throw new RuntimeError(
      `Expected size for first two dimensions of batch2 tensor to be: [${a.shape[0]}, ${a.shape[2]}] but got: [${b.shape[0]}, ${b.shape[1]}].`,
    );
  }
}

/** Registration of BatchMatMul on the reference backend. */
export const batchMatMulConfig: KernelConfig<HostArray> = { kernelName: BatchMatMul, backendName: REFERENCE, kernelFunc: batchMatMul };
