import { describe, expect, it } from 'vitest';
import { fixture, fixtureJson } from '../zip/fixtures.test-util.js';
import { checkValue, type Tagged } from './golden.test-util.js';
import {
  FrozenSet, OrderedDict, PickledObject, PYTHON_DATA_GLOBALS, UnpicklingError, WEIGHTS_ONLY_UNSAFE_MESSAGE,
  Unpickler, WeightsOnlyUnpicklingError, defineGlobal, loads,
} from './index.js';

const values = fixtureJson<{ cases: { name: string; files: string[]; expected: Tagged }[] }>('pickle', 'values.json').cases;
const crafted = fixtureJson<{ cases: { file: string; expected: Tagged }[] }>('pickle', 'crafted.json').cases;
const errors = fixtureJson<{ cases: { hex: string; type: string; message: string }[] }>('pickle', 'errors.json').cases;

const persistentLoad = (pid: unknown): unknown => new Map([['__persistent__', pid]]);
const bin = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const fromHex = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, 'hex'));

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('loads: values pickled by Python with protocols 0-5', () => {
  for (const c of values) {
    it(`${c.name}: every protocol gives what pickle.loads gives`, () => {
      for (const file of c.files) {
        const value = loads(fixture('pickle', file), { weightsOnly: false, globals: PYTHON_DATA_GLOBALS });
        checkValue(value, c.expected, new Map(), file);
      }
    });
  }

  it('reads protocols 2-5 under the weights-only policy too (given the data globals)', () => {
    for (const c of values) {
      for (const file of c.files.filter((f) => /\.p[2-5]\.pkl$/.test(f))) {
        checkValue(loads(fixture('pickle', file), { globals: PYTHON_DATA_GLOBALS }), c.expected, new Map(), file);
      }
    }
  });

  it('maps big ints to bigint only beyond 2^53, and keeps shared and recursive structure', () => {
    const scalars = loads(fixture('pickle', 'scalars.p2.pkl')) as unknown[];
    expect(scalars.slice(13, 17)).toEqual([2 ** 53 - 1, 2n ** 53n, -(2 ** 53) + 1, -(2n ** 53n)]);
    const rec = loads(fixture('pickle', 'recursive_list.p4.pkl')) as unknown[];
    expect(rec[0]).toBe(rec);
    const shared = loads(fixture('pickle', 'shared.p2.pkl')) as unknown[];
    expect(shared[0]).toBe(shared[1]);
    expect(Object.isFrozen(shared[2])).toBe(true);
  });

  it('keeps integer-like keys in order and _metadata on OrderedDict', () => {
    for (const p of [0, 2, 4]) {
      const od = loads(fixture('pickle', `ordered_dict.p${p}.pkl`), { weightsOnly: false, globals: PYTHON_DATA_GLOBALS }) as OrderedDict;
      expect(od).toBeInstanceOf(OrderedDict);
      expect([...od.keys()]).toEqual(['weight', '10', '2']);
      expect(od._metadata).toBeInstanceOf(OrderedDict);
      expect([...od._metadata!.keys()]).toEqual(['', 'fc']);
    }
  });

  it('gives frozensets that refuse mutation', () => {
    const sets = loads(fixture('pickle', 'sets.p4.pkl')) as Set<unknown>[];
    const fs = sets[1]!;
    expect(fs).toBeInstanceOf(FrozenSet);
    expect(() => fs.add('c')).toThrow("'frozenset' object has no attribute 'add'");
  });
});

describe('loads: opcodes Python 3 never writes (hand-made, checked against pickle.loads)', () => {
  for (const c of crafted) {
    it(c.file, () => {
      const value = loads(fixture('pickle', c.file), { weightsOnly: false, globals: PYTHON_DATA_GLOBALS, persistentLoad });
      checkValue(value, c.expected);
    });
  }

  it('decodes Python 2 strings with the chosen encoding', () => {
    const data = fixture('pickle', 'crafted_py2_strings.pkl');
    expect(loads(data, { weightsOnly: false, encoding: 'bytes' })).toEqual(
      Object.freeze([new Uint8Array([0x61, 0x62]), new Uint8Array([0x63, 0x64, 0x65]), new Uint8Array([0x66, 0x67])]),
    );
    const nonAscii = new Uint8Array([0x55, 0x02, 0xc3, 0xa9, 0x2e]); // SHORT_BINSTRING 'é' in UTF-8
    expect(loads(nonAscii, { weightsOnly: false, encoding: 'utf-8' })).toBe('é');
    expect(loads(nonAscii, { weightsOnly: false, encoding: 'latin1' })).toBe('Ã©');
    expect(() => loads(nonAscii, { weightsOnly: false })).toThrow(
      "'ascii' codec can't decode byte 0xc3 in position 0: ordinal not in range(128)",
    );
  });

  it('round-trips lone surrogates as Python does with surrogatepass', () => {
    // BINUNICODE of '\ud800' as Python writes it (pickle.dumps('\ud800', 2)).
    const data = fromHex('80025803000000eda08071002e');
    expect(loads(data)).toBe('\ud800');
  });
});

