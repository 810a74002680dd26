/**
 * `torch.memory_format` objects: `torch.contiguous_format`, `torch.channels_last`,
 * `torch.channels_last_3d` and `torch.preserve_format`, printed as PyTorch prints them.
 */

/** The names PyTorch gives its memory formats (without the `torch.` prefix). */
export type MemoryFormatName = 'contiguous_format' | 'channels_last' | 'channels_last_3d' | 'preserve_format';

const inspect = Symbol.for('nodejs.util.inspect.custom');

/**
 * A memory format (`torch.memory_format`): how a tensor's elements are laid out in its storage.
 * Only the four singletons below exist; compare them by identity.
 *
 * @example
 * import { channels_last, randn } from '@nncompat/core';
 * const x = randn(2, 3, 4, 5).contiguous({ memory_format: channels_last });
 * x.stride();                                   // [60, 1, 15, 3]
 * String(channels_last);                        // 'torch.channels_last'
 */
export class MemoryFormat {
  /** @internal Use the exported singletons. */
  constructor(readonly name: MemoryFormatName) {
    Object.freeze(this);
  }
  /** PyTorch's printed form, e.g. `torch.channels_last`. */
  toString(): string {
    return `torch.${this.name}`;
  }
  /** Node's `util.inspect` prints what Python's `repr` prints. */
  [inspect](): string {
    return this.toString();
  }
}

/** `torch.contiguous_format`: row-major. */
export const contiguous_format = new MemoryFormat('contiguous_format');
/** `torch.channels_last`: NHWC order for 4-D tensors. */
export const channels_last = new MemoryFormat('channels_last');
/** `torch.channels_last_3d`: NDHWC order for 5-D tensors. */
export const channels_last_3d = new MemoryFormat('channels_last_3d');
/** `torch.preserve_format`: keep the input's layout (the default of clone, `*_like`, `to`). */
export const preserve_format = new MemoryFormat('preserve_format');

/** Python's type name of a value, as PyTorch's argument parser prints it. */
function pyTypeName(v: unknown): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'object') return (v as object).constructor?.name ?? 'object';
  return typeof v;
}

/**
 * Validates a `memory_format` argument of `fn` (undefined and, where PyTorch accepts None,
 * null give `fallback`), raising PyTorch's TypeError for anything else.
 */
export function memoryFormatArg(v: unknown, fn: string, fallback: MemoryFormat, allowNone = true): MemoryFormat {
  if (v === undefined || (allowNone && v === null)) return fallback;
  if (v instanceof MemoryFormat) return v;
  throw new TypeError(`${fn}(): argument 'memory_format' must be torch.memory_format, not ${pyTypeName(v)}`);
}
