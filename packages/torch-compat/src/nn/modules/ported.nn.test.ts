/**
 * Ports of the container, registration and load_state_dict cases of PyTorch's
 * test/test_nn.py (TestNN) and test/nn/test_load_state_dict.py. Layers that are not part of
 * this package (ReLU, Conv2d, BatchNorm, Sigmoid) are replaced by local modules or Linear;
 * `module[i]` with a negative index is `module.__getitem__(i)`; slices are `torch.slice`.
 */
import { describe, expect, it } from 'vitest';
import * as torch from '../../index.js';
import { nn, OrderedDict, type Tensor } from '../../index.js';

class Act extends nn.Module {
  override forward(x: Tensor): Tensor {
    return x.relu();
  }
}
const P = (): nn.Parameter => new nn.Parameter(torch.randn(10, 10));
const items = (m: Iterable<nn.Module>): nn.Module[] => [...m];
type Bag = Record<string, unknown>;

describe('TestNN: registration', () => {
  it('test_register_buffer_raises_error_if_name_is_not_string', () => {
    const m = new nn.Module();
    expect(() => m.register_buffer(1 as unknown as string, torch.rand(5))).toThrow(/^buffer name should be a string. Got int$/);
    expect(() => m.register_buffer(null as unknown as string, torch.rand(5))).toThrow(/^buffer name should be a string. Got NoneType$/);
  });
  it('test_register_buffer_raises_error_if_attr_exists', () => {
    const m = new nn.Module() as nn.Module & Bag;
    m.attribute_name = 5;
    expect(() => m.register_buffer('attribute_name', torch.rand(5))).toThrow(torch.nn.Module === nn.Module ? Error : Error);
    expect(() => m.register_buffer('attribute_name', torch.rand(5))).toThrowError(expect.objectContaining({ name: 'KeyError' }));
    delete m.attribute_name;
    m.register_parameter('attribute_name', new nn.Parameter());
    expect(() => m.register_buffer('attribute_name', torch.rand(5))).toThrowError(expect.objectContaining({ name: 'KeyError' }));
    delete m.attribute_name;
    m.add_module('attribute_name', new nn.Module());
    expect(() => m.register_buffer('attribute_name', torch.rand(5))).toThrowError(expect.objectContaining({ name: 'KeyError' }));
  });
  it('test_register_buffer_raises_error_if_not_tensor', () => {
    expect(() => new nn.Module().register_buffer('attribute_name', 5 as unknown as Tensor)).toThrow(TypeError);
  });
  it('test_register_buffer_allows_overwriting_with_same_name', () => {
    const m = new nn.Module() as nn.Module & Bag;
    const b1 = torch.rand(5);
    const b2 = b1.add(5);
    m.register_buffer('buffer_name', b1);
    expect(m.buffer_name).toBe(b1);
    m.register_buffer('buffer_name', b2);
    expect(m.buffer_name).toBe(b2);
    m.register_buffer('buffer_name', null);
    expect(m.buffer_name).toBe(null);
  });
  it('test_get_buffer / test_get_buffer_from_submodules', () => {
    class SubSub extends nn.Module {
      constructor(bar: Tensor) {
        super();
        this.register_buffer('bar', bar);
      }
    }
    class Sub extends nn.Module {
      declare subsub: SubSub;
      constructor(foo: Tensor, bar: Tensor) {
        super();
        this.register_buffer('foo', foo);
        this.subsub = new SubSub(bar);
      }
    }
    class MyModule extends nn.Module {
      declare sub: Sub;
      constructor(foo: Tensor, bar: Tensor) {
        super();
        this.sub = new Sub(foo, bar);
      }
    }
    const foo = torch.randn(2, 3);
    const bar = torch.randn(4, 5);
    const m = new MyModule(foo, bar);
    expect(m.get_buffer('sub.foo')).toBe(foo);
    expect(m.get_buffer('sub.subsub.bar')).toBe(bar);
  });
  it('test_buffer_not_persistent (+ _del, _overwrite, _assign, _load)', () => {
    let m = new nn.Module() as nn.Module & Bag;
    m.register_buffer('buf', torch.rand(5), false);
    expect([[...m.buffers()].length, m.state_dict().size]).toStrictEqual([1, 0]);
    delete m.buf;
    expect([...m.buffers()].length).toBe(0);
    m = new nn.Module() as nn.Module & Bag;
    m.register_buffer('buf', torch.rand(5), false);
    m.register_buffer('buf', torch.rand(5));
    expect([[...m.buffers()].length, m.state_dict().size]).toStrictEqual([1, 1]);
    m.register_buffer('buf', torch.rand(5), false);
    expect([[...m.buffers()].length, m.state_dict().size]).toStrictEqual([1, 0]);
    m = new nn.Module() as nn.Module & Bag;
    m.register_buffer('buf', torch.rand(5), false);
    m.buf = null;
    expect([[...m.buffers()].length, m.state_dict().size]).toStrictEqual([0, 0]);
    m.buf = torch.rand(5);
    expect([[...m.buffers()].length, m.state_dict().size]).toStrictEqual([1, 0]);
    m.buf = new nn.Parameter(torch.rand(5));
    expect([[...m.buffers()].length, m.state_dict().size]).toStrictEqual([0, 1]);
    const l = new nn.Module();
    l.register_buffer('buf', torch.rand(5), false);
    l.load_state_dict({});
  });
  it('test_register_parameter_raises_error_if_name_is_not_string / _if_attr_exists / _allows_overwriting', () => {
    const m = new nn.Module() as nn.Module & Bag;
    expect(() => m.register_parameter(1 as unknown as string, new nn.Parameter())).toThrow(/parameter name should be a string. Got int/);
    expect(() => m.register_parameter(null as unknown as string, new nn.Parameter())).toThrow(/parameter name should be a string. Got NoneType/);
    m.attribute_name = 5;
    expect(() => m.register_parameter('attribute_name', new nn.Parameter())).toThrowError(expect.objectContaining({ name: 'KeyError' }));
    delete m.attribute_name;
    m.register_buffer('attribute_name', torch.rand(5));
    expect(() => m.register_parameter('attribute_name', new nn.Parameter())).toThrowError(expect.objectContaining({ name: 'KeyError' }));
    delete m.attribute_name;
    m.add_module('attribute_name', new nn.Module());
    expect(() => m.register_parameter('attribute_name', new nn.Parameter())).toThrowError(expect.objectContaining({ name: 'KeyError' }));
    const p1 = new nn.Parameter(torch.rand(5));
    const p2 = new nn.Parameter(p1.data.add(5));
    const n = new nn.Module() as nn.Module & Bag;
    n.register_parameter('param_name', p1);
    expect(n.param_name).toBe(p1);
    n.register_parameter('param_name', p2);
    expect(n.param_name).toBe(p2);
    n.register_parameter('param_name', null);
    expect(n.param_name).toBe(null);
  });
  it('test_add_module_raises_error_if_attr_exists', () => {
    for (const fn of ['add_module', 'register_module'] as const) {
      const m = new nn.Module() as nn.Module & Bag;
      m.attribute_name = 5;
      expect(() => m[fn]('attribute_name', new nn.Module())).toThrowError(expect.objectContaining({ name: 'KeyError' }));
      delete m.attribute_name;
      m.register_buffer('attribute_name', torch.rand(5));
      expect(() => m[fn]('attribute_name', new nn.Module())).toThrowError(expect.objectContaining({ name: 'KeyError' }));
      delete m.attribute_name;
      m.register_parameter('attribute_name', new nn.Parameter());
      expect(() => m[fn]('attribute_name', new nn.Module())).toThrowError(expect.objectContaining({ name: 'KeyError' }));
    }
  });
  it('test_named_modules', () => {
    const l = new nn.Linear(10, 20);
    const l1 = new nn.Linear(10, 20);
    const l2 = new nn.Linear(10, 20);
    const block = new nn.Sequential();
    block.add_module('linear1', l1);
    block.add_module('linear2', l2);
    class Net extends nn.Module {
      l1 = l;
      l2 = l;
      param = torch.empty(3, 5);
      block = block;
    }
    const n = new Net();
    const s = new nn.Sequential(n, n);
    expect([...s.named_modules()]).toStrictEqual([['', s], ['0', n], ['0.l1', l], ['0.block', block], ['0.block.linear1', l1], ['0.block.linear2', l2]]);
    expect([...s.named_modules({ remove_duplicate: false })].map(([k]) => k)).toStrictEqual(
      ['', '0', '0.l1', '0.l2', '0.block', '0.block.linear1', '0.block.linear2', '1', '1.l1', '1.l2', '1.block', '1.block.linear1', '1.block.linear2'],
    );
  });
});

