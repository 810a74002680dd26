#!/usr/bin/python3
"""Writes safetensors fixtures for packages/core/fixtures/safetensors/.

The Python `safetensors` package cannot be installed here (no PyPI), so the files are written by a
tiny writer that follows the format exactly as the reference Rust crate serializes it
(safetensors/src/tensor.rs, `prepare` + `serialize`):
  * 8-byte little-endian u64 header length n, then n bytes of compact UTF-8 JSON, padded with
    spaces to a multiple of 8, then the tensors' little-endian bytes back to back;
  * `__metadata__` (str -> str) first, then tensors sorted by dtype in *descending* order of the
    crate's `Dtype` enum, then by name (byte order);
  * each entry is {"dtype":..,"shape":[..],"data_offsets":[start,end]}.
Tensor values come from real PyTorch tensors; the expected JSON carries them (floats as raw bits).

Run: /usr/bin/python3 tooling/goldens/gen_safetensors.py
"""
import json
import os
import struct

import numpy as np
import torch

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'packages', 'core', 'fixtures', 'safetensors')

# The crate's Dtype enum, ascending; the writer sorts by it descending.
ENUM_ORDER = ['BOOL', 'F4', 'F6_E2M3', 'F6_E3M2', 'U8', 'I8', 'F8_E5M2', 'F8_E4M3', 'F8_E8M0',
              'F8_E4M3FNUZ', 'F8_E5M2FNUZ', 'I16', 'U16', 'F16', 'BF16', 'I32', 'U32', 'F32', 'C64',
              'F64', 'I64', 'U64']
CODE = {torch.float64: 'F64', torch.float32: 'F32', torch.float16: 'F16', torch.bfloat16: 'BF16',
        torch.int64: 'I64', torch.int32: 'I32', torch.int16: 'I16', torch.int8: 'I8',
        torch.uint8: 'U8', torch.bool: 'BOOL'}
NAME = {torch.float64: 'float64', torch.float32: 'float32', torch.float16: 'float16',
        torch.bfloat16: 'bfloat16', torch.int64: 'int64', torch.int32: 'int32',
        torch.int16: 'int16', torch.int8: 'int8', torch.uint8: 'uint8', torch.bool: 'bool'}


def le_bytes(t):
    t = t.contiguous()
    if t.dtype == torch.bfloat16:
        return t.view(torch.int16).numpy().astype('<i2').tobytes()
    a = t.numpy()
    if a.dtype == np.bool_:
        return a.astype(np.uint8).tobytes()
    return a.astype(a.dtype.newbyteorder('<')).tobytes()


def write(path, entries, metadata=None):
    """entries: list of (name, code, shape, raw little-endian bytes)."""
    entries = sorted(entries, key=lambda e: (-ENUM_ORDER.index(e[1]), e[0].encode('utf-8')))
    header = {}
    if metadata is not None:
        header['__metadata__'] = metadata
    offset = 0
    for name, code, shape, raw in entries:
        header[name] = {'dtype': code, 'shape': list(shape), 'data_offsets': [offset, offset + len(raw)]}
        offset += len(raw)
    text = json.dumps(header, separators=(',', ':'), ensure_ascii=False).encode('utf-8')
    text += b' ' * ((8 - len(text) % 8) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(text)))
        f.write(text)
        for _, _, _, raw in entries:
            f.write(raw)


def expected_values(t):
    """Flat values from torch: floats as raw bits (f64 as 16 hex digits), others as ints."""
    flat = t.contiguous().reshape(-1)
    if t.dtype in (torch.float16, torch.bfloat16):
        return [v & 0xFFFF for v in flat.view(torch.int16).tolist()]
    if t.dtype == torch.float32:
        return [v & 0xFFFFFFFF for v in flat.view(torch.int32).tolist()]
    if t.dtype == torch.float64:
        return ['%016x' % (v & 0xFFFFFFFFFFFFFFFF) for v in flat.view(torch.int64).tolist()]
    if t.dtype == torch.bool:
        return [1 if v else 0 for v in flat.tolist()]
    return flat.tolist()


