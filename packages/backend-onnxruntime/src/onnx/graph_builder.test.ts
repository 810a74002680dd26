import { describe, expect, it } from 'vitest';
import { manual_seed, randn, tensor } from '@nncompat/core';
import { assertClose } from '@nncompat/core/testing';
import { OrtSession } from '../ort/binding.js';
import { OnnxModelSession } from '../model_session.js';
import '../index.js';
import { checkModels, onnxCheckerUnavailable } from '../testing/onnx_checker.js';
import { OnnxGraphBuilder } from './graph_builder.js';
import { OnnxDataType } from './proto.js';

/** A 2-layer MLP (Linear → ReLU → Linear) built by hand, weights as initializers, batch symbolic. */
function mlp(w1: Float32Array, b1: Float32Array, w2: Float32Array, b2: Float32Array, sizes: [number, number, number]): Uint8Array {
  const [inF, hidden, outF] = sizes;
  const g = new OnnxGraphBuilder();
  g.addInput('input', OnnxDataType.FLOAT, ['batch', inF]);
  g.addInitializer('fc1.weight', w1, [hidden, inF], OnnxDataType.FLOAT);
  g.addInitializer('fc1.bias', b1, [hidden], OnnxDataType.FLOAT);
  g.addInitializer('fc2.weight', w2, [outF, hidden], OnnxDataType.FLOAT);
  g.addInitializer('fc2.bias', b2, [outF], OnnxDataType.FLOAT);
  // Gemm with transB=1 is what torch.onnx emits for nn.Linear.
  g.addNode('Gemm', ['input', 'fc1.weight', 'fc1.bias'], ['h'], { transB: { i: 1 }, alpha: { f: 1 }, beta: { f: 1 } });
  g.addNode('Relu', ['h'], ['h_relu']);
  g.addNode('Gemm', ['h_relu', 'fc2.weight', 'fc2.bias'], ['output'], { transB: { i: 1 } });
  g.addOutput('output', OnnxDataType.FLOAT, ['batch', outF]);
  return g.toBytes();
}

describe('OnnxGraphBuilder', () => {
  manual_seed(7);
  const [w1, b1, w2, b2] = [randn(16, 5), randn(16), randn(3, 16), randn(3)];
  const host = (t: typeof w1): Float32Array => t.dataSync() as Float32Array;
  const bytes = mlp(host(w1), host(b1), host(w2), host(b2), [5, 16, 3]);

  it('builds a 2-layer MLP that onnxruntime runs with the outputs of eager ops', () => {
    const s = new OrtSession(bytes);
    expect(s.inputNames).toEqual(['input']);
    expect(s.outputNames).toEqual(['output']);
    for (const batch of [1, 4]) {
      const x = randn(batch, 5);
      const out = s.run({ input: { location: 'cpu', type: 'float32', dims: [batch, 5], data: host(x) } })['output']!;
      expect([...out.dims]).toEqual([batch, 3]);
      const eager = x.mm(w1.t()).add(b1).relu().mm(w2.t()).add(b2);
      assertClose(out.data as Float32Array, eager, { rtol: 1e-5, atol: 1e-5 });
    }
    s.dispose();
  });

  it('runs on tensors through OnnxModelSession (outputs on the onnxruntime backend)', () => {
    const m = new OnnxModelSession(bytes);
    const x = randn(3, 5);
    const { output } = m.run({ input: x });
    expect(output!.backend).toBe('onnxruntime');
    assertClose(output!.to('cpu'), x.mm(w1.t()).add(b1).relu().mm(w2.t()).add(b2), { rtol: 1e-5, atol: 1e-5 });
    expect(() => m.run({})).toThrow("input 'input' is missing (the model takes input)");
    m.dispose();
  });

  it('feeds int64 inputs as real int64 (Gather of an embedding table)', () => {
    const g = new OnnxGraphBuilder();
    g.addInput('ids', OnnxDataType.INT64, ['n']);
    g.addInitializer('table', Float32Array.from({ length: 12 }, (_, i) => i), [4, 3], OnnxDataType.FLOAT);
    g.addNode('Gather', ['table', 'ids'], ['emb'], { axis: { i: 0 } });
    g.addNode('Shape', ['emb'], ['emb_shape']);
    g.addOutput('emb', OnnxDataType.FLOAT, ['n', 3]);
    g.addOutput('emb_shape', OnnxDataType.INT64, [2]);
    const m = new OnnxModelSession(g.toBytes());
    const r = m.run({ ids: tensor([3, 0], { dtype: 'int64' }) });
    expect(r['emb']!.tolist()).toEqual([[9, 10, 11], [0, 1, 2]]);
    expect(r['emb_shape']!.dtype.name).toBe('int64');
    expect(r['emb_shape']!.tolist()).toEqual([2, 3]);
  });

  it("passes Python onnx's checker (skipped with a reason when python3-onnx is absent)", (ctx) => {
    const why = onnxCheckerUnavailable();
    if (why) {
      console.log(`skipped: ${why}`);
      ctx.skip();
      return;
    }
    expect(checkModels(new Map([['mlp', bytes]]))).toEqual([]);
  });

  it('rejects duplicate value names and initializers whose size does not match their dims', () => {
    const g = new OnnxGraphBuilder();
    g.addInput('x', OnnxDataType.FLOAT, [2]);
    expect(() => g.addNode('Relu', ['x'], ['x'])).toThrow("ONNX graph already defines a value named 'x'");
    expect(() => g.addInitializer('w', new Float32Array(3), [2, 2], OnnxDataType.FLOAT)).toThrow(/12 bytes given for dims \[2, 2\]/);
    expect(g.uniqueName('x')).toBe('x_1');
  });
});
