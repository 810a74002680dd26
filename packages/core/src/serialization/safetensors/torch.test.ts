import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeError, ValueError } from '../../errors.js';
// The package entry attaches the op methods (as_strided, tolist, …) and registers the reference backend.
import { Tensor } from '../../index.js';
import { SafetensorError } from './errors.js';
import { bytesOf, expected, expectedRecords, FIXTURES, fixtureBytes } from './fixtures.test-helpers.js';
import { load, save } from './torch.js';
import { load_file, safe_open, save_file } from './torch-file.js';

const dir = mkdtempSync(join(tmpdir(), 'st-torch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tensorsOf(stem: string): Map<string, Tensor> {
  const m = new Map<string, Tensor>();
  for (const [k, r] of expectedRecords(expected(stem))) m.set(k, Tensor.fromHost(r.data, r.shape, r.dtype));
  return m;
}

describe('safetensors.torch surface on Tensor', () => {
  it('load(bytes) gives tensors with torch\'s dtypes, shapes and values, in file order', () => {
    const exp = expected('all_dtypes');
    const sd = load(fixtureBytes('all_dtypes'));
    expect([...sd.keys()]).toEqual(exp.offset_keys);
    for (const [name, want] of expectedRecords(exp)) {
      const t = sd.get(name)!;
      expect(t.dtype.name, name).toBe(want.dtype);
      expect([...t.shape], name).toEqual(want.shape);
      expect(t.is_contiguous()).toBe(true);
      expect(bytesOf(t.dataSync()), name).toEqual(bytesOf(want.data));
    }
    expect(sd.get('scalar')!.item()).toBe(3.5);
    expect(load(fixtureBytes('all_dtypes'), 'cpu').get('f32')!.device).toBe('cpu');
  });

  it('save(tensors, metadata) writes the fixture\'s exact bytes', () => {
    const exp = expected('all_dtypes');
    expect(save(tensorsOf('all_dtypes'), exp.metadata)).toEqual(fixtureBytes('all_dtypes'));
    expect(save(Object.fromEntries(tensorsOf('names_no_metadata')))).toEqual(fixtureBytes('names_no_metadata'));
  });

  it('save_file / load_file / safe_open round-trip, lazily', () => {
    const exp = expected('all_dtypes');
    const path = join(dir, 'm.safetensors');
    save_file(tensorsOf('all_dtypes'), path, exp.metadata);
    expect(new Uint8Array(readFileSync(path))).toEqual(fixtureBytes('all_dtypes'));
    const sd = load_file(path);
    expect([...sd.keys()]).toEqual(exp.offset_keys);
    const w = safe_open(path, 'pt', null, (f) => {
      expect(f.keys()).toEqual(exp.keys);
      expect(Object.fromEntries(f.metadata()!)).toEqual(exp.metadata);
      return f.get_tensor('layer.0.weight');
    });
    expect(bytesOf(w.dataSync())).toEqual(bytesOf(sd.get('layer.0.weight')!.dataSync()));
    const f = safe_open(FIXTURES + 'unsupported_dtypes.safetensors');
    expect(f.get_tensor('fine').tolist()).toEqual([1, 2]);
    expect(() => f.get_tensor('u16')).toThrowError(/unsupported dtype U16 for tensor `u16`/);
    f.close();
    expect(() => safe_open(path, 'tf' as 'pt')).toThrowError(new SafetensorError('InvalidInput', 'framework tf is invalid'));
  });

  it('refuses non-contiguous tensors with safetensors\' ValueError', () => {
    const base = Tensor.fromHost(new Float32Array([1, 2, 3, 4, 5, 6]), [2, 3], 'float32');
    const t = base.as_strided([3, 2], [1, 3]);
    expect(() => save({ t })).toThrowError(ValueError);
    expect(() => save({ t })).toThrowError(/You are trying to save a non contiguous tensor: `t` which is not allowed/);
  });

  it('refuses tensors sharing memory with safetensors\' RuntimeError, allows disjoint views', () => {
    const base = Tensor.fromHost(new Float32Array([1, 2, 3, 4, 5, 6]), [6], 'float32');
    const a = base.as_strided([3], [1], 0);
    const b = base.as_strided([3], [1], 3);
    const whole = base.as_strided([6], [1], 0);
    expect(() => save({ base, whole })).toThrowError(RuntimeError);
    expect(() => save({ base, whole })).toThrowError(/Some tensors share memory, .*: \[\{'base', 'whole'\}\]/);
    // Disjoint parts of one storage are not "shared" for safetensors.
    const sd = load(save({ a, b }));
    expect(sd.get('b')!.tolist()).toEqual([4, 5, 6]);
  });

  it('refuses values that are not tensors and dicts that are not dicts', () => {
    expect(() => save({ a: 1 as unknown as Tensor })).toThrowError(/Key `a` is invalid, expected torch.Tensor but received number/);
    expect(() => save([] as unknown as Record<string, Tensor>)).toThrowError(/Expected a dict of \[str, torch.Tensor\] but received Array/);
  });

  it('int64 beyond 2^53 fails to load instead of rounding', () => {
    expect(() => load(fixtureBytes('int64_beyond_2_53'))).toThrowError(/int64 value 9007199254740993 at flat index 1 of tensor `big`/);
  });
});
