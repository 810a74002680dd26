/**
 * Ports of OneFlow 1.0's python/oneflow/test/modules/test_save_load.py (TestSaveLoad), on one
 * CPU process. Not ported: _test_save_and_load_global_from_nested_dict (1n4d / 2n2d: needs
 * four ranks), test_load_pytorch_weights_global (1n2d), the DistributedDataParallel halves of
 * test_save_load_module_directly* (no DDP here), and the CUDA branches (no CUDA device:
 * asserted to raise instead). Tensor sizes of test_save_state_dict* are reduced from
 * 32x1024x1024 to 2x3x4 (the format does not depend on size).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Tensor as CoreTensor } from '@nncompat/core';
import * as flow from '../index.js';
import { EXPECTED, describeTensor, fixture } from './fixtures.test-util.js';

const { nn } = flow;

class CustomModuleForSaveLoad extends nn.Module {
  static override __module__ = '__main__';
  param = new nn.Parameter(flow.randn(1, 3, 3, 3));
  override forward(x: flow.Tensor): flow.Tensor {
    return this.param.add(x) as flow.Tensor;
  }
}
flow.register_module_class(CustomModuleForSaveLoad);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'oneflow-port-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('test_save_load.py TestSaveLoad', () => {
  it('test_load_map_location (cpu and cpu placements; cuda raises)', () => {
    const x = flow.ones(1, 2, 3);
    const y = flow.ones(2, 3, 4);
    const f = join(dir, 'f');
    flow.save(new Map([['x', x], ['y', y]]), f);
    expect(() => flow.load(f, { map_location: 'cuda' })).toThrow('no CUDA device');
    let loaded = flow.load(f, { map_location: 'cpu' }) as Map<string, flow.Tensor>;
    expect(loaded.get('x')!.tolist()).toEqual(x.tolist());
    expect(loaded.get('x')!.device).toBe('cpu');
    expect(loaded.get('y')!.tolist()).toEqual(y.tolist());
    const p = new flow.placement('cpu', [0]);
    expect(() => new flow.placement('cuda', [0])).toThrow("device type 'cuda' is not supported");
    const gx = x.to_global(p, flow.sbp.broadcast);
    const gy = y.to_global(p, flow.sbp.broadcast);
    flow.save(new Map([['x', gx], ['y', gy]]), f, { global_dst_rank: 0 });
    loaded = flow.load(f, { global_src_rank: 0, map_location: p }) as Map<string, flow.Tensor>;
    expect(loaded.get('x')!.tolist()).toEqual(x.tolist());
    expect(loaded.get('x')!.placement.equals(p)).toBe(true);
    expect(loaded.get('y')!.placement.equals(p)).toBe(true);
    expect(loaded.get('y')!.sbp.map(String)).toEqual(['oneflow.sbp.broadcast']);
  });

  it('test_save_dir', () => {
    const m1 = new CustomModuleForSaveLoad();
    flow.save(m1.state_dict(), dir, { save_as_external_data: true });
    const loaded = flow.load(dir) as Map<string, CoreTensor>;
    const m2 = new CustomModuleForSaveLoad();
    m2.load_state_dict(loaded);
    expect(m2.param.tolist()).toEqual(m1.param.tolist());
  });

  it('test_save_dir_fault_tolerance', () => {
    const m1 = new CustomModuleForSaveLoad();
    flow.save(m1.state_dict(), dir, { save_as_external_data: true });
    writeFileSync(join(dir, 'random_file'), 'nothing');
    const loaded = flow.load(dir) as Map<string, CoreTensor>;
    const m2 = new CustomModuleForSaveLoad();
    m2.load_state_dict(loaded);
    expect(m2.param.tolist()).toEqual(m1.param.tolist());
  });

  class TwoParams extends nn.Module {
    param1 = new nn.Parameter(flow.randn(2, 3, 4));
    param2 = new nn.Parameter(flow.randn(2, 3, 4));
    override forward(): flow.Tensor {
      return this.param1.add(this.param2) as flow.Tensor;
    }
  }

  it('test_save_state_dict', () => {
    const m = new TwoParams();
    const res1 = m().tolist();
    const before = m.state_dict();
    flow.save(before, join(dir, 'f'));
    flow.no_grad(() => m.param1.zero_());
    m.load_state_dict(flow.load(join(dir, 'f')) as Map<string, CoreTensor>);
    expect(m().tolist()).toEqual(res1);
  });

  it('test_save_state_dict_bytes', () => {
    const m = new TwoParams();
    const res1 = m().tolist();
    const buffer = flow.save(m.state_dict());
    writeFileSync(join(dir, 'f'), buffer);
    flow.no_grad(() => m.param2.zero_());
    m.load_state_dict(flow.load(join(dir, 'f')) as Map<string, CoreTensor>);
    expect(m().tolist()).toEqual(res1);
  });

  it('test_load_pytorch_weights (cpu; the checkpoints were written by PyTorch 1.13)', () => {
    const conv1 = new nn.Conv2d(3, 3, 3);
    conv1.load_state_dict(flow.load(fixture('torch_conv2d.pt')) as Map<string, CoreTensor>);
    expect(describeTensor(conv1.weight)).toEqual(EXPECTED.torch_conv2d!.weight);
    const conv2 = new nn.Conv2d(3, 3, 3);
    conv2.load_state_dict((flow.load(fixture('torch_conv2d_nested.pt'), { map_location: 'cpu' }) as Map<string, Map<string, CoreTensor>>).get('weights')!);
    expect(describeTensor(conv2.weight)).toEqual(EXPECTED.torch_conv2d!.weight);
    expect(describeTensor(conv2.bias!)).toEqual(EXPECTED.torch_conv2d!.bias);
  });

  it('test_save_load_module_directly', () => {
    const x = flow.randn(1, 3, 3, 3);
    const m = new CustomModuleForSaveLoad();
    flow.save(m, join(dir, 'f'));
    const newM = flow.load(join(dir, 'f')) as CustomModuleForSaveLoad;
    expect(newM).toBeInstanceOf(CustomModuleForSaveLoad);
    expect(newM(x).tolist()).toEqual(m(x).tolist());
  });

  it('test_save_load_module_directly_save_bytes', () => {
    const x = flow.randn(1, 3, 3, 3);
    const m = new CustomModuleForSaveLoad();
    writeFileSync(join(dir, 'f'), flow.save(m));
    const newM = flow.load(join(dir, 'f')) as CustomModuleForSaveLoad;
    expect(newM(x).tolist()).toEqual(m(x).tolist());
  });

  it('test_save_load_module_directly_load_filestream (bytes in memory stand for the stream)', () => {
    const x = flow.randn(1, 3, 3, 3);
    const m = new CustomModuleForSaveLoad();
    flow.save(m, join(dir, 'f'));
    const newM = flow.load(new Uint8Array(readFileSync(join(dir, 'f')))) as CustomModuleForSaveLoad;
    expect(newM(x).tolist()).toEqual(m(x).tolist());
  });

  it('test_load_old_dir_data (directories written by real OneFlow)', () => {
    const m1 = new nn.Conv2d(3, 3, 3);
    m1.load_state_dict(flow.load(fixture('oneflow_repo/3x3_i3o3_conv2d_params')) as Map<string, CoreTensor>);
    const m2 = flow.load(fixture('oneflow_repo/3x3_i3o3_conv2d')) as flow.nn.Conv2d;
    const x = flow.randn(1, 3, 3, 3);
    expect(m1(x).tolist()).toEqual(m2(x).tolist());
  });

  it('test_pytorch_non_tensor (+ _load_filestream, _save_bytes)', () => {
    for (const res of [
      flow.load(fixture('torch_non_tensor.pt'), { map_location: 'cpu' }),
      flow.load(new Uint8Array(readFileSync(fixture('torch_non_tensor.pt'))), { map_location: 'cpu' }),
    ]) {
      expect(res).toBeInstanceOf(Map);
      expect((res as Map<string, unknown>).size).toBe(1);
      expect((res as Map<string, unknown>).get('a')).toBe(2);
    }
  });

  it('module hooks are dropped by pickling, with OneFlow\'s warning', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const m = new CustomModuleForSaveLoad();
    m.register_forward_hook(() => null);
    const back = flow.load(flow.save(m)) as CustomModuleForSaveLoad;
    expect(back._forward_hooks.size).toBe(0);
    expect(warn.mock.calls.map((c) => String(c[0]))).toContain('The module hooks will not be remained after serializing');
    warn.mockRestore();
  });
});
