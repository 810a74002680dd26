/** Every name in SURFACE exists on the namespace, and nothing in a file can run code. */
import { describe, expect, it } from 'vitest';
import { pickle } from '@nncompat/core';
import * as flow from './index.js';

function resolve(path: string): unknown {
  const parts = path.split('.').slice(1);
  let cur: unknown = flow;
  for (let i = 0; i < parts.length; i++) {
    const k = parts[i]!;
    const next = (cur as Record<string, unknown>)[k];
    if (next === undefined && typeof cur === 'function' && (cur as { prototype?: object }).prototype) {
      // a method / property of a class: look it up on the prototype chain
      const proto = (cur as { prototype: object }).prototype;
      const dunder: Record<string, symbol> = { __iter__: Symbol.iterator };
      return k in proto || (dunder[k] !== undefined && dunder[k] in proto) ? true : undefined;
    }
    cur = next;
  }
  return cur;
}

describe('SURFACE', () => {
  it('every listed name resolves', () => {
    const missing = flow.SURFACE.filter((p) => resolve(p) === undefined);
    expect(missing).toEqual([]);
  });
});

describe('loading never runs code from a file', () => {
  it('a pickle calling os.system is refused like any unloadable file', () => {
    const evil = new pickle.PickledObject('os', 'system', 'reduce', [ 'echo pwned' ]);
    const bytes = pickle.dumps(new Map<string, unknown>([['__oneflow__', null], ['protocol_version', 1], ['data', evil]]), { protocol: 4 });
    expect(() => flow.load(bytes)).toThrow('Cannot load the data');
  });
});
