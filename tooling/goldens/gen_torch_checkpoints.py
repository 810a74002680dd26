"""Checkpoint fixtures written by real PyTorch (Debian's python3-torch), with expected contents.

Run: /usr/bin/python3 tooling/goldens/gen_torch_checkpoints.py
Writes packages/torch-compat/fixtures/checkpoints/<name>.pt and expected.json. Tensors are
described by dtype, shape, stride, storage offset, a storage id (equal ids = one storage), and
values (floats exact; float16/bfloat16 as raw bit patterns; int64 as numbers).
"""
import io
import json
import os
import struct
import zipfile
from collections import OrderedDict

import torch

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'packages', 'torch-compat', 'fixtures', 'checkpoints')
torch.manual_seed(0)


def bits(t):
    return t.contiguous().view(torch.int16).flatten().tolist()


def describe(obj, storages):
    """JSON description of a loaded object; storages maps storage data_ptr → id."""
    if isinstance(obj, torch.Tensor):
        st = obj.storage()
        key = (st.data_ptr(), st.dtype)
        sid = storages.setdefault(st.data_ptr(), len(storages))
        if obj.dtype in (torch.float16, torch.bfloat16):
            vals = [v & 0xffff for v in bits(obj)]
        elif obj.dtype == torch.bool:
            vals = [int(v) for v in obj.flatten().tolist()]
        else:
            vals = [float(v) if obj.is_floating_point() else int(v) for v in obj.flatten().tolist()]
        d = {'t': 'tensor', 'dtype': str(obj.dtype).replace('torch.', ''), 'shape': list(obj.shape),
             'stride': list(obj.stride()), 'offset': obj.storage_offset(), 'storage': sid,
             'storage_size': st.size(), 'values': vals, 'requires_grad': obj.requires_grad,
             'parameter': isinstance(obj, torch.nn.Parameter)}
        return d
    if isinstance(obj, torch.Size):
        return {'t': 'size', 'items': list(obj)}
    if isinstance(obj, torch.device):
        return {'t': 'device', 'type': obj.type, 'index': obj.index}
    if isinstance(obj, torch.dtype):
        return {'t': 'dtype', 'name': str(obj).replace('torch.', '')}
    if isinstance(obj, OrderedDict):
        d = {'t': 'ordereddict', 'items': [[k, describe(v, storages)] for k, v in obj.items()]}
        md = getattr(obj, '_metadata', None)
        if md is not None:
            d['metadata'] = [[k, dict(v)] for k, v in md.items()]
        return d
    if isinstance(obj, dict):
        return {'t': 'dict', 'items': [[describe(k, storages), describe(v, storages)] for k, v in obj.items()]}
    if isinstance(obj, list):
        return {'t': 'list', 'items': [describe(v, storages) for v in obj]}
    if isinstance(obj, tuple):
        return {'t': 'tuple', 'items': [describe(v, storages) for v in obj]}
    if isinstance(obj, (set, frozenset)):
        return {'t': 'set', 'items': sorted((describe(v, storages) for v in obj), key=lambda e: json.dumps(e, sort_keys=True))}
    if isinstance(obj, bool):
        return {'t': 'bool', 'v': obj}
    if isinstance(obj, int):
        return {'t': 'int', 'v': obj if abs(obj) < 2**53 else str(obj)}
    if isinstance(obj, float):
        return {'t': 'float', 'v': obj if obj == obj and abs(obj) != float('inf') else str(obj)}
    if isinstance(obj, str):
        return {'t': 'str', 'v': obj}
    if obj is None:
        return {'t': 'none'}
    raise TypeError(type(obj))


def all_dtypes():
    d = OrderedDict()
    d['f32'] = torch.randn(2, 3)
    d['f64'] = torch.randn(3, dtype=torch.float64)
    d['f16'] = torch.randn(4).half()
    d['bf16'] = torch.randn(4).bfloat16()
    d['i8'] = torch.tensor([-128, 0, 127], dtype=torch.int8)
    d['u8'] = torch.tensor([0, 1, 255], dtype=torch.uint8)
    d['i16'] = torch.tensor([-32768, 7, 32767], dtype=torch.int16)
    d['i32'] = torch.tensor([-2**31, 5, 2**31 - 1], dtype=torch.int32)
    d['i64'] = torch.tensor([-(2**53) + 1, 0, 2**53 - 1], dtype=torch.int64)
    d['bool'] = torch.tensor([True, False, True])
    d['scalar'] = torch.tensor(3.5)
    d['empty'] = torch.zeros(0, 4)
    return d


def shared_views():
    base = torch.arange(12, dtype=torch.float32).reshape(3, 4)
    return {'base': base, 'row': base[1], 'transposed': base.t(), 'strided': base[:, ::2], 'narrow': base[1:3, 1:3],
            'other': torch.ones(2)}


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(4, 3)
        self.bn = torch.nn.BatchNorm1d(3)
        self.fc2 = torch.nn.Linear(3, 2)

    def forward(self, x):
        return self.fc2(torch.relu(self.bn(self.fc1(x))))


