/**
 * `hardtanh` (and so relu6) with ATen's derivative. The forward is clamp's (NaN stays NaN, as
 * ATen's hardtanh, which is clamp_out), but clamp's own gradient passes the incoming gradient at
 * exactly min_val / max_val, where ATen's hardtanh_backward gives 0:
 * `(x <= min_val || x >= max_val) ? 0 : grad`, so a NaN input (every comparison false) passes
 * the gradient through, and `where` keeps an inf/NaN gradient out of the zeroed positions.
 */
import { record, save } from '../autograd/function.js';
import { no_grad } from '../autograd/grad_mode.js';
import { RuntimeError } from '../errors.js';
import type { Tensor } from '../tensor/tensor.js';
import { where } from './elementwise.js';

/**
 * `torch._C._nn.hardtanh(input, min_val=-1, max_val=1)`: clamps to `[min_val, max_val]`,
 * recording `HardtanhBackward0`. Integer inputs take integer bounds (truncated, no type
 * promotion, as ATen's hardtanh_out); bool inputs are refused.
 *
 * @example
 * hardtanh(tensor([-3, 0.5, 6]), 0, 6); // relu6: [0, 0.5, 6]
 */
export function hardtanh(input: Tensor, min_val = -1, max_val = 1): Tensor {
  if (input.dtype.name === 'bool') throw new RuntimeError('Bool inputs not supported for hardtanh');
  let lo = min_val;
  let hi = max_val;
  if (!input.dtype.is_floating_point) {
    lo = Math.trunc(min_val);
    hi = Math.trunc(max_val);
    if (input.dtype.name === 'uint8' && (lo < 0 || hi < 0)) {
      throw new RuntimeError('cannot do hardtanh on an unsigned type with negative limits');
    }
  }
  // no_grad: the clamp is only the forward; the graph gets HardtanhBackward0 below instead.
  const y = no_grad(() => input.clamp(lo, hi));
  const sx = save(input);
  record('HardtanhBackward0', [input], [y], ([g]) => {
    const x = sx.unpack();
    return [where(x.le(lo).logical_or(x.ge(hi)), 0, g!)];
  }, [sx]);
  return y;
}
