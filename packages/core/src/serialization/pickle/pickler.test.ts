import { describe, expect, it } from 'vitest';
import { fixture, fixtureJson, hex } from '../zip/fixtures.test-util.js';
import { checkValue, fromTagged, type Tagged } from './golden.test-util.js';
import {
  FrozenSet, NEWOBJ_GLOBAL, OrderedDict, PickledObject, Pickler, PyFloat, PYTHON_DATA_GLOBALS, defineGlobal,
  dumps, isTuple, loads, tuple, type PickleReduction,
} from './index.js';

const values = fixtureJson<{ cases: { name: string; files: string[]; expected: Tagged }[] }>('pickle', 'values.json').cases;

/** Walks opcodes by their argument sizes (protocols 2-5 binary opcodes only), for byte-level checks. */
function opcodes(b: Uint8Array): number[] {
  const out: number[] = [];
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const fixed: Record<number, number> = {
    0x80: 1, 0x95: 8, 0x4b: 1, 0x4d: 2, 0x4a: 4, 0x47: 8, 0x71: 1, 0x72: 4, 0x68: 1, 0x6a: 4,
  };
  let i = 0;
  while (i < b.length) {
    const op = b[i++]!;
    out.push(op);
    if (op in fixed) i += fixed[op]!;
    else if (op === 0x8c || op === 0x43 || op === 0x8a) i += 1 + b[i]!;
    else if (op === 0x58 || op === 0x42) i += 4 + v.getUint32(i, true);
    else if (op === 0x8b) i += 4 + v.getInt32(i, true);
    else if (op === 0x63) i = b.indexOf(0x0a, b.indexOf(0x0a, i) + 1) + 1;
  }
  return out;
}

describe('Pickler output is what CPython writes', () => {
  for (const c of values) {
    for (const protocol of [2, 3, 4, 5]) {
      it(`${c.name}, protocol ${protocol}: same bytes as pickle.dumps`, () => {
        const ours = dumps(fromTagged(c.expected), { protocol });
        const python = fixture('pickle', `${c.name}.p${protocol}.pkl`);
        expect(hex(ours)).toBe(hex(python));
      });
    }
  }
});

describe('Pickler round trips and rules', () => {
  it('reads back every value case at every protocol', () => {
    for (const c of values) {
      for (const protocol of [2, 3, 4, 5]) {
        const back = loads(dumps(fromTagged(c.expected), { protocol }), { globals: PYTHON_DATA_GLOBALS });
        checkValue(back, c.expected, new Map(), `${c.name}@${protocol}`);
      }
    }
  });

  it('writes a shared object once and fetches it from the memo after', () => {
    const shared = [1, 2];
    const b = dumps([shared, shared, shared], { protocol: 2 });
    const ops = opcodes(b);
    expect(ops.filter((o) => o === 0x5d).length).toBe(2); // EMPTY_LIST: the outer list and `shared`
    expect(ops.filter((o) => o === 0x68).length).toBe(2); // BINGET for the 2nd and 3rd use
    const back = loads(b) as unknown[][];
    expect(back[0]).toBe(back[2]);
  });

  it('writes ints and floats as Python types: integral numbers are int unless PyFloat', () => {
    const back = loads(dumps(tuple(1, 1.5, new PyFloat(2), -0, 2n ** 64n, -(2 ** 40), 70000))) as unknown[];
    expect(back).toEqual([1, 1.5, 2, -0, 2n ** 64n, -(2 ** 40), 70000]);
    const ops = opcodes(dumps(tuple(1, 1.5, new PyFloat(2)), { protocol: 2 }));
    expect(ops).toEqual([0x80, 0x4b, 0x47, 0x47, 0x87, 0x71, 0x2e]); // PROTO BININT1 BINFLOAT BINFLOAT TUPLE3 BINPUT STOP
  });

  it('calls persistentId for each object and writes its result with BINPERSID', () => {
    const storage = { key: '0' };
    const b = dumps(new Map([['w', storage], ['v', storage]]), {
      persistentId: (o) => (o === storage ? tuple('storage', defineGlobal('torch', 'FloatStorage'), '0', 'cpu', 4) : null),
    });
    expect(opcodes(b).filter((o) => o === 0x51).length).toBe(2);
    const pids: unknown[] = [];
    const back = loads(b, { globals: [defineGlobal('torch', 'FloatStorage')], persistentLoad: (p) => (pids.push(p), 'S') });
    expect(back).toEqual(new Map([['w', 'S'], ['v', 'S']]));
    expect(isTuple(pids[0]) && (pids[0] as unknown[])[2]).toBe('0');
  });

  it('writes reductions (the torch tensor form) and globals, readable under weights_only', () => {
    const rebuild = defineGlobal('torch._utils', '_rebuild_tensor_v2');
    class FakeTensor {
      __reduce_ex__(protocol: number): PickleReduction {
        expect(protocol).toBe(2);
        return { func: rebuild, args: tuple('storage', 0, tuple(2, 3), tuple(3, 1), false, new OrderedDict()) };
      }
    }
    const t = new FakeTensor();
    const sd = new OrderedDict<string, unknown>([['a', t], ['b', t], ['dtype', defineGlobal('torch', 'float32')]]);
    sd._metadata = new OrderedDict([['', new Map([['version', 1]])]]);
    const b = dumps(sd);
    const calls: unknown[][] = [];
    const back = loads(b, {
      globals: [
        ...PYTHON_DATA_GLOBALS,
        defineGlobal('torch._utils', '_rebuild_tensor_v2', { call: (args) => (calls.push([...args]), { rebuilt: args }) }),
        defineGlobal('torch', 'float32'),
      ],
    }) as OrderedDict<string, unknown>;
    expect(calls.length).toBe(1); // memo: the same tensor is rebuilt once
    expect(back.get('a')).toBe(back.get('b'));
    expect(calls[0]!.slice(0, 5)).toEqual(['storage', 0, [2, 3], [3, 1], false]);
    expect([...back._metadata!.keys()]).toEqual(['']);
  });

  it('writes NEWOBJ for copyreg.__newobj__ reductions and re-pickles placeholders faithfully', () => {
    const cls = defineGlobal('argparse', 'Namespace');
    const obj = { __reduce__: (): PickleReduction => ({ func: NEWOBJ_GLOBAL, args: [cls], state: new Map([['lr', 0.1]]) }) };
    for (const protocol of [2, 4]) {
      const b = dumps(obj, { protocol });
      expect(opcodes(b)).toContain(0x81);
      const back = loads(b, { weightsOnly: false }) as PickledObject;
      expect([back.qualifiedName, back.kind]).toEqual(['argparse.Namespace', 'new']);
      const again = loads(dumps(back, { protocol }), { weightsOnly: false }) as PickledObject;
      expect(again.state).toEqual(new Map([['lr', 0.1]]));
    }
  });

  it('refuses what Python cannot pickle', () => {
    expect(() => dumps({ a: 1 })).toThrow("cannot pickle 'Object' object");
    expect(() => dumps(() => 1)).toThrow("cannot pickle 'function' object");
    expect(() => new Pickler({ protocol: 1 })).toThrow(RangeError);
    expect(() => dumps(new FrozenSet([1]), { protocol: 4 })).not.toThrow();
  });
});