def training_checkpoint():
    torch.manual_seed(1)
    net = Net()
    opt = torch.optim.Adam(net.parameters(), lr=0.01)
    x = torch.randn(8, 4)
    for _ in range(3):
        opt.zero_grad()
        net(x).pow(2).mean().backward()
        opt.step()
    net.eval()
    out = net(x).detach()
    return net, {'model': net.state_dict(), 'optimizer': opt.state_dict(), 'epoch': 3, 'loss': 0.25}, x, out


def nested():
    t = torch.randn(2)
    return {'list': [t, {'inner': t * 2}], 'tuple': (1, 2.5, 'text', None, True, False), 'size': torch.Size([2, 3]),
            'device': torch.device('cpu'), 'dtype': torch.float32, 'big': 2**60, 'neg': -7, 'unicode': 'héllo ✓',
            'set': {1, 2, 3}, 'same_tensor_twice': [t, t], 7: 'int key', 'nan': float('nan')}


def write(name, obj, **kw):
    path = os.path.join(OUT, name)
    torch.save(obj, path, **kw)
    return path


def malicious_zip(name, pickle_bytes):
    """A zip laid out like torch.save's whose data.pkl names a dangerous global."""
    path = os.path.join(OUT, name)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_STORED) as z:
        z.writestr('archive/data.pkl', pickle_bytes)
        z.writestr('archive/version', '3\n')
    return path


class OsSystem:
    def __reduce__(self):
        return (os.system, ('echo pwned > /tmp/nncompat_pwned',))


class Eval:
    def __reduce__(self):
        import builtins
        return (builtins.eval, ('__import__("os").system("echo pwned")',))


def main():
    os.makedirs(OUT, exist_ok=True)
    expected = {'torch_version': torch.__version__, 'files': {}}

    def record(name, loaded, extra=None):
        storages = {}
        entry = {'value': describe(loaded, storages)}
        if extra:
            entry.update(extra)
        expected['files'][name] = entry

    d = all_dtypes()
    for fmt, kw in [('zip', {}), ('legacy', {'_use_new_zipfile_serialization': False})]:
        write(f'{fmt}_all_dtypes.pt', d, **kw)
        record(f'{fmt}_all_dtypes.pt', torch.load(os.path.join(OUT, f'{fmt}_all_dtypes.pt')))
        write(f'{fmt}_shared_views.pt', shared_views(), **kw)
        record(f'{fmt}_shared_views.pt', torch.load(os.path.join(OUT, f'{fmt}_shared_views.pt')))
        write(f'{fmt}_nested.pt', nested(), **kw)
        record(f'{fmt}_nested.pt', torch.load(os.path.join(OUT, f'{fmt}_nested.pt')))
    for proto in (3, 4, 5):
        write(f'zip_protocol{proto}.pt', shared_views(), pickle_protocol=proto)
        record(f'zip_protocol{proto}.pt', torch.load(os.path.join(OUT, f'zip_protocol{proto}.pt')))

    net, ckpt, x, out = training_checkpoint()
    write('training_checkpoint.pt', ckpt)
    record('training_checkpoint.pt', torch.load(os.path.join(OUT, 'training_checkpoint.pt')),
           {'input': x.flatten().tolist(), 'input_shape': list(x.shape), 'eval_output': out.flatten().tolist()})
    write('parameters_keep_vars.pt', net.state_dict(keep_vars=True))
    record('parameters_keep_vars.pt', torch.load(os.path.join(OUT, 'parameters_keep_vars.pt')))

    # A folder name other than "archive" (torch uses the file stem when saving to a path in some versions).
    buf = io.BytesIO()
    torch.save({'w': torch.arange(3.0)}, buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(os.path.join(OUT, 'renamed_folder.pt'), 'w', zipfile.ZIP_STORED) as z:
        for info in src.infolist():
            z.writestr(info.filename.replace('archive/', 'my_model/'), src.read(info.filename))
    record('renamed_folder.pt', torch.load(os.path.join(OUT, 'renamed_folder.pt')))

    # Malicious pickles: torch.load(weights_only=True) must refuse them without calling anything.
    mal = {}
    for name, obj in [('malicious_os_system.pt', {'x': OsSystem()}), ('malicious_builtins_eval.pt', {'x': Eval()})]:
        write(name, obj)
        try:
            torch.load(os.path.join(OUT, name), weights_only=True)
            raise SystemExit(f'{name} loaded under weights_only')
        except Exception as e:  # noqa: BLE001
            mal[name] = {'type': type(e).__name__, 'message': str(e)}
    exec_pickle = b"\x80\x02c__builtin__\nexec\nq\x00X\x0e\x00\x00\x00print('pwned')q\x01\x85q\x02Rq\x03."
    malicious_zip('malicious_builtin_exec.pt', exec_pickle)
    try:
        torch.load(os.path.join(OUT, 'malicious_builtin_exec.pt'), weights_only=True)
        raise SystemExit('exec loaded')
    except Exception as e:  # noqa: BLE001
        mal['malicious_builtin_exec.pt'] = {'type': type(e).__name__, 'message': str(e)}
    expected['malicious'] = mal
    with open(os.path.join(OUT, 'expected.json'), 'w') as f:
        json.dump(expected, f, indent=1, sort_keys=False)


if __name__ == '__main__':
    main()
