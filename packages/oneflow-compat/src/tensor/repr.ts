/**
 * `repr(tensor)` as OneFlow prints it (python/oneflow/framework/tensor_str.py,
 * `_gen_tensor_str_template`): PyTorch's value formatting (core's `tensorValuesStr`), but the
 * dtype is always printed, spelled `oneflow.<name>`, and a global tensor prints its placement
 * and sbp instead of a device.
 */
import { PRINT_OPTS, type Tensor, tensorValuesStr } from '@nncompat/core';
import { flowDTypeName } from '../dtype.js';
import { globalInfo, sbpTupleRepr } from './global.js';

function addSuffixes(tensorStr: string, suffixes: readonly string[], indent: number): string {
  const parts = [tensorStr];
  let last = tensorStr.length - tensorStr.lastIndexOf('\n') + 1;
  for (const s of suffixes) {
    if (last + s.length + 2 > PRINT_OPTS.linewidth) {
      parts.push(`,\n${' '.repeat(indent)}${s}`);
      last = indent + s.length;
    } else {
      parts.push(`, ${s}`);
      last += s.length + 2;
    }
  }
  parts.push(')');
  return parts.join('');
}

/**
 * OneFlow's `repr(tensor)`.
 *
 * @example
 * ```ts
 * flowTensorRepr(flow.tensor([1.5, 2])); // 'tensor([1.5000, 2.0000], dtype=oneflow.float32)'
 * ```
 */
export function flowTensorRepr(t: Tensor): string {
  const prefix = 'tensor(';
  const indent = prefix.length;
  const suffixes: string[] = [];
  const g = globalInfo(t);
  if (g) {
    suffixes.push(`placement=${String(g.placement)}`);
    suffixes.push(`sbp=${sbpTupleRepr(g.sbp)}`);
  } else if (t.device !== 'cpu') {
    suffixes.push(`device='${t.device}'`);
  }
  let body: string;
  if (t.numel() === 0) {
    if (t.dim() !== 1) suffixes.push(`size=(${t.shape.join(', ')}${t.dim() === 1 ? ',' : ''})`);
    body = '[]';
  } else {
    body = tensorValuesStr(t, indent);
  }
  suffixes.push(`dtype=${flowDTypeName(t.dtype)}`);
  if (t.grad_fn !== null) suffixes.push(`grad_fn=<${t.grad_fn.name().split('::').pop()}>`);
  else if (t.requires_grad) suffixes.push('requires_grad=True');
  return addSuffixes(prefix + body, suffixes, indent);
}
