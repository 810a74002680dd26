/**
 * `mx.gluon.Parameter` (python/mxnet/gluon/parameter.py, MXNet 1.9): a named weight with one
 * copy per context, a gradient buffer per copy unless `grad_req` is `'null'`, deferred
 * initialisation for shapes with unknown (0) dimensions, and MXNet's error texts.
 * The Symbol API (`var()`) is not provided. Sparse storage types are accepted as tags only.
 */
import { AssertionError, RuntimeError, ValueError, type DTypeName } from '@nncompat/core';
import { mark_variables } from '../autograd/variables.js';
import { Context, cpu, current_context, formatContextList } from '../context/context.js';
import { create, type InitializerSpec } from '../initializer/registry.js';
import { InitDesc, type Initializer } from '../initializer/initializer.js';
import { Uniform } from '../initializer/initializers.js';
import { dtypeName, formatDtype, mx_real_t, type DTypeLike } from '../ndarray/dtype.js';
import { roundToDtype } from '../ndarray/round.js';
import { hostToNumbers, numbersToHost } from '../ndarray/host.js';
import { NDArray } from '../ndarray/ndarray.js';
import { zeros } from '../ndarray/creation.js';
import { pyTuple } from '../util/pyfmt.js';
import { warn } from '../util/warnings.js';
import { DeferredInitializationError } from './errors.js';

/** How gradients are written: overwritten, accumulated, or not kept. */
export type GradReq = 'write' | 'add' | 'null';
/** Storage types MXNet names (only `'default'`, dense, has data here). */
export type SType = 'default' | 'row_sparse' | 'csr';
/** One context or several. */
export type ContextLike = Context | readonly Context[];

/** Keyword arguments of `Parameter`. */
export interface ParameterOptions {
  grad_req?: GradReq;
  shape?: number | readonly number[] | null;
  dtype?: DTypeLike;
  lr_mult?: number;
  wd_mult?: number;
  init?: InitializerSpec | null;
  allow_deferred_init?: boolean;
  differentiable?: boolean;
  stype?: SType;
  grad_stype?: SType;
}

/** Keyword arguments of `Parameter.initialize`. */
export interface ParameterInitializeOptions {
  init?: InitializerSpec | null;
  ctx?: ContextLike | null;
  default_init?: InitializerSpec;
  force_reinit?: boolean;
}

type Deferred = [] | [init: InitializerSpec, ctx: Context[], default_init: InitializerSpec, data: NDArray | null];

/** Python's `shape_is_known` outside NumPy semantics: 0 marks an unknown dimension, `()` is unknown. */
export function shape_is_known(shape: readonly number[] | null): boolean {
  if (shape === null) return false;
  if (shape.length === 0) return false;
  for (const d of shape) {
    if (d === 0) return false;
    if (!(d > 0)) throw new AssertionError(`shape dimension size cannot be less than 0, while received ${d}`);
  }
  return true;
}

const LIST = Symbol('list');

function toCtxList(ctx: ContextLike | null | undefined): Context[] {
  if (ctx == null) return [current_context()];
  return ctx instanceof Context ? [ctx] : [...ctx];
}

function sameCtxSet(a: readonly Context[], b: readonly Context[]): boolean {
  const sa = new Set(a), sb = new Set(b);
  return sa.size === sb.size && [...sa].every((c) => sb.has(c));
}

/**
 * A Gluon parameter.
 *
 * @example
 * ```ts
 * const w = new mx.gluon.Parameter('fc_weight', { shape: [64, 100], init: new mx.init.Xavier() });
 * w.initialize({ ctx: [mx.cpu(0), mx.cpu(1)] });
 * w.data(mx.cpu(1)).shape; // [64, 100]
 * String(w);               // "Parameter fc_weight (shape=(64, 100), dtype=<class 'numpy.float32'>)"
 * ```
 */
export class Parameter {
  /** Python module shown in `<class '…'>` texts. */
  static __module__ = 'mxnet.gluon.parameter';
  /** @internal */ _data: NDArray[] | null = null;
  /** @internal */ _grad: NDArray[] | null = null;
  /** @internal */ _ctx_list: Context[] | null = null;
  /** @internal */ _ctx_map: (number | null)[][] | null = null;
  /** @internal */ _trainer: unknown = null;
  /** @internal */ _deferred_init: Deferred = [];
  /** @internal */ _differentiable: boolean;
  /** @internal */ _allow_deferred_init: boolean;
  /** @internal */ _grad_req: GradReq | null = null;
  /** @internal */ _shape: readonly number[] | null;
  /** @internal */ _dtype: DTypeLike;
  /** @internal */ _grad_stype: SType;
  /** @internal */ _stype: SType;
  name: string;
  lr_mult: number;
  wd_mult: number;
  init: InitializerSpec | null;

