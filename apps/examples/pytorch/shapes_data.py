"""The synthetic "shapes" dataset shipped in apps/examples/data/shapes.safetensors, read and written
without the safetensors package (not installed here): the format is an 8-byte little-endian
header length, a JSON header naming each tensor's dtype, shape and byte range, then the bytes.

Tensors: train_images uint8 [512, 1, 12, 12], train_labels int64 [512], test_images uint8
[128, 1, 12, 12], test_labels int64 [128]. Classes: 0 horizontal bar, 1 vertical bar,
2 diagonal line, 3 hollow square; random position, length, brightness and background noise.
"""
import json
import os
import struct

import torch

PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'shapes.safetensors')
DTYPES = {torch.uint8: 'U8', torch.int64: 'I64', torch.float32: 'F32'}
BY_NAME = {v: k for k, v in DTYPES.items()}


def save(tensors, path=PATH, metadata=None):
    header, chunks, offset = {}, [], 0
    if metadata:
        header['__metadata__'] = metadata
    for name, t in tensors.items():
        data = t.contiguous().numpy().tobytes()
        header[name] = {'dtype': DTYPES[t.dtype], 'shape': list(t.shape), 'data_offsets': [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(',', ':')).encode('utf-8')
    text += b' ' * (-len(text) % 8)  # the reference writer pads the header to 8 bytes
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(text)))
        f.write(text)
        for c in chunks:
            f.write(c)


def load(path=PATH):
    with open(path, 'rb') as f:
        raw = f.read()
    (n,) = struct.unpack('<Q', raw[:8])
    header = json.loads(raw[8:8 + n])
    header.pop('__metadata__', None)
    body = raw[8 + n:]
    out = {}
    for name, info in header.items():
        b, e = info['data_offsets']
        dtype = BY_NAME[info['dtype']]
        out[name] = torch.frombuffer(bytearray(body[b:e]), dtype=dtype).reshape(info['shape'])
    return out
