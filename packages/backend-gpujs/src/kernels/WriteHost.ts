/**
 * WriteHost on gpujs: overwrites a whole buffer with host values. Core's reference fallback for
 * the in-place Assign kernel ends with it (Assign itself is not native here).
 */
import type { HostArray, KernelConfig, TensorInfo } from '@nncompat/core';

/** Name of the kernel core's Assign fallback writes back with. */
export const WriteHost = 'WriteHost';

/** The WriteHost registration for `backendName`. */
export function writeHostConfig(backendName: string): KernelConfig<HostArray> {
  return {
    kernelName: WriteHost,
    backendName,
    kernelFunc: ({ inputs, attrs }) => {
      const dst = inputs['dst'] as TensorInfo<HostArray>;
      const values = attrs['values'] as HostArray;
      if (values.length !== dst.storage.length) {
        throw new Error(`WriteHost: ${values.length} values for a buffer of ${dst.storage.length} elements`);
      }
      dst.storage.set(values);
    },
  };
}
