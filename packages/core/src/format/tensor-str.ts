/**
 * `torch._tensor_str._str` for strided tensors: the exact text of `repr(tensor)` (summarised
 * above `threshold` elements with `edgeitems` per edge, wrapped at `linewidth`, suffixes for
 * device, non-default dtype, `grad_fn` / `requires_grad`).
 */
import { getDefaultDtype } from '../dtype.js';
import { bfloat16ToFloat, halfToFloat } from '../half.js';
import { no_grad } from '../autograd/grad_mode.js';
import type { Tensor } from '../tensor/tensor.js';
import { type Elem, Formatter } from './formatter.js';
import { PRINT_OPTS } from './options.js';

/** A tensor's values as a flat list (row-major) with its shape. */
interface Host {
  shape: readonly number[];
  data: Elem[];
}

function hostOf(t: Tensor): Host {
  const raw = no_grad(() => t.dataSync());
  const name = t.dtype.name;
  const data: Elem[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i]!;
    if (name === 'float16') data[i] = Math.fround(halfToFloat(v));
    else if (name === 'bfloat16') data[i] = bfloat16ToFloat(v);
    else if (name === 'bool') data[i] = v !== 0;
    else data[i] = v;
  }
  return { shape: t.shape, data };
}

/** Number of elements in one slice along dim 0 of `shape`. */
function inner(shape: readonly number[]): number {
  let n = 1;
  for (let i = 1; i < shape.length; i++) n *= shape[i]!;
  return n;
}

/** `get_summarized_data`: the values the formatter sees for a summarised tensor. */
function summarized(shape: readonly number[], data: readonly Elem[], off: number, out: Elem[]): void {
  const e = PRINT_OPTS.edgeitems;
  if (shape.length === 0) {
    out.push(data[off]!);
    return;
  }
  const n = shape[0]!;
  const step = inner(shape);
  const idx = n > 2 * e ? [...range(0, e), ...range(n - e, n)] : range(0, n);
  if (shape.length === 1) {
    for (const i of idx) out.push(data[off + i]!);
    return;
  }
  for (const i of idx) summarized(shape.slice(1), data, off + i * step, out);
}

function range(a: number, b: number): number[] {
  const r: number[] = [];
  for (let i = a; i < b; i++) r.push(i);
  return r;
}

function vectorStr(data: readonly Elem[], off: number, n: number, indent: number, summarize: boolean, f: Formatter): string {
  const e = PRINT_OPTS.edgeitems;
  const elementLength = f.width() + 2;
  const perLine = Math.max(1, Math.floor((PRINT_OPTS.linewidth - indent) / elementLength));
  let items: string[];
  if (summarize && !e) items = ['...'];
  else if (summarize && n > 2 * e) {
    items = [...range(0, e).map((i) => f.format(data[off + i]!)), ' ...', ...range(n - e, n).map((i) => f.format(data[off + i]!))];
  } else items = range(0, n).map((i) => f.format(data[off + i]!));
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += perLine) lines.push(items.slice(i, i + perLine).join(', '));
  return `[${lines.join(`,\n${' '.repeat(indent + 1)}`)}]`;
}

function tensorStrWith(shape: readonly number[], data: readonly Elem[], off: number, indent: number, summarize: boolean, f: Formatter): string {
  const dim = shape.length;
  if (dim === 0) return f.format(data[off]!);
  if (dim === 1) return vectorStr(data, off, shape[0]!, indent, summarize, f);
  const e = PRINT_OPTS.edgeitems;
  const n = shape[0]!;
  const step = inner(shape);
  const sub = shape.slice(1);
  const one = (i: number): string => tensorStrWith(sub, data, off + i * step, indent + 1, summarize, f);
  const slices = summarize && n > 2 * e ? [...range(0, e).map(one), '...', ...range(n - e, n).map(one)] : range(0, n).map(one);
  return `[${slices.join(`,${'\n'.repeat(dim - 1)}${' '.repeat(indent + 1)}`)}]`;
}

/** `_tensor_str(self, indent)`: the bracketed values. */
export function tensorValuesStr(t: Tensor, indent: number): string {
  const { shape, data } = hostOf(t);
  const summarize = data.length > PRINT_OPTS.threshold;
  const fvals: Elem[] = [];
  if (summarize) summarized(shape, data, 0, fvals);
  const f = new Formatter(summarize ? fvals : data, t.dtype.is_floating_point);
  return tensorStrWith(shape, data, 0, indent, summarize, f);
}

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
 * `repr(tensor)` as PyTorch prints it.
 *
 * @example
 * ```ts
 * tensorRepr(tensor([1.5, 2])); // 'tensor([1.5000, 2.0000])'
 * ```
 */
export function tensorRepr(t: Tensor, prefix = 'tensor('): string {
  const indent = prefix.length;
  const suffixes: string[] = [];
  if (t.device !== 'cpu') suffixes.push(`device='${t.device}'`);
  const dflt = getDefaultDtype();
  const hasDefaultDtype = t.dtype === dflt || t.dtype.name === 'int64' || t.dtype.name === 'bool';
  let body: string;
  if (t.numel() === 0) {
    if (t.dim() !== 1) suffixes.push(`size=(${t.shape.join(', ')}${t.dim() === 1 ? ',' : ''})`);
    if (t.dtype !== dflt) suffixes.push(`dtype=${String(t.dtype)}`);
    body = '[]';
  } else {
    if (!PRINT_OPTS.edgeitems) suffixes.push(`size=(${t.shape.join(', ')}${t.dim() === 1 ? ',' : ''})`);
    if (!hasDefaultDtype) suffixes.push(`dtype=${String(t.dtype)}`);
    body = tensorValuesStr(t, indent);
  }
  if (t.grad_fn !== null) suffixes.push(`grad_fn=<${t.grad_fn.name().split('::').pop()}>`);
  else if (t.requires_grad) suffixes.push('requires_grad=True');
  return addSuffixes(prefix + body, suffixes, indent);
}
