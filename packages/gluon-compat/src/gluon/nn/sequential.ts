/** `gluon.nn.Sequential` / `HybridSequential` (python/mxnet/gluon/nn/basic_layers.py, MXNet 1.9). */
import { IndexError } from '@nncompat/core';
import type { NDArray } from '../../ndarray/ndarray.js';
import { indent } from '../../util/pyfmt.js';
import { warn } from '../../util/warnings.js';
import { Block, type BlockOptions, type HybridizeOptions } from '../block.js';
import { HybridBlock, type F } from '../hybrid-block.js';

function childrenRepr(name: string, children: Map<string, Block>): string {
  const modstr = [...children].map(([key, block]) => `  (${key}): ${indent(block.__repr__(), 2)}`).join('\n');
  return `${name}(\n${modstr}\n)`;
}

function pick<B extends Block>(children: Map<string, B>, key: number): B {
  const list = [...children.values()];
  const i = key < 0 ? key + list.length : key;
  if (!Number.isInteger(key) || i < 0 || i >= list.length) throw new IndexError('list index out of range');
  return list[i]!;
}

/**
 * `Sequential()`: runs its children one after another.
 *
 * @example
 * ```ts
 * const net = new mx.gluon.nn.Sequential();
 * net.name_scope(() => net.add(new mx.gluon.nn.Dense(10, { activation: 'relu' }), new mx.gluon.nn.Dense(20)));
 * ```
 */
export class Sequential extends Block {
  static override __module__ = 'mxnet.gluon.nn.basic_layers';
  /** Children by position (`net[0]`), as the store mirrors them. */
  [index: number]: Block;

  constructor(opts: BlockOptions = {}) {
    super(opts);
  }

  /** `add(*blocks)`: appends children. */
  add(...blocks: Block[]): void {
    for (const block of blocks) this.register_child(block);
  }

  override forward(x: NDArray): NDArray {
    let y: unknown = x;
    for (const block of this._children.values()) y = (block as unknown as (a: unknown) => unknown)(y);
    return y as NDArray;
  }

  override __repr__(): string {
    return childrenRepr(this._get_name(), this._children);
  }

  /** `net[i]` (negative indices count from the end). */
  __getitem__(key: number): Block {
    return pick(this._children, key);
  }

  /** `len(net)`. */
  __len__(): number {
    return this._children.size;
  }

  /** Warns when every child is a HybridBlock (MXNet suggests HybridSequential), then recurses. */
  override hybridize(active = true, opts: HybridizeOptions = {}): void {
    const kids = [...this._children.values()];
    if (kids.length && kids.every((c) => c instanceof HybridBlock)) {
      warn(`All children of this Sequential layer '${this.prefix}' are HybridBlocks. Consider using HybridSequential for the best performance.`);
    }
    super.hybridize(active, opts);
  }
}

/** `HybridSequential()`: a Sequential of HybridBlocks. */
export class HybridSequential extends HybridBlock {
  static override __module__ = 'mxnet.gluon.nn.basic_layers';
  /** Children by position (`net[0]`), as the store mirrors them. */
  [index: number]: HybridBlock;

  constructor(opts: BlockOptions = {}) {
    super(opts);
  }

  /** `add(*blocks)`: appends children. */
  add(...blocks: HybridBlock[]): void {
    for (const block of blocks) this.register_child(block);
  }

  override hybrid_forward(F: F, x: NDArray): NDArray {
    void F;
    let y = x;
    for (const block of this._children.values()) y = (block as HybridBlock)(y);
    return y;
  }

  override __repr__(): string {
    return childrenRepr(this._get_name(), this._children);
  }

  /** `net[i]` (negative indices count from the end). */
  __getitem__(key: number): HybridBlock {
    return pick(this._children as Map<string, HybridBlock>, key);
  }

  /** `len(net)`. */
  __len__(): number {
    return this._children.size;
  }
}
