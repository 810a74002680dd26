/**
 * Padding modules of `torch.nn` (ZeroPad2d, ConstantPad1d/2d/3d, ReflectionPad1d/2d/3d,
 * ReplicationPad1d/2d/3d): the padding normalised to a tuple as `_pair` / `_quadruple` do, the
 * forward `F.pad` with the module's mode, and PyTorch 2.1's `extra_repr`.
 */
import type { Tensor } from '@nncompat/core';
import * as F from '../../functional/index.js';
import { ntuple, pyFloat, pyTuple } from './layers-util/format.js';
import { Module } from './module.js';

type Mode = 'constant' | 'reflect' | 'replicate';
const MOD = 'torch.nn.modules.padding';

/** `_ConstantPadNd` / `_ReflectionPadNd` / `_ReplicationPadNd`. */
abstract class PadNd extends Module {
  static override __module__ = MOD;
  declare padding: readonly number[];
  protected abstract readonly mode: Mode;
  constructor(padding: number | readonly number[], n: number) {
    super();
    this.padding = ntuple(padding, n);
  }
  override extra_repr(): string {
    return pyTuple(this.padding);
  }
}

abstract class ConstantPadNd extends PadNd {
  protected readonly mode = 'constant';
  declare value: number;
  constructor(padding: number | readonly number[], value: number, n: number) {
    super(padding, n);
    this.value = value;
  }
  override forward(input: Tensor): Tensor {
    return F.pad(input, this.padding, 'constant', this.value);
  }
  override extra_repr(): string {
    return `padding=${pyTuple(this.padding)}, value=${pyFloat(this.value)}`;
  }
}

/**
 * `nn.ConstantPad1d(padding, value)`: `padding` an int or `(left, right)`.
 *
 * @example
 * ```ts
 * new nn.ConstantPad1d(2, 3.5)(x);
 * ```
 */
export class ConstantPad1d extends ConstantPadNd {
  constructor(padding: number | readonly [number, number], value: number) {
    super(padding, value, 2);
  }
}

/**
 * `nn.ConstantPad2d(padding, value)`: `padding` an int or `(left, right, top, bottom)`.
 *
 * @example
 * ```ts
 * new nn.ConstantPad2d([1, 0, 2, 0], -1)(x);
 * ```
 */
export class ConstantPad2d extends ConstantPadNd {
  constructor(padding: number | readonly [number, number, number, number], value: number) {
    super(padding, value, 4);
  }
}

/**
 * `nn.ZeroPad2d(padding)`: `ConstantPad2d(padding, 0.)`; PyTorch 2.1 prints only the padding.
 *
 * @example
 * ```ts
 * new nn.ZeroPad2d(1)(x);
 * ```
 */
export class ZeroPad2d extends ConstantPad2d {
  constructor(padding: number | readonly [number, number, number, number]) {
    super(padding, 0);
  }
  override extra_repr(): string {
    return pyTuple(this.padding);
  }
}

abstract class ModePadNd extends PadNd {
  override forward(input: Tensor): Tensor {
    return F.pad(input, this.padding, this.mode);
  }
}

/**
 * `nn.ReflectionPad1d(padding)`.
 *
 * @example
 * ```ts
 * new nn.ReflectionPad1d(2)(x); // x: [N, C, L] or [C, L]
 * ```
 */
export class ReflectionPad1d extends ModePadNd {
  protected readonly mode = 'reflect';
  constructor(padding: number | readonly [number, number]) {
    super(padding, 2);
  }
}

/**
 * `nn.ReflectionPad2d(padding)`.
 *
 * @example
 * ```ts
 * new nn.ReflectionPad2d([1, 1, 2, 0])(x);
 * ```
 */
export class ReflectionPad2d extends ModePadNd {
  protected readonly mode = 'reflect';
  constructor(padding: number | readonly [number, number, number, number]) {
    super(padding, 4);
  }
}

/**
 * `nn.ReplicationPad1d(padding)`.
 *
 * @example
 * ```ts
 * new nn.ReplicationPad1d(2)(x);
 * ```
 */
export class ReplicationPad1d extends ModePadNd {
  protected readonly mode = 'replicate';
  constructor(padding: number | readonly [number, number]) {
    super(padding, 2);
  }
}

/**
 * `nn.ReplicationPad2d(padding)`.
 *
 * @example
 * ```ts
 * new nn.ReplicationPad2d(1)(x);
 * ```
 */
export class ReplicationPad2d extends ModePadNd {
  protected readonly mode = 'replicate';
  constructor(padding: number | readonly [number, number, number, number]) {
    super(padding, 4);
  }
}

/**
 * `nn.ConstantPad3d(padding, value)`: `padding` an int or
 * `(left, right, top, bottom, front, back)`.
 *
 * @example
 * ```ts
 * new nn.ConstantPad3d(1, 0.5)(x); // x: [N, C, D, H, W] or [C, D, H, W]
 * ```
 */
export class ConstantPad3d extends ConstantPadNd {
  constructor(padding: number | readonly [number, number, number, number, number, number], value: number) {
    super(padding, value, 6);
  }
}

/**
 * `nn.ReflectionPad3d(padding)`.
 *
 * @example
 * ```ts
 * new nn.ReflectionPad3d(1)(x);
 * ```
 */
export class ReflectionPad3d extends ModePadNd {
  protected readonly mode = 'reflect';
  constructor(padding: number | readonly [number, number, number, number, number, number]) {
    super(padding, 6);
  }
}

/**
 * `nn.ReplicationPad3d(padding)`.
 *
 * @example
 * ```ts
 * new nn.ReplicationPad3d(1)(x);
 * ```
 */
export class ReplicationPad3d extends ModePadNd {
  protected readonly mode = 'replicate';
  constructor(padding: number | readonly [number, number, number, number, number, number]) {
    super(padding, 6);
  }
}
