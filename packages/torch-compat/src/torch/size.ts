/** `torch.Size`: a frozen array of ints that prints as PyTorch does. */
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * `torch.Size([2, 3])`: an immutable array subclass (a tuple in PyTorch) with `numel()`.
 *
 * @example
 * const s = new torch.Size([2, 3]);
 * String(s);  // 'torch.Size([2, 3])'
 * s.numel();  // 6
 */
export class Size extends Array<number> {
  constructor(sizes: Iterable<number> | number = []) {
    super();
    // `new Array(n)` semantics would make Size(3) an empty 3-slot array; PyTorch rejects ints.
    if (typeof sizes === 'number') {
      throw new TypeError("'int' object is not iterable");
    }
    for (const s of sizes) {
      if (!Number.isInteger(s)) throw new TypeError(`torch.Size() takes an iterable of 'int' (item ${this.length} is '${typeof s === 'number' ? 'float' : typeof s}')`);
      this.push(s);
    }
    Object.freeze(this);
  }

  /** Derived arrays (map, filter, slice) are plain arrays, not Sizes. */
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /** `size.numel()`: the product of the sizes. */
  numel(): number {
    let n = 1;
    for (const s of this) n *= s;
    return n;
  }

  /** `torch.Size([2, 3])`. */
  override toString(): string {
    return `torch.Size([${this.join(', ')}])`;
  }

  /** Node's `util.inspect` prints the PyTorch form too. */
  [inspectSymbol](): string {
    return this.toString();
  }
}
