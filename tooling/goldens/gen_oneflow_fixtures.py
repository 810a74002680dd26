"""Byte-level fixtures of OneFlow 1.0's checkpoint formats, built from OneFlow's source rules.

OneFlow is not installable here, so this script re-creates exactly what
python/oneflow/framework/check_point_v2.py writes, with the real CPython pickle, numpy and
protobuf text_format (not with nncompat's code):
  * single file: pickle.dumps({"protocol_version": 1, "__oneflow__": None, "data": obj})
    (default protocol, 4 on Python 3.8+); a tensor reduces through object.__reduce_ex__ to
    copyreg.__newobj__(oneflow.Tensor) + BUILD tensor_getstate() = {"data": tensor.numpy(),
    "dtype": tensor.dtype, "device": "cpu"}; Parameter is class oneflow.nn.Parameter; a dtype
    (pybind11 py::pickle) is __newobj__(oneflow._oneflow_internal.dtype) + BUILD <DataType int>,
    one object per dtype (flow.float32 is a singleton); a Module is __newobj__(cls) + BUILD
    Module.__getstate__() (its __dict__ without hooks).
  * save_as_external_data: the same pickle (tensor state {"path": "tensor_<n>"}) in
    <dir>/pickled_data, plus <dir>/tensor_<n>/out (tensor.numpy().tobytes()) and
    <dir>/tensor_<n>/meta (text_format.MessageToString(VariableMetaInfo)).
  * legacy snapshot: <dir>/<name>/out + <dir>/<name>/meta + <dir>/snapshot_done.
Also: numpy's own pickles of arrays (to check nncompat writes and reads numpy's bytes), and a
PyTorch .pt written by real torch (oneflow.load reads those through torch.load).

Run: /usr/bin/python3 tooling/goldens/gen_oneflow_fixtures.py
"""
import copyreg
import json
import os
import pickle
import shutil
import sys
import types
from collections import OrderedDict

import numpy as np
import torch
from google.protobuf import descriptor_pb2, descriptor_pool, text_format
from google.protobuf import message_factory

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'packages', 'oneflow-compat', 'fixtures')

# ---- VariableMetaInfo from OneFlow's .proto files (data_type.proto, shape.proto, variable_meta_info.proto)
fdp = descriptor_pb2.FileDescriptorProto(name='oneflow_meta.proto', package='oneflow', syntax='proto2')
enum = fdp.enum_type.add(name='DataType')
for name, num in [('kInvalidDataType', 0), ('kChar', 1), ('kFloat', 2), ('kDouble', 3), ('kInt8', 4), ('kInt32', 5),
                  ('kInt64', 6), ('kUInt8', 7), ('kOFRecord', 8), ('kFloat16', 9), ('kTensorBuffer', 10),
                  ('kBFloat16', 11), ('kBool', 12), ('kUInt16', 13), ('kUInt32', 14), ('kUInt64', 15),
                  ('kUInt128', 16), ('kInt16', 17), ('kInt128', 18), ('kComplex32', 19), ('kComplex64', 20),
                  ('kComplex128', 21)]:
    enum.value.add(name=name, number=num)
shape_msg = fdp.message_type.add(name='ShapeProto')
shape_msg.field.add(name='dim', number=1, type=descriptor_pb2.FieldDescriptorProto.TYPE_INT64,
                    label=descriptor_pb2.FieldDescriptorProto.LABEL_REPEATED)
meta_msg = fdp.message_type.add(name='VariableMetaInfo')
meta_msg.field.add(name='shape', number=2, type=descriptor_pb2.FieldDescriptorProto.TYPE_MESSAGE,
                   type_name='.oneflow.ShapeProto', label=descriptor_pb2.FieldDescriptorProto.LABEL_REQUIRED)
meta_msg.field.add(name='data_type', number=3, type=descriptor_pb2.FieldDescriptorProto.TYPE_ENUM,
                   type_name='.oneflow.DataType', label=descriptor_pb2.FieldDescriptorProto.LABEL_REQUIRED)
pool = descriptor_pool.DescriptorPool()
pool.Add(fdp)
VariableMetaInfo = message_factory.MessageFactory(pool).GetPrototype(pool.FindMessageTypeByName('oneflow.VariableMetaInfo'))

# ---- stand-ins for OneFlow's classes, with OneFlow's module paths and pickling behaviour
flow = types.ModuleType('oneflow')
flow_nn = types.ModuleType('oneflow.nn')
flow_internal = types.ModuleType('oneflow._oneflow_internal')
mods = {}
for m in ['oneflow.nn.modules', 'oneflow.nn.modules.module', 'oneflow.nn.modules.linear',
          'oneflow.nn.modules.container', 'oneflow.nn.modules.activation']:
    mods[m] = types.ModuleType(m)
