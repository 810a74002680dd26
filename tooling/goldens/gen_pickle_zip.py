#!/usr/bin/python3
"""Golden fixtures for the pickle and zip readers/writers of @nncompat/core.

Run with Debian's interpreter (it has torch 1.13):  /usr/bin/python3 tooling/goldens/gen_pickle_zip.py

Writes packages/core/fixtures/pickle/ and packages/core/fixtures/zip/. Every expected value is
produced by Python itself: `pickle.loads` of the same bytes (with a recording `find_class` for
classes our inert mode turns into placeholders), `zipfile` for archive metadata, and real
`torch.save` / `torch.load(weights_only=True)` for checkpoints and their error texts.

Expected values are encoded as tagged JSON (see `enc`), with `{"t": "ref", "id": n}` for a
container already seen, so shared and recursive structures are described exactly.
"""
import collections
import io
import json
import math
import os
import pickle
import struct
import sys
import zipfile
import zlib

import torch

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
PICKLE_DIR = os.path.join(ROOT, 'packages', 'core', 'fixtures', 'pickle')
ZIP_DIR = os.path.join(ROOT, 'packages', 'core', 'fixtures', 'zip')


class Recorded:
    """What our inert mode returns for a class it will not run: module, name, args, state."""

    def __init__(self, module, name, kind, args, kwargs=None):
        self.module, self.name, self.kind, self.args = module, name, kind, args
        self.kwargs = kwargs
        self.state = None

    def __setstate__(self, state):
        self.state = state


class RecordingGlobal:
    def __init__(self, module, name):
        self.module, self.name = module, name


def recording_unpickler(data, persistent=False):
    """pickle.Unpickler whose unknown globals record calls instead of running them."""

    class U(pickle.Unpickler):
        def find_class(self, module, name):
            if (module, name) == ('collections', 'OrderedDict'):
                return collections.OrderedDict
            if module in ('_codecs', 'builtins', '__builtin__') and name in ('encode', 'set', 'frozenset', 'bytearray'):
                return super().find_class(module, name)
            g = RecordingGlobal(module, name)
            return RecordingClass(g)

        def persistent_load(self, pid):
            return {'__persistent__': pid}

    return U(io.BytesIO(data)).load()


def RecordingClass(g):
    """A real class, so NEWOBJ/INST/OBJ (which need a type) record too."""

    class C:
        def __new__(cls, *args, **kwargs):
            return Recorded(g.module, g.name, 'new', list(args), kwargs if kwargs else None)

        def __reduce__(self):
            raise TypeError

    # REDUCE calls the class: record as 'reduce' there. The `new` path is taken by
    # NEWOBJ (cls.__new__) and by INST/OBJ through _instantiate (which calls cls(*args)).
    def call(*args):
        return Recorded(g.module, g.name, 'reduce', list(args))

    class Meta(type):
        def __call__(cls, *args, **kwargs):
            return call(*args)

    cls = Meta('C', (C,), {})
    cls._g = g
    return cls


def enc(v, seen=None):
    if seen is None:
        seen = {}
    if v is None:
        return {'t': 'none'}
    if isinstance(v, bool):
        return {'t': 'bool', 'v': v}
    if isinstance(v, int):
        return {'t': 'int', 'v': str(v)}
    if isinstance(v, float):
        if math.isnan(v):
            return {'t': 'float', 'v': 'nan'}
        if math.isinf(v):
            return {'t': 'float', 'v': 'inf' if v > 0 else '-inf'}
        if v == 0 and math.copysign(1, v) < 0:
            return {'t': 'float', 'v': '-0'}
        return {'t': 'float', 'v': v}
    if isinstance(v, str):
        # json escapes non-ASCII (lone surrogates included) as \\uXXXX, which JSON.parse restores.
        return {'t': 'str', 'v': v}
    if isinstance(v, bytes):
        return {'t': 'bytes', 'hex': v.hex()}
    if isinstance(v, bytearray):
        return {'t': 'bytearray', 'hex': bytes(v).hex()}
    if isinstance(v, type) and hasattr(v, '_g'):
        return {'t': 'global', 'module': v._g.module, 'name': v._g.name}
    if id(v) in seen:
        return {'t': 'ref', 'id': seen[id(v)]}
    seen[id(v)] = len(seen)
    me = seen[id(v)]
    if isinstance(v, collections.OrderedDict):
        return {'t': 'OrderedDict', 'id': me, 'items': [[enc(k, seen), enc(x, seen)] for k, x in v.items()],
                'attrs': {k: enc(x, seen) for k, x in vars(v).items()}}
    if isinstance(v, dict):
        return {'t': 'dict', 'id': me, 'items': [[enc(k, seen), enc(x, seen)] for k, x in v.items()]}
    if isinstance(v, list):
        return {'t': 'list', 'id': me, 'items': [enc(x, seen) for x in v]}
    if isinstance(v, tuple):
        return {'t': 'tuple', 'id': me, 'items': [enc(x, seen) for x in v]}
    if isinstance(v, frozenset):
        return {'t': 'frozenset', 'id': me, 'items': [enc(x, seen) for x in v]}
    if isinstance(v, set):
        return {'t': 'set', 'id': me, 'items': [enc(x, seen) for x in v]}
    if isinstance(v, Recorded):
        return {'t': 'object', 'id': me, 'module': v.module, 'name': v.name, 'kind': v.kind,
                'args': [enc(x, seen) for x in v.args],
                'kwargs': None if v.kwargs is None else [[enc(k, seen), enc(x, seen)] for k, x in v.kwargs.items()],
                'state': enc(v.state, seen)}
    raise TypeError(type(v))


