/**
 * Benchmarks of the onnxruntime backend: 512×512 float32 matmul GFLOP/s and the per-op
 * dispatch overhead of a 1×4 add, beside the reference backend and a raw onnxruntime session.
 *
 *   npx tsx bench/bench.ts            (NNCOMPAT_ORT_THREADS=n to pin matmul threads)
 */
import { manual_seed, randn, tensor, type Tensor } from '@nncompat/core';
import { bestSecondsPerCall as time } from '@nncompat/core/testing';
import { OnnxDataType, OnnxGraphBuilder, OrtSession } from '../src/index.js';

manual_seed(0);
const N = 512;
const flops = 2 * N * N * N;
const results: Record<string, string> = {};

for (const device of ['cpu', 'onnxruntime']) {
  const a = randn(N, N).to(device);
  const b = randn(N, N).to(device);
  let c: Tensor = a;
  const s = time(device === 'cpu' ? 3 : 30, () => { c = a.mm(b); });
  void c;
  results[`matmul 512x512 float32, ${device === 'cpu' ? 'reference' : 'onnxruntime'} (GFLOP/s)`] = (flops / s / 1e9).toFixed(1);
}

// The same product through a raw session (no tensor wrapping): the ceiling of the backend.
{
  const g = new OnnxGraphBuilder();
  g.addInput('a', OnnxDataType.FLOAT, [N, N]);
  g.addInput('b', OnnxDataType.FLOAT, [N, N]);
  g.addNode('MatMul', ['a', 'b'], ['y']);
  g.addOutput('y', OnnxDataType.FLOAT, [N, N]);
  const threads = Number(process.env['NNCOMPAT_ORT_THREADS'] ?? '0');
  const sess = new OrtSession(g.toBytes(), { intraOpNumThreads: threads, extra: { session: { intra_op: { allow_spinning: '0' } } } });
  const feeds = {
    a: { location: 'cpu' as const, type: 'float32', dims: [N, N], data: randn(N, N).dataSync() },
    b: { location: 'cpu' as const, type: 'float32', dims: [N, N], data: randn(N, N).dataSync() },
  };
  const s = time(30, () => { sess.run(feeds); });
  results['matmul 512x512 float32, raw onnxruntime session (GFLOP/s)'] = (flops / s / 1e9).toFixed(1);
}

for (const device of ['cpu', 'onnxruntime']) {
  const a = tensor([[1, 2, 3, 4]]).float().to(device);
  const b = tensor([[4, 3, 2, 1]]).float().to(device);
  const s = time(10000, () => { a.add(b); });
  results[`add 1x4 float32 per op, ${device === 'cpu' ? 'reference' : 'onnxruntime'} (us)`] = (s * 1e6).toFixed(1);
}
{
  const g = new OnnxGraphBuilder();
  g.addInput('a', OnnxDataType.FLOAT, [1, 4]);
  g.addInput('b', OnnxDataType.FLOAT, [1, 4]);
  g.addNode('Add', ['a', 'b'], ['y']);
  g.addOutput('y', OnnxDataType.FLOAT, [1, 4]);
  const sess = new OrtSession(g.toBytes(), { intraOpNumThreads: 1 });
  const feeds = {
    a: { location: 'cpu' as const, type: 'float32', dims: [1, 4], data: new Float32Array(4) },
    b: { location: 'cpu' as const, type: 'float32', dims: [1, 4], data: new Float32Array(4) },
  };
  const s = time(10000, () => { sess.run(feeds); });
  results['add 1x4 float32, raw onnxruntime session.run (us)'] = (s * 1e6).toFixed(1);
}

console.log(JSON.stringify({ node: process.version, cpus: (await import('node:os')).cpus().length, results }, null, 2));
