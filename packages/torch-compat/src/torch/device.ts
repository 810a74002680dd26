/** `torch.device`. */
import { RuntimeError } from '@nncompat/core';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * `torch.device('cpu')`, `torch.device('cuda:1')`, `torch.device('cuda', 1)`: a device type and
 * optional index. `String(d)` is `cuda:1`; `d.repr()` is `device(type='cuda', index=1)`.
 * nncompat backends are named by device strings (`cpu` is the reference backend).
 *
 * @example
 * const d = new torch.device('cpu');
 * x.to(String(d));
 */
export class device {
  readonly type: string;
  readonly index: number | null;

  constructor(type: string | device, index: number | null = null) {
    if (type instanceof device) {
      this.type = type.type;
      this.index = type.index;
      return;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?::(\d+))?$/.exec(type);
    if (!m) throw new RuntimeError(`Invalid device string: '${type}'`);
    if (m[2] !== undefined && index !== null) {
      throw new RuntimeError(`type (string) must not include an index because index was passed explicitly: ${type}`);
    }
    this.type = m[1]!;
    this.index = m[2] !== undefined ? Number(m[2]) : index;
    if (this.index !== null && this.index < 0) throw new RuntimeError(`Device index must not be negative`);
    Object.freeze(this);
  }

  /** `str(device)`: `cpu` or `cuda:1`. */
  toString(): string {
    return this.index === null ? this.type : `${this.type}:${this.index}`;
  }

  /** `repr(device)`: `device(type='cuda', index=1)`. */
  repr(): string {
    return this.index === null ? `device(type='${this.type}')` : `device(type='${this.type}', index=${this.index})`;
  }

  [inspectSymbol](): string {
    return this.repr();
  }
}
