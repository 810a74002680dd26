import { afterEach, describe, expect, it } from 'vitest';
import { OrderedDict, pickle, zip } from '@nncompat/core';
import { add_safe_globals, clear_safe_globals, get_safe_globals, load } from './load.js';

/** A zip laid out as torch.save's, around a hand-written data.pkl and storage records. */
function checkpoint(pkl: Uint8Array, storages: Record<string, Uint8Array> = {}): Uint8Array {
  return zip.writeZip([
    { name: 'archive/data.pkl', data: pkl },
    ...Object.entries(storages).map(([k, data]) => ({ name: `archive/data/${k}`, data })),
    { name: 'archive/version', data: new TextEncoder().encode('3\n') },
  ], { align: 64 });
}

afterEach(() => clear_safe_globals());

describe('torch.serialization.add_safe_globals', () => {
  const cls = pickle.defineGlobal('mylib.config', 'Config');
  const pkl = pickle.dumps(new OrderedDict([['cfg', { __reduce_ex__: () => ({ func: cls, args: pickle.tuple(3) }) }]]));

  it('refuses an unknown class by default and accepts it once added', () => {
    expect(() => load(checkpoint(pkl))).toThrow('WeightsUnpickler error: Unsupported class mylib.config.Config');
    const built: unknown[] = [];
    add_safe_globals([pickle.defineGlobal('mylib.config', 'Config', { call: (args) => (built.push(args[0]), { depth: args[0] }) })]);
    expect(get_safe_globals().map((g) => pickle.globalPath(g))).toEqual(['mylib.config.Config']);
    const d = load(checkpoint(pkl)) as Map<string, unknown>;
    expect(d.get('cfg')).toEqual({ depth: 3 });
    expect(built).toEqual([3]);
  });
});

describe('_rebuild_tensor_v3 (PyTorch 2.x: untyped storage + dtype)', () => {
  it('reinterprets the storage bytes as the given dtype', () => {
    // storage 0: 8 raw bytes = two little-endian float32 values 1.5 and -2.
    const bytes = new Uint8Array(new Float32Array([1.5, -2]).buffer);
    const v3 = pickle.defineGlobal('torch._utils', '_rebuild_tensor_v3');
    const f32 = pickle.defineGlobal('torch', 'float32');
    const storage = { marker: 'storage' };
    const pklBytes = pickle.dumps(
      { __reduce_ex__: () => ({ func: v3, args: pickle.tuple(storage, 0, pickle.tuple(2), pickle.tuple(1), false, new OrderedDict(), f32, new OrderedDict()) }) },
      { persistentId: (o) => (o === storage ? pickle.tuple('storage', pickle.defineGlobal('torch', 'UntypedStorage'), '0', 'cpu', 8) : null) },
    );
    const t = load(checkpoint(pklBytes, { '0': bytes })) as { tolist(): unknown; dtype: { name: string } };
    expect(t.dtype.name).toBe('float32');
    expect(t.tolist()).toEqual([1.5, -2]);
  });
});