sys.modules.update({'oneflow': flow, 'oneflow.nn': flow_nn, 'oneflow._oneflow_internal': flow_internal, **mods})

DATA_TYPE = {'float32': 2, 'float64': 3, 'int8': 4, 'int32': 5, 'int64': 6, 'uint8': 7, 'float16': 9,
             'bool': 12, 'int16': 17}
NP_OF = {'float32': np.float32, 'float64': np.float64, 'int8': np.int8, 'int32': np.int32, 'int64': np.int64,
         'uint8': np.uint8, 'float16': np.float16, 'bool': bool, 'int16': np.int16}
PROTO_NAME = {2: 'kFloat', 3: 'kDouble', 4: 'kInt8', 5: 'kInt32', 6: 'kInt64', 7: 'kUInt8', 9: 'kFloat16',
              12: 'kBool', 17: 'kInt16'}


class dtype:
    """oneflow._oneflow_internal.dtype: pybind11 py::pickle(getstate=int(data_type))."""

    def __init__(self, name):
        self.name = name

    def __getstate__(self):
        return DATA_TYPE[self.name]

    def __setstate__(self, s):
        self.name = {v: k for k, v in DATA_TYPE.items()}[s]


dtype.__module__ = 'oneflow._oneflow_internal'
flow_internal.dtype = dtype
DTYPES = {n: dtype(n) for n in DATA_TYPE}  # singletons, as flow.float32

CONTEXT = {'external': False, 'path': None, 'next_id': 0}


class Tensor:
    def __init__(self, array):
        self.array = np.array(array, order='C', copy=True)  # ascontiguousarray would make 0-d arrays 1-d
        self.dtype_name = [k for k, v in NP_OF.items() if np.dtype(v) == self.array.dtype][0]

    def __getstate__(self):  # check_point_v2.tensor_getstate inside flow.save
        if CONTEXT['external']:
            rel = 'tensor_%d' % CONTEXT['next_id']
            CONTEXT['next_id'] += 1
            d = os.path.join(CONTEXT['path'], rel)
            os.makedirs(d, exist_ok=True)
            meta = VariableMetaInfo()
            meta.shape.dim[:] = self.array.shape
            meta.data_type = DATA_TYPE[self.dtype_name]
            with open(os.path.join(d, 'out'), 'wb') as f:
                f.write(self.array.tobytes())
            with open(os.path.join(d, 'meta'), 'w') as f:
                f.write(text_format.MessageToString(meta))
            return {'path': rel}
        return {'data': self.array.copy(), 'dtype': DTYPES[self.dtype_name], 'device': 'cpu'}


Tensor.__module__ = 'oneflow'
flow.Tensor = Tensor


class Parameter(Tensor):
    pass


Parameter.__module__ = 'oneflow.nn'
flow_nn.Parameter = Parameter


def module_state(extra):
    """OneFlow Module.__getstate__: __dict__ after __init__, hooks and the non-persistent set removed."""
    state = {'training': True, '_parameters': OrderedDict(), '_buffers': OrderedDict(), '_modules': OrderedDict(),
             '_is_ddp_module': False, '_oneflow_internal_module_tensor_applied_dict__': None, 'cpg': None}
    state.update(extra)
    return state


class Linear:
    def __init__(self, w, b):
        self.__dict__.update(module_state({'in_features': w.shape[1], 'out_features': w.shape[0],
                                           'use_fused_matmul_bias': False}))
        self._parameters['weight'] = Parameter(w)
        self._parameters['bias'] = Parameter(b) if b is not None else None

    def __getstate__(self):
        return dict(self.__dict__)


Linear.__module__ = 'oneflow.nn.modules.linear'
mods['oneflow.nn.modules.linear'].Linear = Linear


class ReLU:
    def __init__(self):
        self.__dict__.update(module_state({'inplace': False}))

    def __getstate__(self):
        return dict(self.__dict__)


ReLU.__module__ = 'oneflow.nn.modules.activation'
mods['oneflow.nn.modules.activation'].ReLU = ReLU


class Sequential:
    def __init__(self, *children):
        self.__dict__.update(module_state({}))
        for i, c in enumerate(children):
            self._modules[str(i)] = c

    def __getstate__(self):
        return dict(self.__dict__)


Sequential.__module__ = 'oneflow.nn.modules.container'
mods['oneflow.nn.modules.container'].Sequential = Sequential


