/** Test-only: compares loaded values with the tagged JSON written by tooling/goldens/gen_pickle_zip.py. */
import { expect } from 'vitest';
import { isPickleGlobal } from './globals.js';
import { OrderedDict } from './ordered-dict.js';
import { FrozenSet, PickledObject, PyByteArray, PyFloat, isList, isTuple } from './values.js';

export interface Tagged {
  t: string;
  v?: unknown;
  id?: number;
  hex?: string;
  items?: unknown[];
  attrs?: Record<string, Tagged>;
  module?: string;
  name?: string;
  kind?: string;
  args?: Tagged[];
  kwargs?: [Tagged, Tagged][] | null;
  state?: Tagged;
}

function hexOf(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}

/** Throws (through vitest's expect) unless `actual` is the Python value `exp` describes. */
export function checkValue(actual: unknown, exp: Tagged, ids = new Map<number, unknown>(), path = '$'): void {
  const at = (p: string): string => `${path}${p}`;
  switch (exp.t) {
    case 'none':
      return void expect(actual, path).toBeNull();
    case 'bool':
      return void expect(actual, path).toBe(exp.v);
    case 'int': {
      const big = BigInt(exp.v as string);
      if (big >= -(2n ** 53n) + 1n && big <= 2n ** 53n - 1n) return void expect(actual, path).toBe(Number(big));
      return void expect(actual, path).toBe(big);
    }
    case 'float':
      expect(typeof actual, path).toBe('number');
      if (exp.v === 'nan') return void expect(Number.isNaN(actual), path).toBe(true);
      if (exp.v === 'inf') return void expect(actual, path).toBe(Infinity);
      if (exp.v === '-inf') return void expect(actual, path).toBe(-Infinity);
      if (exp.v === '-0') return void expect(Object.is(actual, -0), path).toBe(true);
      return void expect(actual, path).toBe(exp.v);
    case 'str':
      return void expect(actual, path).toBe(exp.v);
    case 'bytes':
    case 'bytearray':
      expect(actual, path).toBeInstanceOf(Uint8Array);
      expect(actual instanceof PyByteArray, `${path} is a ${exp.t}`).toBe(exp.t === 'bytearray');
      return void expect(hexOf(actual as Uint8Array), path).toBe(exp.hex);
    case 'ref':
      return void expect(actual === ids.get(exp.id!), `${path} is the same object as #${exp.id}`).toBe(true);
    case 'global':
      expect(isPickleGlobal(actual), path).toBe(true);
      return void expect([(actual as { module: string }).module, (actual as { name: string }).name], path).toEqual([exp.module, exp.name]);
    default:
  }
  ids.set(exp.id!, actual);
  const items = (exp.items ?? []) as unknown[];
  switch (exp.t) {
    case 'list':
    case 'tuple': {
      expect(exp.t === 'list' ? isList(actual) : isTuple(actual), `${path} is a ${exp.t}`).toBe(true);
      const arr = actual as unknown[];
      expect(arr.length, at('.length')).toBe(items.length);
      items.forEach((x, i) => checkValue(arr[i], x as Tagged, ids, at(`[${i}]`)));
      return;
    }
    case 'dict':
    case 'OrderedDict': {
      expect(actual, path).toBeInstanceOf(exp.t === 'dict' ? Map : OrderedDict);
      if (exp.t === 'dict') expect(actual instanceof OrderedDict, path).toBe(false);
      const entries = [...(actual as Map<unknown, unknown>)];
      expect(entries.length, at('.size')).toBe(items.length);
      items.forEach((pair, i) => {
        const [k, v] = pair as [Tagged, Tagged];
        checkValue(entries[i]![0], k, ids, at(`.key(${i})`));
        checkValue(entries[i]![1], v, ids, at(`[${JSON.stringify(k.v ?? i)}]`));
      });
      for (const [name, v] of Object.entries(exp.attrs ?? {})) {
        checkValue((actual as unknown as Record<string, unknown>)[name], v, ids, at(`.${name}`));
      }
      return;
    }
    case 'set':
    case 'frozenset': {
      expect(actual, path).toBeInstanceOf(exp.t === 'set' ? Set : FrozenSet);
      if (exp.t === 'set') expect(actual instanceof FrozenSet, path).toBe(false);
      const rest = [...(actual as Set<unknown>)];
      expect(rest.length, at('.size')).toBe(items.length);
      // Order-free: each expected item must match a distinct actual one.
      for (const x of items) {
        const i = rest.findIndex((a) => {
          try {
            checkValue(a, x as Tagged, new Map(ids), path);
            return true;
          } catch {
            return false;
          }
        });
        expect(i, `${path} contains ${JSON.stringify(x)}`).toBeGreaterThanOrEqual(0);
        rest.splice(i, 1);
      }
      return;
    }
    case 'object': {
      expect(actual, path).toBeInstanceOf(PickledObject);
      const o = actual as PickledObject;
      expect([o.module, o.name, o.kind], path).toEqual([exp.module, exp.name, exp.kind]);
      expect(o.args.length, at('.args.length')).toBe(exp.args!.length);
      exp.args!.forEach((a, i) => checkValue(o.args[i], a, ids, at(`.args[${i}]`)));
      if (exp.kwargs === null) expect(o.kwargs, at('.kwargs')).toBeNull();
      else {
        const kw = [...o.kwargs!];
        exp.kwargs!.forEach(([k, v], i) => {
          checkValue(kw[i]![0], k, ids, at('.kwargs'));
          checkValue(kw[i]![1], v, ids, at('.kwargs'));
        });
      }
      checkValue(o.state, exp.state!, ids, at('.state'));
      return;
    }
    default:
      throw new Error(`unknown tag ${exp.t}`);
  }
}

