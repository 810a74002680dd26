/**
 * Session options every graph with matrix products gets. onnxruntime's GemmTransposeFusion and
 * MatmulTransposeFusion fold a Transpose feeding a product into its transA/transB flags; MLAS
 * then packs a transposed A at ~45 GFLOP/s instead of ~72 (measured on this project's 2-core
 * machine for the weight-gradient shapes of a 784-512-512-10 MLP), more than the Transpose costs.
 * The kernels emit the Transpose of A themselves (kernels/addmm.ts `gemmA`), so both fusions are
 * disabled; transB is fast in MLAS and is set by the kernels directly, so nothing is lost there.
 * Until 2026-11-22 the list was ','-separated and so disabled nothing (see SEPARATOR); with the
 * fusions really off, interleaved runs showed no difference beyond noise either way (compiled MLP
 * train step 4.07 vs 4.06 ms, eager `mm(a.t(), b)` for 512×128·128×784 1.67 vs 1.67 ms).
 */
import { availableParallelism } from 'node:os';
import type { OrtSessionOptions } from '../ort/binding.js';

/**
 * The intra-op thread count for sessions that run big graphs: every core this process may use.
 * Left at 0, onnxruntime picks the count itself and pins its threads to cores; given explicitly,
 * the OS schedules them, so a thread can move off a core a neighbour on a shared machine is
 * using. (Timings on this project's shared 2-core VM drift by ±30% between minutes, too much to
 * show a difference either way.)
 */
export function defaultIntraOpThreads(): number {
  return availableParallelism();
}

const DISABLED = ['GemmTransposeFusion', 'MatmulTransposeFusion'];

/**
 * onnxruntime splits `optimization.disable_specified_optimizers` on ';' only: with ',' the list
 * is one unknown name and nothing is disabled (checked by dumping the optimized graph).
 */
const SEPARATOR = ';';

type Extra = Record<string, unknown>;

/** `options` with the transpose fusions added to `optimization.disable_specified_optimizers` (a caller's ','-separated list is accepted too). */
export function withProductLayout(options: OrtSessionOptions): OrtSessionOptions {
  const extra: Extra = { ...(options.extra ?? {}) };
  const optimization: Extra = { ...((extra['optimization'] as Extra | undefined) ?? {}) };
  const given = String(optimization['disable_specified_optimizers'] ?? extra['optimization.disable_specified_optimizers'] ?? '');
  const names = new Set([...given.split(/[;,]/).map((n) => n.trim()).filter((n) => n.length > 0), ...DISABLED]);
  delete extra['optimization.disable_specified_optimizers'];
  optimization['disable_specified_optimizers'] = [...names].join(SEPARATOR);
  extra['optimization'] = optimization;
  return { ...options, extra };
}
