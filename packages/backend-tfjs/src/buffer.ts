/**
 * The tfjs backend's buffer: a small mutable holder around a tf.Tensor (row-major data, shape of the kernel result that made it), so the
 * in-place Assign kernel can swap the tensor inside while every view keeps the same holder.
 * Dtypes tfjs cannot represent exactly (float64, float16, bfloat16, int64 beyond int32) are
 * kept as canonical host arrays instead, and their kernels run on the reference backend.
 */
import * as tf from '@tensorflow/tfjs';
import type { HostArray } from '@nncompat/core';

/** Most derived tensors one buffer keeps (one per operand layout a weight is used in). */
const DERIVED_LIMIT = 2;

/** One storage of the tfjs backend: exactly one of `tensor` and `host` is set while alive. */
export class TfjsBuffer {
  constructor(
    /** tfjs tensor of `size` elements (float32, int32 or bool), in any shape (row-major data). */
    public tensor: tf.Tensor | null,
    /** Canonical host array for dtypes tfjs cannot hold exactly. */
    public host: HostArray | null,
    /** Number of elements. */
    readonly size: number,
  ) {}

  /** The tfjs tensor; throws when the buffer lives on the host or was disposed. */
  get tf(): tf.Tensor {
    if (!this.tensor) throw new Error('internal error: tfjs buffer has no tfjs tensor (host-held or disposed)');
    return this.tensor;
  }

  /**
   * Tensors computed from this buffer's contents and kept with it (a weight's transposed copy
   * for tfjs's wasm matmul), by key; dropped whenever the contents change or are freed.
   */
  private derived: Map<string, tf.Tensor> | null = null;

  /** Replaces the tensor (Assign / WriteHost), disposing the old one. */
  swap(next: tf.Tensor): void {
    const old = this.tensor;
    this.tensor = next;
    this.dropDerived();
    if (old && old !== next) old.dispose();
  }

  /** Frees the tensor and everything derived from it (dispose, or a move to the host). */
  release(): void {
    this.dropDerived();
    this.tensor?.dispose();
    this.tensor = null;
  }

  /**
   * The tensor kept under `key`, made by `make` on first use (inside a tf.tidy the result is
   * kept out of it). At most `DERIVED_LIMIT` are kept; the oldest goes first.
   */
  derive(key: string, make: () => tf.Tensor): tf.Tensor {
    let m = this.derived;
    const hit = m?.get(key);
    if (hit) return hit;
    const t = tf.keep(make());
    m ??= this.derived = new Map();
    m.set(key, t);
    if (m.size > DERIVED_LIMIT) {
      const [k, oldest] = m.entries().next().value as [string, tf.Tensor];
      m.delete(k);
      oldest.dispose();
    }
    return t;
  }

  private dropDerived(): void {
    if (!this.derived) return;
    for (const t of this.derived.values()) t.dispose();
    this.derived = null;
  }
}
