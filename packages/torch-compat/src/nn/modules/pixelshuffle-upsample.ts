/** `nn.PixelShuffle`, `nn.PixelUnshuffle` and `nn.Upsample` (forwards are the F functions). */
import type { Tensor } from '@nncompat/core';
import * as F from '../../functional/index.js';
import { pyStrRepr } from '../../python.js';
import { bindArgs, type WithKw } from './layers-util/args.js';
import { pyFloat, pyTuple } from './layers-util/format.js';
import { Module } from './module.js';

/**
 * `nn.PixelShuffle(upscale_factor)`.
 *
 * @example
 * ```ts
 * new nn.PixelShuffle(2)(torch.randn(1, 8, 3, 3)); // [1, 2, 6, 6]
 * ```
 */
export class PixelShuffle extends Module {
  static override __module__ = 'torch.nn.modules.pixelshuffle';
  declare upscale_factor: number;
  constructor(upscale_factor: number) {
    super();
    this.upscale_factor = upscale_factor;
  }
  override forward(input: Tensor): Tensor {
    return F.pixel_shuffle(input, this.upscale_factor);
  }
  override extra_repr(): string {
    return `upscale_factor=${this.upscale_factor}`;
  }
}

/**
 * `nn.PixelUnshuffle(downscale_factor)`.
 *
 * @example
 * ```ts
 * new nn.PixelUnshuffle(2)(torch.randn(1, 2, 6, 6)); // [1, 8, 3, 3]
 * ```
 */
export class PixelUnshuffle extends Module {
  static override __module__ = 'torch.nn.modules.pixelshuffle';
  declare downscale_factor: number;
  constructor(downscale_factor: number) {
    super();
    this.downscale_factor = downscale_factor;
  }
  override forward(input: Tensor): Tensor {
    return F.pixel_unshuffle(input, this.downscale_factor);
  }
  override extra_repr(): string {
    return `downscale_factor=${this.downscale_factor}`;
  }
}

type UpsampleMode = NonNullable<F.InterpolateOptions['mode']>;

/** Keyword arguments of `nn.Upsample`. */
export interface UpsampleKw {
  size?: number | readonly number[] | null;
  scale_factor?: number | readonly number[] | null;
  mode?: UpsampleMode;
  align_corners?: boolean | null;
  recompute_scale_factor?: boolean | null;
}

/**
 * `nn.Upsample(size=None, scale_factor=None, mode='nearest', align_corners=None,
 * recompute_scale_factor=None)`: `F.interpolate` with the stored arguments (the modes
 * `F.interpolate` implements).
 *
 * @example
 * ```ts
 * new nn.Upsample({ scale_factor: 2, mode: 'bilinear' })(x);
 * ```
 */
export class Upsample extends Module {
  static override __module__ = 'torch.nn.modules.upsampling';
  declare name: string;
  declare size: number | readonly number[] | null;
  declare scale_factor: number | readonly number[] | null;
  declare mode: UpsampleMode;
  declare align_corners: boolean | null;
  declare recompute_scale_factor: boolean | null;
  constructor(...args: WithKw<[size: number | readonly number[] | null, scale_factor: number | readonly number[] | null, mode: UpsampleMode, align_corners: boolean | null, recompute_scale_factor: boolean | null], UpsampleKw>) {
    super();
    const o = bindArgs<UpsampleKw>('Upsample.__init__', ['size', 'scale_factor', 'mode', 'align_corners', 'recompute_scale_factor'], args);
    this.name = this.constructor.name;
    this.size = o.size ?? null;
    // `float(scale_factor) if scale_factor else None` (a tuple stays a tuple of floats).
    const sf = o.scale_factor ?? null;
    this.scale_factor = sf === 0 ? null : sf === null ? null : typeof sf === 'number' ? sf : Object.freeze([...sf]);
    this.mode = o.mode ?? 'nearest';
    this.align_corners = o.align_corners ?? null;
    this.recompute_scale_factor = o.recompute_scale_factor ?? null;
  }
  override forward(input: Tensor): Tensor {
    return F.interpolate(input, this.size, this.scale_factor, this.mode, this.align_corners, { recompute_scale_factor: this.recompute_scale_factor });
  }
  override extra_repr(): string {
    let info: string;
    if (this.scale_factor !== null) {
      const sf = this.scale_factor;
      info = `scale_factor=${typeof sf === 'number' ? pyFloat(sf) : `(${sf.map((v) => pyFloat(v)).join(', ')}${sf.length === 1 ? ',' : ''})`}`;
    } else {
      info = `size=${pyTuple(this.size)}`;
    }
    return `${info}, mode=${pyStrRepr(this.mode)}`;
  }
}
