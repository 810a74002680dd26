import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { arange, OrderedDict, Parameter, randn, tensor, Tensor, zip } from '@nncompat/core';
import { hasTorchPython, TORCH_PYTHON } from '@nncompat/core/testing';
import { load } from './load.js';
import { save } from './save.js';
import { describe } from './describe.test-util.js';

const DIR = new URL('../../fixtures/checkpoints/', import.meta.url);

/** `withFloat`: include a Python float (PyTorch 1.13's weights-only unpickler has no BINFLOAT opcode; 2.x has). */
function sample(withFloat = true): Map<string, unknown> {
  const base = arange(12, { dtype: 'float32' }).view(3, 4);
  const sd = new OrderedDict<string, unknown>([
    ['w', base],
    ['w_t', base.t()],
    ['row', base.select(0, 1)],
    ['p', new Parameter(randn(2, 2))],
    ['half', tensor([1.5, -2], { dtype: 'float16' })],
    ['bf16', tensor([3.25], { dtype: 'bfloat16' })],
    ['long', tensor([1, -2, 2 ** 40])],
    ['mask', tensor([true, false])],
    ['u8', tensor([0, 255], { dtype: 'uint8' })],
  ]);
  sd._metadata = new OrderedDict([['', new Map<string, unknown>([['version', 1]])]]);
  const m = new Map<string, unknown>([['model', sd], ['epoch', 3], ['tags', Object.freeze(['a', 1])], ['nested', [sd.get('w'), null, true]]]);
  if (withFloat) m.set('loss', 0.25);
  return m;
}

suite('torch.save', () => {
  it('writes the zip layout PyTorch writes: data.pkl, byteorder, data/<key>, version, 64-byte aligned', () => {
    const bytes = save(new Map([['x', arange(3, { dtype: 'float32' })]]));
    const z = zip.readZip(bytes);
    expect(z.names()).toEqual(['archive/data.pkl', 'archive/byteorder', 'archive/data/0', 'archive/version']);
    expect(new TextDecoder().decode(z.read('archive/version'))).toBe('3\n');
    expect(new TextDecoder().decode(z.read('archive/byteorder'))).toBe('little');
  });

  it('round-trips through torch.load with storages, views, dtypes and metadata intact', () => {
    const obj = sample();
    const back = load(save(obj));
    expect(describe(back, new Map())).toEqual(describe(obj, new Map()));
    const m = (back as Map<string, OrderedDict<string, Tensor>>).get('model')!;
    expect(m.get('w_t')!.untyped_storage()).toBe(m.get('w')!.untyped_storage());
    expect(m.get('p')).toBeInstanceOf(Parameter);
  });

  it('re-saves a checkpoint written by real PyTorch without changing its contents', () => {
    const original = load(new Uint8Array(readFileSync(new URL('training_checkpoint.pt', DIR))));
    expect(describe(load(save(original)), new Map())).toEqual(describe(original, new Map()));
  });

  it('names the zip folder after the file, as PyTorch does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nncompat-save-'));
    const path = join(dir, 'my_model.pt');
    save(new Map([['x', tensor([1.5])]]), path);
    expect(zip.readZip(new Uint8Array(readFileSync(path))).names()[0]).toBe('my_model/data.pkl');
  });

  it('refuses values it cannot pickle, naming them', () => {
    expect(() => save(new Map([['f', () => 1]]))).toThrow('torch.save: cannot pickle a function');
    class Custom {}
    expect(() => save(new Map([['c', new Custom()]]))).toThrow('cannot pickle an object of class Custom');
  });
});

// Real PyTorch reads what we write (skipped, with a printed reason, where python3+torch is absent: CI has it only when installed).
const PY = TORCH_PYTHON;
const torchAvailable = hasTorchPython();
if (!torchAvailable) console.log('torch.save round trip with real PyTorch: skipped, /usr/bin/python3 with torch is not installed');

// Starting Python with torch takes seconds, far more on a loaded machine.
suite.skipIf(!torchAvailable)('real torch.load(weights_only=True) reads what torch.save here writes', { timeout: 300_000 }, () => {
  it('gives identical keys, dtypes, shapes, values and storage sharing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nncompat-rt-'));
    const path = join(dir, 'ckpt.pt');
    const obj = sample(false);
    save(obj, path);
    const script = `
import json, sys, torch
d = torch.load(sys.argv[1], weights_only=True)
m = d['model']
out = {k: {'dtype': str(v.dtype), 'shape': list(v.shape), 'stride': list(v.stride()), 'offset': v.storage_offset(),
           'values': (v.view(torch.int16).tolist() if v.dtype in (torch.float16, torch.bfloat16) else v.tolist()),
           'param': isinstance(v, torch.nn.Parameter)} for k, v in m.items()}
out['_shared'] = m['w'].storage().data_ptr() == m['w_t'].storage().data_ptr() == m['row'].storage().data_ptr()
out['_meta'] = {k: dict(v) for k, v in m._metadata.items()}
out['_rest'] = [d['epoch'], list(d['tags']), d['nested'][0].storage().data_ptr() == m['w'].storage().data_ptr()]
print(json.dumps(out))`;
    const r = JSON.parse(execFileSync(PY, ['-c', script, path], { encoding: 'utf8' })) as Record<string, unknown>;
    const m = obj.get('model') as OrderedDict<string, Tensor>;
    for (const [k, t] of m) {
      const e = r[k] as { dtype: string; shape: number[]; stride: number[]; offset: number; values: unknown; param: boolean };
      expect(e.dtype).toBe(`torch.${t.dtype.name}`);
      expect(e.shape).toEqual([...t.shape]);
      expect(e.stride).toEqual([...t.stride()]);
      expect(e.offset).toBe(t.storage_offset());
      const vals = t.dtype.name === 'float16' || t.dtype.name === 'bfloat16'
        ? Array.from(t.contiguous().dataSync() as Uint16Array, (b) => (b >= 0x8000 ? b - 0x10000 : b))
        : t.tolist();
      expect(e.values).toEqual(vals);
      expect(e.param).toBe(t instanceof Parameter);
    }
    expect(r['_shared']).toBe(true);
    expect(r['_meta']).toEqual({ '': { version: 1 } });
    expect(r['_rest']).toEqual([3, ['a', 1], true]);
  });

  it('writes Python floats that torch.load reads back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nncompat-rt-'));
    const path = join(dir, 'f.pt');
    save(new Map<string, unknown>([['loss', 0.25], ['lr', 1e-3]]), path);
    const out = execFileSync(PY, ['-c', 'import sys, torch, json; d = torch.load(sys.argv[1]); print(json.dumps([d["loss"], d["lr"]]))', path], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([0.25, 1e-3]);
  });
});
