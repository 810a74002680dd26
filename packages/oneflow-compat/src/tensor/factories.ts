/**
 * The `oneflow` namespace's tensor factories and random draws: core's, with results given the
 * oneflow Tensor view. OneFlow's names and defaults equal PyTorch's for these.
 */
import * as core from '@nncompat/core';
import { type Flowed, flowFn } from './tensor.js';

/** `oneflow.tensor(data, dtype=None, device=None, requires_grad=False)`. */
export const tensor: Flowed<typeof core.tensor> = flowFn(core.tensor);
/** `oneflow.zeros(*size)`. */
export const zeros: Flowed<typeof core.zeros> = flowFn(core.zeros);
/** `oneflow.ones(*size)`. */
export const ones: Flowed<typeof core.ones> = flowFn(core.ones);
/** `oneflow.full(size, fill_value)`. */
export const full: Flowed<typeof core.full> = flowFn(core.full);
/** `oneflow.empty(*size)`. */
export const empty: Flowed<typeof core.empty> = flowFn(core.empty);
/** `oneflow.arange(start, end, step)`. */
export const arange: Flowed<typeof core.arange> = flowFn(core.arange);
/** `oneflow.linspace(start, end, steps)`. */
export const linspace: Flowed<typeof core.linspace> = flowFn(core.linspace);
/** `oneflow.eye(n, m)`. */
export const eye: Flowed<typeof core.eye> = flowFn(core.eye);
/** `oneflow.zeros_like(t)`. */
export const zeros_like: Flowed<typeof core.zeros_like> = flowFn(core.zeros_like);
/** `oneflow.ones_like(t)`. */
export const ones_like: Flowed<typeof core.ones_like> = flowFn(core.ones_like);
/** `oneflow.full_like(t, v)`. */
export const full_like: Flowed<typeof core.full_like> = flowFn(core.full_like);
/** `oneflow.empty_like(t)`. */
export const empty_like: Flowed<typeof core.empty_like> = flowFn(core.empty_like);
/** `oneflow.rand(*size)`. */
export const rand: Flowed<typeof core.rand> = flowFn(core.rand);
/** `oneflow.randn(*size)`. */
export const randn: Flowed<typeof core.randn> = flowFn(core.randn);
/** `oneflow.randint(low, high, size)`. */
export const randint: Flowed<typeof core.randint> = flowFn(core.randint);
/** `oneflow.randperm(n)`. */
export const randperm: Flowed<typeof core.randperm> = flowFn(core.randperm);
/** `oneflow.rand_like(t)`. */
export const rand_like: Flowed<typeof core.rand_like> = flowFn(core.rand_like);
/** `oneflow.randn_like(t)`. */
export const randn_like: Flowed<typeof core.randn_like> = flowFn(core.randn_like);
/** `oneflow.cat(tensors, dim=0)`. */
export const cat: Flowed<typeof core.cat> = flowFn(core.cat);
/** `oneflow.stack(tensors, dim=0)`. */
export const stack: Flowed<typeof core.stack> = flowFn(core.stack);
/** `oneflow.where(cond, x, y)`. */
export const where: Flowed<typeof core.where> = flowFn(core.where);
