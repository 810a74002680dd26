/**
 * WriteHost on tfjs: replaces a whole buffer with host values (core's fallback path for in-place
 * kernels). Registered as a raw KernelConfig: it must not be routed to the reference backend.
 */
import type { DType, HostArray, KernelConfig, TensorInfo } from '@nncompat/core';
import type { TfjsBackend } from '../backend.js';
import type { TfjsBuffer } from '../buffer.js';
import { replaceContents } from '../hostpath.js';

/** Name of the kernel core's Assign fallback writes back with. */
export const WriteHost = 'WriteHost';

/** The WriteHost registration for `backendName`. */
export function writeHostConfig(backendName: string): KernelConfig<TfjsBuffer> {
  return {
    kernelName: WriteHost,
    backendName,
    kernelFunc: ({ inputs, attrs, backend }) => {
      const dst = inputs['dst'] as TensorInfo<TfjsBuffer>;
      replaceContents(backend as TfjsBackend, dst.storage, attrs['values'] as HostArray, dst.dtype as DType);
    },
  };
}
