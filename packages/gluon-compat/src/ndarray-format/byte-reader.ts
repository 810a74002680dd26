/**
 * A bounds-checked little-endian cursor over a byte buffer. Every read checks the remaining
 * length first and throws `ShortRead` instead of reading past the end, which is how dmlc's
 * `Stream::Read` reports a short read (it returns fewer bytes and the caller returns false).
 */

/** Thrown when a field does not fit in the remaining bytes; the list reader turns it into MXNet's `CHECK` text. */
export class ShortRead extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShortRead';
  }
}

export class ByteReader {
  private readonly view: DataView;
  offset = 0;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Bytes left after the cursor. */
  get remaining(): number {
    return this.bytes.byteLength - this.offset;
  }

  /** Throws `ShortRead` unless `n` more bytes exist; `what` names the field in the message. */
  need(n: number, what: string): void {
    if (n > this.remaining) {
      throw new ShortRead(`${what} needs ${n} bytes at offset ${this.offset}, ${this.remaining} left`);
    }
  }

  u32(what: string): number {
    this.need(4, what);
    const v = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return v;
  }

  i32(what: string): number {
    this.need(4, what);
    const v = this.view.getInt32(this.offset, true);
    this.offset += 4;
    return v;
  }

  u64(what: string): bigint {
    this.need(8, what);
    const v = this.view.getBigUint64(this.offset, true);
    this.offset += 8;
    return v;
  }

  i64(what: string): bigint {
    this.need(8, what);
    const v = this.view.getBigInt64(this.offset, true);
    this.offset += 8;
    return v;
  }

  /** A copy of the next `n` bytes in a fresh, 8-byte-aligned buffer (so typed views over it are legal). */
  take(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = new Uint8Array(n);
    out.set(this.bytes.subarray(this.offset, this.offset + n));
    this.offset += n;
    return out;
  }
}
