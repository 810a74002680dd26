#!/usr/bin/python3
"""Byte-exact fixtures of MXNet's NDArray list format (`.params`, `mx.nd.save`).

MXNet cannot be installed here, so the bytes are laid out field by field from the format rules
of MXNet 1.9's src/ndarray/ndarray.cc (NDArray::Save / NDArray::Load / LegacyLoad, the list
header of NDArray::Save(fo, data, names)), include/mxnet/tuple.h (Tuple::Save: int32 ndim +
int64 dims), include/mxnet/base.h (Context::Save: int32 dev_type + int32 dev_id), dmlc-core's
serializer.h (vector: uint64 count + items; string: uint64 length + bytes) and mshadow's
TypeFlag enum. Everything is little-endian, as MXNet writes host memory on x86/arm64.

Writes packages/gluon-compat/fixtures/ndarray-format/<case>.params and one manifest.json with,
per case, either the decoded content (names, arrays: dtype, shape, ctx, canonical host values:
float16/bfloat16 as raw uint16 bits, int64 as integers, bool as 0/1; null for MXNet's "none"
array) or the error text MXNet gives (its CHECK message), or, where MXNet reads what core
cannot hold, the clear error the reader must give.

Run: /usr/bin/python3 tooling/goldens/gen_mxnet_params.py
"""
import json
import os
import struct

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'packages', 'gluon-compat', 'fixtures', 'ndarray-format')

LIST_MAGIC = 0x112
V1, V2, V3 = 0xF993FAC8, 0xF993FAC9, 0xF993FACA
# mshadow TypeFlag -> (numpy dtype used for the bytes, core dtype name)
FLAGS = {
    0: ('<f4', 'float32'), 1: ('<f8', 'float64'), 2: ('<f2', 'float16'), 3: ('u1', 'uint8'),
    4: ('<i4', 'int32'), 5: ('i1', 'int8'), 6: ('<i8', 'int64'), 7: ('u1', 'bool'), 8: ('<i2', 'int16'),
    9: ('<u2', None), 10: ('<u4', None), 11: ('<u8', None), 12: ('<u2', 'bfloat16'),
}
CPU = (1, 0)
rng = np.random.RandomState(20240521)


def u32(v): return struct.pack('<I', v)
def i32(v): return struct.pack('<i', v)
def u64(v): return struct.pack('<Q', v)
def i64(v): return struct.pack('<q', v)


def tshape(dims):
    """Tuple<int64>::Save: int32 ndim, then int64 per dim."""
    return i32(len(dims)) + b''.join(i64(d) for d in dims)


def ctx_bytes(ctx):
    return i32(ctx[0]) + i32(ctx[1])


def values_for(flag, shape):
    """Random host values and their on-disk bytes; returns (json values, bytes)."""
    n = int(np.prod(shape)) if len(shape) else 1
    if flag in (0, 1):
        a = rng.standard_normal(n).astype(FLAGS[flag][0])
        return [float(x) for x in a], a.tobytes()
    if flag == 2:
        a = rng.standard_normal(n).astype('<f2')
        bits = a.view('<u2')
        return [int(x) for x in bits], a.tobytes()
    if flag == 12:
        # bfloat16 = upper half of a float32's bits (values chosen so the truncation is the value).
        f = rng.standard_normal(n).astype('<f4')
        bits = (f.view('<u4') >> 16).astype('<u2')
        return [int(x) for x in bits], bits.tobytes()
    if flag == 7:
        a = rng.randint(0, 2, n).astype('u1')
        return [int(x) for x in a], a.tobytes()
    if flag == 6:
        a = rng.randint(-1000, 1000, n).astype('<i8')
        if n >= 2:
            a[0], a[1] = 2**53 - 1, -(2**53 - 1)
        return [int(x) for x in a], a.tobytes()
    dt = np.dtype(FLAGS[flag][0])
    info = np.iinfo(dt)
    a = rng.randint(int(info.min), min(int(info.max), 2**62) + 1, n, dtype=np.int64).astype(dt)
    if n >= 2:
        a[0], a[1] = info.min, info.max
    return [int(x) for x in a], a.tobytes()


