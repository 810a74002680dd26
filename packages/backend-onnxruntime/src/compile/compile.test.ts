import { describe, expect, it } from 'vitest';
import { conv2d, manual_seed, max_pool2d, NotImplementedError, randn, Tensor } from '@nncompat/core';
import { assertClose } from '@nncompat/core/testing';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile, exportOnnx, OnnxModelSession, sessionCacheStats, TraceError } from '../index.js';
import { checkModels, onnxCheckerUnavailable } from '../testing/onnx_checker.js';

const ort = (t: Tensor): Tensor => t.to('onnxruntime');

describe('compile(fn, exampleInputs)', () => {
  manual_seed(3);
  const mlpParams = [randn(32, 8).mul(0.3), randn(32).mul(0.1), randn(4, 32).mul(0.3), randn(4).mul(0.1)].map(ort);
  const mlp = (x: Tensor): Tensor => {
    const [w1, b1, w2, b2] = mlpParams as [Tensor, Tensor, Tensor, Tensor];
    // Linear → ReLU → Linear → log_softmax, written with core ops (t() views become Transposes).
    return x.mm(w1.t()).add(b1).relu().mm(w2.t()).add(b2).log_softmax(1);
  };

  it('traces an MLP into one graph whose outputs match eager execution', () => {
    const x = ort(randn(5, 8));
    const fast = compile(mlp, [x]);
    assertClose((fast(x) as Tensor).to('cpu'), mlp(x).to('cpu'), { rtol: 1e-5, atol: 1e-5 });
    // New values of the same shape: the graph, not baked results.
    const x2 = ort(randn(5, 8));
    const before = sessionCacheStats().hits;
    const y2 = fast(x2) as Tensor;
    expect(sessionCacheStats().hits).toBe(before); // one whole-graph run, no per-op sessions
    assertClose(y2.to('cpu'), mlp(x2).to('cpu'), { rtol: 1e-5, atol: 1e-5 });
    expect(y2.backend).toBe('onnxruntime');
    expect(() => fast(ort(randn(3, 8)))).toThrow('compiled for input 0 of shape [5, 8] and dtype float32, got [3, 8] and float32');
    fast.dispose();
  });

  it('traces a small CNN (conv, relu, max-pool indices, flatten view, linear, several outputs)', () => {
    const w = ort(randn(6, 3, 3, 3).mul(0.2));
    const b = ort(randn(6).mul(0.1));
    const fc = ort(randn(10, 6 * 4 * 4).mul(0.05));
    const cnn = (x: Tensor): Tensor[] => {
      const h = conv2d(x, w, b, { padding: 1 }).relu();
      const [p, idx] = max_pool2d(h, 2, { return_indices: true }) as [Tensor, Tensor];
      const flat = p.flatten(1);
      return [flat.mm(fc.t()).softmax(1), idx, p.permute(0, 2, 3, 1).sum(3)];
    };
    const x = ort(randn(2, 3, 8, 8));
    const fast = compile(cnn, [x], { input_names: ['image'], output_names: ['probs', 'indices', 'summed'] });
    expect(fast.input_names).toEqual(['image']);
    const got = fast(x) as Tensor[];
    const want = cnn(x);
    expect(got.map((t) => t.dtype.name)).toEqual(['float32', 'int64', 'float32']);
    got.forEach((t, i) => {
      expect([...t.shape]).toEqual([...want[i]!.shape]);
      assertClose(t.to('cpu'), want[i]!.to('cpu'), { rtol: 1e-4, atol: 1e-5, what: `output ${i}` });
    });
    const why = onnxCheckerUnavailable();
    if (why) console.log(`onnx checker skipped: ${why}`);
    else expect(checkModels(new Map([['cnn', fast.model]]))).toEqual([]);
  });

  it('traces a Transformer encoder layer (multi-head attention, layer norm, GELU feed-forward)', () => {
    const [B, T, D, H, F] = [2, 5, 16, 4, 32];
    const p = (...shape: number[]): Tensor => ort(randn(...shape).mul(0.2));
    const [wq, wk, wv, wo, w1, w2] = [p(D, D), p(D, D), p(D, D), p(D, D), p(F, D), p(D, F)];
    const [bq, bo, b1, b2, g1, be1, g2, be2] = [p(D), p(D), p(F), p(D), p(D), p(D), p(D), p(D)];
    const layerNorm = (x: Tensor, g: Tensor, b: Tensor): Tensor => {
      const mu = x.mean(-1, true);
      const v = x.var(-1, { correction: 0, keepdim: true });
      return x.sub(mu).div(v.add(1e-5).sqrt()).mul(g).add(b);
    };
    const heads = (x: Tensor): Tensor => x.reshape(B, T, H, D / H).transpose(1, 2); // [B, H, T, Dh]
    const encoder = (x: Tensor, mask: Tensor): Tensor => {
      const q = heads(x.matmul(wq.t()).add(bq));
      const k = heads(x.matmul(wk.t()));
      const v = heads(x.matmul(wv.t()));
      const scores = q.matmul(k.transpose(2, 3)).mul(1 / Math.sqrt(D / H)).add(mask);
      const att = scores.softmax(-1).matmul(v).transpose(1, 2).reshape(B, T, D);
      const h = layerNorm(x.add(att.matmul(wo.t()).add(bo)), g1, be1);
      const ff = h.matmul(w1.t()).add(b1).gelu().matmul(w2.t()).add(b2);
      return layerNorm(h.add(ff), g2, be2);
    };
    const x = ort(randn(B, T, D));
    const mask = ort(randn(T, T).gt(1).float().mul(-1e4)); // an additive attention mask, broadcast over B and H
    const fast = compile(encoder, [x, mask]);
    assertClose((fast(x, mask) as Tensor).to('cpu'), encoder(x, mask).to('cpu'), { rtol: 1e-4, atol: 1e-5 });
    const why = onnxCheckerUnavailable();
    if (!why) expect(checkModels(new Map([['encoder', fast.model]]))).toEqual([]);
  });

  it('refuses functions whose values go through the host or through reference fallbacks', () => {
    const x = ort(randn(4));
    expect(() => compile((t: Tensor) => t.mul(t.sum().item() as number), [x])).toThrow(TraceError);
    expect(() => compile((t: Tensor) => t.atan2(t), [x])).toThrow(/ran on the reference backend|read a traced tensor/);
    // float64 Erf has no onnxruntime CPU kernel: it runs on the reference code, uncapturable.
    expect(() => compile((t: Tensor) => t.erf(), [ort(randn(3).double())])).toThrow("compile: kernel 'Erf' (float64) ran on the reference code here, so it has no ONNX form to capture");
  });

  it('exports a .onnx file that loads back with onnxruntime and gives the eager outputs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nncompat-export-'));
    try {
      const x = ort(randn(2, 8));
      const path = join(dir, 'mlp.onnx');
      exportOnnx(mlp, [x], path, { input_names: ['input'], output_names: ['logp'], opset_version: 17 });
      const m = new OnnxModelSession(new Uint8Array(readFileSync(path)));
      expect(m.inputNames).toEqual(['input']);
      expect(m.outputNames).toEqual(['logp']);
      assertClose(m.run({ input: x })['logp']!.to('cpu'), mlp(x).to('cpu'), { rtol: 1e-5, atol: 1e-5 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exports with dynamic_axes: a symbolic batch dim that runs at other batch sizes', () => {
    const x = ort(randn(4, 8));
    const bytes = exportOnnx(mlp, [x], null, { input_names: ['input'], output_names: ['logp'], dynamic_axes: { input: { 0: 'batch' }, logp: [0] } });
    const m = new OnnxModelSession(bytes);
    for (const n of [1, 3, 9]) {
      const xn = ort(randn(n, 8));
      assertClose(m.run({ input: xn })['logp']!.to('cpu'), mlp(xn).to('cpu'), { rtol: 1e-5, atol: 1e-5, what: `batch ${n}` });
    }
    // A reshape through the batch dim becomes a Reshape to -1.
    const flat = (t: Tensor): Tensor => t.reshape(-1).mul(2).reshape(t.shape[0]!, 2, 4).sum(2);
    const m2 = new OnnxModelSession(exportOnnx(flat, [x], null, { dynamic_axes: { input_0: [0] } }));
    const x5 = ort(randn(5, 8));
    assertClose(m2.run({ input_0: x5 })['output_0']!.to('cpu'), flat(x5).to('cpu'));
    const why = onnxCheckerUnavailable();
    if (why) console.log(`onnx checker skipped: ${why}`);
    else expect(checkModels(new Map([['mlp-dynamic', bytes]]))).toEqual([]);
  });

  it('dynamic_axes: an op whose graph depends on the dim\'s size raises NotImplementedError naming it', () => {
    const x = ort(randn(4, 8));
    // mean over the batch divides by the batch size, a constant in the graph.
    expect(() => exportOnnx((t: Tensor) => t.mean(0), [x], null, { dynamic_axes: { input_0: [0] } })).toThrow(NotImplementedError);
    expect(() => exportOnnx((t: Tensor) => t.mean(0), [x], null, { dynamic_axes: { input_0: [0] } })).toThrow(/dynamic_axes: .*kernel '/);
    // A slice of all rows but the first: its gather offsets depend on the size. (A fixed slice,
    // rows 1..2, does not: the same offsets are right for every batch of at least 3.)
    expect(() => exportOnnx((t: Tensor) => t.narrow(0, 1, t.shape[0]! - 1).exp(), [x], null, { dynamic_axes: { input_0: [0] } })).toThrow(/uses constant 'view_idx/);
    const fixed = new OnnxModelSession(exportOnnx((t: Tensor) => t.narrow(0, 1, 2).exp(), [x], null, { dynamic_axes: { input_0: [0] } }));
    const x6 = ort(randn(6, 8));
    assertClose(fixed.run({ input_0: x6 })['output_0']!.to('cpu'), x6.narrow(0, 1, 2).exp().to('cpu'));
    expect(() => exportOnnx(mlp, [x], null, { dynamic_axes: { input_0: [5] } })).toThrow("dynamic_axes['input_0']: dim 5 is out of range for a tensor of rank 2");
  });

  it('export round trip', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nncompat-export-'));
    try {
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects bad arguments with errors naming them', () => {
    expect(() => compile(null as unknown as (x: Tensor) => Tensor, [])).toThrow("'fn' must be a function or a callable module");
    expect(() => compile(mlp, [1 as unknown as Tensor])).toThrow("'exampleInputs' must be an array of tensors");
  });
});
