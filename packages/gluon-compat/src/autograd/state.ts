/**
 * MXNet's two autograd flags (python/mxnet/autograd.py): `is_recording` (ops build a graph)
 * and `is_training` (Dropout / BatchNorm behave as in training). Outside `record`, NDArray ops
 * run with core's grad mode off, as MXNet records nothing there.
 */
import { enable_grad, no_grad } from '@nncompat/core';

let recording = false;
let training = false;

/** `autograd.is_recording()`. */
export function is_recording(): boolean {
  return recording;
}

/** `autograd.is_training()`. */
export function is_training(): boolean {
  return training;
}

/** `autograd.set_recording(is_recording)`: sets the flag and returns the previous one. */
export function set_recording(is_rec: boolean): boolean {
  const prev = recording;
  recording = is_rec;
  return prev;
}

/** `autograd.set_training(train_mode)`: sets the flag and returns the previous one. */
export function set_training(train_mode: boolean): boolean {
  const prev = training;
  training = train_mode;
  return prev;
}

function scope<T>(rec: boolean | null, train: boolean | null, fn: () => T): T {
  if (typeof fn !== 'function') throw new TypeError(`'fn' must be a function, got ${typeof fn}`);
  const prevRec = recording;
  const prevTrain = training;
  if (rec !== null) recording = rec;
  if (train !== null) training = train;
  try {
    return recording ? enable_grad(fn) : no_grad(fn);
  } finally {
    recording = prevRec;
    training = prevTrain;
  }
}

/**
 * `with autograd.record(train_mode=True):` — runs `fn` recording a graph for `backward`.
 *
 * @example
 * ```ts
 * const loss = mx.autograd.record(() => net(x).square().sum());
 * loss.backward();
 * ```
 */
export function record<T>(fn: () => T, train_mode = true): T {
  return scope(true, train_mode, fn);
}

/** `with autograd.pause(train_mode=False):` — runs `fn` without recording. */
export function pause<T>(fn: () => T, train_mode = false): T {
  return scope(false, train_mode, fn);
}

/** `with autograd.train_mode():` — training behaviour without changing recording. */
export function train_mode<T>(fn: () => T): T {
  return scope(null, true, fn);
}

/** `with autograd.predict_mode():` — inference behaviour without changing recording. */
export function predict_mode<T>(fn: () => T): T {
  return scope(null, false, fn);
}

/** @internal Runs an NDArray op: graph-building only while recording. */
export function runOp<T>(fn: () => T): T {
  return recording ? fn() : no_grad(fn);
}