def state_dict_of(linear, prefix='', dest=None):
    """Module.state_dict: the Parameter objects themselves, _metadata {prefix: {'version': 1}}."""
    if dest is None:
        dest = OrderedDict()
        dest._metadata = OrderedDict()
    dest._metadata[prefix[:-1]] = dict(version=1)
    for k, p in linear._parameters.items():
        if p is not None:
            dest[prefix + k] = p
    for name, child in linear._modules.items():
        state_dict_of(child, prefix + name + '.', dest)
    return dest


def flow_save(obj, path, external=False):
    CONTEXT.update(external=external, path=path, next_id=0)
    data = pickle.dumps({'protocol_version': 1, '__oneflow__': None, 'data': obj})
    if external:
        os.makedirs(path, exist_ok=True)
        with open(os.path.join(path, 'pickled_data'), 'wb') as f:
            f.write(data)
    else:
        with open(path, 'wb') as f:
            f.write(data)
    CONTEXT.update(external=False)
    return data


def values(a):
    if a.dtype == np.float16:
        return [int(v) for v in a.view(np.uint16).flatten()]
    if a.dtype == bool:
        return [int(v) for v in a.flatten()]
    return [float(v) if a.dtype.kind == 'f' else int(v) for v in a.flatten()]


def describe(a, dt):
    return {'dtype': dt, 'shape': list(a.shape), 'values': values(a)}