def value_cases():
    shared = [1, 2]
    rec_list = []
    rec_list.append(rec_list)
    rec_dict = {}
    rec_dict['self'] = rec_dict
    od = collections.OrderedDict([('weight', 1), ('10', 2), ('2', 3)])
    od._metadata = collections.OrderedDict([('', {'version': 1}), ('fc', {'version': 2})])
    return {
        'scalars': [None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -2 ** 31, 2 ** 31 - 1, 2 ** 31,
                    2 ** 53 - 1, 2 ** 53, -(2 ** 53) + 1, -(2 ** 53), 2 ** 63, 2 ** 64, -(2 ** 70), 2 ** 1000],
        'floats': [0.0, -0.0, 1.5, -2.25, 0.1, 1e308, 5e-324, 1e-7, float('nan'), float('inf'), float('-inf')],
        'strings': ['', 'a', 'ünïcödé', '日本語', '😀 emoji', 'line\nbreak\\back', 'x' * 300, '\x00\x7f\x80'],
        'bytes': [b'', b'\x00\xff', bytes(range(256)), b'y' * 300],
        'bytearray': bytearray(b'\x01\x02\xfe'),
        'nested': {'a': [1, (2, 3), {'b': None}], 'c': (), 'd': [], 'e': {}, 1: 'int key', -5: (1.5,),
                   'tuples': [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4)]},
        'sets': [{1, 2, 3}, frozenset({'a', 'b'}), set(), frozenset()],
        'shared': [shared, shared, (shared,), {'k': shared}],
        'recursive_list': rec_list,
        'recursive_dict': rec_dict,
        # Just over the pickler's batch size of 1000 (APPENDS/SETITEMS split in two).
        'big_list': list(range(1003)),
        'big_dict': {('k%d' % i): i for i in range(1002)},
        'ordered_dict': od,
    }


def write_values():
    manifest = []
    for name, value in value_cases().items():
        expected = None
        files = []
        for proto in range(0, 6):
            data = pickle.dumps(value, protocol=proto)
            fname = '%s.p%d.pkl' % (name, proto)
            with open(os.path.join(PICKLE_DIR, fname), 'wb') as f:
                f.write(data)
            files.append(fname)
            # The expected value is what Python reads back from these exact bytes; it is the
            # same for every protocol, so it is stored once.
            got = enc(pickle.loads(data))
            assert expected is None or got == expected, (name, proto)
            expected = got
        manifest.append({'name': name, 'files': files, 'expected': expected})
    return manifest


def op(*parts):
    return b''.join(p if isinstance(p, bytes) else bytes(p) for p in parts)


