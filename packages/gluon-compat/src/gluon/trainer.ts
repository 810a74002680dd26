/**
 * `mx.gluon.Trainer` (python/mxnet/gluon/trainer.py, MXNet 1.9) without KVStore: one context
 * updates locally; several contexts behave like the default `'device'` KVStore with
 * `update_on_kvstore=True` (gradients summed over contexts, one optimizer state, the updated
 * weight copied to every context), or with `update_on_kvstore=False` like its all-reduce
 * (every gradient copy replaced by the sum, one updater per context).
 */
import { AssertionError, ValueError } from '@nncompat/core';
import { formatContextList, type Context } from '../context/context.js';
import { hostToNumbers, numbersToHost } from '../ndarray/host.js';
import { NDArray } from '../ndarray/ndarray.js';
import { create, Optimizer, Updater, UserWarning } from '../optimizer/optimizer.js';
import '../optimizer/sgd-adam.js';
import { Parameter } from './parameter.js';
import { ParameterDict } from './parameter-dict.js';
import { pyTypeRepr } from './utils.js';

/** Keyword arguments of the optimizer, passed through (`learning_rate`, `wd`, `momentum`, …). */
export type OptimizerParams = Record<string, unknown>;

/** Keyword arguments of `Trainer` beyond the optimizer's. */
export interface TrainerOptions {
  kvstore?: string | null;
  compression_params?: Record<string, unknown> | null;
  update_on_kvstore?: boolean | null;
}