describe('TestNN: containers', () => {
  const ls = (): nn.Linear[] => [new nn.Linear(10, 20), new nn.Linear(20, 30), new nn.Linear(30, 40), new nn.Linear(40, 50)];
  it('test_Sequential_getitem', () => {
    const [l1, l2, l3, l4] = ls();
    const n = new nn.Sequential(l1!, l2!, l3!, l4!);
    expect([n[0], n[1], n[2], n[3]]).toStrictEqual([l1, l2, l3, l4]);
    expect(items(n.__getitem__(torch.slice(1, null)))).toStrictEqual([l2, l3, l4]);
    expect(items(n.__getitem__(torch.slice(3, null)))).toStrictEqual([l4]);
    expect(items(n.__getitem__(torch.slice(null, -1)))).toStrictEqual([l1, l2, l3]);
    expect(items(n.__getitem__(torch.slice(null, -3)))).toStrictEqual([l1]);
    expect(items(n.__getitem__(torch.slice(null, null, -1)))).toStrictEqual([l4, l3, l2, l1]);
  });
  it('test_Sequential_setitem / _setitem_named / _delitem', () => {
    const [l1, l2, l3, l4] = ls();
    const n = new nn.Sequential(l1!, l2!, l3!);
    n.__setitem__(0, l4!);
    n.__setitem__(-1, l4!);
    n.__setitem__(1, l1!);
    expect(items(n)).toStrictEqual([l4, l1, l4]);
    const named = new nn.Sequential(new OrderedDict([['linear1', l1!], ['linear2', l2!], ['linear3', l3!]])) as nn.Sequential & Bag;
    named.__setitem__(0, l4!);
    named.__setitem__(-1, l4!);
    expect([named.linear1, named.linear3]).toStrictEqual([l4, l4]);
    const d = new nn.Sequential(l1!, l2!, l3!, l4!);
    d.__delitem__(-1);
    expect(items(d)).toStrictEqual([l1, l2, l3]);
    d.__delitem__(torch.slice(1, null, 2));
    expect(items(d)).toStrictEqual([l1, l3]);
  });
  it('test_Sequential_add / _iadd / _mul / _rmul / _imul / _append / _pop / _insert / _insert_fail_case / _extend', () => {
    const [l1, l2, l3, l4] = ls() as [nn.Linear, nn.Linear, nn.Linear, nn.Linear];
    expect(items(new nn.Sequential(l1, l2).__add__(new nn.Sequential(l3, l4)))).toStrictEqual([l1, l2, l3, l4]);
    const n = new nn.Sequential(l1, l2, l3);
    const n2 = new nn.Sequential(l4);
    n.__iadd__(n2);
    n2.__iadd__(n);
    expect([items(n), items(n2)]).toStrictEqual([[l1, l2, l3, l4], [l4, l1, l2, l3, l4]]);
    expect(items(new nn.Sequential(l1, l2, l3, l4).__mul__(2))).toStrictEqual([l1, l2, l3, l4, l1, l2, l3, l4]);
    expect(items(new nn.Sequential(l1, l2, l3, l4).__rmul__(2))).toStrictEqual([l1, l2, l3, l4, l1, l2, l3, l4]);
    const im = new nn.Sequential(l1, l2, l3, l4);
    im.__imul__(2);
    expect(items(im)).toStrictEqual([l1, l2, l3, l4, l1, l2, l3, l4]);
    im.__imul__(2);
    expect(items(im).length).toBe(16);
    const a = new nn.Sequential(l1, l2, l3);
    expect(a.append(l4)).toBe(a);
    expect(items(new nn.Sequential(l1).append(l2).append(l4))).toStrictEqual([l1, l2, l4]);
    const p = new nn.Sequential(l1, l2, l3, l4);
    expect(p.pop(3)).toBe(l4);
    expect(items(p)).toStrictEqual([l1, l2, l3]);
    items(p).forEach((m, k) => expect(p.__getitem__(k)).toBe(m));
    const m1 = new nn.Linear(4, 5);
    expect(items(new nn.Sequential(l1, l2, l3).insert(1, m1))).toStrictEqual([l1, m1, l2, l3]);
    expect(items(new nn.Sequential(l1, l2, l3).insert(-2, m1))).toStrictEqual([l1, m1, l2, l3]);
    expect(() => new nn.Sequential(l1, l2, l3).insert(-5, m1)).toThrowError(expect.objectContaining({ name: 'IndexError' }));
    expect(() => new nn.Sequential(l1, l2, l3).insert(1, [new nn.Linear(6, 7)] as unknown as nn.Module)).toThrowError(expect.objectContaining({ name: 'AssertionError' }));
    const e1 = new nn.Sequential(l1, l2);
    const e3 = new nn.Sequential(l1, l2);
    for (const l of new nn.Sequential(l3, l4)) e1.append(l);
    e3.extend(new nn.Sequential(l3, l4));
    expect(items(e3)).toStrictEqual(items(e1));
  });
  it('test_ModuleList', () => {
    let modules: nn.Module[] = [new Act(), new nn.Linear(5, 5)];
    let ml = new nn.ModuleList(modules);
    const check = (): void => {
      expect(ml.__len__()).toBe(modules.length);
      expect(items(ml)).toStrictEqual(modules);
      expect(items(ml.children())).toStrictEqual([...new Set(modules)]);
      modules.forEach((m, i) => expect(ml.__getitem__(i)).toBe(m));
    };
    check();
    modules.push(new nn.Linear(3, 4));
    ml.__iadd__([modules[modules.length - 1]!]);
    check();
    modules = [...modules, new nn.Linear(3, 4), new Act()];
    ml = ml.__add__(new nn.ModuleList(modules.slice(-2)));
    check();
    modules.splice(1, 0, new nn.Linear(3, 2));
    ml.insert(1, modules[1]!);
    check();
    modules.push(new Act());
    ml.append(modules[modules.length - 1]!);
    check();
    const next = [new nn.Linear(5, 5), new Act()];
    modules.push(...next);
    ml.extend(next);
    check();
    modules[2] = new nn.Linear(5, 3);
    ml.__setitem__(2, modules[2]);
    check();
    modules[modules.length - 1] = new nn.Linear(5, 2);
    ml.__setitem__(-1, modules[modules.length - 1]!);
    check();
    expect(items(ml.__getitem__(torch.slice(1, null)))).toStrictEqual(modules.slice(1));
    expect(items(ml.__getitem__(torch.slice(null, -3)))).toStrictEqual(modules.slice(0, -3));
    expect(items(ml.__getitem__(torch.slice(null, null, -1)))).toStrictEqual([...modules].reverse());
    ml.__delitem__(-1);
    expect(items(ml)).toStrictEqual(modules.slice(0, -1));
    ml.__delitem__(torch.slice(1, null, 2));
    expect(items(ml)).toStrictEqual(modules.slice(0, -1).filter((_, i) => i % 2 === 0));
    expect(() => ml.__iadd__(new Act() as unknown as nn.Module[])).toThrow(TypeError);
    expect(() => ml.extend(new Act() as unknown as nn.Module[])).toThrow(TypeError);
    const pl = [new Act(), new nn.Linear(5, 5), new nn.Linear(3, 4)];
    const mlp = new nn.ModuleList(pl);
    expect(mlp.pop(1)).toBe(pl.splice(1, 1)[0]);
    expect(items(mlp)).toStrictEqual(pl);
    expect(() => (mlp as unknown as () => unknown)()).toThrowError(expect.objectContaining({ name: 'NotImplementedError' }));
  });
  it('test_ModuleDict', () => {
    const modules = new Map<string, nn.Module>([['act', new Act()], ['conv', new nn.Linear(10, 10)], ['fc', new nn.Linear(5, 5)]]);
    let md = new nn.ModuleDict(new OrderedDict(modules));
    const check = (): void => {
      expect(md.__len__()).toBe(modules.size);
      expect([...md.keys()]).toStrictEqual([...modules.keys()]);
      for (const [k, v] of md.items()) expect(v).toBe(modules.get(k));
      for (const k of modules.keys()) expect(md.__contains__(k)).toBe(true);
    };
    check();
    modules.set('conv', new nn.Linear(3, 4));
    md.__setitem__('conv', modules.get('conv')!);
    check();
    const next: [string, nn.Module][] = [['fc2', new nn.Linear(5, 5)], ['act', new Act()]];
    next.forEach(([k, v]) => modules.set(k, v));
    md.update(next);
    check();
    const nextOd = new OrderedDict<string, nn.Module>([['fc3', new nn.Linear(5, 5)], ['act2', new Act()]]);
    nextOd.forEach((v, k) => modules.set(k, v));
    md.update(nextOd);
    check();
    const nextPlain = { fc4: new nn.Linear(5, 5), act3: new Act() };
    Object.entries(nextPlain).forEach(([k, v]) => modules.set(k, v));
    md.update(nextPlain);
    check();
    const nextMd = new nn.ModuleDict([['fc5', new nn.Linear(5, 5)], ['act4', new Act()]]);
    for (const [k, v] of nextMd.items()) modules.set(k, v);
    md.update(nextMd);
    check();
    md.__delitem__('fc');
    modules.delete('fc');
    check();
    expect(() => md.update(new Act() as unknown as Map<string, nn.Module>)).toThrow(TypeError);
    expect(() => md.update([new Act()] as unknown as [string, nn.Module][])).toThrow(TypeError);
    expect(() => md.update([[new Act()]] as unknown as [string, nn.Module][])).toThrowError(expect.objectContaining({ name: 'ValueError' }));
    expect(() => md.__setitem__(1 as unknown as string, new Act())).toThrow(TypeError);
    const s = new nn.Sequential(new OrderedDict(modules));
    md = new nn.ModuleDict(s.named_children());
    check();
    expect(md.pop('conv')).toBe(modules.get('conv'));
    modules.delete('conv');
    check();
    md.clear();
    modules.clear();
    check();
    expect(() => (md as unknown as () => unknown)()).toThrowError(expect.objectContaining({ name: 'NotImplementedError' }));
  });
  it('test_ParameterDict', () => {
    let parameters = new OrderedDict<string, unknown>([['p1', P()], ['p2', P()], ['p3', P()]]);
    let pd = new nn.ParameterDict(parameters);
    const check = (): void => {
      expect(pd.__len__()).toBe(parameters.size);
      const np = [...pd.named_parameters()];
      [...parameters.keys()].forEach((k, i) => {
        if (np[i]) {
          expect(np[i]![0]).toBe(k);
          expect(np[i]![1]).toBe(parameters.get(k));
        }
      });
      for (const k of pd) expect(pd.__getitem__(k)).toBe(parameters.get(k));
      for (const [k, v] of pd.items()) expect(v).toBe(parameters.get(k));
      for (const k of parameters.keys()) expect(pd.__contains__(k)).toBe(true);
    };
    check();
    parameters.set('p4', P());
    pd['p4'] = parameters.get('p4') as nn.Parameter;
    check();
    const nextList: [string, nn.Parameter][] = [['p5', P()], ['p2', P()]];
    nextList.forEach(([k, v]) => parameters.set(k, v));
    pd.update(nextList);
    check();
    const nextOd = new OrderedDict<string, unknown>([['p6', P()], ['p5', P()]]);
    nextOd.forEach((v, k) => parameters.set(k, v));
    pd.update(nextOd);
    check();
    const nextPlain = { p8: P(), p7: P() };
    Object.entries(nextPlain).sort(([a], [b]) => (a < b ? -1 : 1)).forEach(([k, v]) => parameters.set(k, v));
    pd.update(nextPlain);
    check();
    const nextPd = new nn.ParameterDict([['p10', P()], ['p9', P()]]);
    for (const [k, v] of nextPd.items()) parameters.set(k, v);
    pd.update(nextPd);
    check();
    pd.__delitem__('p3');
    parameters.delete('p3');
    check();
    expect(() => pd.update(1 as unknown as Map<string, unknown>)).toThrow(TypeError);
    expect(() => pd.update([1] as unknown as [string, unknown][])).toThrow(TypeError);
    expect(() => pd.update(P() as unknown as Map<string, unknown>)).toThrowError(expect.objectContaining({ name: 'ValueError' }));
    expect(pd.pop('p4')).toBe(parameters.get('p4'));
    parameters.delete('p4');
    check();
    const fwd = [...pd];
    const bwd = [...{ [Symbol.iterator]: () => pd.__reversed__() }];
    expect(bwd).toStrictEqual([...fwd].reverse());
    const copy = pd.copy();
    for (const k of pd) expect(copy.__getitem__(k)).toBe(pd.__getitem__(k));
    pd['p20'] = P();
    copy['p21'] = new nn.Parameter(torch.randn(9, 10));
    expect([pd.__contains__('p20'), copy.__contains__('p20'), pd.__contains__('p21'), copy.__contains__('p21')]).toStrictEqual([true, false, false, true]);
    pd.pop('p20');
    check();
    const p = P();
    pd['p12'] = p;
    const [k12, v12] = pd.popitem();
    expect([k12, v12]).toStrictEqual(['p12', p]);
    check();
    parameters.set('p11', P());
    expect(pd.setdefault('p11', parameters.get('p11'))).toBe(parameters.get('p11'));
    check();
    const q = P();
    expect(pd.setdefault('p11', q) === q).toBe(false);
    expect(pd.setdefault('p26')).toBe(null);
    pd.__delitem__('p26');
    check();
    const od2 = new OrderedDict<string, unknown>([['p13', P()], ['p2', P()], ['p3', P()]]);
    od2.forEach((v, k) => parameters.set(k, v));
    pd.__ior__(new nn.ParameterDict(od2));
    check();
    const od3 = new OrderedDict<string, unknown>([['p20', P()], ['p21', P()], ['p22', P()]]);
    od3.forEach((v, k) => parameters.set(k, v));
    pd = pd.__or__(new nn.ParameterDict(od3));
    check();
    const od4 = new OrderedDict<string, unknown>([['p23', P()], ['p24', P()], ['p25', P()]]);
    const pd4 = new nn.ParameterDict(od4);
    parameters.forEach((v, k) => od4.set(k, v));
    parameters = od4;
    pd = pd4.__or__(pd);
    check();
    const temp = P();
    expect(pd.get('p18')).toBe(null);
    expect(pd.get('p18', temp)).toBe(temp);
    pd.clear();
    parameters.clear();
    check();
    expect([...pd.fromkeys(['p19', 'p20']).items()]).toStrictEqual([['p19', null], ['p20', null]]);
    pd['p21'] = torch.rand(2, 2) as nn.Parameter;
    expect(pd['p21']).toBeInstanceOf(nn.Parameter);
    pd.update({ p22: torch.rand(2, 2), foo: 'bar' });
    expect(pd['p22']).toBeInstanceOf(nn.Parameter);
    expect(pd.__getitem__('foo')).toBe('bar');
  });
  it('test_ParameterList (structure of the PyTorch case)', () => {
    const mk = (): nn.Parameter => new nn.Parameter(torch.randn(2, 2));
    const parameters: unknown[] = [mk(), mk()];
    const pl = new nn.ParameterList(parameters);
    const check = (): void => {
      expect(pl.__len__()).toBe(parameters.length);
      expect([...pl]).toStrictEqual(parameters);
      expect([...pl.parameters()]).toStrictEqual(parameters.filter((x) => x instanceof nn.Parameter));
      parameters.forEach((p, i) => expect(pl.__getitem__(i)).toBe(p));
    };
    check();
    parameters.push(mk());
    pl.__iadd__([parameters[parameters.length - 1]]);
    check();
    parameters.push(mk());
    pl.append(parameters[parameters.length - 1]);
    check();
    const next = [mk(), mk()];
    parameters.push(...next);
    pl.extend(next);
    check();
    parameters[2] = mk();
    pl.__setitem__(2, parameters[2]);
    check();
    parameters[parameters.length - 1] = mk();
    pl.__setitem__(-1, parameters[parameters.length - 1]);
    check();
    expect([...pl.__getitem__(torch.slice(1, null))]).toStrictEqual(parameters.slice(1));
    expect([...pl.__getitem__(torch.slice(null, null, -1))]).toStrictEqual([...parameters].reverse());
    expect(() => pl.__iadd__(mk() as unknown as unknown[])).toThrow(TypeError);
    expect(() => pl.extend(mk() as unknown as unknown[])).toThrow(TypeError);
    pl.append(torch.rand(2, 2));
    expect(pl.at(-1)).toBeInstanceOf(nn.Parameter);
    parameters.push(pl.at(-1));
    pl.extend([torch.rand(2, 2), 'foo']);
    expect(pl.at(-2)).toBeInstanceOf(nn.Parameter);
    expect(pl.at(-1)).toBe('foo');
    parameters.push(pl.at(-2), pl.at(-1));
    check();
  });
});

