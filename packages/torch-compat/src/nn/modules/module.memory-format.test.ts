// Module.to(memory_format=...) and the torch.* memory format objects, against real PyTorch 1.13
// (core's fixtures/layout/strides.json, written by tooling/goldens/gen_strides.py): 4-D
// parameters and buffers become channels_last, others keep their layout, and a 5-D one raises.
import { describe, expect, it } from 'vitest';
import { loadFixture } from '@nncompat/core/testing';
import * as torch from '../../index.js';

interface Entry { name: string; shape: number[]; strides: number[]; channels_last: boolean }
interface Fixture {
  formats: Record<string, string>;
  module: Entry[];
  cases: { name: string; op: string; error?: { type: string; message: string } }[];
}
const fixture = loadFixture<Fixture>('layout/strides.json');

describe('torch memory formats', () => {
  it('torch.channels_last & co. print as in PyTorch and are torch.memory_format instances', () => {
    const formats = {
      contiguous_format: torch.contiguous_format, channels_last: torch.channels_last,
      channels_last_3d: torch.channels_last_3d, preserve_format: torch.preserve_format,
    };
    for (const [name, text] of Object.entries(fixture.formats)) {
      const f = formats[name as keyof typeof formats];
      expect(String(f)).toBe(text);
      expect(f).toBeInstanceOf(torch.memory_format);
    }
  });

  it('Module.to({ memory_format: channels_last }) converts 4-D parameters and buffers only', () => {
    torch.manual_seed(3);
    const { nn } = torch;
    const net = new nn.Sequential(new nn.Conv2d(2, 3, 3), new nn.BatchNorm2d(3), new nn.Flatten(), new nn.Linear(12, 2));
    const w = (net.__getitem__(0) as torch.nn.Conv2d).weight;
    const before = Array.from(w.dataSync());
    expect(net.to({ memory_format: torch.channels_last })).toBe(net);
    const got = [...net.named_parameters(), ...net.named_buffers()].map(([name, t]) => ({
      name, shape: [...t.shape], strides: [...t.stride()], channels_last: t.dim() === 4 && t.is_contiguous({ memory_format: torch.channels_last }),
    }));
    expect(got).toEqual(fixture.module);
    // The parameter object is kept (its data swapped in place), with the same values.
    expect((net.__getitem__(0) as torch.nn.Conv2d).weight).toBe(w);
    expect(Array.from(w.dataSync())).toEqual(before);
  });

  it('channels_last on a module with a 5-D parameter raises PyTorch\'s error', () => {
    const c = fixture.cases.find((x) => x.op === 'module_5d')!;
    const m = new torch.nn.Module();
    m.register_parameter('weight', new torch.nn.Parameter(torch.randn(1, 1, 1, 1, 1)));
    expect(() => m.to({ memory_format: torch.channels_last })).toThrow(c.error!.message);
  });
});