def crafted_cases():
    """Opcodes Python 3's pickler never emits (Python 2 strings, INST/OBJ, DUP, PERSID...),
    written by hand per pickletools' opcode table; expected values come from pickle.loads."""
    c = {}
    c['py2_strings'] = b"(S'ab'\nU\x03cdeT\x02\x00\x00\x00fgt."
    c['text_ints_floats'] = b"(I42\nI01\nI00\nL12345678901234567890L\nF1.25\nF-inf\nF1e+300\nt."
    c['unicode_raw_escape'] = b'(V\\u00e9t\\u00e9\\U0001f600\nVa\\\\b\nt.'
    c['dup_pop_popmark'] = b'(K\x01K\x02K\x030(K\x09K\x09\x31K\x04\x32l.'
    c['text_memo'] = b'(lp0\nI7\naI8\nag0\na.'
    c['long4'] = b'\x80\x02\x8b\x09\x00\x00\x00' + (2 ** 70 + 5).to_bytes(9, 'little', signed=True) + b'.'
    c['long1_negative'] = b'\x80\x02\x8a\x02\x00\xff.'
    c['binunicode8_binbytes8'] = (b'\x80\x04(\x8d' + struct.pack('<Q', 3) + b'abc\x8e' + struct.pack('<Q', 2) + b'\x01\x02t.')
    c['short_binbytes_binbytes'] = b'\x80\x03(C\x02hiB\x03\x00\x00\x00xyzt.'
    c['frame_memoize'] = (b'\x80\x04\x95' + struct.pack('<Q', 11) + b']\x94(K\x01K\x02h\x00e.')
    c['persid'] = b'(Pstorage_7\nX\x01\x00\x00\x00a\x85Qt.'
    c['inst_obj_newobj'] = (b"(ccopy_reg\n_reconstructor\n(cmymod\nThing\nc__builtin__\nobject\nNtR"
                            b"(imymod\nThing\n(cmymod\nOther\nK\x05o"
                            b"cmymod\nThird\n)\x81}X\x01\x00\x00\x00sK\x01sb"
                            b"\x8c\x05mymod\x8c\x06Fourth\x93K\x02\x85}\x8c\x02kwK\x03s\x92t.")
    c['bytearray8'] = b'\x80\x05\x96\x02\x00\x00\x00\x00\x00\x00\x00\xaa\xbb.'
    c['empty_set_additems_frozenset'] = b'\x80\x04\x8f(K\x01K\x02\x90(K\x03\x91\x86.'
    c['newobj_ex_ordered'] = b'\x80\x04\x8c\x0bcollections\x8c\x0bOrderedDict\x93)}\x92.'
    manifest = []
    for name, data in c.items():
        fname = 'crafted_%s.pkl' % name
        with open(os.path.join(PICKLE_DIR, fname), 'wb') as f:
            f.write(data)
        value = recording_unpickler(data)
        manifest.append({'file': fname, 'expected': enc(value)})
    return manifest


def error_cases():
    """Malformed pickles and the message CPython's C unpickler (pickle.loads) gives for each."""
    cases = [
        b'', b'\x80\x02', b'.', b'(.', b'e', b'a', b'0', b'1', b'2', b'x', b'\xff', b'\x00',
        b"'", b'h\x05.', b'j\x00\x01\x00\x00.', b'g7\n.', b'\x80\x06.', b'}(K\x01u.', b'(K\x01d.',
        b'X\xff\xff\xff\x7f', b'\x8d\xff\xff\xff\xff\xff\xff\xff\x7fabc', b'Q', b'N\x85Q.',
        b"S'abc\n.", b'Sabc\n.', b'\x8a\x02\x00', b'\x97.', b'\x82\x01.', b'\x82\x00.',
        b'\x8b\xff\xff\xff\xff.', b'T\xff\xff\xff\xff.', b'Fabc\n.', b'Iabc\n.', b'\x93.',
        b'K\x01K\x02\x93.', b')K\x01\x81.', b'(K\x01\x86.', b'K\x01(\x86.', b'(t(t\x86(\x85.',
        b'X\x02\x00\x00\x00\xff\xfe.', b'\x8c\x01\x80.', b'pm1\n.', b'K\x01p-1\n.',
        b'\x95\xff\x00\x00\x00\x00\x00\x00\x00N.', b'N]K\x01e.', b'K\x01(K\x02a.',
        b'I' + b'9' * 5000 + b'\n.', b']K\x01K\x02s.', b'}]K\x01s.',
        b'\x8f(K\x01]\x90.', b'(]\x91.', b'K\x01K\x01b.', b'(K\x01o.',
        b'K\x01)\x81.', b'K\x01\x85R.', b'N\x92.',
    ]
    manifest = []
    for data in cases:
        try:
            pickle.loads(data)
            raise AssertionError('expected an error for %r' % data)
        except AssertionError:
            raise
        except Exception as e:  # noqa: BLE001 - recording CPython's message is the point
            manifest.append({'hex': data.hex(), 'type': type(e).__name__, 'message': str(e)})
    return manifest