describe('test_load_state_dict.py', () => {
  class Block extends nn.Module {
    conv1 = new nn.Linear(3, 3);
    conv2 = new nn.Linear(3, 3, false);
  }
  class Norm extends nn.Module {
    constructor() {
      super();
      this.register_buffer('running_mean', torch.zeros(2));
    }
  }
  const build = (): nn.Module & Bag => {
    const l = new nn.Linear(5, 5);
    const net = new nn.Module() as nn.Module & Bag;
    net.linear1 = l;
    net.linear2 = l;
    net.bn = new Norm();
    net.block = new Block();
    net.add_module('empty', null);
    return net;
  };
  it('test_load_state_dict_invalid', () => {
    const m = new nn.Linear(2, 2, false);
    expect(() => m.load_state_dict({ weight: Object.freeze([Object.freeze([1, 1]), Object.freeze([2, 2])]) })).toThrow(
      'expected torch.Tensor or Tensor-like object from checkpoint but received',
    );
  });
  it('test_load_state_dict_type', () => {
    const m = new nn.Module();
    expect(() => m.load_state_dict('' as unknown as Map<string, unknown>)).toThrow(/^Expected state_dict to be dict-like, got/);
    expect(() => m.load_state_dict(2 as unknown as Map<string, unknown>)).toThrow(/^Expected state_dict to be dict-like, got/);
  });
  it('test_load_state_dict', () => {
    const net = build();
    let sd = net.state_dict();
    sd.set('linear1.weight', torch.ones(5, 5));
    sd.set('block.conv1.bias', torch.arange(1, 4, { dtype: 'float32' }));
    sd.set('bn.running_mean', torch.randn(2));
    const r = net.load_state_dict(sd);
    expect([r.missing_keys.length, r.unexpected_keys.length]).toStrictEqual([0, 0]);
    expect(String(r)).not.toContain('Incompatible');
    expect((net.linear1 as nn.Linear).weight.tolist()).toStrictEqual((sd.get('linear1.weight') as Tensor).tolist());
    expect(((net.bn as nn.Module & Bag).running_mean as Tensor).tolist()).toStrictEqual((sd.get('bn.running_mean') as Tensor).tolist());
    sd = net.state_dict();
    sd.set('extra', torch.ones(5));
    expect(() => net.load_state_dict(sd)).toThrowError(expect.objectContaining({ name: 'RuntimeError' }));
    let ik = net.load_state_dict(sd, false);
    expect([ik.missing_keys, ik.unexpected_keys]).toStrictEqual([[], ['extra']]);
    expect(String(ik)).toContain('Incompatible');
    sd = net.state_dict();
    sd.set('extra.param', torch.ones(5));
    ik = net.load_state_dict(sd, false);
    expect(ik.unexpected_keys).toStrictEqual(['extra.param']);
    sd = net.state_dict();
    sd.delete('linear1.weight');
    expect(() => net.load_state_dict(sd)).toThrowError(expect.objectContaining({ name: 'RuntimeError' }));
    ik = net.load_state_dict(sd, false);
    expect([ik.missing_keys, ik.unexpected_keys]).toStrictEqual([['linear1.weight'], []]);
    sd.set('extra.param', torch.ones(5));
    ik = net.load_state_dict(sd, false);
    expect([ik.missing_keys, ik.unexpected_keys]).toStrictEqual([['linear1.weight'], ['extra.param']]);
    sd = net.state_dict();
    sd.set('bn.running_mean', torch.rand(14, 4));
    expect(() => net.load_state_dict(sd)).toThrowError(expect.objectContaining({ name: 'RuntimeError' }));
    expect(() => net.load_state_dict(sd, false)).toThrowError(expect.objectContaining({ name: 'RuntimeError' }));
    const old = new Map([...net.state_dict()].map(([k, v]) => [k, (v as Tensor).clone()]));
    const partial = { 'linear1.weight': torch.ones(5, 5), 'block.conv1.bias': torch.arange(1, 4, { dtype: 'float32' }), 'bn.running_mean': torch.randn(2), nonexistent_key: torch.rand(3) };
    net.load_state_dict(partial, false);
    const now = net.state_dict();
    for (const k of ['linear1.weight', 'block.conv1.bias', 'bn.running_mean'] as const) {
      expect((now.get(k) as Tensor).tolist()).toStrictEqual(partial[k].tolist());
      old.delete(k);
    }
    for (const [k, v] of old) expect((now.get(k) as Tensor).tolist()).toStrictEqual(v.tolist());
  });
  it('test_load_state_dict_child', () => {
    // PyTorch deep-copies a Linear into 3 levels of 10-wide Sequentials; 3 x 4 here.
    const level = (depth: number): nn.Module =>
      depth === 0 ? new nn.Linear(1, 1) : new nn.Sequential(...Array.from({ length: 4 }, () => level(depth - 1)));
    const model = level(3);
    let calls = 0;
    const first = (model as nn.Sequential).__getitem__(0) as nn.Sequential;
    (first.__getitem__(0) as nn.Sequential)._register_load_state_dict_pre_hook((module: nn.Module, state_dict: Map<string, unknown>) => {
      expect(module.state_dict().size).toBe(state_dict.size);
      calls++;
    }, true);
    model.load_state_dict(model.state_dict(), true);
    expect(calls).toBe(1);
  });
  it('test_load_state_dict_custom', () => {
    class CustomState extends nn.Module {
      param = new nn.Parameter(torch.ones(1));
      sub = new nn.Linear(5, 5);
      override _save_to_state_dict(destination: Map<string, unknown>, prefix: string): void {
        destination.set(`${prefix}serialized`, this.param.data.add(1));
      }
      override _load_from_state_dict(state_dict: Map<string, unknown>, prefix: string): void {
        this.param.data.copy_((state_dict.get(`${prefix}serialized`) as Tensor).sub(1));
      }
    }
    const m = new nn.Sequential(new CustomState());
    const cs = m.__getitem__(0) as CustomState;
    torch.no_grad(() => {
      cs.param.fill_(10);
      cs.sub.weight.data.fill_(555);
    });
    const sd = m.state_dict();
    expect((sd.get('0.serialized') as Tensor).item()).toBe(11);
    expect(sd.has('0.sub.weight')).toBe(true);
    expect(sd.has('0.param')).toBe(false);
    const mm = new nn.Sequential(new CustomState());
    const cs2 = mm.__getitem__(0) as CustomState;
    expect(cs2.param.item()).toBe(1);
    mm.load_state_dict(sd);
    expect(cs2.param.item()).toBe(10);
    expect((cs2.sub.weight.tolist() as number[][])[0]![0]).toBe(555);
  });
});
