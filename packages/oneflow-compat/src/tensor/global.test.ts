/** Global tensors on one process: placement, sbp, to_global, to_local, and the refused layouts. */
import { describe, expect, it } from 'vitest';
import * as flow from '../index.js';

describe('global tensors (rank 0 of a world of 1)', () => {
  const p = new flow.placement('cpu', [0]);

  it('placement and sbp print as OneFlow', () => {
    expect(String(p)).toBe('oneflow.placement(type="cpu", ranks=[0])');
    expect(String(flow.sbp.broadcast)).toBe('oneflow.sbp.broadcast');
    expect(String(flow.sbp.partial_sum)).toBe('oneflow.sbp.partial_sum');
    expect(String(flow.sbp.split(1))).toBe('oneflow.sbp.split(dim=1)');
    expect(flow.placement.all('cpu').equals(p)).toBe(true);
    expect(flow.env.get_world_size()).toBe(1);
  });

  it('a placement that needs other ranks, or CUDA, is refused with the reason', () => {
    expect(() => new flow.placement('cpu', [0, 1])).toThrow(
      'oneflow.placement(type="cpu", ranks=[0, 1]) needs rank(s) 1, but nncompat runs a single process (rank 0, world size 1); multi-process global tensors are not supported',
    );
    expect(() => new flow.placement('cpu', [[0, 1], [2, 3]])).toThrow('needs rank(s) 1, 2, 3');
    expect(() => new flow.placement('cuda', [0])).toThrow("device type 'cuda' is not supported");
  });

  it('to_global / to_local / is_global / placement / sbp, and the local-tensor errors', () => {
    const x = flow.tensor([[1, 2], [3, 4]], { dtype: flow.float32 });
    expect(x.is_global).toBe(false);
    expect(x.is_local).toBe(true);
    expect(() => x.placement).toThrow("Only global tensors have 'placement'.");
    expect(() => x.sbp).toThrow('Local tensor has no sbp property.');
    expect(() => x.to_local()).toThrow('Expected global tensor for to_local but got local tensor!');
    expect(() => x.to_global(p)).toThrow('Converting a local tensor to global tensor must have placement and sbp parameters.');
    expect(() => x.to_global(p, flow.sbp.split(2))).toThrow('Split axis out of range (expected to be in range of [0, 2), but got 2)');
    expect(() => x.to_consistent()).toThrow('.to_consistent has been removed, please use .to_global instead');
    const g = x.to_global(p, flow.sbp.split(0));
    expect(g.is_global).toBe(true);
    expect(g.placement).toBe(p);
    expect(g.sbp.map(String)).toEqual(['oneflow.sbp.split(dim=0)']);
    expect(String(g)).toBe(
      // _add_suffixes wraps at linewidth 80: the sbp suffix moves to the next line, indented by len('tensor(').
      'tensor([[1., 2.],\n        [3., 4.]], placement=oneflow.placement(type="cpu", ranks=[0]),\n       sbp=(oneflow.sbp.split(dim=0),), dtype=oneflow.float32)',
    );
    const b = g.to_global(undefined, flow.sbp.broadcast);
    expect(b.placement.equals(p)).toBe(true);
    expect(b.to_local().tolist()).toEqual(x.tolist());
    expect(b.to_local().is_global).toBe(false);
    expect(x.is_global).toBe(false); // the source stays local
  });

  it('to_global and to_local are differentiable', () => {
    const x = flow.tensor([1, 2], { dtype: flow.float32, requires_grad: true });
    const y = x.to_global(p, flow.sbp.broadcast).to_local().mul(3).sum();
    y.backward();
    expect(x.grad!.tolist()).toEqual([3, 3]);
  });
});
