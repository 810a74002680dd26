/**
 * Byte-level checks of every OneFlow format against fixtures written with CPython's pickle,
 * numpy and protobuf by tooling/goldens/gen_oneflow_fixtures.py (which follows
 * check_point_v2.py, not this package), plus files written by real OneFlow (its test data).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pickle, Tensor as CoreTensor, DTYPES, OrderedDict } from '@nncompat/core';
import * as flow from '../index.js';
import { _reset_tensor_ids } from './pickling.js';
import { NumpyArray } from './numpy.js';
import { parseMeta, writeMeta } from './meta.js';
import { EXPECTED, describeTensor, fixture, fixtureBytes, type ExpectedTensor } from './fixtures.test-util.js';

function fromExpected(e: ExpectedTensor): CoreTensor {
  const d = DTYPES[e.dtype];
  const data = e.dtype === 'float16' ? new Uint16Array(e.values)
    : e.dtype === 'bool' || e.dtype === 'uint8' ? new Uint8Array(e.values)
      : e.dtype === 'int8' ? new Int8Array(e.values)
        : e.dtype === 'int16' ? new Int16Array(e.values)
          : e.dtype === 'int32' ? new Int32Array(e.values)
            : e.dtype === 'float32' ? new Float32Array(e.values) : new Float64Array(e.values);
  return CoreTensor.fromHost(data, e.shape, d);
}

function linearFixture(): flow.nn.Linear {
  const lin = new flow.nn.Linear(3, 2);
  flow.no_grad(() => {
    lin.weight.copy_(fromExpected(EXPECTED.linear!.weight!));
    lin.bias!.copy_(fromExpected(EXPECTED.linear!.bias!));
  });
  return lin;
}

function filesUnder(dir: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) for (const [k, v] of filesUnder(p, `${prefix}${f}/`)) out.set(k, v);
    else out.set(prefix + f, readFileSync(p).toString('hex'));
  }
  return out;
}

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'oneflow-'));
  _reset_tensor_ids();
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('single-file pickle (protocol 4, {"protocol_version": 1, "__oneflow__": None, "data": obj})', () => {
  it('a state dict saves byte-identical to the CPython-built fixture and loads back', () => {
    const bytes = flow.save(linearFixture().state_dict(), join(tmp, 'sd.of'));
    expect(Buffer.from(bytes).equals(Buffer.from(fixtureBytes('state_dict.of')))).toBe(true);
    expect(Buffer.from(readFileSync(join(tmp, 'sd.of'))).equals(Buffer.from(bytes))).toBe(true);
    const sd = flow.load(fixture('state_dict.of')) as OrderedDict<string, CoreTensor>;
    expect(sd).toBeInstanceOf(OrderedDict);
    expect([...sd.keys()]).toEqual(['weight', 'bias']);
    expect(sd.get('weight')).toBeInstanceOf(flow.nn.Parameter);
    expect(describeTensor(sd.get('weight')!)).toEqual(EXPECTED.linear!.weight);
    expect(describeTensor(sd.get('bias')!)).toEqual(EXPECTED.linear!.bias);
    // ArgsTree.map_leaf rebuilds the OrderedDict: `_metadata` does not survive oneflow.load.
    expect(sd._metadata).toBeUndefined();
  });

  it('a whole Linear module saves byte-identical and loads into oneflow-compat\'s Linear', () => {
    const bytes = flow.save(linearFixture(), null);
    expect(Buffer.from(bytes).equals(Buffer.from(fixtureBytes('module_linear.of')))).toBe(true);
    const m = flow.load(fixture('module_linear.of')) as flow.nn.Linear;
    expect(m).toBeInstanceOf(flow.nn.Linear);
    expect(String(m)).toBe('Linear(in_features=3, out_features=2, bias=True)');
    expect(describeTensor(m.weight)).toEqual(EXPECTED.linear!.weight);
    const x = flow.tensor([[1, 2, 3]], { dtype: flow.float32 });
    expect(m(x).tolist()).toEqual(linearFixture()(x).tolist());
    expect(m.training).toBe(true);
    expect(m._forward_hooks.size).toBe(0);
  });

  it('a Sequential(Linear, ReLU, Linear) round-trips byte-identically', () => {
    const seq = new flow.nn.Sequential(linearFixture(), new flow.nn.ReLU(), new flow.nn.Linear(2, 1));
    const last = seq.__getitem__(2) as flow.nn.Linear;
    flow.no_grad(() => {
      last.weight.copy_(fromExpected(EXPECTED.sequential!['2.weight']!));
      last.bias!.copy_(fromExpected(EXPECTED.sequential!['2.bias']!));
    });
    expect(Buffer.from(flow.save(seq)).equals(Buffer.from(fixtureBytes('module_sequential.of')))).toBe(true);
    const loaded = flow.load(fixture('module_sequential.of')) as flow.nn.Sequential;
    expect(String(loaded)).toBe(String(seq));
    const sd = loaded.state_dict();
    for (const [k, e] of Object.entries(EXPECTED.sequential!)) expect(describeTensor(sd.get(k) as CoreTensor)).toEqual(e);
  });

  it('nested data: every numpy-backed dtype, a shared tensor, a scalar, an empty tensor, tuples', () => {
    const tensors = new Map<string, CoreTensor>();
    for (const k of EXPECTED.order.nested) tensors.set(k, fromExpected(EXPECTED.nested![k]!));
    const shared = tensors.get('t_f32')!;
    const obj = new Map<string, unknown>([
      ['tensors', tensors],
      ['list', [shared, 1, new pickle.PyFloat(2.5), 'text', null, true]],
      ['tuple', pickle.tuple(shared, pickle.tuple(1, 2))],
      ['epoch', 3],
    ]);
    expect(Buffer.from(flow.save(obj)).equals(Buffer.from(fixtureBytes('nested.of')))).toBe(true);
    const back = flow.load(fixture('nested.of')) as Map<string, unknown>;
    const bt = back.get('tensors') as Map<string, CoreTensor>;
    for (const [k, e] of Object.entries(EXPECTED.nested!)) expect(describeTensor(bt.get(k)!)).toEqual(e);
    const list = back.get('list') as unknown[];
    expect(list.slice(1)).toEqual([1, 2.5, 'text', null, true]);
    expect(list[0]).toBe(bt.get('t_f32'));
    expect(pickle.isTuple(back.get('tuple'))).toBe(true);
  });

  it('global tensors need global_dst_rank (OneFlow\'s assertion), then save as their local value', () => {
    const g = flow.ones(2).to_global(new flow.placement('cpu', [0]), flow.sbp.broadcast);
    expect(() => flow.save(g)).toThrow('Please set global_dst_rank in `flow.save` to save global tensor');
    const back = flow.load(flow.save(g, null, { global_dst_rank: 0 })) as flow.Tensor;
    expect(back.is_global).toBe(false);
    expect(back.tolist()).toEqual([1, 1]);
    expect(() => flow.save(g, null, { global_dst_rank: 1 })).toThrow('out of range (expected to be in range of [0, 1), but got 1).');
  });
});

describe('numpy ndarray pickles', () => {
  it('writes the exact bytes numpy 1.24 pickles (so numpy reads ours) and reads numpy\'s', () => {
    const arrays = new Map<string, NumpyArray>();
    for (const k of EXPECTED.order.nested) arrays.set(k, NumpyArray.fromTensor(fromExpected(EXPECTED.nested![k]!)));
    const ours = pickle.dumps(arrays, { protocol: 4 });
    expect(Buffer.from(ours).equals(Buffer.from(fixtureBytes('numpy_arrays.pkl')))).toBe(true);
    const theirs = flow.serialization.unpickle(fixtureBytes('numpy_arrays.pkl')) as Map<string, NumpyArray>;
    for (const [k, e] of Object.entries(EXPECTED.nested!)) expect(describeTensor(theirs.get(k)!.toTensor())).toEqual(e);
  });
  it('reads big-endian and Fortran-ordered arrays', () => {
    const m = flow.serialization.unpickle(fixtureBytes('numpy_exotic.pkl')) as Map<string, NumpyArray>;
    for (const [k, e] of Object.entries(EXPECTED.numpy_exotic!)) expect(describeTensor(m.get(k)!.toTensor())).toEqual(e);
  });
});

describe('meta files (VariableMetaInfo in protobuf text format)', () => {
  it('writes what text_format.MessageToString writes and parses it back', () => {
    for (const m of Object.values(EXPECTED.meta)) {
      expect(writeMeta(m.shape, DTYPES[m.dtype])).toBe(m.text);
      const p = parseMeta(m.text);
      expect(p.shape).toEqual(m.shape);
      expect(p.dtype).toBe(DTYPES[m.dtype]);
    }
    expect(() => parseMeta('data_type: kFloat\n')).toThrow('missing required field shape');
    expect(() => parseMeta('shape {\n}\ndata_type: kComplex64\n')).toThrow('kComplex64');
  });
});

describe('directory form (save_as_external_data)', () => {
  it('writes pickled_data + tensor_<n>/{out,meta} identical to the fixture directory, and loads it', () => {
    flow.save(linearFixture().state_dict(), join(tmp, 'dir'), { save_as_external_data: true });
    expect(filesUnder(join(tmp, 'dir'))).toEqual(filesUnder(fixture('state_dict_dir')));
    const sd = flow.load(fixture('state_dict_dir')) as OrderedDict<string, CoreTensor>;
    expect(describeTensor(sd.get('weight')!)).toEqual(EXPECTED.linear!.weight);
    expect(describeTensor(sd.get('bias')!)).toEqual(EXPECTED.linear!.bias);
    expect(sd.get('bias')).toBeInstanceOf(flow.nn.Parameter);
  });
  it('loads directories written by real OneFlow (its test data: a Conv2d module and its params)', () => {
    const conv = flow.load(fixture('oneflow_repo/3x3_i3o3_conv2d')) as flow.nn.Conv2d;
    expect(conv).toBeInstanceOf(flow.nn.Conv2d);
    expect(String(conv)).toBe('Conv2d(3, 3, kernel_size=(3, 3), stride=(1, 1))');
    expect(conv.weight.shape).toEqual([3, 3, 3, 3]);
    const params = flow.load(fixture('oneflow_repo/3x3_i3o3_conv2d_params')) as OrderedDict<string, CoreTensor>;
    expect([...params.keys()]).toEqual(['weight', 'bias']);
    expect(params.get('weight')!.tolist()).toEqual(conv.weight.tolist());
    expect(params.get('bias')!.tolist()).toEqual(conv.bias!.tolist());
    expect(params._metadata).toBeInstanceOf(Map);
    const y = conv(flow.ones(1, 3, 3, 3));
    expect(y.shape).toEqual([1, 3, 1, 1]);
  });
  it("map_location must be a str or placement for directories (OneFlow's assertion)", () => {
    expect(() => flow.load(fixture('state_dict_dir'), { map_location: (t) => t })).toThrow("'map_location' only supports str, device or placement.");
  });
});

describe('legacy snapshot directory (<name>/out, <name>/meta, snapshot_done)', () => {
  it('loads every variable, warning about entries without data', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const d = flow.load(fixture('legacy_snapshot')) as Map<string, CoreTensor>;
    expect([...d.keys()].sort()).toEqual(['bias', 'step', 'weight']);
    for (const [k, e] of Object.entries(EXPECTED.legacy!)) expect(describeTensor(d.get(k)!)).toEqual(e);
    expect(warn.mock.calls.map((c) => String(c[0]))).toContainEqual(expect.stringContaining('no_data\' does not have valid tensor data. Please check it if it is unexpected.'));
    warn.mockRestore();
  });
  it('a directory with neither pickled_data nor snapshot_done fails OneFlow\'s assertion', () => {
    expect(() => flow.load(tmp)).toThrow(expect.objectContaining({ name: 'AssertionError' }));
  });
});

describe('PyTorch files and everything else', () => {
  it('reads a .pt written by real PyTorch 1.13 (through torch.load)', () => {
    const sd = flow.load(fixture('torch_state_dict.pt')) as OrderedDict<string, CoreTensor>;
    expect([...sd.keys()]).toEqual(['weight', 'bias']);
    expect(describeTensor(sd.get('weight')!)).toEqual(EXPECTED.linear!.weight);
    expect(String(sd.get('bias'))).toBe('tensor([ 0.2500, -1.5000], dtype=oneflow.float32)');
    expect(() => flow.load(fixture('torch_state_dict.pt'), { support_pytorch_format: false })).toThrow('Cannot load file');
  });
  it("anything else is OneFlow's 'Cannot load file' ValueError", () => {
    const p = fixture('not_a_checkpoint.txt');
    expect(() => flow.load(p)).toThrow(`Cannot load file "${p}"`);
    expect(() => flow.load(`${p.replace(/\/fixtures\//, '/fixtures/./')}`)).toThrow(`Cannot load file "${p}"`);
    expect(() => flow.load(join(tmp, 'missing.of'))).toThrow(expect.objectContaining({ name: 'ValueError' }));
    expect(() => flow.load(new Uint8Array([1, 2, 3]))).toThrow('Cannot load the data');
  });
  it('a pickle of an unregistered module class cannot be loaded; registering the class fixes it', () => {
    class MyNet extends flow.nn.Module {
      fc = new flow.nn.Linear(2, 2);
      override forward(x: flow.Tensor): flow.Tensor {
        return this.fc(x);
      }
    }
    const bytes = flow.save(new MyNet());
    expect(() => flow.load(bytes)).toThrow('Cannot load the data');
    flow.register_module_class(MyNet);
    const m = flow.load(bytes) as MyNet;
    expect(m).toBeInstanceOf(MyNet);
    expect(String(m)).toBe('MyNet(\n  (fc): Linear(in_features=2, out_features=2, bias=True)\n)');
  });
  it('map_location and global_src_rank', () => {
    const sd = flow.load(fixture('state_dict.of'), { map_location: 'cpu' }) as Map<string, CoreTensor>;
    expect(sd.get('weight')!.device).toBe('cpu');
    expect(() => flow.load(fixture('state_dict.of'), { map_location: 'cuda' })).toThrow('no CUDA device');
    const g = flow.load(fixture('state_dict.of'), { global_src_rank: 0 }) as Map<string, flow.Tensor>;
    expect(g.get('weight')!.is_global).toBe(true);
    expect(String(g.get('weight')!.placement)).toBe('oneflow.placement(type="cpu", ranks=[0])');
    expect(() => flow.load(fixture('state_dict.of'), { global_src_rank: 1 })).toThrow('needs rank(s) 1');
  });
});
