/** Hyperparameter helpers shared by the optimizers added for PyTorch 2.1's surface. */
import { RuntimeError, ValueError } from '@nncompat/core';

/** The Adam-family checks, in PyTorch's order and wording. */
export function checkAdamLike(lr: number, eps: number, betas: readonly [number, number], wd: number): void {
  if (!(lr >= 0)) throw new ValueError(`Invalid learning rate: ${lr}`);
  if (!(eps >= 0)) throw new ValueError(`Invalid epsilon value: ${eps}`);
  if (!(betas[0] >= 0 && betas[0] < 1)) throw new ValueError(`Invalid beta parameter at index 0: ${betas[0]}`);
  if (!(betas[1] >= 0 && betas[1] < 1)) throw new ValueError(`Invalid beta parameter at index 1: ${betas[1]}`);
  if (!(wd >= 0)) throw new ValueError(`Invalid weight_decay value: ${wd}`);
}

/** A frozen pair (a Python tuple in the group, as Adam's `betas`). */
export function tuple2(v: readonly number[] | undefined, dflt: readonly [number, number]): readonly [number, number] {
  return Object.freeze([...(v ?? dflt)]) as unknown as readonly [number, number];
}

/** PyTorch 2.1 only takes `capturable=True` for CUDA/XLA params; there is no such device here. */
export function refuseCapturable(name: string): never {
  throw new RuntimeError(`${name}: If capturable=True, params and state_steps must be on supported devices: cuda, xla (capturable is not supported by this port's single-tensor ${name})`);
}