def torch_zip_with_pickle(pkl):
    """A torch.save zip whose data.pkl is replaced, to ask real torch.load what it says."""
    buf = io.BytesIO()
    torch.save({}, buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w') as z:
        for info in src.infolist():
            z.writestr(info.filename, pkl if info.filename.endswith('data.pkl') else src.read(info.filename))
    return out.getvalue()


def malicious_cases():
    c = {}
    c['os_system_global_reduce_p0'] = b"cos\nsystem\n(S'echo pwned'\ntR."
    c['os_system_global_reduce_p2'] = b"\x80\x02cos\nsystem\nX\n\x00\x00\x00echo pwned\x85R."
    c['posix_system_global'] = b"\x80\x02cposix\nsystem\nX\n\x00\x00\x00echo pwned\x85R."
    c['builtins_eval_stack_global'] = (b'\x80\x04\x8c\x08builtins\x8c\x04eval\x93\x8c\x0eprint("pwned")\x85R.')
    c['builtin_exec_inst'] = b"(S'print(1)'\ni__builtin__\nexec\n."
    c['posix_system_obj'] = b"(cposix\nsystem\nS'echo pwned'\no."
    c['os_system_newobj'] = b"\x80\x02cos\nsystem\nX\x01\x00\x00\x00x\x85\x81."
    c['nested_in_state_dict'] = (b"\x80\x02ccollections\nOrderedDict\n)R(X\x01\x00\x00\x00a"
                                 b"cos\nsystem\nX\x02\x00\x00\x00id\x85Ru.")
    c['getattr_chain'] = b"\x80\x02cbuiltins\ngetattr\ncbuiltins\n__import__\nX\x02\x00\x00\x00os\x85RX\x06\x00\x00\x00system\x86R."
    manifest = []
    for name, data in c.items():
        fname = 'malicious_%s.pkl' % name
        with open(os.path.join(PICKLE_DIR, fname), 'wb') as f:
            f.write(data)
        try:
            torch.load(io.BytesIO(torch_zip_with_pickle(data)), weights_only=True)
            err = None
        except Exception as e:  # noqa: BLE001 - we record whatever real torch says
            err = '%s: %s' % (type(e).__name__, e)
        # What our inert mode must return: the same bytes read with nothing resolvable.
        inert = enc(recording_unpickler(data))
        manifest.append({'file': fname, 'torch113_weights_only_error': err, 'inert': inert})
    return manifest


def zip_entries(data):
    z = zipfile.ZipFile(io.BytesIO(data))
    out = []
    for i in z.infolist():
        name_len, extra_len = struct.unpack('<HH', data[i.header_offset + 26:i.header_offset + 30])
        content = z.read(i.filename)
        out.append({'name': i.filename, 'method': i.compress_type, 'flags': i.flag_bits, 'crc32': i.CRC,
                    'compressedSize': i.compress_size, 'uncompressedSize': i.file_size,
                    'localHeaderOffset': i.header_offset,
                    'dataOffset': i.header_offset + 30 + name_len + extra_len,
                    'hex': content.hex() if len(content) <= 4096 else None})
    return {'comment': z.comment.hex(), 'entries': out}


def write_zips():
    torch.manual_seed(0)
    manifest = []

    def add(fname, data, extra=None):
        with open(os.path.join(ZIP_DIR, fname), 'wb') as f:
            f.write(data)
        m = {'file': fname, **zip_entries(data)}
        if extra:
            m.update(extra)
        manifest.append(m)

    model = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.BatchNorm1d(2))
    buf = io.BytesIO()
    torch.save(model.state_dict(), buf)
    data = buf.getvalue()
    pkl = zipfile.ZipFile(io.BytesIO(data)).read('archive/data.pkl')
    add('torch_state_dict.pt', data, {'data_pkl': enc(recording_unpickler(pkl, persistent=True))})

    path = os.path.join(ZIP_DIR, 'my_checkpoint.pt')
    obj = {'epoch': 3, 'w': torch.arange(6, dtype=torch.float64).reshape(2, 3).t(), 'names': ['a', 'b'],
           'half': torch.tensor([1.5, -2.0], dtype=torch.float16)}
    obj['view'] = obj['w'][1]
    torch.save(obj, path)
    with open(path, 'rb') as f:
        data = f.read()
    pkl = zipfile.ZipFile(io.BytesIO(data)).read('my_checkpoint/data.pkl')
    add('my_checkpoint.pt', data, {'data_pkl': enc(recording_unpickler(pkl, persistent=True))})

    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', compression=zipfile.ZIP_STORED) as z:
        for name, payload in [('top/a.bin', bytes(range(200))), ('top/b.txt', b'hello zip64\n')]:
            with z.open(zipfile.ZipInfo(name, (2020, 1, 2, 3, 4, 6)), 'w', force_zip64=True) as f:
                f.write(payload)
    add('python_zip64.zip', out.getvalue())

    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', compression=zipfile.ZIP_DEFLATED) as z:
        z.comment = b'an archive comment'
        # Fixed timestamps keep the fixture reproducible.
        z.writestr(zipfile.ZipInfo('folder/text.txt', (2020, 1, 2, 3, 4, 6)), ('deflate me ' * 50).encode(),
                   compress_type=zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo('folder/stored.bin', (2020, 1, 2, 3, 4, 6)), b'\x00\x01\x02',
                   compress_type=zipfile.ZIP_STORED)
    add('python_deflate_comment.zip', out.getvalue())

    add('hand_zip64_central.zip', hand_zip64_central())
    return manifest