def arr_v2(shape, flag=0, ctx=CPU, magic=V2, stype=0):
    """NDArray::Save: magic, int32 stype, TShape, Context, int32 type flag, data."""
    vals, data = values_for(flag, shape)
    b = u32(magic) + i32(stype) + tshape(shape) + ctx_bytes(ctx) + i32(flag) + data
    return b, expect(shape, flag, ctx, vals, 2 if magic == V2 else 3)


def arr_v1(shape, flag=0, ctx=CPU):
    """V1 (LegacyLoad with NDARRAY_V1_MAGIC): magic, TShape (int64 dims), Context, type flag, data."""
    vals, data = values_for(flag, shape)
    return u32(V1) + tshape(shape) + ctx_bytes(ctx) + i32(flag) + data, expect(shape, flag, ctx, vals, 1)


def arr_v0(shape, flag=0, ctx=CPU):
    """Legacy: uint32 ndim (in place of a magic), uint32 dims, Context, type flag, data."""
    vals, data = values_for(flag, shape)
    b = u32(len(shape)) + b''.join(u32(d) for d in shape) + ctx_bytes(ctx) + i32(flag) + data
    return b, expect(shape, flag, ctx, vals, 0)


def expect(shape, flag, ctx, vals, version):
    return {'version': version, 'dtype': FLAGS[flag][1], 'shape': list(shape),
            'ctx': {'devType': ctx[0], 'devId': ctx[1]}, 'data': vals}


def nd_list(arrays, names, header=LIST_MAGIC, count=None, name_count=None):
    """NDArray::Save(fo, data, names): uint64 magic, uint64 reserved, vector<NDArray>, vector<string>."""
    b = u64(header) + u64(0) + u64(len(arrays) if count is None else count) + b''.join(arrays)
    b += u64(len(names) if name_count is None else name_count)
    for n in names:
        e = n.encode('utf-8')
        b += u64(len(e)) + e
    return b


cases = {}


def ok(name, parts, names, *, writer_exact=False, trailing=b''):
    arrays = [p[0] for p in parts]
    cases[name] = {'expect': {'names': names, 'arrays': [p[1] for p in parts]}, 'writer_exact': writer_exact}
    return write(name, nd_list(arrays, names) + trailing)


def bad(name, data, error):
    cases[name] = {'error': error}
    write(name, data)


def write(name, data):
    with open(os.path.join(OUT, name + '.params'), 'wb') as f:
        f.write(data)
    return data