/**
 * Builds the JS value a tagged description stands for (the inverse of {@link checkValue});
 * integral floats become PyFloat so they are written back as floats.
 */
export function fromTagged(exp: Tagged, ids = new Map<number, unknown>()): unknown {
  switch (exp.t) {
    case 'none':
      return null;
    case 'bool':
      return exp.v;
    case 'int': {
      const big = BigInt(exp.v as string);
      return big >= -(2n ** 53n) + 1n && big <= 2n ** 53n - 1n ? Number(big) : big;
    }
    case 'float': {
      const v = exp.v === 'nan' ? NaN : exp.v === 'inf' ? Infinity : exp.v === '-inf' ? -Infinity : exp.v === '-0' ? -0 : (exp.v as number);
      return Number.isInteger(v) && !Object.is(v, -0) ? new PyFloat(v) : v;
    }
    case 'str':
      return exp.v;
    case 'bytes':
      return new Uint8Array(Buffer.from(exp.hex!, 'hex'));
    case 'bytearray':
      return PyByteArray.from(Buffer.from(exp.hex!, 'hex'));
    case 'ref':
      return ids.get(exp.id!);
    default:
  }
  const items = (exp.items ?? []) as unknown[];
  switch (exp.t) {
    case 'list': {
      const out: unknown[] = [];
      ids.set(exp.id!, out);
      for (const x of items) out.push(fromTagged(x as Tagged, ids));
      return out;
    }
    case 'tuple': {
      // Tuples cannot contain themselves except through a list; build items first.
      if (items.length === 0) {
        ids.set(exp.id!, EMPTY);
        return EMPTY;
      }
      const out = Object.freeze(items.map((x) => fromTagged(x as Tagged, ids)));
      ids.set(exp.id!, out);
      return out;
    }
    case 'dict':
    case 'OrderedDict': {
      const out = exp.t === 'dict' ? new Map<unknown, unknown>() : new OrderedDict<unknown, unknown>();
      ids.set(exp.id!, out);
      for (const pair of items) {
        const [k, v] = pair as [Tagged, Tagged];
        out.set(fromTagged(k, ids), fromTagged(v, ids));
      }
      for (const [name, v] of Object.entries(exp.attrs ?? {})) (out as unknown as Record<string, unknown>)[name] = fromTagged(v, ids);
      return out;
    }
    case 'set': {
      const out = new Set<unknown>();
      ids.set(exp.id!, out);
      for (const x of items) out.add(fromTagged(x as Tagged, ids));
      return out;
    }
    case 'frozenset': {
      const out = new FrozenSet(items.map((x) => fromTagged(x as Tagged, ids)));
      ids.set(exp.id!, out);
      return out;
    }
    default:
      throw new Error(`fromTagged: unsupported tag ${exp.t}`);
  }
}

const EMPTY: readonly unknown[] = Object.freeze([]);
