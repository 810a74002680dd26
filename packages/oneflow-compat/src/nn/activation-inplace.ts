/**
 * The `inplace` handling OneFlow's activation layers (python/oneflow/nn/modules/activation.py,
 * OneFlow 1.0) repeat class by class: ReLU, ReLU6, SiLU and Mish take `inplace` as their only
 * argument; ELU, ReLU6 and Hardtanh accept `inplace=True` but compute a new tensor and warn.
 */
import { Module } from './module.js';
import { warn } from './warn.js';

/**
 * A layer whose only constructor argument is `inplace`, stored as a plain attribute. It adds no
 * methods (so `dir()` of the layers is unchanged); each subclass keeps OneFlow's own
 * `forward` / `extra_repr` (SiLU and Mish print no `inplace`, ReLU and ReLU6 do).
 */
export abstract class InplaceFlagModule extends Module {
  declare inplace: boolean;
  constructor(inplace = false) {
    super();
    this.inplace = inplace;
  }
}

/** `'inplace=True'` behind `lead` when set, else `''` (the tail of OneFlow's `extra_repr` texts). */
export function inplaceRepr(inplace: boolean, lead = ''): string {
  return inplace ? `${lead}inplace=True` : '';
}

/** OneFlow's `'<Name> module do not support inplace now'` warning, given on each inplace forward. */
export function warnNoInplace(name: string, inplace: boolean): void {
  if (inplace) warn(`${name} module do not support inplace now`);
}
