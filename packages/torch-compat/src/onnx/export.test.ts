import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
// Installs the exporter (a side-effect import: torch-compat itself depends only on core).
import '@nncompat/backend-onnxruntime';
import { manual_seed, NotImplementedError, randn, Tensor } from '@nncompat/core';
import { assertClose } from '@nncompat/core/testing';
import { nn } from '../index.js';
import { export_ } from './export.js';
import { ONNX_EXPORTER_KEY } from './exporter.js';

const PYTHON = '/usr/bin/python3';

/** Why onnx.checker cannot run here (CI has no Python), or null. */
function checkerUnavailable(): string | null {
  const r = spawnSync(PYTHON, ['-c', 'import onnx'], { encoding: 'utf8' });
  if (r.error) return `${PYTHON} not found`;
  return r.status === 0 ? null : `${PYTHON} has no 'onnx' module (apt-get install python3-onnx)`;
}

/** onnx.checker.check_model(full_check=True) on a file: '' when it passes, else the error. */
function check(path: string): string {
  const r = spawnSync(PYTHON, ['-c', 'import sys, onnx; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True)', path], { encoding: 'utf8' });
  return r.status === 0 ? '' : r.stderr.trim().split('\n').pop() ?? 'failed';
}

/** Runs a .onnx file in a fresh onnxruntime InferenceSession (the public API, not the backend). */
async function runFile(path: string, feeds: Record<string, Tensor>): Promise<Record<string, Tensor>> {
  const session = await ort.InferenceSession.create(readFileSync(path));
  const input: Record<string, ort.Tensor> = {};
  for (const [k, t] of Object.entries(feeds)) input[k] = new ort.Tensor('float32', Float32Array.from(t.to('cpu').dataSync() as Float32Array), [...t.shape]);
  const out = await session.run(input);
  const res: Record<string, Tensor> = {};
  for (const [k, v] of Object.entries(out)) res[k] = Tensor.fromHost(Float32Array.from(v.data as Float32Array), [...v.dims], 'float32');
  await session.release();
  return res;
}

describe('torch.onnx.export without a backend exporter', () => {
  it("names the package to import", () => {
    const g = globalThis as Record<symbol, unknown>;
    const saved = g[ONNX_EXPORTER_KEY];
    delete g[ONNX_EXPORTER_KEY];
    try {
      expect(() => export_(new nn.Linear(2, 2), randn(1, 2), null)).toThrow(NotImplementedError);
      expect(() => export_(new nn.Linear(2, 2), randn(1, 2), null)).toThrow("import '@nncompat/backend-onnxruntime' first");
    } finally {
      if (saved !== undefined) g[ONNX_EXPORTER_KEY] = saved;
    }
  });
});

describe('torch.onnx.export (with @nncompat/backend-onnxruntime)', () => {
  const why = checkerUnavailable();
  if (why) console.log(`onnx.checker skipped: ${why}`);
  const dir = mkdtempSync(join(tmpdir(), 'nncompat-torch-onnx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function roundTrip(name: string, model: nn.Module, args: Tensor[], opts: Parameters<typeof export_>[3], tol = 1e-4): Promise<string> {
    const path = join(dir, `${name}.onnx`);
    model.eval();
    const want = model(...args) as Tensor;
    model.train();
    const bytes = export_(model, args, path, opts);
    expect(readFileSync(path).equals(Buffer.from(bytes))).toBe(true);
    // Export leaves the model where it was: on cpu, in training mode.
    expect(model.training).toBe(true);
    for (const p of model.parameters()) expect(p.device).toBe('cpu');
    const inputName = opts?.input_names?.[0] ?? 'input_0';
    const outName = opts?.output_names?.[0] ?? 'output_0';
    const got = (await runFile(path, { [inputName]: args[0]! }))[outName]!;
    assertClose(got, want, { rtol: tol, atol: tol, what: name });
    if (!why) expect(check(path)).toBe('');
    return path;
  }

  it('exports an MLP; with dynamic_axes it runs at two other batch sizes', async () => {
    manual_seed(0);
    const mlp = new nn.Sequential(new nn.Linear(20, 32), new nn.ReLU(), new nn.Linear(32, 10));
    const path = await roundTrip('mlp', mlp, [randn(4, 20)], {
      input_names: ['input'], output_names: ['logits'], dynamic_axes: { input: { 0: 'batch' }, logits: { 0: 'batch' } }, opset_version: 17,
    });
    mlp.eval();
    for (const n of [1, 13]) {
      const x = randn(n, 20);
      const got = (await runFile(path, { input: x }))['logits']!;
      expect([...got.shape]).toEqual([n, 10]);
      assertClose(got, mlp(x) as Tensor, { rtol: 1e-4, atol: 1e-5, what: `batch ${n}` });
    }
  });

  it('exports a small CNN', async () => {
    manual_seed(1);
    const cnn = new nn.Sequential(
      new nn.Conv2d(3, 8, 3, { padding: 1 }), new nn.ReLU(), new nn.MaxPool2d(2),
      new nn.Conv2d(8, 4, 3), new nn.ReLU(), new nn.Flatten(), new nn.Linear(4 * 2 * 2, 5), new nn.Softmax(1),
    );
    await roundTrip('cnn', cnn, [randn(2, 3, 8, 8)], { input_names: ['image'], output_names: ['probs'] });
  });

  it('exports a TransformerEncoder (dropout off: traced in eval mode)', async () => {
    manual_seed(2);
    const layer = new nn.TransformerEncoderLayer(16, 4, { dim_feedforward: 32, batch_first: true });
    const enc = new nn.TransformerEncoder(layer, 2);
    await roundTrip('encoder', enc, [randn(2, 5, 16)], { input_names: ['src'], output_names: ['out'] });
  });

  it('rejects options it cannot honour, naming them', () => {
    const m = new nn.Linear(3, 2);
    expect(() => export_(m, randn(1, 3), null, { export_params: false })).toThrow('export_params=False is not supported');
    expect(() => export_(m, randn(1, 3), null, { opset_version: 11 })).toThrow('opset_version 11 is not supported; the traced graphs use opset 16 to 17');
    expect(() => export_(m, [1 as unknown as Tensor], null)).toThrow("'args' must be a tensor or an array of tensors");
  });
});
