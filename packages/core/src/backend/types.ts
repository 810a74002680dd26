/**
 * The kernel SPI contract (version 1). A backend implements a small storage interface and
 * registers kernels; core does shapes, dtypes, broadcasting rules and autograd.
 */
import type { DType, HostArray } from '../dtype.js';

/** Version of this contract; a backend built for another major version is rejected at registration. */
export const KERNEL_SPI_VERSION = 1;

/** A (possibly strided) view of a backend buffer, as kernels receive their inputs. */
export interface TensorInfo<S = unknown> {
  readonly storage: S;
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
}

/** A kernel's result: a fresh, contiguous backend buffer. */
export interface KernelResult<S = unknown> {
  readonly storage: S;
  readonly dtype: DType;
  readonly shape: readonly number[];
}

/** What every backend provides: buffers and their lifetime. */
export interface Backend<S = unknown> {
  /** Registry name, e.g. `reference`, `tfjs`, `onnxruntime`, `gpujs`. */
  readonly name: string;
  /** Device type printed in errors and `tensor.device` (`cpu` for host backends). */
  readonly deviceType: string;
  /** A buffer for `numel` elements of `dtype`, zero-filled. */
  allocate(dtype: DType, numel: number): S;
  /** Copies host values (canonical array of `dtype`) into a new buffer. */
  fromHost(values: HostArray, dtype: DType): S;
  /** Copies a whole buffer to the host, in the canonical array type of `dtype`. */
  read(storage: S, dtype: DType): HostArray;
  /** Frees a buffer now. */
  dispose(storage: S): void;
  /** Bytes a buffer holds (for memory accounting). */
  byteLength(storage: S): number;
  /**
   * False when the garbage collector alone reclaims buffers (plain typed arrays): core then
   * keeps no reference to the buffer for finalization, so memory is freed as soon as possible.
   * Default true.
   */
  readonly needsDispose?: boolean;
}

/** Arguments every kernel receives. */
export interface KernelArgs<S = unknown> {
  readonly inputs: Readonly<Record<string, TensorInfo<S> | readonly TensorInfo<S>[] | null>>;
  readonly attrs: Readonly<Record<string, unknown>>;
  readonly backend: Backend<S>;
}

/** A kernel: pure with respect to its inputs except for kernels documented as in-place. */
export type KernelFunc<S = unknown> = (args: KernelArgs<S>) => KernelResult<S> | KernelResult<S>[] | void;

/** One registration: which kernel, on which backend, implemented by what. */
export interface KernelConfig<S = unknown> {
  readonly kernelName: string;
  readonly backendName: string;
  readonly kernelFunc: KernelFunc<S>;
}
