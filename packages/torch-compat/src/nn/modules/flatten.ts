/** `torch.nn.Flatten` and `torch.nn.Unflatten`. */
import type { Tensor } from '@nncompat/core';
import { bindArgs, type WithKw } from './layers-util/args.js';
import { pyTuple } from './layers-util/format.js';
import { Module } from './module.js';

/** Keyword arguments of `nn.Flatten`. */
export interface FlattenKw {
  start_dim?: number;
  end_dim?: number;
}

/**
 * `nn.Flatten(start_dim=1, end_dim=-1)`.
 *
 * @example
 * ```ts
 * new nn.Flatten()(torch.randn(32, 1, 5, 5)).shape; // [32, 25]
 * ```
 */
export class Flatten extends Module {
  static override __module__ = 'torch.nn.modules.flatten';
  declare start_dim: number;
  declare end_dim: number;
  constructor(...args: WithKw<[start_dim: number, end_dim: number], FlattenKw>) {
    super();
    const o = bindArgs<FlattenKw>('Flatten.__init__', ['start_dim', 'end_dim'], args);
    this.start_dim = o.start_dim ?? 1;
    this.end_dim = o.end_dim ?? -1;
  }
  override forward(input: Tensor): Tensor {
    return input.flatten(this.start_dim, this.end_dim);
  }
  override extra_repr(): string {
    return `start_dim=${this.start_dim}, end_dim=${this.end_dim}`;
  }
}

/**
 * `nn.Unflatten(dim, unflattened_size)`: splits dimension `dim` into `unflattened_size`
 * (printed as a tuple, the usual Python spelling).
 *
 * @example
 * ```ts
 * new nn.Unflatten(1, [2, 5, 5])(torch.randn(2, 50)).shape; // [2, 2, 5, 5]
 * ```
 */
export class Unflatten extends Module {
  static override __module__ = 'torch.nn.modules.flatten';
  declare dim: number;
  declare unflattened_size: readonly number[];
  constructor(dim: number, unflattened_size: readonly number[]) {
    super();
    if (typeof dim !== 'number' || !Number.isInteger(dim)) throw new TypeError(`invalid argument type for dim parameter, expected int but got ${typeof dim}`);
    if (!Array.isArray(unflattened_size)) throw new TypeError('unflattened_size must be tuple of ints, but found type ' + typeof unflattened_size);
    unflattened_size.forEach((e, idx) => {
      if (!Number.isInteger(e)) throw new TypeError(`unflattened_size must be tuple of ints, but found element of type ${typeof e} at pos ${idx}`);
    });
    this.dim = dim;
    this.unflattened_size = Object.freeze([...unflattened_size]);
  }
  override forward(input: Tensor): Tensor {
    return input.unflatten(this.dim, this.unflattened_size);
  }
  override extra_repr(): string {
    return `dim=${this.dim}, unflattened_size=${pyTuple(this.unflattened_size)}`;
  }
}