INVALID = 'Invalid NDArray file format'
READ_DATA = 'Check failed: fi->Read(data): ' + INVALID
READ_KEYS = 'Check failed: fi->Read(keys): ' + INVALID


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        os.remove(os.path.join(OUT, f))
    # --- what MXNet 1.9 writes by default (V2, dense, cpu(0)); the writer must reproduce these bytes
    ok('v2_named_dict', [arr_v2((2, 3)), arr_v2((3,))], ['arg:dense0_weight', 'arg:dense0_bias'], writer_exact=True)
    ok('v2_unnamed_list', [arr_v2((4,)), arr_v2((1, 2, 2))], [], writer_exact=True)
    ok('v2_every_dtype', [arr_v2((2, 3), f) for f in (0, 1, 2, 3, 4, 5, 6, 7, 8, 12)],
       ['f%d' % f for f in (0, 1, 2, 3, 4, 5, 6, 7, 8, 12)], writer_exact=True)
    ok('v2_empty_shapes', [arr_v2((2, 0)), arr_v2((0,), 6), arr_v2((0, 3, 1), 2)], ['a', 'b', 'c'], writer_exact=True)
    ok('v2_empty_list', [], [], writer_exact=True)
    ok('v2_unicode_names', [arr_v2((1,)), arr_v2((1,))], ['größe', '权重'], writer_exact=True)
    ok('v2_high_rank', [arr_v2((1, 2, 1, 2, 1, 2, 1))], ['r7'], writer_exact=True)
    ok('v2_contexts', [arr_v2((2,), 0, (2, 1)), arr_v2((2,), 0, (3, 0)), arr_v2((2,), 0, (5, 2))], ['gpu1', 'pinned', 'shared'], writer_exact=True)
    # --- V3 (np_shape semantics): 0-dim is a scalar, -1 dims are unknown ("none")
    ok('v3_scalar_and_arrays', [arr_v2((), 0, magic=V3), arr_v2((2, 2), 1, magic=V3), arr_v2((0,), 0, magic=V3)], ['s', 'm', 'e'], writer_exact=False)
    # --- V1 and legacy V0
    ok('v1_named', [arr_v1((3, 2)), arr_v1((), 4), arr_v1((5,), 2)], ['w', 'scalar', 'h'])
    ok('v1_every_dtype', [arr_v1((3,), f) for f in (0, 1, 2, 3, 4, 5, 6, 7, 8, 12)], [])
    ok('v0_legacy', [arr_v0((2, 2)), arr_v0((3,), 4), arr_v0((), 1), arr_v0((0, 2), 0)], ['a', 'b', 'c', 'd'])
    ok('mixed_versions', [arr_v0((2,)), arr_v1((2,)), arr_v2((2,)), arr_v2((2,), magic=V3)], [])
    ok('trailing_bytes_ignored', [arr_v2((2,))], ['x'], trailing=b'\x00garbage')
    # --- MXNet's "none" array (NDArray()): V2 ndim 0, V1/V3 with a -1 dim; nothing follows the shape
    none_v2 = u32(V2) + i32(0) + tshape(())
    none_v1 = u32(V1) + tshape((2, -1))
    none_v3 = u32(V3) + i32(0) + tshape((-1, 3))
    a = arr_v2((2,))
    cases['none_arrays'] = {'expect': {'names': [], 'arrays': [None, None, None, a[1]]}, 'writer_exact': False}
    write('none_arrays', nd_list([none_v2, none_v1, none_v3, a[0]], []))

    # --- corrupt files: MXNet's CHECK texts (src/ndarray/ndarray.cc NDArray::Load)
    good = nd_list([arr_v2((2, 3))[0], arr_v2((3,))[0]], ['w', 'b'])
    bad('empty_file', b'', 'Check failed: fi->Read(&header): ' + INVALID)
    bad('truncated_header', good[:5], 'Check failed: fi->Read(&header): ' + INVALID)
    bad('truncated_reserved', good[:12], 'Check failed: fi->Read(&reserved): ' + INVALID)
    bad('bad_list_magic', u64(0x113) + good[8:], 'Check failed: header == kMXAPINDArrayListMagic: ' + INVALID)
    bad('numpy_npz_magic', b'PK\x03\x04' + good[4:], 'Check failed: header == kMXAPINDArrayListMagic: ' + INVALID)
    bad('truncated_array_count', good[:20], READ_DATA)
    bad('truncated_in_shape', good[:16 + 8 + 4 + 4 + 4 + 8], READ_DATA)
    bad('truncated_in_data', good[:16 + 8 + 4 + 4 + 4 + 16 + 8 + 4 + 10], READ_DATA)
    bad('truncated_before_names', nd_list([arr_v2((2,))[0]], [])[:-8], READ_KEYS)
    bad('truncated_in_name', good[:-1], READ_KEYS)
    bad('huge_array_count', nd_list([arr_v2((2,))[0]], [], count=2**60), READ_DATA)
    bad('huge_name_count', nd_list([arr_v2((2,))[0]], [], name_count=2**62), READ_KEYS)
    bad('huge_name_length', nd_list([arr_v2((2,))[0]], [])[:-8] + u64(1) + u64(2**63), READ_KEYS)
    bad('name_count_mismatch', nd_list([arr_v2((2,))[0], arr_v2((2,))[0]], ['only_one']),
        'Check failed: keys->size() == 0 || keys->size() == data->size(): ' + INVALID)
    bad('huge_dims', nd_list([u32(V2) + i32(0) + tshape((2**40, 2**40)) + ctx_bytes(CPU) + i32(0)], []), READ_DATA)
    bad('huge_ndim', nd_list([u32(V2) + i32(0) + i32(2**30)], []), READ_DATA)
    bad('ndim_minus_one', nd_list([u32(V2) + i32(0) + i32(-1) + b'\0' * 64], []), READ_DATA)
    bad('ndim_below_minus_one', nd_list([u32(V2) + i32(0) + i32(-3)], []),
        'Check failed: ndim >= -1 (-3 vs. -1) : ndim cannot be less than -1, received -3')
    bad('v2_dim_minus_one', nd_list([u32(V2) + i32(0) + tshape((2, -1)) + ctx_bytes(CPU) + i32(0)], []),
        'Check failed: dim_size_is_known(*it): Shape dim size cannot be a negative value -1')
    bad('v2_negative_dim', nd_list([u32(V2) + i32(0) + tshape((2, -5)) + ctx_bytes(CPU) + i32(0)], []),
        'Check failed: dim_size >= -1 (-5 vs. -1) : shape dim size must be >= -1, while received -5')
    bad('v3_negative_dim', nd_list([u32(V3) + i32(0) + tshape((-7,)) + ctx_bytes(CPU) + i32(0)], []),
        'Check failed: dim_size >= -1 (-7 vs. -1) : shape dim size must be >= -1, while received -7')
    bad('legacy_huge_ndim', nd_list([u32(0x7000_0000)], []), READ_DATA)
    bad('unknown_type_flag', nd_list([u32(V2) + i32(0) + tshape((1,)) + ctx_bytes(CPU) + i32(13) + b'\0' * 8], []), 'Unknown type enum 13')
    bad('negative_type_flag', nd_list([u32(V2) + i32(0) + tshape((1,)) + ctx_bytes(CPU) + i32(-1) + b'\0' * 8], []), 'Unknown type enum -1')
    bad('unknown_storage_type', nd_list([u32(V2) + i32(5) + tshape((1,))], []), 'Unknown storage type5')
    # --- what MXNet reads but core cannot hold: clear errors naming the problem
    for flag, name in ((9, 'uint16'), (10, 'uint32'), (11, 'uint64')):
        b, _ = arr_v2((2,), flag)
        bad('unsupported_' + name, nd_list([b], ['x']), 'type flag %d (k%s, %s) is not supported' % (flag, name.capitalize(), name))
    rsp = u32(V2) + i32(1) + tshape((1, 2)) + tshape((3, 2)) + ctx_bytes(CPU) + i32(0) + i32(6) + tshape((1,)) + b'\0' * 16
    bad('sparse_row_sparse', nd_list([rsp], ['x']), 'sparse storage is not supported (storage type 1, row_sparse)')
    csr = u32(V2) + i32(2) + tshape((2,)) + tshape((2, 2))
    bad('sparse_csr', nd_list([csr], ['x']), 'sparse storage is not supported (storage type 2, csr)')
    bad('int64_beyond_2_53', nd_list([u32(V2) + i32(0) + tshape((1,)) + ctx_bytes(CPU) + i32(6) + i64(2**53 + 1)], []),
        'int64 value 9007199254740993 at index 0 is beyond 2^53')
    bad('invalid_utf8_name', nd_list([arr_v2((1,))[0]], [])[:-8] + u64(1) + u64(2) + b'\xff\xfe', 'is not valid UTF-8')

    with open(os.path.join(OUT, 'manifest.json'), 'w') as f:
        json.dump({'generator': 'tooling/goldens/gen_mxnet_params.py', 'source': 'MXNet 1.9.1 src/ndarray/ndarray.cc format rules',
                   'cases': cases}, f, indent=1, ensure_ascii=False)
        f.write('\n')


if __name__ == '__main__':
    main()
