/**
 * `mx.gluon.HybridBlock` (python/mxnet/gluon/block.py, MXNet 1.9) without the Symbol API:
 * `forward` runs `hybrid_forward(F, x, ...args, params)` with `F = mx.nd` and this block's
 * parameter data on the input's context. `hybridize` is recorded but changes nothing (there is
 * no graph to cache), so results are the same hybridized or not. Deferred shapes are filled by
 * `infer_shape`, which each layer implements from its input shapes (MXNet infers them from
 * the symbolic graph).
 */
import { NotImplementedError, ValueError } from '@nncompat/core';
import * as nd from '../ndarray/index.js';
import { NDArray } from '../ndarray/ndarray.js';
import { warn } from '../util/warnings.js';
import { Block, type BlockOptions, type HybridizeOptions } from './block.js';
import { DeferredInitializationError } from './errors.js';
import { pyTypeRepr } from './utils.js';
import type { DTypeLike } from '../ndarray/dtype.js';
import type { Context } from '../context/context.js';

/** The `F` a `hybrid_forward` receives: the `mx.nd` namespace. */
export type F = typeof nd;

function firstNDArray(args: readonly unknown[]): NDArray | null {
  for (const a of args) {
    if (a instanceof NDArray) return a;
    if (Array.isArray(a)) {
      const f = firstNDArray(a);
      if (f) return f;
    }
  }
  return null;
}

/**
 * A block whose computation is written once against `F` (here always `mx.nd`).
 *
 * @example
 * ```ts
 * class Model extends mx.gluon.HybridBlock {
 *   declare dense0: mx.gluon.nn.Dense;
 *   constructor() {
 *     super();
 *     this.name_scope(() => { this.dense0 = new mx.gluon.nn.Dense(20); });
 *   }
 *   override hybrid_forward(F: mx.gluon.F, x: mx.nd.NDArray) { return F.relu(this.dense0(x)); }
 * }
 * ```
 */
export class HybridBlock extends Block {
  declare _active: boolean;
  declare _flags: [string, unknown][];
  declare _backend: string | null;

  constructor(opts: BlockOptions = {}) {
    super(opts);
    this._active = false;
    this._flags = [];
    this._backend = null;
  }

  /** Children of a HybridBlock must be HybridBlocks (MXNet's ValueError). */
  override register_child(block: Block, name: string | null = null): void {
    if (!(block instanceof HybridBlock)) {
      throw new ValueError(
        `Children of HybridBlock must also be HybridBlock, but ${block.__repr__()} has type ${pyTypeRepr(block)}. ` +
          'If you are using Sequential, please try HybridSequential instead.',
      );
    }
    super.register_child(block, name);
  }

  /**
   * `hybridize(active=True, backend=None, clear=True, static_alloc=False, …)`: records the
   * flags and recurses; execution stays imperative, so outputs do not change.
   */
  override hybridize(active = true, opts: HybridizeOptions = {}): void {
    this._backend = opts.backend ?? null;
    this._active = active;
    this._flags = [['static_alloc', opts.static_alloc ?? false], ['static_shape', opts.static_shape ?? false], ['inline_limit', opts.inline_limit ?? 2]];
    if (opts.forward_bulk_size != null) this._flags.push(['forward_bulk_size', opts.forward_bulk_size]);
    if (opts.backward_bulk_size != null) this._flags.push(['backward_bulk_size', opts.backward_bulk_size]);
    // Python's precedence: `active and self._forward_hooks or self._forward_pre_hooks`.
    if ((active && this._forward_hooks.size > 0) || this._forward_pre_hooks.size > 0) {
      const b = this.__repr__();
      warn(`"${b}" is being hybridized while still having forward hook/pre-hook. If "${b}" is a child of HybridBlock, the hooks will not take effect.`);
    }
    super.hybridize(active, opts);
  }

  /** `cast(dtype)`. */
  override cast(dtype: DTypeLike): void {
    super.cast(dtype);
  }

  /**
   * `infer_shape(*args)`: fills unknown (0) dimensions of this block's own parameters from
   * the input shapes. MXNet derives them from the symbolic graph; here each layer implements
   * it, and a custom HybridBlock with deferred parameters of its own must override it.
   */
  infer_shape(...args: NDArray[]): void {
    void args;
    throw new NotImplementedError(
      `${this._get_name()} cannot infer the shapes of its parameters without the Symbol API: override infer_shape(...inputs) to set them, or give the shapes (in_units, in_channels, ...) at construction`,
    );
  }

  /** @internal `_deferred_infer_shape`: wraps `infer_shape` failures in MXNet's ValueError. */
  _deferred_infer_shape(...args: NDArray[]): void {
    try {
      this.infer_shape(...args);
    } catch (e) {
      throw new ValueError(`Deferred initialization failed because shape cannot be inferred. ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** @internal This block's registered parameter data on `ctx`, by attribute name. */
  _param_data(ctx: Context): Record<string, NDArray> {
    const params: Record<string, NDArray> = {};
    for (const [k, v] of this._reg_params) params[k] = v.data(ctx);
    return params;
  }

  /**
   * `forward(x, *args)`: runs `hybrid_forward(mx.nd, x, ...args, params)` on the first input's
   * context, finishing deferred initialisation on first use.
   */
  override forward(x: NDArray, ...args: NDArray[]): NDArray {
    const first = firstNDArray([x, ...args]);
    if (first === null) {
      throw new ValueError('In HybridBlock, there must be one NDArray or one Symbol in the input. Please check the type of the args.\n');
    }
    const ctx = first.context;
    return ctx.with(() => {
      let params: Record<string, NDArray>;
      try {
        params = this._param_data(ctx);
      } catch (e) {
        if (!(e instanceof DeferredInitializationError)) throw e;
        this._deferred_infer_shape(x, ...args);
        for (const v of this.params.values()) v._finish_deferred_init();
        params = this._param_data(ctx);
      }
      return (this.hybrid_forward as (...a: unknown[]) => NDArray)(nd, x, ...args, params);
    });
  }

  /**
   * `hybrid_forward(F, x, *args, **params)`: the computation; this block's parameters arrive
   * as one trailing object keyed by attribute name (`{ weight, bias }`).
   */
  hybrid_forward(F: F, x: NDArray, ...args: unknown[]): NDArray {
    void F;
    void x;
    void args;
    throw new NotImplementedError('');
  }
}
