/**
 * How `torch.Size` and `torch.device` values are loaded and recognised when saving: the torch
 * namespace's own classes, so loaded values are real `torch.Size` / `torch.device` instances.
 */
import { device } from '../torch/device.js';
import { Size } from '../torch/size.js';

/** Builds loaded values and recognises values to save. */
export interface TorchTypeFactories {
  size(dims: readonly number[]): unknown;
  device(type: string, index: number | null): unknown;
  /** The dims of a value to save as `torch.Size`, or null. */
  sizeDims(value: unknown): readonly number[] | null;
  /** The spec of a value to save as `torch.device`, or null. */
  deviceSpec(value: unknown): { type: string; index: number | null } | null;
}

const FACTORIES: TorchTypeFactories = {
  size: (dims) => new Size(dims),
  device: (type, index) => new device(type, index),
  sizeDims: (v) => (v instanceof Size ? [...v] : null),
  deviceSpec: (v) => (v instanceof device ? { type: v.type, index: v.index } : null),
};

/** The factories in force. */
export function torchTypes(): TorchTypeFactories {
  return FACTORIES;
}
