/**
 * Global-tensor metadata (placement and sbp) kept beside core tensors in a WeakMap, so core's
 * Tensor class is unchanged for every other package. On one process a global tensor's data is
 * its whole logical value: `split` shards and `partial_sum` parts over the single rank are the
 * tensor itself.
 */
import { RuntimeError, type Tensor } from '@nncompat/core';
import { placement, SbpParallel } from './placement.js';

/** Placement and sbp of a global tensor. */
export interface GlobalInfo {
  readonly placement: placement;
  readonly sbp: readonly SbpParallel[];
}

const GLOBAL = new WeakMap<Tensor, GlobalInfo>();

/** The global metadata of `t`, or null for a local tensor. */
export function globalInfo(t: Tensor): GlobalInfo | null {
  return GLOBAL.get(t) ?? null;
}

/** Marks `t` global. */
export function setGlobal(t: Tensor, info: GlobalInfo | null): void {
  if (info) GLOBAL.set(t, info);
  else GLOBAL.delete(t);
}

/** `str(tensor.sbp)`: a Python tuple of sbp values. */
export function sbpTupleRepr(s: readonly SbpParallel[]): string {
  return `(${s.map(String).join(', ')}${s.length === 1 ? ',' : ''})`;
}

/** Normalises the `sbp` argument (one sbp or a sequence) and checks it against `t`'s rank. */
export function parseSbp(sbpArg: unknown, ndim: number, placementNdim: number): SbpParallel[] {
  let list: SbpParallel[];
  if (sbpArg instanceof SbpParallel) list = [sbpArg];
  else if (Array.isArray(sbpArg) && sbpArg.every((s) => s instanceof SbpParallel)) list = [...(sbpArg as SbpParallel[])];
  else {
    throw new TypeError(`Invalid parameter sbp with type ${sbpArg === null || sbpArg === undefined ? "<class 'NoneType'>" : typeof sbpArg}`);
  }
  if (list.length !== placementNdim) {
    throw new RuntimeError(`sbp's length (${list.length}) must be equal to the hierarchy's ndim (${placementNdim}) of placement`);
  }
  for (const s of list) {
    if (s.kind === 'split' && (s.dim! < 0 || s.dim! >= ndim)) {
      throw new RuntimeError(`Split axis out of range (expected to be in range of [0, ${ndim}), but got ${s.dim})`);
    }
  }
  return list;
}

/** Number of dimensions of a placement's rank hierarchy (`[0]` → 1, `[[0]]` → 2). */
export function placementNdim(p: placement): number {
  let n = 0;
  let r: unknown = p.ranks;
  while (Array.isArray(r)) {
    n++;
    r = r[0];
  }
  return Math.max(n, 1);
}
