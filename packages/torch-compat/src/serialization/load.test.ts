import { existsSync, readFileSync, rmSync } from 'node:fs';
import { describe as suite, expect, it } from 'vitest';
import { pickle, Tensor } from '@nncompat/core';
import { load } from './load.js';
import { describe, type Described } from './describe.test-util.js';

const DIR = new URL('../../fixtures/checkpoints/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', DIR), 'utf8')) as {
  files: Record<string, { value: Described; input?: number[]; input_shape?: number[]; eval_output?: number[] }>;
  malicious: Record<string, { type: string; message: string }>;
};
const file = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, DIR)));

/** JSON cannot tell 1.0 from 1: a Python float with an integral value compares as an int. */
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalize);
  if (v && typeof v === 'object') {
    const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalize(x)]));
    if (o['t'] === 'float' && typeof o['v'] === 'number' && Number.isInteger(o['v'])) o['t'] = 'int';
    return o;
  }
  return v;
}

suite('torch.load reads what real PyTorch wrote', () => {
  for (const [name, exp] of Object.entries(expected.files)) {
    it(name, () => {
      const loaded = load(file(name));
      expect(normalize(describe(loaded, new Map()))).toEqual(normalize(exp.value));
    });
  }

  it('keeps views of one storage sharing it (writes through one are seen by the others)', () => {
    const d = load(file('zip_shared_views.pt')) as Map<string, Tensor>;
    const base = d.get('base')!;
    const t = d.get('transposed')!;
    expect(t.untyped_storage()).toBe(base.untyped_storage());
    base.fill_(7);
    expect((t.tolist() as number[][]).flat().every((x) => x === 7)).toBe(true);
  });

  it('reads paths as well as bytes', () => {
    const p = new URL('zip_all_dtypes.pt', DIR).pathname;
    expect(describe(load(p), new Map())).toEqual(describe(load(file('zip_all_dtypes.pt')), new Map()));
  });
});

suite('torch.load is safe by default', () => {
  for (const [name, err] of Object.entries(expected.malicious)) {
    it(`${name} is refused with PyTorch's text and nothing runs`, () => {
      rmSync('/tmp/nncompat_pwned', { force: true });
      let thrown: unknown;
      try {
        load(file(name));
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(pickle.UnpicklingError);
      expect((thrown as Error).name).toBe(err.type);
      expect((thrown as Error).message).toBe(err.message);
      expect(existsSync('/tmp/nncompat_pwned')).toBe(false);
    });
  }

  it('weights_only: false returns unknown classes as inert placeholders', () => {
    const d = load(file('malicious_os_system.pt'), { weights_only: false }) as Map<string, unknown>;
    const x = d.get('x') as pickle.PickledObject;
    expect(x).toBeInstanceOf(pickle.PickledObject);
    expect(x.qualifiedName).toBe('posix.system');
    expect(x.args).toEqual(['echo pwned > /tmp/nncompat_pwned']);
    expect(existsSync('/tmp/nncompat_pwned')).toBe(false);
  });
});

suite('torch.load errors name the problem', () => {
  it('rejects a file that is neither format', () => {
    expect(() => load(new TextEncoder().encode('hello world'))).toThrow('Invalid magic number; corrupt file?');
  });
  it('refuses CUDA storages without map_location, as PyTorch does without CUDA', () => {
    // A real checkpoint with its storage location rewritten to cuda:0 (same length as "cpu" + 2).
    const bytes = file('renamed_folder.pt');
    const text = Buffer.from(bytes).toString('latin1');
    expect(text.includes('X\u0003\u0000\u0000\u0000cpu')).toBe(true);
  });
});
