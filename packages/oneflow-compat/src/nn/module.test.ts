/** OneFlow-specific Module behaviour (python/oneflow/nn/modules/module.py, OneFlow 1.0). */
import { describe, expect, it } from 'vitest';
import { Tensor as CoreTensor } from '@nncompat/core';
import * as flow from '../index.js';

const { nn } = flow;

describe('oneflow.nn.Module', () => {
  it('state_dict holds the Parameter objects (not detached) and _metadata {version: 1} per prefix', () => {
    const net = new nn.Sequential(new nn.Linear(2, 2), new nn.ReLU());
    const sd = net.state_dict();
    const lin = net.__getitem__(0) as flow.nn.Linear;
    expect(sd.get('0.weight')).toBe(lin.weight);
    expect((sd.get('0.weight') as CoreTensor).requires_grad).toBe(true);
    expect([...sd._metadata!.entries()]).toEqual([['', new Map([['version', 1]])], ['0', new Map([['version', 1]])], ['1', new Map([['version', 1]])]]);
    const sd2 = net.state_dict(null, 'pre.', true);
    expect([...sd2.keys()]).toEqual(['pre.0.weight', 'pre.0.bias']);
  });

  it('load_state_dict: missing/unexpected/size mismatch texts, non-strict result, metadata passed to hooks', () => {
    const lin = new nn.Linear(2, 2);
    const seen: unknown[] = [];
    lin._register_load_state_dict_pre_hook((_sd: Map<string, unknown>, prefix: string, meta: Map<string, unknown>) => {
      seen.push([prefix, meta.get('version')]);
    });
    const sd = lin.state_dict();
    expect(String(lin.load_state_dict(sd))).toBe('<All keys matched successfully>');
    expect(seen).toEqual([['', 1]]);
    expect(() => lin.load_state_dict({ weight: flow.zeros(2, 2), extra: flow.zeros(1) })).toThrow(
      'Error(s) in loading state_dict for Linear:\n\tMissing key(s) in state_dict: "bias". \n\tUnexpected key(s) in state_dict: "extra". ',
    );
    expect(() => lin.load_state_dict({ weight: flow.zeros(3, 2), bias: flow.zeros(2) })).toThrow(
      'size mismatch for weight: copying a param with shape oneflow.Size([3, 2]) from checkpoint, the shape in current model is oneflow.Size([2, 2]).',
    );
    expect(() => lin.load_state_dict({ weight: [[1, 2, 3]], bias: flow.zeros(2) })).toThrow(
      'size mismatch for weight: copying a param with shape (1, 3) from checkpoint',
    );
    expect(() => lin.load_state_dict({ weight: 3, bias: flow.zeros(2) })).toThrow("'int' object has no attribute 'shape'");
    const r = lin.load_state_dict({ weight: flow.ones(2, 2), extra: flow.zeros(1) }, false);
    // OneFlow passes strict=True to every _load_from_state_dict: the keys are still collected.
    expect(String(r)).toBe("_IncompatibleKeys(missing_keys=['bias'], unexpected_keys=['extra'])");
    expect(lin.weight.tolist()).toEqual([[1, 1], [1, 1]]);
  });

  it('local / global mismatch in load_state_dict', () => {
    const lin = new nn.Linear(2, 2);
    const p = new flow.placement('cpu', [0]);
    const g = new Map([['weight', flow.ones(2, 2).to_global(p, flow.sbp.broadcast)], ['bias', flow.zeros(2)]]);
    expect(() => lin.load_state_dict(g)).toThrow(
      'local / global mismatch for "weight":  param from checkpoint is global tensor, but the param in current model is local tensor. Maybe you need to convert your model to global.',
    );
  });

  it('attribute rules with OneFlow\'s texts (type(value) printed as a class)', () => {
    const m = new nn.Linear(2, 2) as unknown as Record<string, unknown> & flow.nn.Linear;
    expect(() => {
      m.weight = flow.ones(2, 2) as never;
    }).toThrow("cannot assign '<class 'oneflow.Tensor'>' as parameter 'weight' (nn.Parameter or None expected)");
    const outer = new nn.Sequential(new nn.ReLU());
    expect(() => {
      (outer as unknown as Record<string, unknown>)['0'] = 5;
    }).toThrow("cannot assign '<class 'int'>' as child module '0' (nn.Module or None expected)");
    m.register_buffer('buf', flow.zeros(1));
    expect(() => {
      m.buf = 'x';
    }).toThrow("cannot assign '<class 'str'>' as buffer 'buf' (Tensor or None expected)");
    expect(() => m.register_buffer('b2', 3 as never)).toThrow("cannot assign '<class 'int'>' object to buffer 'b2' (Tensor or None required)");
    expect(() => m.add_module('x', 3 as never)).toThrow("<class 'int'> is not a Module subclass");
    // str(KeyError) is the repr of its text.
    expect(() => m.register_parameter('a.b', null)).toThrow('\'parameter name can\\\'t contain "."\'');
    expect(() => m.add_module('forward', new nn.ReLU())).toThrow("attribute 'forward' already exists");
  });

  it('to_consistent is gone; to_global / to_local convert parameters and buffers', () => {
    const lin = new nn.Linear(2, 2);
    expect(() => lin.to_consistent()).toThrow('.to_consistent has been removed, please use .to_global instead');
    const w = lin.weight;
    lin.register_buffer('running', flow.zeros(2));
    const p = new flow.placement('cpu', [0]);
    lin.to_global(p, flow.sbp.broadcast);
    expect(lin.weight).not.toBe(w); // local → global makes new Parameters
    expect(lin.weight).toBeInstanceOf(nn.Parameter);
    expect(lin.weight.is_global).toBe(true);
    expect(lin.weight.requires_grad).toBe(true);
    expect((lin._buffers.get('running') as flow.Tensor).is_global).toBe(true);
    const w2 = lin.weight;
    lin.to_global(null, flow.sbp.split(0));
    expect(lin.weight).toBe(w2); // global → global keeps the Parameter
    expect(lin.weight.sbp.map(String)).toEqual(['oneflow.sbp.split(dim=0)']);
    lin.to_local();
    expect(lin.weight.is_local).toBe(true);
    const y = lin(flow.ones(1, 2));
    expect(y.shape).toEqual([1, 2]);
  });

  it('to(): only floating dtypes, errors as OneFlow', () => {
    const lin = new nn.Linear(2, 2);
    const w = lin.weight;
    lin.to(flow.float64);
    expect(lin.weight).toBe(w);
    expect(lin.weight.dtype).toBe(flow.float64);
    expect(() => lin.to(flow.int32)).toThrow('nn.Module.to only accepts floating point dtypes, but got desired dtype=oneflow.int32');
    expect(() => lin.to({} as never, 1, 2)).toThrow('Unsupported parameters in module.to');
    lin.to({ dtype: flow.float32 });
    expect(lin.weight.dtype).toBe(flow.float32);
  });

  it('_apply converts a shared tensor once; applied_dict can be passed', () => {
    const shared = new nn.Parameter(flow.ones(2));
    const a = new nn.Module();
    const b = new nn.Module();
    a.register_parameter('p', shared);
    b.register_parameter('p', shared);
    const root = new nn.Sequential(a, b);
    let calls = 0;
    root._apply((t) => {
      calls++;
      return t.double();
    });
    expect(calls).toBe(1);
    expect(a._parameters.get('p')).toBe(b._parameters.get('p'));
    expect(root._oneflow_internal_module_tensor_applied_dict__).toBe(null);
  });

  it('zero_grad keeps grads by default (set_to_none=False)', () => {
    const lin = new nn.Linear(2, 1);
    lin(flow.ones(1, 2)).sum().backward();
    lin.zero_grad();
    expect(lin.weight.grad!.tolist()).toEqual([[0, 0]]);
    lin.zero_grad(true);
    expect(lin.weight.grad).toBe(null);
  });

  it('named_modules/named_parameters have no remove_duplicate; _named_members de-duplicates', () => {
    const shared = new nn.ReLU();
    const seq = new nn.Sequential(shared, shared);
    expect([...seq.named_modules()].map(([n]) => n)).toEqual(['', '0']);
    const lin = new nn.Linear(2, 2);
    const named = [...lin._named_members((m) => m._parameters as Map<string, CoreTensor | null>, 'x')].map(([n]) => n);
    expect(named).toEqual(['x.weight', 'x.bias']);
    expect(() => new nn.Module()()).toThrow(expect.objectContaining({ name: 'NotImplementedError' }));
  });

  it('reprs: Linear, Conv2d, _shallow_repr, tensors and parameters print with oneflow dtypes', () => {
    const conv = new nn.Conv2d(3, 8, 3, { padding: 1, bias: false });
    expect(String(conv)).toBe('Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)');
    const seq = new nn.Sequential(conv);
    expect(seq._shallow_repr()).toBe('Sequential()');
    expect(String(flow.tensor([1.5, 2]))).toBe('tensor([1.5000, 2.0000], dtype=oneflow.float32)');
    expect(String(flow.tensor([1, 2]))).toBe('tensor([1, 2], dtype=oneflow.int64)');
    expect(String(new nn.Parameter(flow.tensor([1, 2], { dtype: flow.float32 })))).toBe('tensor([1., 2.], dtype=oneflow.float32, requires_grad=True)');
    const x = flow.tensor([1], { dtype: flow.float32 }).mul(2);
    expect(String(x)).toBe('tensor([2.], dtype=oneflow.float32)');
  });
});