function sameCtxList(a: readonly Context[], b: readonly Context[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/**
 * Applies an optimizer to a set of parameters.
 *
 * @example
 * ```ts
 * const trainer = new mx.gluon.Trainer(net.collect_params(), 'sgd', { learning_rate: 0.1 });
 * const loss = mx.autograd.record(() => net(x).sub(y).square().sum());
 * loss.backward();
 * trainer.step(x.shape[0]);
 * ```
 */
export class Trainer {
  /** @internal */ _params: Parameter[] = [];
  /** @internal */ _param2idx = new Map<string, number>();
  /** @internal */ _contexts: Context[] | null;
  /** @internal */ _optimizer!: Optimizer;
  /** @internal */ _updaters: Updater[] = [];
  /** @internal */ _scale: number;
  /** @internal */ _update_on_kvstore: boolean;

  constructor(
    params: ParameterDict | ReadonlyMap<string, Parameter> | Readonly<Record<string, Parameter>> | readonly Parameter[],
    optimizer: string | Optimizer,
    optimizer_params: OptimizerParams | null = null,
    options: TrainerOptions = {},
  ) {
    let list: unknown[];
    if (params instanceof ParameterDict || params instanceof Map) {
      const dict = params as ParameterDict | ReadonlyMap<string, Parameter>;
      const keys = [...dict.keys()].sort();
      list = keys.map((k) => (dict instanceof ParameterDict ? dict.__getitem__(k) : dict.get(k)));
    } else if (Array.isArray(params)) {
      list = [...params];
    } else if (params !== null && typeof params === 'object' && Object.getPrototypeOf(params) === Object.prototype) {
      const rec = params as Record<string, Parameter>;
      list = Object.keys(rec).sort().map((k) => rec[k]);
    } else {
      throw new ValueError(`First argument must be a list or dict of Parameters, got ${pyTypeRepr(params)}.`);
    }
    list.forEach((param, i) => {
      if (!(param instanceof Parameter)) throw new ValueError(`First argument must be a list or dict of Parameters, got list of ${pyTypeRepr(param)}.`);
      this._param2idx.set(param.name, i);
      this._params.push(param);
      param._trainer = this;
    });
    this._contexts = this._check_contexts();
    this._init_optimizer(optimizer, optimizer_params ?? {});
    this._scale = this._optimizer.rescale_grad;
    const nctx = this._contexts?.length ?? 1;
    // MXNet: no KVStore for one device; update_on_kvstore defaults to True otherwise.
    this._update_on_kvstore = nctx > 1 ? (options.update_on_kvstore ?? true) : false;
  }

  /** @internal All parameters must live on the same contexts. */
  _check_contexts(): Context[] | null {
    let contexts: Context[] | null = null;
    for (const param of this._params) {
      const ctx = param.list_ctx();
      if (contexts !== null && !sameCtxList(contexts, ctx)) {
        throw new AssertionError(
          `All Parameters must be initialized on the same set of contexts, but Parameter ${param.name} is initialized on ${formatContextList(ctx)} while previous Parameters are initialized on ${formatContextList(contexts)}.`,
        );
      }
      contexts = ctx;
    }
    return contexts;
  }

  /** @internal */
  _init_optimizer(optimizer: string | Optimizer, optimizer_params: OptimizerParams): void {
    const param_dict = new Map(this._params.map((p, i) => [i, p] as const));
    if (optimizer instanceof Optimizer) {
      if (Object.keys(optimizer_params).length) {
        throw new AssertionError('optimizer_params must be None if optimizer is an instance of Optimizer instead of str');
      }
      this._optimizer = optimizer;
      this._optimizer.param_dict = param_dict;
    } else {
      this._optimizer = create(optimizer, { param_dict, ...optimizer_params });
    }
    this._updaters = (this._contexts ?? [null]).map(() => new Updater(this._optimizer));
  }

  /** The optimizer's current learning rate. */
  get learning_rate(): number {
    return this._optimizer.learning_rate;
  }

  /** The optimizer. */
  get optimizer(): Optimizer {
    return this._optimizer;
  }

  /** `set_learning_rate(lr)`. */
  set_learning_rate(lr: number): void {
    this._optimizer.set_learning_rate(lr);
  }

  /**
   * `step(batch_size, ignore_stale_grad=False)`: one update with `rescale_grad =
   * rescale_grad / batch_size`.
   */
  step(batch_size: number, ignore_stale_grad = false): void {
    this._optimizer.rescale_grad = this._scale / batch_size;
    if (!this._update_on_kvstore) this._allreduce_grads();
    this._update(ignore_stale_grad);
  }

  /** `allreduce_grads()`: sums each gradient over contexts into every copy. */
  allreduce_grads(): void {
    if (this._update_on_kvstore) {
      throw new AssertionError(
        'allreduce_grads() when parameters are updated on kvstore is not supported. Try setting `update_on_kvstore` to False when creating trainer.',
      );
    }
    this._allreduce_grads();
  }

  /** `update(batch_size, ignore_stale_grad=False)`: the update step after `allreduce_grads`. */
  update(batch_size: number, ignore_stale_grad = false): void {
    if (this._update_on_kvstore) {
      throw new AssertionError(
        'update() when parameters are updated on kvstore is not supported. Try setting `update_on_kvstore` to False when creating trainer.',
      );
    }
    this._optimizer.rescale_grad = this._scale / batch_size;
    this._update(ignore_stale_grad);
  }

  /** @internal */
  _allreduce_grads(): void {
    if ((this._contexts?.length ?? 1) < 2) return;
    for (const param of this._params) {
      if (param.grad_req === 'null') continue;
      const grads = param.list_grad();
      const sum = summed(grads);
      for (const g of grads) g._setHost(numbersToHost(sum, g.tensor().dtype.name));
    }
  }

  /** @internal */
  _update(ignore_stale_grad: boolean): void {
    const updates: [number, NDArray, NDArray][][] = this._updaters.map(() => []);
    this._params.forEach((param, i) => {
      if (param.grad_req === 'null') return;
      const datas = param.list_data();
      if (!ignore_stale_grad) {
        for (const data of datas) {
          if (!data._fresh_grad) {
            throw new UserWarning(
              `Gradient of Parameter \`${param.name}\` on context ${data.context} has not been updated by backward since last \`step\`. ` +
                'This could mean a bug in your model that made it only use a subset of the Parameters (Blocks) for this iteration. ' +
                'If you are intentionally only using a subset, call step with ignore_stale_grad=True to suppress this warning and skip updating of Parameters with stale gradient',
            );
          }
        }
      }
      const grads = param.list_grad();
      if (this._update_on_kvstore) {
        if (ignore_stale_grad && !datas.some((d) => d._fresh_grad)) return;
        // One weight, the summed gradient, one state (the KVStore's); then broadcast.
        const g = datas[0]!.copy();
        g._setHost(numbersToHost(summed(grads), g.tensor().dtype.name));
        updates[0]!.push([i, g, datas[0]!]);
        for (const d of datas) d._fresh_grad = false;
        return;
      }
      datas.forEach((arr, k) => {
        if (!ignore_stale_grad || arr._fresh_grad) {
          updates[k]!.push([i, grads[k]!, arr]);
          arr._fresh_grad = false;
        }
      });
    });
    this._updaters.forEach((updater, k) => {
      const upd = updates[k]!;
      if (upd.length) updater.__call__(upd.map((u) => u[0]), upd.map((u) => u[1]), upd.map((u) => u[2]));
    });
    if (this._update_on_kvstore) {
      for (const [i, , w] of updates[0]!) for (const d of this._params[i]!.list_data().slice(1)) d.__setitem__(':', w);
    }
  }
}

function summed(arrs: readonly NDArray[]): Float64Array {
  const acc = hostToNumbers(arrs[0]!.asnumpy(), arrs[0]!.tensor().dtype.name);
  for (const a of arrs.slice(1)) {
    const v = hostToNumbers(a.asnumpy(), a.tensor().dtype.name);
    for (let i = 0; i < acc.length; i++) acc[i] = acc[i]! + v[i]!;
  }
  return acc;
}