def main():
    # fixtures/oneflow_repo holds files written by real OneFlow (copied from its test data); keep it.
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        if name != 'oneflow_repo':
            p = os.path.join(OUT, name)
            shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
    expected = {}
    w = (np.arange(6, dtype=np.float32).reshape(2, 3) - 2.5) / 4
    b = np.array([0.25, -1.5], dtype=np.float32)
    lin = Linear(w, b)
    expected['linear'] = {'weight': describe(w, 'float32'), 'bias': describe(b, 'float32')}

    # 1. a state dict, single file
    flow_save(state_dict_of(lin), os.path.join(OUT, 'state_dict.of'))
    # 2. the whole module
    flow_save(lin, os.path.join(OUT, 'module_linear.of'))
    # 3. a Sequential(Linear, ReLU, Linear) module
    w2 = np.array([[1.0, -2.0]], dtype=np.float32)
    b2 = np.array([0.5], dtype=np.float32)
    seq = Sequential(Linear(w, b), ReLU(), Linear(w2, b2))
    flow_save(seq, os.path.join(OUT, 'module_sequential.of'))
    expected['sequential'] = {'0.weight': describe(w, 'float32'), '0.bias': describe(b, 'float32'),
                              '2.weight': describe(w2, 'float32'), '2.bias': describe(b2, 'float32')}
    # 4. nested data with every numpy-backed dtype, a shared tensor, a scalar and an empty tensor
    arrays = {
        'f32': np.array([[1.5, -2.0], [0.0, 3.25]], dtype=np.float32),
        'f64': np.array([1e-300, -2.5, 3.0], dtype=np.float64),
        'f16': np.array([1.0, -0.5, 65504.0], dtype=np.float16),
        'i8': np.array([-128, 0, 127], dtype=np.int8),
        'u8': np.array([0, 255], dtype=np.uint8),
        'i16': np.array([-32768, 7], dtype=np.int16),
        'i32': np.array([[-(2 ** 31), 2 ** 31 - 1]], dtype=np.int32),
        'i64': np.array([-(2 ** 53), 2 ** 53, 3], dtype=np.int64),
        'bool': np.array([True, False, True], dtype=bool),
        'scalar': np.array(7.5, dtype=np.float32),
        'empty': np.zeros((0, 3), dtype=np.float32),
    }
    # Keys are prefixed so none equals a string numpy writes ('i8', 'f4'): CPython memoizes
    # strings by identity, nncompat's pickler by value, so equal strings of different origin
    # would be written differently.
    arrays = {'t_' + k: v for k, v in arrays.items()}
    tensors = {k: Tensor(v) for k, v in arrays.items()}
    shared = tensors['t_f32']
    nested = {'tensors': tensors, 'list': [shared, 1, 2.5, 'text', None, True], 'tuple': (shared, (1, 2)),
              'epoch': 3}
    flow_save(nested, os.path.join(OUT, 'nested.of'))
    expected['order'] = {'nested': list(arrays.keys())}
    expected['nested'] = {k: describe(v, [n for n, t in NP_OF.items() if np.dtype(t) == v.dtype][0]) for k, v in arrays.items()}
    # 5. save_as_external_data directory
    flow_save(state_dict_of(lin), os.path.join(OUT, 'state_dict_dir'), external=True)
    # 6. legacy snapshot directory: <name>/out, <name>/meta, snapshot_done, plus an entry without data
    legacy = os.path.join(OUT, 'legacy_snapshot')
    for name, arr, dt in [('weight', w, 'float32'), ('bias', b, 'float32'), ('step', np.array([42], dtype=np.int64), 'int64')]:
        d = os.path.join(legacy, name)
        os.makedirs(d)
        meta = VariableMetaInfo()
        meta.shape.dim[:] = arr.shape
        meta.data_type = DATA_TYPE[dt]
        with open(os.path.join(d, 'out'), 'wb') as f:
            f.write(arr.tobytes())
        with open(os.path.join(d, 'meta'), 'w') as f:
            f.write(text_format.MessageToString(meta))
    # A variable directory without `out` (git keeps no empty directories, so it holds a meta):
    # OneFlow warns and skips it.
    os.makedirs(os.path.join(legacy, 'no_data'))
    with open(os.path.join(legacy, 'no_data', 'meta'), 'w') as f:
        f.write('shape {\n  dim: 1\n}\ndata_type: kFloat\n')
    open(os.path.join(legacy, 'snapshot_done'), 'w').close()
    expected['legacy'] = {'weight': describe(w, 'float32'), 'bias': describe(b, 'float32'),
                          'step': describe(np.array([42], dtype=np.int64), 'int64')}
    # 7. a PyTorch checkpoint of the same Linear, written by real torch
    tl = torch.nn.Linear(3, 2)
    with torch.no_grad():
        tl.weight.copy_(torch.from_numpy(w))
        tl.bias.copy_(torch.from_numpy(b))
    torch.save(tl.state_dict(), os.path.join(OUT, 'torch_state_dict.pt'))
    # test_save_load.py's PyTorch cases: a Conv2d(3, 3, 3) state dict, the same nested under
    # "weights", and a dict without tensors.
    torch.manual_seed(0)
    conv = torch.nn.Conv2d(3, 3, 3)
    torch.save(conv.state_dict(), os.path.join(OUT, 'torch_conv2d.pt'))
    torch.save({'weights': conv.state_dict()}, os.path.join(OUT, 'torch_conv2d_nested.pt'))
    torch.save({'a': 2}, os.path.join(OUT, 'torch_non_tensor.pt'))
    expected['torch_conv2d'] = {'weight': describe(conv.weight.detach().numpy(), 'float32'),
                                'bias': describe(conv.bias.detach().numpy(), 'float32')}
    # 8. something that is neither
    with open(os.path.join(OUT, 'not_a_checkpoint.txt'), 'w') as f:
        f.write('hello\n')
    # 9. numpy's own pickles (protocol 4) of arrays, one per dtype, plus a big-endian and a Fortran array
    np_cases = {k: v for k, v in arrays.items()}
    with open(os.path.join(OUT, 'numpy_arrays.pkl'), 'wb') as f:
        pickle.dump(np_cases, f, protocol=4)
    exotic = {'big_endian': np.array([1.0, 2.0], dtype='>f8'),
              'fortran': np.asfortranarray(np.arange(6, dtype=np.int32).reshape(2, 3))}
    with open(os.path.join(OUT, 'numpy_exotic.pkl'), 'wb') as f:
        pickle.dump(exotic, f, protocol=4)
    expected['numpy_exotic'] = {'big_endian': describe(exotic['big_endian'].astype('<f8'), 'float64'),
                                'fortran': describe(np.ascontiguousarray(exotic['fortran']), 'int32')}
    # 10. meta text of a scalar and of a float16 tensor, as text_format writes them
    metas = {}
    for key, shape, dt in [('scalar', (), 'float32'), ('f16', (2, 3), 'float16'), ('bool', (4,), 'bool')]:
        m = VariableMetaInfo()
        m.shape.dim[:] = shape
        m.data_type = DATA_TYPE[dt]
        metas[key] = {'shape': list(shape), 'dtype': dt, 'text': text_format.MessageToString(m)}
    expected['meta'] = metas
    with open(os.path.join(OUT, 'expected.json'), 'w') as f:
        json.dump(expected, f, indent=1, sort_keys=True)
    # Self-check: every oneflow pickle re-loads with the stand-in classes.
    for name in ['state_dict.of', 'module_linear.of', 'module_sequential.of', 'nested.of']:
        with open(os.path.join(OUT, name), 'rb') as f:
            content = pickle.load(f)
        assert content['protocol_version'] == 1 and '__oneflow__' in content, name


if __name__ == '__main__':
    main()
