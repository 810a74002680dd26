/**
 * `oneflow.placement` and `oneflow.sbp` for the one process nncompat runs in: rank 0 of a
 * world of size 1, on the CPU. A placement that names any other rank, or a device type this
 * process cannot reach, is refused when it is built: there is no silent single-process
 * pretence of a multi-rank layout.
 */
import { RuntimeError } from '@nncompat/core';

/** The rank of this process (`oneflow.env.get_rank()`). */
export const RANK = 0;
/** The number of processes (`oneflow.env.get_world_size()`). */
export const WORLD_SIZE = 1;

type Ranks = number | readonly Ranks[];

function flatRanks(r: Ranks): number[] {
  return typeof r === 'number' ? [r] : r.flatMap(flatRanks);
}

function ranksRepr(r: Ranks): string {
  return typeof r === 'number' ? String(r) : `[${r.map(ranksRepr).join(', ')}]`;
}

/**
 * `oneflow.placement(type, ranks)`: where a global tensor lives.
 *
 * @example
 * ```ts
 * const p = new flow.placement('cpu', [0]);
 * String(p); // 'oneflow.placement(type="cpu", ranks=[0])'
 * new flow.placement('cpu', [0, 1]); // RuntimeError: … rank 1 …
 * ```
 */
export class placement {
  readonly type: string;
  readonly ranks: Ranks;

  constructor(type: string, ranks: Ranks) {
    if (typeof type !== 'string') throw new TypeError(`placement(): 'type' must be a str, got ${typeof type}`);
    if (!(typeof ranks === 'number' || Array.isArray(ranks))) {
      throw new TypeError("placement(): 'ranks' must be a list of ints (or nested lists of ints)");
    }
    const flat = flatRanks(ranks);
    for (const r of flat) {
      if (!Number.isInteger(r) || r < 0) throw new TypeError(`placement(): ranks must be non-negative ints, got ${String(r)}`);
    }
    const others = [...new Set(flat.filter((r) => r !== RANK))];
    if (others.length > 0) {
      throw new RuntimeError(
        `oneflow.placement(type="${type}", ranks=${ranksRepr(ranks)}) needs rank(s) ${others.join(', ')}, ` +
          `but nncompat runs a single process (rank ${RANK}, world size ${WORLD_SIZE}); ` +
          'multi-process global tensors are not supported',
      );
    }
    if (type !== 'cpu') {
      throw new RuntimeError(
        `oneflow.placement(type="${type}", …): device type '${type}' is not supported by nncompat's oneflow surface ` +
          "(only 'cpu' placements on rank 0 are)",
      );
    }
    this.type = type;
    this.ranks = typeof ranks === 'number' ? ranks : Object.freeze([...ranks]);
  }

  /** `placement.all(device_type)`: every rank of the world (here: rank 0). */
  static all(type: string): placement {
    return new placement(type, [RANK]);
  }

  /** The device of each rank's shard (`placement.type`). */
  get device_type(): string {
    return this.type;
  }

  /** Value equality, as OneFlow compares placements. */
  equals(other: unknown): boolean {
    return other instanceof placement && other.type === this.type && ranksRepr(other.ranks) === ranksRepr(this.ranks);
  }

  toString(): string {
    return `oneflow.placement(type="${this.type}", ranks=${ranksRepr(this.ranks)})`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/** Kinds of `oneflow.sbp.sbp`. */
export type SbpKind = 'broadcast' | 'split' | 'partial_sum';

/**
 * One `oneflow.sbp.sbp` value: `broadcast`, `split(dim)` or `partial_sum`.
 *
 * @example
 * ```ts
 * String(flow.sbp.split(0)); // 'oneflow.sbp.split(dim=0)'
 * ```
 */
export class SbpParallel {
  constructor(readonly kind: SbpKind, readonly dim: number | null = null) {}

  equals(other: unknown): boolean {
    return other instanceof SbpParallel && other.kind === this.kind && other.dim === this.dim;
  }

  toString(): string {
    return this.kind === 'split' ? `oneflow.sbp.split(dim=${this.dim})` : `oneflow.sbp.${this.kind}`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

const BROADCAST = new SbpParallel('broadcast');
const PARTIAL_SUM = new SbpParallel('partial_sum');

/**
 * `oneflow.sbp`: `broadcast`, `partial_sum` and `split(dim)`.
 *
 * @example
 * ```ts
 * x.to_global(new flow.placement('cpu', [0]), flow.sbp.broadcast);
 * ```
 */
export const sbp = Object.freeze({
  broadcast: BROADCAST,
  partial_sum: PARTIAL_SUM,
  split(dim: number): SbpParallel {
    if (!Number.isInteger(dim)) throw new TypeError(`split(): argument 'dim' must be int, not ${typeof dim}`);
    return new SbpParallel('split', dim);
  },
  sbp: SbpParallel,
});
