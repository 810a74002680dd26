import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arange, OrderedDict, tensor } from '@nncompat/core';
import { load, save } from '@nncompat/torch-compat';
import { convertCheckpoint, inspectCheckpoint } from './checkpoints.js';
import { main } from './main.js';

const FIXTURES = new URL('../../torch-compat/fixtures/checkpoints/', import.meta.url).pathname;

describe('nncompat inspect / convert', () => {
  it('lists a PyTorch-written checkpoint with nested names', () => {
    const entries = inspectCheckpoint(join(FIXTURES, 'training_checkpoint.pt'));
    expect(entries.find((e) => e.name === 'model.fc1.weight')).toEqual({ name: 'model.fc1.weight', dtype: 'float32', shape: [3, 4] });
    expect(entries.find((e) => e.name === 'model.bn.num_batches_tracked')?.dtype).toBe('int64');
  });

  it('converts .pt → .safetensors → .pt keeping names, dtypes and values (views become copies)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nncompat-cli-'));
    const base = arange(6, { dtype: 'float32' }).view(2, 3);
    save(new OrderedDict([['w', base], ['wt', base.t()], ['i', tensor([1, 2])]]), join(dir, 'a.pt'));
    expect(convertCheckpoint(join(dir, 'a.pt'), join(dir, 'b.safetensors'))).toBe(3);
    expect(convertCheckpoint(join(dir, 'b.safetensors'), join(dir, 'c.pt'))).toBe(3);
    const back = load(join(dir, 'c.pt')) as Map<string, ReturnType<typeof tensor>>;
    expect(back.get('wt')!.tolist()).toEqual([[0, 3], [1, 4], [2, 5]]);
    expect(back.get('i')!.dtype.name).toBe('int64');
  });

  it('prints usage and fails on an unknown command; names an unknown format', async () => {
    const lines: string[] = [];
    expect(await main(['frobnicate'], (s) => lines.push(s))).toBe(2);
    expect(lines[0]).toMatch(/^usage: nncompat/);
    expect(() => inspectCheckpoint('weights.h5')).toThrow("cannot tell the format of 'weights.h5'");
  });
});