def fixture(stem, tensors, metadata=None, extra_raw=()):
    """tensors: dict name -> torch.Tensor; extra_raw: (name, code, shape, bytes) for non-torch dtypes."""
    entries = [(k, CODE[v.dtype], tuple(v.shape), le_bytes(v)) for k, v in tensors.items()]
    entries += list(extra_raw)
    write(os.path.join(OUT, stem + '.safetensors'), entries, metadata)
    order = [e[0] for e in sorted(entries, key=lambda e: (-ENUM_ORDER.index(e[1]), e[0].encode('utf-8')))]
    exp = {
        'metadata': metadata,
        'insertion_order': [e[0] for e in entries],
        'offset_keys': order,
        'keys': sorted(e[0] for e in entries),
        'tensors': {k: {'dtype': NAME[v.dtype], 'shape': list(v.shape), 'values': expected_values(v)}
                    for k, v in tensors.items()},
        'raw': {e[0]: {'dtype': e[1], 'shape': list(e[2]), 'bytes': list(e[3])} for e in extra_raw},
    }
    with open(os.path.join(OUT, stem + '.json'), 'w') as f:
        json.dump(exp, f, ensure_ascii=False, indent=1)
        f.write('\n')


def main():
    os.makedirs(OUT, exist_ok=True)
    g = torch.Generator().manual_seed(20240501)
    special = torch.tensor([0.0, -0.0, float('inf'), float('-inf'), float('nan'), 1e-45, 5.96e-8, 65504.0, 3.0e38])

    def floats(dtype, n):
        return torch.cat([special.to(torch.float64), torch.randn(n, generator=g, dtype=torch.float64) * 10]).to(dtype)

    def ints(dtype, lo, hi, n):
        edge = torch.tensor([lo, hi, 0, -1 if lo < 0 else 1], dtype=torch.int64)
        rnd = torch.randint(lo, hi, (n,), generator=g, dtype=torch.int64)
        return torch.cat([edge, rnd]).to(dtype)

    all_dtypes = {
        'f64': floats(torch.float64, 7).reshape(4, 4),
        'f32': floats(torch.float32, 15).reshape(2, 3, 4),
        'f16': floats(torch.float16, 3).reshape(3, 4),
        'bf16': floats(torch.bfloat16, 3).reshape(12),
        'i64': torch.cat([torch.tensor([2**53 - 1, -(2**53 - 1), 2**32, -2**32, 2**31 - 1], dtype=torch.int64),
                          ints(torch.int64, -2**40, 2**40, 3)]).reshape(3, 4),
        'i32': ints(torch.int32, -2**31, 2**31 - 1, 8).reshape(3, 4),
        'i16': ints(torch.int16, -2**15, 2**15 - 1, 8).reshape(4, 3),
        'i8': ints(torch.int8, -128, 127, 8).reshape(2, 6),
        'u8': ints(torch.uint8, 0, 255, 8).reshape(12),
        'bool': (torch.rand(10, generator=g) > 0.5).reshape(2, 5),
        'scalar': torch.tensor(3.5, dtype=torch.float32),
        'scalar_i64': torch.tensor(-7, dtype=torch.int64),
        'empty': torch.zeros(2, 0, dtype=torch.float32),
        'empty_bf16': torch.zeros(0, dtype=torch.bfloat16),
        'layer.0.weight': torch.randn(3, 2, generator=g),
        'ünïcødé "quoted" \\ name\t𝔁': torch.arange(3, dtype=torch.int32),
    }
    fixture('all_dtypes', all_dtypes, metadata={'format': 'pt', 'note': 'written by gen_safetensors.py', 'ünï': 'cødé "q"\n'})

    # Names that a plain JS object would reorder, and keys whose byte order differs from UTF-16 order.
    names = {n: torch.full((2,), float(i), dtype=torch.float32)
             for i, n in enumerate(['b', '10', '2', 'a.10', 'a.2', 'A', '\ue000', '\U0001F600', '__proto__'])}
    fixture('names_no_metadata', names)

    fixture('empty', {}, metadata=None)
    fixture('empty_with_metadata', {}, metadata={})

    fixture('int64_beyond_2_53', {'ok': torch.tensor([1, 2], dtype=torch.int64),
                                  'big': torch.tensor([5, 2**53 + 1], dtype=torch.int64)})

    # Dtypes the crate knows but nncompat has no tensor type for (torch 1.13 has none of them).
    fixture('unsupported_dtypes', {'fine': torch.tensor([1.0, 2.0])}, extra_raw=[
        ('fp8', 'F8_E4M3', (3,), bytes([0x38, 0x40, 0xc0])),
        ('u16', 'U16', (2,), struct.pack('<2H', 1, 65535)),
    ])


if __name__ == '__main__':
    main()
