/** `F.pad`: constant (with negative pads cropping), reflect, replicate and circular modes. */
import { cat, full, NotImplementedError, RuntimeError, type Tensor, tensor as coreTensor } from '@nncompat/core';
import { bindArgs, checkArg, p, type PyArgs } from './pyargs.js';

/** Options of `F.pad`. */
export interface PadOptions {
  mode?: 'constant' | 'reflect' | 'replicate' | 'circular';
  value?: number | null;
}

const PAD_PARAMS = [p.str('mode'), p.optFloat('value')];

function indexFor(mode: 'reflect' | 'replicate' | 'circular', i: number, n: number): number {
  if (mode === 'replicate') return Math.min(Math.max(i, 0), n - 1);
  if (mode === 'circular') return ((i % n) + n) % n;
  if (i < 0) return -i;
  if (i >= n) return 2 * (n - 1) - i;
  return i;
}

/**
 * `F.pad(input, pad, mode='constant', value=None)`: `pad` lists (left, right) amounts starting
 * from the last dim. Non-constant modes gather with computed indices, so gradients accumulate
 * into the source positions as PyTorch's backward kernels do.
 *
 * @example
 * F.pad(x, [1, 1, 2, 0], 'constant', -1);
 * F.pad(x, [1, 1, 2, 0], { value: -1 });
 * F.pad(img, [2, 2, 2, 2], { mode: 'reflect' });
 */
export function pad(input: Tensor, pad: readonly number[], ...args: PyArgs<[mode: NonNullable<PadOptions['mode']>, value: number | null], PadOptions>): Tensor {
  checkArg('pad', p.intList('pad'), 2, pad);
  const opts = bindArgs<PadOptions>('pad', 2, PAD_PARAMS, args);
  const mode = opts.mode ?? 'constant';
  if (pad.length % 2 !== 0) throw new RuntimeError('Padding length must be divisible by 2');
  if (pad.length / 2 > input.dim()) throw new RuntimeError('Padding length should be less than or equal to two times the input dimension but got padding length ' + pad.length + ' and input of dimension ' + input.dim());
  if (mode !== 'constant' && opts.value != null && opts.value !== 0) {
    throw new RuntimeError(`Padding mode "${mode}" doesn't take in value argument`);
  }
  let x = input;
  for (let j = 0; j < pad.length / 2; j++) {
    const d = input.dim() - 1 - j;
    const l = pad[2 * j]!;
    const r = pad[2 * j + 1]!;
    const n = x.shape[d]!;
    if (mode === 'constant') {
      if (l < 0) x = x.narrow(d, -l, x.shape[d]! + l);
      if (r < 0) x = x.narrow(d, 0, x.shape[d]! + r);
      const parts: Tensor[] = [];
      const block = (k: number): Tensor => {
        const shape = [...x.shape];
        shape[d] = k;
        return full(shape, opts.value ?? 0, { dtype: x.dtype, device: x.device });
      };
      if (l > 0) parts.push(block(l));
      parts.push(x);
      if (r > 0) parts.push(block(r));
      if (parts.length > 1) x = cat(parts, d);
      if (x.shape[d]! < 0) throw new RuntimeError(`The input size ${n}, plus negative padding ${l} and ${r} resulted in a negative output size, which is invalid. Check dimension ${d} of your input.`);
      continue;
    }
    if (mode !== 'reflect' && mode !== 'replicate' && mode !== 'circular') {
      throw new NotImplementedError(`Unrecognised padding mode ${mode as string}`);
    }
    if (mode === 'reflect' && (l >= n || r >= n)) {
      throw new RuntimeError(`Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (${l}, ${r}) at dimension ${d} of input ${`[${input.shape.join(', ')}]`}`);
    }
    if (mode === 'circular' && (l > n || r > n)) {
      throw new RuntimeError('Padding value causes wrapping around more than once.');
    }
    const idx: number[] = [];
    for (let i = -l; i < n + r; i++) idx.push(indexFor(mode, i, n));
    x = x.index_select(d, coreTensor(idx, { dtype: 'int64', device: x.device }));
  }
  return x;
}
