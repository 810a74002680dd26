import { describe, expect, it } from 'vitest';
import * as mx from './index.js';

/** Resolves a dotted MXNet path on the `mx` namespace (methods on prototypes, accessors included). */
function resolve(path: string): boolean {
  if (path === 'base.MXNetError') return typeof mx.MXNetError === 'function';
  if (path === 'gluon.parameter.DeferredInitializationError') return typeof mx.gluon.DeferredInitializationError === 'function';
  let cur: unknown = mx;
  for (const part of path.split('.')) {
    if (cur === undefined || cur === null) return false;
    const obj = cur as Record<string, unknown>;
    if (part in obj) cur = obj[part];
    else if (typeof cur === 'function' && cur.prototype && part in cur.prototype) return true;
    else if (typeof cur === 'function') return instanceHas(cur as new (...a: never[]) => unknown, part);
    else return false;
  }
  return cur !== undefined;
}

/** Instance fields (set in constructors) are checked on a constructed example. */
function instanceHas(klass: unknown, part: string): boolean {
  const examples: Record<string, object> = {
    Parameter: new mx.gluon.Parameter('w'),
    Constant: new mx.gluon.Constant('c', [1]),
  };
  const name = (klass as { name: string }).name;
  return !!examples[name] && part in examples[name]!;
}

describe('SURFACE', () => {
  it('every listed name exists on the package namespace', () => {
    const missing = mx.SURFACE.filter((p) => !resolve(p));
    expect(missing).toEqual([]);
  });
  it('namespaces follow DESIGN.md §4 (mx.gluon, mx.nd, mx.init)', () => {
    expect(typeof mx.gluon.ParameterDict).toBe('function');
    expect(typeof mx.nd.array).toBe('function');
    expect(typeof mx.init.Xavier).toBe('function');
    expect(mx.initializer).toBe(mx.init);
    expect(mx.ndarray).toBe(mx.nd);
  });
});
