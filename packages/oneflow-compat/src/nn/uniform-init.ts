/**
 * `uniform_(t, -bound, bound)` on core's generator: the init OneFlow's Linear, conv and RNN
 * layers draw from. Its own file so conv-params.ts and layers.ts need not import each other.
 */
import { no_grad, rand } from '@nncompat/core';
import type { Parameter } from './parameter.js';

/** `uniform_(t, -bound, bound)` on core's generator. */
export function uniformInit(t: Parameter, bound: number): void {
  no_grad(() => {
    t.copy_(rand(t.shape, { dtype: t.dtype }).mul(2 * bound).sub(bound));
  });
}