  constructor(name: string, options: ParameterOptions = {}) {
    const {
      grad_req = 'write', shape = null, dtype = mx_real_t, lr_mult = 1.0, wd_mult = 1.0, init = null,
      allow_deferred_init = false, differentiable = true, stype = 'default', grad_stype = 'default',
    } = options;
    this._differentiable = differentiable;
    this._allow_deferred_init = allow_deferred_init;
    this._shape = typeof shape === 'number' ? Object.freeze([shape]) : shape === null ? null : Object.freeze([...shape]);
    this.name = name;
    this._dtype = dtype;
    this.lr_mult = lr_mult;
    this.wd_mult = wd_mult;
    this.grad_req = grad_req;
    this.init = init;
    const valid = ['default', 'row_sparse', 'csr'];
    if (!valid.includes(grad_stype)) {
      throw new AssertionError(`grad_stype for Parameter '${name}' must be one of 'default', 'row_sparse', or 'csr', but got '${grad_stype}'`);
    }
    if (!valid.includes(stype)) {
      throw new AssertionError(`stype for Parameter '${name}' must be one of 'default', 'row_sparse', or 'csr', but got '${stype}'`);
    }
    this._grad_stype = grad_stype;
    this._stype = stype;
  }

  /** `Parameter {name} (shape={shape}, dtype={dtype})`. */
  toString(): string {
    return `Parameter ${this.name} (shape=${pyTuple(this.shape)}, dtype=${formatDtype(this.dtype)})`;
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /** `'write'`, `'add'` or `'null'`; setting `'null'` drops the gradient buffers. */
  get grad_req(): GradReq {
    return this._grad_req as GradReq;
  }
  set grad_req(req: GradReq) {
    if (!['write', 'add', 'null'].includes(req)) {
      throw new AssertionError(`grad_req must be one of 'write', 'add', or 'null', but got '${req}'`);
    }
    if (!this._differentiable) req = 'null';
    if (this._grad_req === req) return;
    this._grad_req = req;
    if (req === 'null' && this._grad !== null) {
      this._grad = null;
      this._data = this._data!.map((i) => i.detach());
    } else if (this._data !== null) {
      this._init_grad();
    }
  }

  /** The dtype as given (a string or a NumPy type); setting it casts the data. */
  get dtype(): DTypeLike {
    return this._dtype;
  }
  set dtype(dtype: DTypeLike) {
    this.cast(dtype);
  }

  /** The shape; 0 marks a dimension still unknown (filled on first use or load). */
  get shape(): readonly number[] | null {
    return this._shape;
  }
  set shape(new_shape: readonly number[] | number | null) {
    // Python's setattr from ParameterDict.get may pass an int; the constructor turns ints into 1-tuples.
    if (typeof new_shape === 'number') new_shape = [new_shape];
    if (this._shape === null) {
      this._shape = new_shape === null ? null : Object.freeze([...new_shape]);
      return;
    }
    const cur = this._shape;
    const ok = new_shape !== null && cur.length === new_shape.length && new_shape.every((i, k) => [-1, 0, i].includes(cur[k]!));
    if (!ok) throw new AssertionError(`Expected shape ${pyTuple(new_shape)} is incompatible with given shape ${pyTuple(cur)}.`);
    this._shape = Object.freeze([...new_shape!]);
  }

  /** @internal Picks one copy by context (or all with LIST), or raises MXNet's not-initialised errors. */
  _check_and_get(arr_list: NDArray[] | null, ctx: typeof LIST): NDArray[];
  _check_and_get(arr_list: NDArray[] | null, ctx: Context | null | undefined): NDArray;
  _check_and_get(arr_list: NDArray[] | null, ctx: Context | null | undefined | typeof LIST): NDArray | NDArray[] {
    if (arr_list !== null) {
      if (ctx === LIST) return arr_list;
      if (ctx == null) {
        if (arr_list.length === 1) return arr_list[0]!;
        ctx = current_context();
      }
      const ctx_list = this._ctx_map![ctx.device_typeid & 1]!;
      if (ctx.device_id < ctx_list.length) {
        const idx = ctx_list[ctx.device_id];
        if (idx != null) return arr_list[idx]!;
      }
      throw new RuntimeError(`Parameter '${this.name}' was not initialized on context ${ctx}. It was only initialized on ${formatContextList(this._ctx_list!)}.`);
    }
    if (this._deferred_init.length) {
      throw new DeferredInitializationError(
        `Parameter '${this.name}' has not been initialized yet because initialization was deferred. ` +
          'Actual initialization happens during the first forward pass. Please pass one batch of data through the network before accessing Parameters. ' +
          'You can also avoid deferred initialization by specifying in_units, num_features, etc., for network layers.',
      );
    }
    throw new RuntimeError(
      `Parameter '${this.name}' has not been initialized. Note that you should initialize parameters and create Trainer ` +
        'with Block.collect_params() instead of Block.params because the later does not include Parameters of nested child Blocks',
    );
  }

  /**
   * @internal (Re)initialises from loaded data, checking shape and dtype against the saved
   * array as MXNet does (`cast_dtype` with `dtype_source` 'current' or 'saved').
   */
  _load_init(data: NDArray, ctx: ContextLike | null | undefined, cast_dtype = false, dtype_source: 'current' | 'saved' = 'current'): void {
    if (cast_dtype && !['current', 'saved'].includes(dtype_source)) throw new AssertionError('');
    const shape = this.shape;
    if (shape && shape.length) {
      const n = Math.min(shape.length, data.shape.length);
      for (let k = 0; k < n; k++) {
        if (shape[k] !== 0 && shape[k] !== data.shape[k]) {
          throw new AssertionError(
            `Failed loading Parameter '${this.name}' from saved params: shape incompatible expected ${pyTuple(shape)} vs saved ${pyTuple(data.shape)}`,
          );
        }
      }
      this.shape = shape.slice(0, n).map((i, k) => (i !== 0 ? i : data.shape[k]!));
    }
    const saved = data.tensor().dtype.name;
    if (cast_dtype && dtypeName(this.dtype) !== saved) {
      if (dtype_source === 'current') data = data.astype(this.dtype, false);
      else this.dtype = data.dtype;
    } else if (dtypeName(this.dtype) !== saved) {
      throw new AssertionError(
        `Failed loading Parameter '${this.name}' from saved params: dtype incompatible expected ${formatDtype(this.dtype)} vs saved ${formatDtype(data.dtype)}. ` +
          'Set cast_dtype=True to cast the dtype of saved params.',
      );
    }
    let ctxs = ctx == null ? null : toCtxList(ctx);
    if (this._data === null) {
      if (this._deferred_init.length) {
        const dctx = this._deferred_init[1]!;
        if (ctxs !== null && !sameCtxSet(ctxs, dctx)) {
          throw new AssertionError(`Failed to load Parameter '${this.name}' on ${formatContextList(ctxs)} because it was previous initialized on ${formatContextList(this.list_ctx())}.`);
        }
        ctxs = dctx;
      } else if (ctxs === null) {
        ctxs = [cpu()];
      }
      this._init_impl(data, ctxs);
    } else {
      if (ctxs !== null && !sameCtxSet(ctxs, this.list_ctx())) {
        throw new AssertionError(`Failed to load Parameter '${this.name}' on ${formatContextList(ctxs)} because it was previous initialized on ${formatContextList(this.list_ctx())}.`);
      }
      this.set_data(data);
    }
    this._deferred_init = [];
  }

  /** @internal Runs a pending deferred initialisation now that the shape is known. */
  _finish_deferred_init(): void {
    if (!this._deferred_init.length) return;
    const [init, ctx, default_init, given] = this._deferred_init as Exclude<Deferred, []>;
    this._deferred_init = [];
    if (!shape_is_known(this.shape)) {
      throw new AssertionError(
        `Cannot initialize Parameter '${this.name}' because it has invalid shape: ${pyTuple(this.shape)}. Please specify in_units, in_channels, etc for \`Block\`s.`,
      );
    }
    let data = given;
    if (data === null) {
      data = zeros(this.shape!, { dtype: this.dtype, ctx: cpu() });
      create(default_init).__call__(new InitDesc(this.name, { __init__: init }), data);
    }
    this._init_impl(data, ctx);
  }

  /** @internal Copies `data` to every context and allocates gradients. */
  _init_impl(data: NDArray, ctx_list: readonly Context[]): void {
    this._ctx_list = [...ctx_list];
    this._ctx_map = [[], []];
    this._ctx_list.forEach((ctx, i) => {
      const dev_list = this._ctx_map![ctx.device_typeid & 1]!;
      while (dev_list.length <= ctx.device_id) dev_list.push(null);
      dev_list[ctx.device_id] = i;
    });
    this._data = this._ctx_list.map((ctx) => data.copyto(ctx));
    this._init_grad();
  }

  /** @internal Zero gradient buffers shaped like each data copy (none for grad_req 'null'). */
  _init_grad(): void {
    if (this.grad_req === 'null') {
      this._grad = null;
      return;
    }
    this._grad = this._data!.map((i) => zeros(i.shape, { dtype: i.tensor().dtype.name, ctx: i.context }));
    mark_variables(this._data!, this._grad, this.grad_req);
  }

  /** @internal The average of all copies on cpu(0), in the parameter's dtype (MXNet's add_n then divide). */
  _reduce(): NDArray {
    const block = this.list_data();
    if (block.length === 1) return this.data().copyto(cpu());
    const d: DTypeName = block[0]!.tensor().dtype.name;
    const acc = hostToNumbers(block[0]!.asnumpy(), d);
    for (const w of block.slice(1)) {
      const v = hostToNumbers(w.asnumpy(), d);
      for (let i = 0; i < acc.length; i++) acc[i] = roundToDtype(acc[i]! + v[i]!, d);
    }
    for (let i = 0; i < acc.length; i++) acc[i] = roundToDtype(acc[i]! / block.length, d);
    return NDArray._fromHost(numbersToHost(acc, d), block[0]!.shape, d, cpu());
  }

  /**
   * `initialize(init=None, ctx=None, default_init=Uniform(), force_reinit=False)`: creates the
   * data (and gradient) on each context; defers when the shape is not known yet and
   * `allow_deferred_init` was set. Positional or as one options object.
   *
   * @example
   * ```ts
   * p.initialize({ init: 'xavier', ctx: [mx.cpu(0), mx.cpu(1)] });
   * ```
   */
  initialize(init?: InitializerSpec | ParameterInitializeOptions | null, ctx?: ContextLike | null, default_init: InitializerSpec = new Uniform(), force_reinit = false): void {
    if (init !== null && typeof init === 'object' && !isInitializer(init)) {
      const o = init as ParameterInitializeOptions;
      return this.initialize(o.init ?? null, o.ctx ?? null, o.default_init ?? new Uniform(), o.force_reinit ?? false);
    }
    if (this._data !== null && !force_reinit) {
      warn(`Parameter '${this.name}' is already initialized, ignoring. Set force_reinit=True to re-initialize.`);
      return;
    }
    this._data = this._grad = null;
    const ctxs = toCtxList(ctx);
    let chosen = (init ?? null) as InitializerSpec | null;
    if (chosen === null) chosen = this.init === null ? default_init : this.init;
    if (!shape_is_known(this.shape)) {
      if (this._allow_deferred_init) {
        this._deferred_init = [chosen, ctxs, default_init, null];
        return;
      }
      throw new ValueError(`Cannot initialize Parameter '${this.name}' because it has invalid shape: ${pyTuple(this.shape)}.`);
    }
    this._deferred_init = [chosen, ctxs, default_init, null];
    this._finish_deferred_init();
  }

  /** `reset_ctx(ctx)`: moves the data (averaged over copies) to the given context(s). */
  reset_ctx(ctx: ContextLike | null): void {
    const ctxs = toCtxList(ctx);
    if (this._data) {
      const data = this._reduce();
      this._init_impl(data, ctxs);
    } else if (this._deferred_init.length) {
      const [init, , default_init, data] = this._deferred_init as Exclude<Deferred, []>;
      this._deferred_init = [init, ctxs, default_init, data];
    } else {
      throw new ValueError(`Cannot reset context for Parameter '${this.name}' because it has not been initialized.`);
    }
  }

  /** `set_data(data)`: sets the value on every context (or stores it for a deferred init). */
  set_data(data: NDArray): void {
    this.shape = data.shape;
    if (this._data === null) {
      if (!this._deferred_init.length) throw new AssertionError(`Parameter '${this.name}' has not been initialized`);
      const [init, ctx, default_init] = this._deferred_init as Exclude<Deferred, []>;
      this._deferred_init = [init, ctx, default_init, data];
      return;
    }
    for (const arr of this._check_and_get(this._data, LIST)) arr.__setitem__(':', data);
  }

  /** `row_sparse_data(row_id)`: only for row_sparse parameters, which need a Trainer. */
  row_sparse_data(row_id: NDArray): NDArray {
    if (this._stype !== 'row_sparse') {
      throw new RuntimeError(`Cannot return a copy of Parameter ${this.name} via row_sparse_data() because its storage type is ${this._stype}. Please use data() instead.`);
    }
    return this._get_row_sparse(row_id);
  }

  /** `list_row_sparse_data(row_id)`: only for row_sparse parameters, which need a Trainer. */
  list_row_sparse_data(row_id: NDArray): NDArray[] {
    if (this._stype !== 'row_sparse') {
      throw new RuntimeError(`Cannot return copies of Parameter '${this.name}' on all contexts via list_row_sparse_data() because its storage type is ${this._stype}. Please use data() instead.`);
    }
    return [this._get_row_sparse(row_id)];
  }

  /** @internal Row-sparse pulls go through a Trainer, which this package does not have yet. */
  private _get_row_sparse(row_id: NDArray): never {
    if (!(row_id instanceof NDArray)) throw new TypeError(`row_id must have NDArray type, but ${typeof row_id} is given`);
    throw new RuntimeError(`Cannot get row_sparse data for Parameter '${this.name}' when no Trainer is created with it.`);
  }

  /** `data(ctx=None)`: the copy on `ctx` (the only copy when there is one). */
  data(ctx: Context | null = null): NDArray {
    if (this._stype !== 'default') {
      throw new RuntimeError(
        `Cannot return a copy of Parameter '${this.name}' on ctx ${ctx === null ? 'None' : ctx} via data() because its storage type is ${this._stype}. Please use row_sparse_data() instead.`,
      );
    }
    return this._check_and_get(this._data, ctx);
  }

  /** `list_data()`: the copies on all contexts, in creation order. */
  list_data(): NDArray[] {
    if (this._stype !== 'default') {
      throw new RuntimeError(
        `Cannot return copies of Parameter '${this.name}' on all contexts via list_data() because its storage type is ${this._stype}. Please use row_sparse_data() instead.`,
      );
    }
    return this._check_and_get(this._data, LIST);
  }

  /** `grad(ctx=None)`: the gradient buffer on `ctx`. */
  grad(ctx: Context | null = null): NDArray {
    if (this._data !== null && this._grad === null) {
      throw new RuntimeError(`Cannot get gradient array for Parameter '${this.name}' because grad_req='null'`);
    }
    return this._check_and_get(this._grad, ctx);
  }

  /** `list_grad()`: gradient buffers on all contexts. */
  list_grad(): NDArray[] {
    if (this._data !== null && this._grad === null) {
      throw new RuntimeError(`Cannot get gradient array for Parameter '${this.name}' because grad_req='null'`);
    }
    return this._check_and_get(this._grad, LIST);
  }

  /** `list_ctx()`: the contexts this parameter is (or will be, when deferred) initialised on. */
  list_ctx(): Context[] {
    if (this._data === null) {
      if (this._deferred_init.length) return this._deferred_init[1]!;
      throw new RuntimeError(`Parameter '${this.name}' has not been initialized`);
    }
    return this._ctx_list!;
  }

  /** `zero_grad()`: zeroes every gradient buffer (no-op without gradients). */
  zero_grad(): void {
    if (this._grad === null) return;
    for (const g of this._grad) g.__setitem__(':', 0);
  }

  /** `cast(dtype)`: casts data and gradients. */
  cast(dtype: DTypeLike): void {
    dtypeName(dtype);
    this._dtype = dtype;
    if (this._data === null) return;
    this._data = this._data.map((i) => i.astype(dtype));
    if (this._grad === null) return;
    this._grad = this._grad.map((i) => i.astype(dtype));
    mark_variables(this._data, this._grad, this.grad_req);
  }
}

function isInitializer(x: object): x is Initializer {
  return typeof (x as Initializer).__call__ === 'function';
}

