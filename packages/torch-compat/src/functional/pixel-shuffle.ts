/** `F.pixel_shuffle` / `F.pixel_unshuffle` as ATen's reshape–permute–reshape (PixelShuffle.cpp). */
import { RuntimeError, type Tensor } from '@nncompat/core';
import { bindArgs, checkArg, p } from './pyargs.js';

/**
 * `F.pixel_shuffle(input, upscale_factor)`: `[*, C r², H, W]` → `[*, C, H r, W r]`.
 *
 * @example
 * F.pixel_shuffle(torch.randn(1, 8, 3, 3), 2).shape; // [1, 2, 6, 6]
 */
export function pixel_shuffle(input: Tensor, upscale_factor: number, ...args: []): Tensor {
  checkArg('pixel_shuffle', p.int('upscale_factor'), 2, upscale_factor);
  bindArgs('pixel_shuffle', 2, [], args);
  const r = upscale_factor;
  const d = input.dim();
  if (d < 3) throw new RuntimeError(`pixel_shuffle expects input to have at least 3 dimensions, but got input with ${d} dimension(s)`);
  if (r <= 0) throw new RuntimeError(`pixel_shuffle expects a positive upscale_factor, but got ${r}`);
  const [c, h, w] = input.shape.slice(-3) as [number, number, number];
  if (c % (r * r) !== 0) {
    throw new RuntimeError(`pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of upscale_factor, but input.size(-3)=${c} is not divisible by ${r * r}`);
  }
  const batch = input.shape.slice(0, -3);
  const oc = c / (r * r);
  const b = batch.length;
  const perm = [...batch.map((_, i) => i), b, b + 3, b + 1, b + 4, b + 2];
  return input.reshape([...batch, oc, r, r, h, w]).permute(perm).reshape([...batch, oc, h * r, w * r]);
}

/**
 * `F.pixel_unshuffle(input, downscale_factor)`: `[*, C, H r, W r]` → `[*, C r², H, W]`.
 *
 * @example
 * F.pixel_unshuffle(torch.randn(1, 2, 6, 6), 2).shape; // [1, 8, 3, 3]
 */
export function pixel_unshuffle(input: Tensor, downscale_factor: number, ...args: []): Tensor {
  checkArg('pixel_unshuffle', p.int('downscale_factor'), 2, downscale_factor);
  bindArgs('pixel_unshuffle', 2, [], args);
  const r = downscale_factor;
  const d = input.dim();
  if (d < 3) throw new RuntimeError(`pixel_unshuffle expects input to have at least 3 dimensions, but got input with ${d} dimension(s)`);
  if (r <= 0) throw new RuntimeError(`pixel_unshuffle expects a positive downscale_factor, but got ${r}`);
  const [c, h, w] = input.shape.slice(-3) as [number, number, number];
  if (h % r !== 0) throw new RuntimeError(`pixel_unshuffle expects height to be divisible by downscale_factor, but input.size(-2)=${h} is not divisible by ${r}`);
  if (w % r !== 0) throw new RuntimeError(`pixel_unshuffle expects width to be divisible by downscale_factor, but input.size(-1)=${w} is not divisible by ${r}`);
  const batch = input.shape.slice(0, -3);
  const b = batch.length;
  const perm = [...batch.map((_, i) => i), b, b + 2, b + 4, b + 1, b + 3];
  return input.reshape([...batch, c, h / r, r, w / r, r]).permute(perm).reshape([...batch, c * r * r, h / r, w / r]);
}
