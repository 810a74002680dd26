/**
 * `oneflow.nn.ParameterDict` as python/oneflow/nn/utils/container.py (OneFlow 1.0) defines it;
 * expected texts are the format strings of that file and of Module.register_parameter.
 */
import { describe, expect, it } from 'vitest';
import { OrderedDict } from '@nncompat/core';
import * as flow from '../index.js';

const { nn } = flow;
const P = (...shape: number[]): flow.nn.Parameter => new nn.Parameter(flow.randn(...shape));

describe('oneflow.nn.ParameterDict', () => {
  it('values must be Parameters (register_parameter\'s TypeError)', () => {
    const pd = new nn.ParameterDict();
    expect(() => pd.__setitem__('a', flow.ones(2) as never)).toThrow(
      "cannot assign '<class 'oneflow.Tensor'>' object to parameter 'a' (nn.Parameter or None required)",
    );
    expect(() => new nn.ParameterDict({ a: 3 as never })).toThrow(
      "cannot assign '<class 'int'>' object to parameter 'a' (nn.Parameter or None required)",
    );
    pd.__setitem__('none', null);
    expect(pd.__len__()).toBe(1);
    expect(() => String(pd)).toThrow("'NoneType' object has no attribute 'size'");
  });

  it('has only the seed page\'s methods (no copy/fromkeys/get/popitem/setdefault/|)', () => {
    const pd = new nn.ParameterDict() as unknown as Record<string, unknown>;
    for (const m of ['clear', 'items', 'keys', 'pop', 'update', 'values']) expect(typeof pd[m]).toBe('function');
    for (const m of ['copy', 'fromkeys', 'get', 'popitem', 'setdefault', '__or__', '__ror__', '__ior__', '__reversed__']) {
      expect(pd[m]).toBeUndefined();
    }
  });

  it('update: OrderedDict/ParameterDict keep their order, other mappings are sorted, pairs keep theirs', () => {
    const a = P(1);
    const b = P(1);
    const c = P(1);
    const pd = new nn.ParameterDict(new OrderedDict([['z', a], ['y', b]]));
    expect([...pd.keys()]).toEqual(['z', 'y']);
    pd.update({ x: c, b: a, a: b });
    expect([...pd.keys()]).toEqual(['z', 'y', 'a', 'b', 'x']);
    const m = new nn.ParameterDict(new Map([['k2', a], ['k1', b], ['K0', c]]));
    expect([...m.keys()]).toEqual(['K0', 'k1', 'k2']);
    const pairs = new nn.ParameterDict([['q', a], ['p', b]]);
    expect([...pairs.keys()]).toEqual(['q', 'p']);
    const copy = new nn.ParameterDict(pairs);
    expect([...copy.keys()]).toEqual(['q', 'p']);
    expect(copy.__getitem__('q')).toBe(a);
  });

  it("update errors are OneFlow's texts", () => {
    const pd = new nn.ParameterDict();
    expect(() => pd.update(1 as never)).toThrow('ParametersDict.update should be called with an iterable of key/value pairs, but got int');
    expect(() => pd.update([P(1)] as never)).toThrow(/ParameterDict update sequence element #0 should be Iterable; isParameter/);
    expect(() => pd.update([['a', P(1), 3]] as never)).toThrow('ParameterDict update sequence element #0 has length 3; 2 is required');
    expect(() => pd.update(['ab'] as never)).toThrow("cannot assign '<class 'str'>' object to parameter 'a' (nn.Parameter or None required)");
  });

  it('dict protocol: getitem/delitem KeyError, contains, len, iter, pop, clear, values, items', () => {
    const a = P(2);
    const pd = new nn.ParameterDict({ a });
    expect(pd.__getitem__('a')).toBe(a);
    expect(pd.a).toBe(a);
    expect(() => pd.__getitem__('zz')).toThrow("'zz'");
    expect(pd.__contains__('a')).toBe(true);
    expect([...pd]).toEqual(['a']);
    expect([...pd.values()]).toEqual([a]);
    expect([...pd.items()]).toEqual([['a', a]]);
    expect(pd.pop('a')).toBe(a);
    expect(() => pd.__delitem__('a')).toThrow("'a'");
    pd.update({ b: P(1), c: P(1) });
    pd.clear();
    expect(pd.__len__()).toBe(0);
    expect([...pd.parameters()]).toEqual([]);
  });

  it('calling it raises "ParameterDict should not be called."; ParameterList likewise', () => {
    expect(() => (new nn.ParameterDict() as unknown as () => unknown)()).toThrow('ParameterDict should not be called.');
    expect(() => (new nn.ParameterList() as unknown as () => unknown)()).toThrow('ParameterList should not be called.');
  });

  it('repr of the seed, inside a parent module', () => {
    class MyModule extends nn.Module {
      params = new nn.ParameterDict({ left: P(5, 10), right: P(5, 10) });
    }
    expect(String(new MyModule())).toBe(
      'MyModule(\n  (params): ParameterDict(\n' +
        "      (left): Parameter containing: [<class 'oneflow.nn.Parameter'> of size 5x10]\n" +
        "      (right): Parameter containing: [<class 'oneflow.nn.Parameter'> of size 5x10]\n  )\n)",
    );
  });

  it('ParameterList: repr, append/extend errors, indexing', () => {
    const pl = new nn.ParameterList([P(10, 10), P(10, 10)]);
    expect(String(pl)).toBe(
      'ParameterList(\n' +
        "    (0): Parameter containing: [<class 'oneflow.nn.Parameter'> of size 10x10]\n" +
        "    (1): Parameter containing: [<class 'oneflow.nn.Parameter'> of size 10x10]\n)",
    );
    expect(() => pl.extend(3 as never)).toThrow('ParameterList.extend should be called with an iterable, but got int');
    expect(() => pl.append(flow.ones(1) as never)).toThrow("cannot assign '<class 'oneflow.Tensor'>' object to parameter '2'");
    expect(() => pl.__getitem__(5)).toThrow('index 5 is out of range');
    expect(pl.__getitem__(-1)).toBe(pl.__getitem__(1));
  });
});
