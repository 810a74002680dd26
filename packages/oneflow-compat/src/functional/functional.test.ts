/**
 * `oneflow.nn.functional` entries used by the new layers: each equals torch-compat's op on the
 * same data and returns oneflow Tensors; OneFlow's own `dropout1d` / `dropout2d`.
 */
import { describe, expect, it } from 'vitest';
import * as torch from '@nncompat/torch-compat';
import * as flow from '../index.js';

const F = flow.nn.functional;
const TF = torch.nn.functional;

/** The same random data as a torch tensor and a oneflow tensor. */
function both(...shape: number[]): [torch.Tensor, flow.Tensor] {
  const data = torch.randn(...shape).tolist() as number[];
  return [torch.tensor(data), flow.tensor(data)];
}

describe('oneflow.nn.functional', () => {
  it('the ops of the new layers equal torch-compat and return oneflow Tensors', () => {
    torch.manual_seed(21);
    const [tx, fx] = both(2, 4, 6);
    const [ty, fy] = both(2, 4, 6);
    const [tw, fw] = both(3, 4, 3);
    const [twt, fwt] = both(4, 2, 3, 3);
    const [tb, fb] = both(3);
    const probs = [[0.2, 0.7], [0.9, 0.4]];
    const bits = [[0, 1], [1, 1]];
    // (the namespace is typed with core Tensor results; at run time they are oneflow Tensors)
    const pairs: [string, () => torch.Tensor, () => torch.Tensor][] = [
      ['smooth_l1_loss', () => TF.smooth_l1_loss(tx, ty, { beta: 0.5 }), () => F.smooth_l1_loss(fx, fy, { beta: 0.5 })],
      ['l1_loss', () => TF.l1_loss(tx, ty), () => F.l1_loss(fx, fy)],
      ['kl_div', () => TF.kl_div(tx, ty.softmax(-1), { reduction: 'batchmean' }), () => F.kl_div(fx, fy.softmax(-1), { reduction: 'batchmean' })],
      ['binary_cross_entropy', () => TF.binary_cross_entropy(torch.tensor(probs), torch.tensor(bits, { dtype: torch.float32 })),
        () => F.binary_cross_entropy(flow.tensor(probs), flow.tensor(bits, { dtype: flow.float32 }))],
      ['binary_cross_entropy_with_logits', () => TF.binary_cross_entropy_with_logits(tx, ty.sigmoid()), () => F.binary_cross_entropy_with_logits(fx, fy.sigmoid())],
      ['mish', () => TF.mish(tx), () => F.mish(fx)],
      ['silu', () => TF.silu(tx), () => F.silu(fx)],
      ['softplus', () => TF.softplus(tx, { beta: 2, threshold: 1 }), () => F.softplus(fx, { beta: 2, threshold: 1 })],
      ['elu', () => TF.elu(tx, { alpha: 0.3 }), () => F.elu(fx, { alpha: 0.3 })],
      ['hardtanh', () => TF.hardtanh(tx, { min_val: -0.5, max_val: 0.5 }), () => F.hardtanh(fx, { min_val: -0.5, max_val: 0.5 })],
      ['relu6', () => TF.relu6(tx.mul(5)), () => F.relu6(fx.mul(5))],
      ['group_norm', () => TF.group_norm(tx, 2), () => F.group_norm(fx, 2)],
      ['conv1d', () => TF.conv1d(tx, tw, tb, { padding: 1 }), () => F.conv1d(fx, fw, fb, { padding: 1 })],
      ['conv_transpose2d', () => TF.conv_transpose2d(tx.unsqueeze(-1).expand(2, 4, 6, 3), twt, null, { stride: 2 }),
        () => F.conv_transpose2d(fx.unsqueeze(-1).expand(2, 4, 6, 3), fwt, null, { stride: 2 })],
      ['max_pool1d', () => TF.max_pool1d(tx, 2), () => F.max_pool1d(fx, 2)],
    ];
    for (const [name, t, f] of pairs) {
      const fr = f();
      expect(fr, name).toBeInstanceOf(flow.Tensor);
      expect(fr.tolist(), name).toEqual(t().tolist());
    }
  });

  it('dropout1d / dropout2d: OneFlow signature (input, p=0.5, training=True), channel masks', () => {
    const x = flow.ones(3, 4, 5);
    expect(F.dropout1d(x, 0.5, false)).toBe(x);
    expect(F.dropout2d(x, { p: 0.3, training: false })).toBe(x);
    flow.manual_seed(2);
    const y = F.dropout1d(x);
    expect(y).toBeInstanceOf(flow.Tensor);
    // every channel is all zeros or all 2 (= 1 / (1 - 0.5))
    for (const ch of y.reshape(12, 5).tolist() as number[][]) expect(new Set(ch).size).toBe(1);
    expect(new Set((y.tolist() as number[][][]).flat(2))).toEqual(new Set([0, 2]));
    // the module and the function draw the same mask
    const m = new flow.nn.Dropout2d(0.4);
    const z = flow.randn(2, 3, 2, 2);
    flow.manual_seed(5);
    const a = m(z);
    flow.manual_seed(5);
    expect(F.dropout2d(z, 0.4).tolist()).toEqual(a.tolist());
    expect(() => F.dropout1d(x, 1.5)).toThrow('dropout probability has to be between 0 and 1, but got 1.5');
    expect(() => F.dropout1d(flow.ones(1, 2, 3, 4))).toThrow('dropout1d: Expected 2D or 3D input, but received a 4D input.');
  });
});
