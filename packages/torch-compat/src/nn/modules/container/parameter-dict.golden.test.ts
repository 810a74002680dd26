/** ParameterDict against PyTorch 1.13 (which already ships the 2.x implementation). */
import { describe, expect, it } from 'vitest';
import * as torch from '../../../index.js';
import { nn, OrderedDict } from '../../../index.js';
import { pyTypeName } from '../../../python.js';
import { err, loadFixture } from '../../../testing/golden.js';

const C = loadFixture<{ cases: Record<string, unknown> }>('nn_module.json').cases;
const g = (k: string): unknown => {
  if (!(k in C)) throw new Error(`no golden ${k}`);
  return C[k];
};
const state = (d: nn.ParameterDictImpl): [string, string][] => [...d.items()].map(([k, v]) => [k, pyTypeName(v)]);
const names = (d: nn.ParameterDictImpl): string[] => [...d.named_parameters()].map(([n]) => n);

describe('ParameterDict (PyTorch goldens)', () => {
  it('ordering rules of the constructor and update', () => {
    expect(state(new nn.ParameterDict({ b: torch.zeros(1), a: new nn.Parameter(torch.zeros(2)), c: 3 }))).toStrictEqual(g('pd_plain_dict_order'));
    expect(state(new nn.ParameterDict(new OrderedDict<string, unknown>([['b', torch.zeros(1)], ['a', torch.zeros(2)]])))).toStrictEqual(g('pd_ordered_dict_order'));
    const pd = new nn.ParameterDict([['z', torch.zeros(1)], ['y', null], ['x', 'str']]);
    expect(state(pd)).toStrictEqual(g('pd_pairs_order'));
    expect(names(pd)).toStrictEqual(g('pd_named_parameters'));
    pd.update({ q: torch.ones(1), p: torch.ones(1) });
    expect([...pd.keys()]).toStrictEqual(g('pd_update_plain'));
    pd.update(new nn.ParameterDict([['m', torch.zeros(1)], ['l', torch.zeros(1)]]));
    expect([...pd.keys()]).toStrictEqual(g('pd_update_pd'));
    expect(pd.__len__()).toBe(g('pd_len'));
    expect([pd.__contains__('z'), pd.__contains__('nope')]).toStrictEqual(g('pd_contains'));
    expect([...{ [Symbol.iterator]: () => pd.__reversed__() }]).toStrictEqual(g('pd_reversed'));
    expect(pd.get('nope', 5)).toBe(g('pd_get_default'));
    expect(pyTypeName(pd.pop('z'))).toBe(g('pd_pop'));
    expect([...pd.keys()]).toStrictEqual(g('pd_after_pop'));
    const [k, v] = pd.popitem();
    expect([k, pyTypeName(v)]).toStrictEqual(g('pd_popitem'));
    expect([pyTypeName(pd.setdefault('new', torch.zeros(2))), pyTypeName(pd.setdefault('y', 1))]).toStrictEqual(g('pd_setdefault'));
    expect([...pd.keys()]).toStrictEqual(g('pd_after_setdefault'));
    expect(pd.copy()['q'] === pd['q']).toBe(g('pd_copy_shares'));
    expect(state(pd.fromkeys(['u', 'v'], torch.zeros(1)))).toStrictEqual(g('pd_fromkeys'));
    pd.clear();
    expect([pd.__len__(), names(pd)]).toStrictEqual(g('pd_clear'));
    expect(err(() => pd.popitem())).toStrictEqual(g('pd_err_popitem_empty'));
    expect(err(() => pd.__getitem__('missing'))).toStrictEqual(g('pd_err_missing_key'));
    expect(err(() => pd.__delitem__('missing'))).toStrictEqual(g('pd_err_del_missing'));
    expect(err(() => pd.update(3 as unknown as Map<string, unknown>))).toStrictEqual(g('pd_err_update_int'));
    expect(err(() => pd.update([3] as unknown as [string, unknown][]))).toStrictEqual(g('pd_err_update_elem'));
    expect(err(() => pd.update([['a', torch.zeros(1), 3]] as unknown as [string, unknown][]))).toStrictEqual(g('pd_err_update_len'));
    const bad = new nn.ParameterDict();
    expect(err(() => bad.__setitem__(3 as unknown as string, torch.zeros(1)))).toStrictEqual(g('pd_err_nonstr_key'));
    expect(bad.__len__()).toBe(g('pd_nonstr_key_left_in_keys'));
    expect(err(() => new nn.ParameterDict().__setitem__('keys', torch.zeros(1)))).toStrictEqual(g('pd_err_method_name_key'));
    expect(err(() => (pd as unknown as (x: number) => unknown)(1))).toStrictEqual(g('pd_err_call'));
    pd['w'] = torch.zeros(1) as nn.Parameter;
    expect(pd['w']).toBeInstanceOf(nn.Parameter);
    expect(err(() => pd.__setitem__('w', 3))).toStrictEqual(g('pd_err_param_to_int'));
    pd.__setitem__('w', null);
    expect([state(pd), names(pd)]).toStrictEqual(g('pd_none_value'));
  });
  it('| and |=', () => {
    const o1 = new nn.ParameterDict({ a: torch.zeros(1) });
    const o2 = new nn.ParameterDict({ b: torch.zeros(1), a: torch.ones(1) });
    expect([...o1.__or__(o2).keys()]).toStrictEqual(g('pd_or'));
    expect(o1.__or__(o2)['a'].tolist()).toStrictEqual(g('pd_or_a_value'));
    o1.__ior__(o2);
    expect([...o1.keys()]).toStrictEqual(g('pd_ior'));
  });
  it('state_dict and requires_grad', () => {
    const pd = new nn.ParameterDict({ b: torch.zeros(1), a: torch.zeros(2) });
    expect([...pd.state_dict().keys()]).toStrictEqual(g('pd_state_dict_keys'));
    expect(pd['a'].requires_grad).toBe(g('pd_requires_grad'));
  });
  it('bracket assignment, deletion and iteration are the dict operations', () => {
    const pd = new nn.ParameterDict();
    pd['x'] = torch.ones(2) as nn.Parameter;
    expect(pd['x']).toBeInstanceOf(nn.Parameter);
    expect([...pd]).toStrictEqual(['x']);
    delete pd['x'];
    expect(pd.__len__()).toBe(0);
    expect(pd.training).toBe(true);
  });
});
