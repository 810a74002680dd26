import { describe, expect, it } from 'vitest';
import { AttributeError } from '../errors.js';
import { zeros } from '../ops/creation.js';
import '../index.js';
import { ModuleBase, RAW } from './module-base.js';
import { Parameter } from './parameter.js';
import { registerHook } from './hook-store.js';

class Leaf extends ModuleBase {
  constructor() {
    super();
    this._parameters.set('w', new Parameter(zeros(2)));
  }
  override forward(x: number): number {
    return x + 1;
  }
}
class Tree extends ModuleBase {
  a = new Leaf();
  constructor() {
    super();
  }
  override forward(x: number): number {
    return x * 2;
  }
}

describe('ModuleBase', () => {
  it('instances are callable and typed by forward', () => {
    const t = new Tree();
    expect(t(3)).toBe(6);
    expect(typeof t).toBe('function');
    expect(t instanceof Tree && t instanceof ModuleBase).toBe(true);
  });
  it('store entries are mirrored as properties and removed with the entry', () => {
    const l = new Leaf();
    expect(l._parameters.get('w')).toBe((l as unknown as { w: Parameter }).w);
    l._parameters.delete('w');
    expect('w' in l).toBe(false);
  });
  it('class fields go through __setattr__ (plain attribute in the base)', () => {
    const t = new Tree();
    expect(Object.keys(t[RAW])).toContain('a');
  });
  it('walks modules and members in pre-order with qualified names', () => {
    const root = new ModuleBase();
    const shared = new Leaf();
    root._modules.set('x', shared);
    root._modules.set('y', shared);
    expect([...root.named_modules()].map(([n]) => n)).toStrictEqual(['', 'x']);
    expect([...root.named_modules(null, 'p', false)].map(([n]) => n)).toStrictEqual(['p', 'p.x', 'p.y']);
    expect([...root.named_parameters()].map(([n]) => n)).toStrictEqual(['x.w']);
    expect([...root.named_parameters({ remove_duplicate: false })].map(([n]) => n)).toStrictEqual(['x.w', 'y.w']);
    expect([...root.named_parameters('', false)]).toStrictEqual([]);
    expect([...root.named_children()].map(([n]) => n)).toStrictEqual(['x']);
  });
  it('deleting a missing attribute raises AttributeError', () => {
    const m = new ModuleBase() as unknown as Record<string, unknown>;
    expect(() => delete m.nothing).toThrow(AttributeError);
  });
  it('Parameter: shares storage, is a leaf, and rejects integer data that requires grad', () => {
    const t = zeros(2);
    const p = new Parameter(t);
    expect(p.untyped_storage()).toBe(t.untyped_storage());
    expect([p.requires_grad, p.is_leaf, new Parameter(t, false).requires_grad]).toStrictEqual([true, true, false]);
    // torch.nn.Parameter(torch.tensor([1])) in PyTorch 1.13:
    expect(() => new Parameter(zeros(1, { dtype: 'int64' }))).toThrow('Only Tensors of floating point and complex dtype can require gradients');
    expect(new Parameter().shape).toStrictEqual([0]);
  });
  it('registerHook honours prepend and flag dicts', () => {
    const d = new Map<number, string>();
    const flags = new Map<number, unknown>();
    registerHook(d, 'a');
    const hb = registerHook(d, 'b', { prepend: true, flags: [flags] });
    expect([...d.values()]).toStrictEqual(['b', 'a']);
    expect(flags.has(hb.id)).toBe(true);
    hb.remove();
    expect([...d.values()]).toStrictEqual(['a']);
    expect(flags.size).toBe(0);
  });
});
