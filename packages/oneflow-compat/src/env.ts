/** `oneflow.env`: this process is rank 0 of a world of one. */
import { RANK, WORLD_SIZE } from './tensor/placement.js';

/**
 * `oneflow.env.get_rank()` / `get_world_size()` / `get_local_rank()`.
 *
 * @example
 * ```ts
 * flow.env.get_world_size(); // 1
 * ```
 */
export const env = Object.freeze({
  get_rank: (): number => RANK,
  get_local_rank: (): number => RANK,
  get_world_size: (): number => WORLD_SIZE,
  get_node_size: (): number => 1,
});
