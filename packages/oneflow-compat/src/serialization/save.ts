/**
 * `oneflow.save(obj, path_or_buffer, global_dst_rank=None, save_as_external_data=False)`
 * (check_point_v2.py): pickle protocol 4 of `{"protocol_version": 1, "__oneflow__": None,
 * "data": obj}`, tensors as numpy arrays; with `save_as_external_data` a directory holding
 * `pickled_data` and one `tensor_<n>/out` + `tensor_<n>/meta` per tensor.
 */
import { AssertionError, pickle, ValueError, nodeFs, nodePath } from '@nncompat/core';
import { pyTypeRepr } from '../python.js';
import { WORLD_SIZE } from '../tensor/placement.js';
import { pickleable, type SaveContext, withSaveContext } from './pickling.js';

/** Keyword arguments of `save`. */
export interface SaveOptions {
  /** Rank that writes the files; global tensors are gathered to it (here: rank 0 only). */
  global_dst_rank?: number | null;
  /** Write tensors as raw files beside a `pickled_data` file in directory `path`. */
  save_as_external_data?: boolean;
}

/** `PROTOCOL_VERSION` of OneFlow's pickles. */
export const PROTOCOL_VERSION = 1;
/** The key that marks a OneFlow pickle. */
export const ONEFLOW_MAGIC_KEY = '__oneflow__';
/** File names of the directory forms. */
export const PICKLE_FILENAME = 'pickled_data';
export const DATA_FILENAME = 'out';
export const META_INFO_FILENAME = 'meta';
export const SNAPSHOT_DONE_FILENAME = 'snapshot_done';

/**
 * Saves `obj` as OneFlow does; returns the pickle bytes (what was written to `path`, or to
 * `path/pickled_data`). With `path` null nothing is written (OneFlow's buffer form).
 *
 * @example
 * ```ts
 * flow.save(model.state_dict(), 'model.of');
 * flow.save(model.state_dict(), 'model_dir', { save_as_external_data: true });
 * ```
 */
export function save(obj: unknown, path: string | null = null, opts: SaveOptions | number | null = {}, save_as_external_data = false): Uint8Array {
  const o: SaveOptions = typeof opts === 'object' && opts !== null ? opts : { global_dst_rank: opts, save_as_external_data };
  const globalRank = o.global_dst_rank ?? null;
  const external = o.save_as_external_data ?? false;
  if (globalRank !== null) {
    if (!Number.isInteger(globalRank)) throw new AssertionError(`global_dst_rank expected type int, but got ${pyTypeRepr(globalRank)}.`);
    if (!(globalRank >= 0 && globalRank < WORLD_SIZE)) {
      throw new AssertionError(`out of range (expected to be in range of [0, ${WORLD_SIZE}), but got ${globalRank}).`);
    }
  }
  if (external && path === null) throw new ValueError('save_as_external_data needs a directory path, not a buffer');
  const ctx: SaveContext = { external, globalRank, files: new Map() };
  const top = new Map<string, unknown>([['protocol_version', PROTOCOL_VERSION], [ONEFLOW_MAGIC_KEY, null], ['data', obj]]);
  const bytes = withSaveContext(ctx, () => pickle.dumps(pickleable(top), { protocol: 4 }));
  if (path !== null) {
    if (external) {
      nodeFs().mkdirSync(path, { recursive: true });
      for (const [rel, content] of ctx.files) {
        const f = nodePath().join(path, rel);
        nodeFs().mkdirSync(nodePath().dirname(f), { recursive: true });
        nodeFs().writeFileSync(f, content);
      }
      nodeFs().writeFileSync(nodePath().join(path, PICKLE_FILENAME), bytes);
    } else {
      nodeFs().writeFileSync(path, bytes);
    }
  }
  return bytes;
}
