/**
 * The tfjs backend's buffer: a small mutable holder around a tf.Tensor (row-major data, shape of the kernel result that made it), so the
 * in-place Assign kernel can swap the tensor inside while every view keeps the same holder.
 * Dtypes tfjs cannot represent exactly (float64, float16, bfloat16, int64 beyond int32) are
 * kept as canonical host arrays instead, and their kernels run on the reference backend.
 */
import type * as tf from '@tensorflow/tfjs';
import type { HostArray } from '@nncompat/core';

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

  /** Replaces the tensor (Assign / WriteHost), disposing the old one. */
  swap(next: tf.Tensor): void {
    const old = this.tensor;
    this.tensor = next;
    if (old && old !== next) old.dispose();
  }
}
