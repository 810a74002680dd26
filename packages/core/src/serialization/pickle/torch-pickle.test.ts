// data.pkl of real torch.save archives, read through the zip reader: the path torch.load takes.
import { describe, expect, it } from 'vitest';
import { readZip } from '../zip/index.js';
import { fixture, fixtureJson } from '../zip/fixtures.test-util.js';
import { checkValue, type Tagged } from './golden.test-util.js';
import { OrderedDict, PYTHON_DATA_GLOBALS, defineGlobal, isPickleGlobal, isTuple, loads } from './index.js';

const zips = fixtureJson<{ cases: { file: string; data_pkl?: Tagged }[] }>('zip', 'zips.json').cases.filter((c) => c.data_pkl);

function dataPkl(file: string): Uint8Array {
  const zip = readZip(fixture('zip', file));
  const name = zip.names().find((n) => n.endsWith('/data.pkl'))!;
  return zip.read(name);
}

describe('data.pkl written by torch.save', () => {
  for (const c of zips) {
    it(`${c.file}: inert mode sees what Python's Unpickler sees`, () => {
      const value = loads(dataPkl(c.file), {
        weightsOnly: false,
        globals: PYTHON_DATA_GLOBALS,
        persistentLoad: (pid) => new Map([['__persistent__', pid]]),
      });
      checkValue(value, c.data_pkl!);
    });
  }

  it('weights-only mode with torch-style descriptors rebuilds every tensor from its storage', () => {
    interface Rebuilt { storage: unknown; offset: number; size: readonly number[]; stride: readonly number[] }
    const rebuilt: Rebuilt[] = [];
    const storages = new Map<string, { key: string; type: string; numel: number }>();
    const globals = [
      ...PYTHON_DATA_GLOBALS.filter((g) => g.module === 'collections'),
      defineGlobal('torch._utils', '_rebuild_tensor_v2', {
        call: ([storage, offset, size, stride]) => {
          const t = { storage, offset: offset as number, size: size as number[], stride: stride as number[] };
          rebuilt.push(t);
          return t;
        },
      }),
      ...['FloatStorage', 'DoubleStorage', 'HalfStorage', 'LongStorage'].map((n) => defineGlobal('torch', n)),
    ];
    const persistentLoad = (pid: unknown): unknown => {
      if (!isTuple(pid) || !isPickleGlobal(pid[1])) throw new Error('unexpected pid');
      const [, type, key, , numel] = pid as [string, { name: string }, string, string, number];
      if (!storages.has(key)) storages.set(key, { key, type: type.name, numel });
      return storages.get(key);
    };
    const sd = loads(dataPkl('torch_state_dict.pt'), { globals, persistentLoad, encoding: 'utf-8' }) as OrderedDict<string, Rebuilt>;
    expect(sd).toBeInstanceOf(OrderedDict);
    expect([...sd.keys()]).toEqual(['0.weight', '0.bias', '1.weight', '1.bias', '1.running_mean', '1.running_var', '1.num_batches_tracked']);
    expect(sd.get('0.weight')!.size).toEqual([2, 3]);
    expect(sd.get('1.num_batches_tracked')!.size).toEqual([]);
    expect([...sd._metadata!.keys()]).toEqual(['', '0', '1']);
    expect(rebuilt.length).toBe(7);

    const ck = loads(dataPkl('my_checkpoint.pt'), { globals, persistentLoad, encoding: 'utf-8' }) as Map<string, Rebuilt>;
    // The view and its base share one storage object; strides survive (w was transposed).
    expect(ck.get('view')!.storage).toBe(ck.get('w')!.storage);
    expect(ck.get('w')!.stride).toEqual([1, 3]);
    expect(ck.get('view')!.offset).toBe(1);
  });
});
