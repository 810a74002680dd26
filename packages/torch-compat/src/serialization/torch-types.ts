/**
 * How loaded `torch.Size` and `torch.device` values are represented. The torch namespace
 * registers its own classes here (`setTorchTypeFactories`) so loaded values are real
 * `torch.Size` / `torch.device` instances; until then they are a frozen number array and a
 * frozen `{ type, index }` object.
 */

/** Builds the loaded value of `torch.Size(dims)` and `torch.device(type, index)`. */
export interface TorchTypeFactories {
  size(dims: readonly number[]): unknown;
  device(type: string, index: number | null): unknown;
  /** Recognises a value to save as `torch.Size` (returns its dims) or null. */
  sizeDims(value: unknown): readonly number[] | null;
  /** Recognises a value to save as `torch.device` (returns its spec) or null. */
  deviceSpec(value: unknown): { type: string; index: number | null } | null;
}

class LoadedDevice {
  constructor(readonly type: string, readonly index: number | null) {
    Object.freeze(this);
  }
  toString(): string {
    return this.index === null ? this.type : `${this.type}:${this.index}`;
  }
}

// Default Size values: frozen arrays remembered here, so they save back as torch.Size.
const defaultSizes = new WeakSet<object>();

let factories: TorchTypeFactories = {
  size: (dims) => {
    const s = Object.freeze([...dims]);
    defaultSizes.add(s);
    return s;
  },
  device: (type, index) => new LoadedDevice(type, index),
  sizeDims: (v) => (typeof v === 'object' && v !== null && defaultSizes.has(v) ? (v as readonly number[]) : null),
  deviceSpec: (v) => (v instanceof LoadedDevice ? { type: v.type, index: v.index } : null),
};

/** Replaces the factories (the torch namespace calls this once with its Size and device classes). */
export function setTorchTypeFactories(f: TorchTypeFactories): void {
  factories = f;
}

/** The factories in force. */
export function torchTypes(): TorchTypeFactories {
  return factories;
}