def hand_zip64_central():
    """APPNOTE 4.5.3 layout written by hand: the central header's size and offset fields are
    0xFFFFFFFF with the real values in a zip64 extra field, and a zip64 end record; read back
    by zipfile below so the layout is what a real reader accepts."""
    name = b'z/data'
    payload = b'zip64 central directory fields'
    crc = zlib.crc32(payload)
    local = struct.pack('<IHHHHHIIIHH', 0x04034b50, 45, 0, 0, 0, 0, crc, len(payload), len(payload), len(name), 0) + name + payload
    extra = struct.pack('<HHQQQ', 1, 24, len(payload), len(payload), 0)
    central = struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 45, 45, 0, 0, 0, 0, crc, 0xFFFFFFFF, 0xFFFFFFFF,
                          len(name), len(extra), 0, 0, 0, 0, 0xFFFFFFFF) + name + extra
    cd_ofs = len(local)
    z64_ofs = cd_ofs + len(central)
    z64 = struct.pack('<IQHHIIQQQQ', 0x06064b50, 44, 45, 45, 0, 0, 1, 1, len(central), cd_ofs)
    loc = struct.pack('<IIQI', 0x07064b50, 0, z64_ofs, 1)
    eocd = struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    data = local + central + z64 + loc + eocd
    assert zipfile.ZipFile(io.BytesIO(data)).read('z/data') == payload
    return data


def main():
    if os.environ.get('PYTHONHASHSEED') != '0':
        # Set iteration order depends on string hashing: pin it so fixtures are reproducible.
        os.environ['PYTHONHASHSEED'] = '0'
        os.execv(sys.executable, [sys.executable] + sys.argv)
    os.makedirs(PICKLE_DIR, exist_ok=True)
    os.makedirs(ZIP_DIR, exist_ok=True)
    meta = {'python': sys.version.split()[0], 'torch': torch.__version__}
    with open(os.path.join(PICKLE_DIR, 'values.json'), 'w') as f:
        json.dump({**meta, 'cases': write_values()}, f, indent=None)
    with open(os.path.join(PICKLE_DIR, 'crafted.json'), 'w') as f:
        json.dump({**meta, 'cases': crafted_cases()}, f, indent=1)
    with open(os.path.join(PICKLE_DIR, 'malicious.json'), 'w') as f:
        json.dump({**meta, 'cases': malicious_cases()}, f, indent=1)
    with open(os.path.join(PICKLE_DIR, 'errors.json'), 'w') as f:
        json.dump({**meta, 'cases': error_cases()}, f, indent=1)
    with open(os.path.join(ZIP_DIR, 'zips.json'), 'w') as f:
        json.dump({**meta, 'cases': write_zips()}, f, indent=1)


if __name__ == '__main__':
    main()
