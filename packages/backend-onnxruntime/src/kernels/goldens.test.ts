/**
 * The reference backend's PyTorch 1.13 goldens (packages/core/fixtures/kernels, written by
 * tooling/goldens/gen_ref_kernels.py), replayed against this backend's kernels: values from real
 * PyTorch, strided inputs, bad-input errors (which must be PyTorch's text here too).
 */
import { describe } from 'vitest';
import { kernels as K, type HostArray, type KernelConfig } from '@nncompat/core';
import { replayGoldens } from '../../../core/src/backends/reference/kernels/heavy.testutil.js';
import '../index.js';
import { CONV_KERNELS } from './conv.js';
import { INDEXING_KERNELS } from './indexing.js';
import { MATMUL_KERNELS } from './matmul.js';
import { POOL_KERNELS } from './pool.js';
import { REDUCE_KERNELS } from './reduce.js';
import { SOFTMAX_KERNELS } from './softmax.js';

const ALL = [...CONV_KERNELS, ...INDEXING_KERNELS, ...MATMUL_KERNELS, ...POOL_KERNELS, ...REDUCE_KERNELS, ...SOFTMAX_KERNELS];
const config = (name: string): KernelConfig<HostArray> => ALL.find((c) => c.kernelName === name)!;

// MLAS accumulates float32 products in a different order (and with FMA) than PyTorch's OpenBLAS
// build: float32 matmul/conv results agree to a few ulps of the largest partial sums.
// bfloat16: the core reference tests' own bounds (PyTorch 1.13 rounds bf16 partial sums in an
// order neither backend reproduces; both compute in float32 and round once).
const GEMM = { float32: { rtol: 1e-4, atol: 1e-5 }, bfloat16: { rtol: 1.6e-2, atol: 5e-2 } };
const CONV = { float32: { rtol: 1e-4, atol: 1e-5 }, bfloat16: { rtol: 3.2e-2, atol: 5e-2 } };

const TOPICS: [string, string, Partial<Record<string, { rtol: number; atol: number }>>?][] = [
  ['matmul', K.BatchMatMul, GEMM],
  ['conv', K.Conv2D, CONV],
  ['conv', K.ConvTranspose2D, CONV],
  ['pool', K.MaxPool2D],
  ['pool', K.AvgPool2D],
  ['softmax', K.Softmax],
  ['softmax', K.LogSoftmax],
  ['indexing', K.Gather],
  ['indexing', K.ScatterAdd],
  ['indexing', K.IndexSelect],
  ['indexing', K.IndexAdd],
  ['concat', K.Concat],
  ['argreduce', K.MaxDim],
  ['argreduce', K.MinDim],
  ['argreduce', K.ArgMax],
  ['argreduce', K.ArgMin],
];

for (const [topic, kernel, tol] of TOPICS) {
  describe(`${kernel} on onnxruntime matches the PyTorch 1.13 goldens`, () => {
    replayGoldens(topic, config(kernel), tol);
  });
}