describe('loads: malformed pickles fail with CPython\'s messages', () => {
  for (const c of errors) {
    it(`${c.hex.slice(0, 24) || '(empty)'} → ${c.type}: ${c.message.slice(0, 60)}`, () => {
      const err = thrown(() => loads(fromHex(c.hex), { weightsOnly: false }));
      expect(err).toBeInstanceOf(UnpicklingError);
      expect(err.message).toBe(c.message);
    });
  }
});

describe('the weights-only policy (torch 2.1 _weights_only_unpickler)', () => {
  const wo = (data: Uint8Array, globals = PYTHON_DATA_GLOBALS): Error => thrown(() => loads(data, { globals }));

  it('rejects opcodes torch does not handle with "Unsupported operand"', () => {
    const err = wo(bin("(S'x'\nt."));
    expect(err).toBeInstanceOf(WeightsOnlyUnpicklingError);
    expect(err.name).toBe('UnpicklingError');
    expect(err.message).toBe(`${WEIGHTS_ONLY_UNSAFE_MESSAGE}Unsupported operand 83`);
  });

  it('allows APPEND only on lists and BUILD only on OrderedDict or objects with __setstate__', () => {
    expect(wo(fromHex('80024b014b02612e')).message).toBe(`${WEIGHTS_ONLY_UNSAFE_MESSAGE}Can only append to lists, but got <class 'int'>`);
    expect(wo(fromHex('800229284b02652e')).message).toBe(
      `${WEIGHTS_ONLY_UNSAFE_MESSAGE}Can only extend lists, but got <class 'tuple'>`,
    );
    expect(wo(fromHex('80025d7d622e')).message).toBe(`${WEIGHTS_ONLY_UNSAFE_MESSAGE}Can only build Tensor, parameter or dict objects, but got <class 'list'>`);
    const states: unknown[] = [];
    const thing = defineGlobal('m', 'Thing', { call: () => ({ __setstate__: (s: unknown) => states.push(s) }) });
    loads(bin('\x80\x02cm\nThing\n)R}b.'), { globals: [thing] });
    expect(states).toEqual([new Map()]);
  });

  it('refuses to call or instantiate allowed globals that define no call / construct', () => {
    const dtype = defineGlobal('torch', 'float32');
    expect(wo(bin('\x80\x02ctorch\nfloat32\n)R.'), [dtype]).message).toBe(
      `${WEIGHTS_ONLY_UNSAFE_MESSAGE}Trying to call reduce for unrecognized function torch.float32`,
    );
    expect(wo(bin('\x80\x02ctorch\nfloat32\n)\x81.'), [dtype]).message).toBe(
      `${WEIGHTS_ONLY_UNSAFE_MESSAGE}Trying to instantiate unsupported class <class 'torch.float32'>`,
    );
  });

  it('only lets storages through persistent_load', () => {
    const data = bin('\x80\x02X\x06\x00\x00\x00module\x85Q.');
    expect(thrown(() => loads(data, { persistentLoad })).message).toBe(
      `${WEIGHTS_ONLY_UNSAFE_MESSAGE}Only persistent_load of storage is allowed, but got module`,
    );
  });

  it('sets BUILD attributes as own properties, never on the prototype', () => {
    const data = bin(
      '\x80\x02ccollections\nOrderedDict\n)R}X\t\x00\x00\x00__proto__}X\x04\x00\x00\x00evilK\x01ssb.',
    );
    const od = loads(data, { globals: PYTHON_DATA_GLOBALS }) as OrderedDict;
    expect(Object.getPrototypeOf(od)).toBe(OrderedDict.prototype);
    expect(Object.prototype.hasOwnProperty.call(od, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).evil).toBeUndefined();
  });
});

describe('inert mode (weightsOnly: false)', () => {
  it('returns placeholders that record class, arguments and state, and calls nothing', () => {
    const data = bin('\x80\x02cargparse\nNamespace\n)\x81}X\x02\x00\x00\x00lrG?\xb9\x99\x99\x99\x99\x99\x9asb.');
    const obj = loads(data, { weightsOnly: false }) as PickledObject;
    expect(obj).toBeInstanceOf(PickledObject);
    expect([obj.module, obj.name, obj.kind, obj.args]).toEqual(['argparse', 'Namespace', 'new', []]);
    expect(obj.state).toEqual(new Map([['lr', 0.1]]));
  });
});

describe('Unpickler.position', () => {
  it('stops just past STOP so consecutive pickles (torch legacy format) can be read in turn', () => {
    const a = fixture('pickle', 'scalars.p2.pkl');
    const b = fixture('pickle', 'strings.p4.pkl');
    const both = new Uint8Array([...a, ...b, 0xaa]);
    const first = new Unpickler(both);
    first.load();
    expect(first.position).toBe(a.length);
    const second = new Unpickler(both.subarray(first.position));
    expect((second.load() as string[])[1]).toBe('a');
    expect(second.position).toBe(b.length);
  });
});
