// Writes with our Pickler and writeZip, reads with real Python/torch. CI has no Python, so this
// file skips (and says so) where /usr/bin/python3 with torch is missing.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../zip/index.js';
import { FIXTURES, fixtureJson } from '../zip/fixtures.test-util.js';
import { fromTagged, type Tagged } from './golden.test-util.js';
import { OrderedDict, defineGlobal, dumps, tuple, type PickleReduction } from './index.js';
import { hasTorchPython, TORCH_PYTHON } from '../../testing/python.js';

const PY = TORCH_PYTHON;
const GOLDENS = join(FIXTURES, '../../../tooling/goldens');

const available = hasTorchPython();
if (!available) console.log(`python-roundtrip: skipped, ${PY} with torch is not available here`);

function python(script: string, input: string | Uint8Array): string {
  // A fixed hash seed gives sets the iteration order the goldens were recorded with.
  const env = { ...process.env, PYTHONHASHSEED: '0' };
  return execFileSync(PY, ['-c', script], { input, encoding: 'utf8', timeout: 120_000, cwd: GOLDENS, env });
}

/**
 * Python's set iteration order depends on the insertion history of the process that built the
 * set, so sets are compared as multisets (items sorted by their JSON form).
 */
function unorderedSets(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(unorderedSets);
  if (v === null || typeof v !== 'object') return v;
  const o: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) o[k] = unorderedSets(x);
  if ((o['t'] === 'set' || o['t'] === 'frozenset') && Array.isArray(o['items'])) {
    o['items'] = [...(o['items'] as unknown[])].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  return o;
}

// Starting Python with torch takes seconds, far more on a loaded machine.
describe.skipIf(!available)('real Python reads what we write', { timeout: 300_000 }, () => {
  it('pickle.loads of our protocol 2-5 output gives the original values', () => {
    const values = fixtureJson<{ cases: { name: string; expected: Tagged }[] }>('pickle', 'values.json').cases;
    const payload = values.flatMap((c) =>
      [2, 3, 4, 5].map((protocol) => ({ name: `${c.name}@${protocol}`, hex: Buffer.from(dumps(fromTagged(c.expected), { protocol })).toString('hex') })),
    );
    const out = python(
      'import sys, json, pickle, gen_pickle_zip as g\n' +
        'cases = json.load(sys.stdin)\n' +
        'print(json.dumps({c["name"]: g.enc(pickle.loads(bytes.fromhex(c["hex"]))) for c in cases}))',
      JSON.stringify(payload),
    );
    const decoded = JSON.parse(out) as Record<string, Tagged>;
    for (const c of values) {
      for (const protocol of [2, 3, 4, 5]) {
        expect(unorderedSets(decoded[`${c.name}@${protocol}`]), `${c.name}@${protocol}`).toEqual(unorderedSets(c.expected));
      }
    }
  });

  it('torch.load(weights_only=True) reads a checkpoint written with Pickler + writeZip', () => {
    // A state_dict laid out as torch.save lays it out: tensors reduce to _rebuild_tensor_v2 over
    // storages named by persistent ids; `view` shares the storage of `w` at offset 1.
    const storages = [
      { key: '0', type: 'FloatStorage', data: new Float32Array([1, 2, 3, 4, 5, 6]) },
      { key: '1', type: 'LongStorage', data: new BigInt64Array([7n]) },
    ];
    class Storage {
      constructor(readonly s: (typeof storages)[number]) {}
    }
    const rebuild = defineGlobal('torch._utils', '_rebuild_tensor_v2');
    class T {
      constructor(readonly storage: Storage, readonly offset: number, readonly size: number[], readonly stride: number[]) {}
      __reduce_ex__(): PickleReduction {
        return { func: rebuild, args: tuple(this.storage, this.offset, tuple(...this.size), tuple(...this.stride), false, new OrderedDict()) };
      }
    }
    const [fs, ls] = storages.map((s) => new Storage(s)) as [Storage, Storage];
    const sd = new OrderedDict<string, unknown>([
      ['w', new T(fs, 0, [2, 3], [3, 1])],
      ['w_t', new T(fs, 0, [3, 2], [1, 3])],
      ['view', new T(fs, 1, [2], [3])],
      ['10', new T(ls, 0, [], [])],
      ['2', new T(ls, 0, [], [])],
    ]);
    sd._metadata = new OrderedDict([['', new Map([['version', 1]])]]);
    const pkl = dumps(sd, {
      protocol: 2,
      persistentId: (o) =>
        o instanceof Storage ? tuple('storage', defineGlobal('torch', o.s.type), o.s.key, 'cpu', o.s.data.length) : null,
    });
    const archive = writeZip([
      { name: 'archive/data.pkl', data: pkl },
      ...storages.map((s) => ({ name: `archive/data/${s.key}`, data: new Uint8Array(s.data.buffer) })),
      { name: 'archive/version', data: new TextEncoder().encode('3\n') },
    ]);
    const out = python(
      'import sys, io, json, torch\n' +
        'sd = torch.load(io.BytesIO(sys.stdin.buffer.read()), weights_only=True)\n' +
        'print(json.dumps({"keys": list(sd.keys()), "meta": {k: dict(v) for k, v in sd._metadata.items()},\n' +
        ' "t": {k: [str(v.dtype), list(v.shape), list(v.stride()), v.storage_offset(), v.tolist()] for k, v in sd.items()},\n' +
        ' "shared": sd["w"].storage().data_ptr() == sd["view"].storage().data_ptr() == sd["w_t"].storage().data_ptr()}))',
      archive,
    );
    expect(JSON.parse(out)).toEqual({
      keys: ['w', 'w_t', 'view', '10', '2'],
      meta: { '': { version: 1 } },
      t: {
        w: ['torch.float32', [2, 3], [3, 1], 0, [[1, 2, 3], [4, 5, 6]]],
        w_t: ['torch.float32', [3, 2], [1, 3], 0, [[1, 4], [2, 5], [3, 6]]],
        view: ['torch.float32', [2], [3], 1, [2, 5]],
        '10': ['torch.int64', [], [], 0, 7],
        '2': ['torch.int64', [], [], 0, 7],
      },
      shared: true,
    });
  });
});
