/**
 * A minimal protobuf wire-format writer: just what ONNX's messages need (varints, 32/64-bit
 * fixed values, length-delimited fields, packed repeated scalars). Written by hand so the
 * package needs no protobuf dependency and no schema compilation step.
 */

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LEN = 2;
const WIRE_FIXED32 = 5;

const utf8 = new TextEncoder();

/**
 * Appends protobuf fields to a growable buffer.
 *
 * @example
 * const w = new ProtoWriter();
 * w.string(1, 'x');
 * w.int64(2, 7);
 * const bytes = w.finish();
 */
export class ProtoWriter {
  private buf = new Uint8Array(64);
  private len = 0;
  private readonly scratch = new DataView(new ArrayBuffer(8));

  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + extra) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  private rawVarint(v: number | bigint): void {
    this.ensure(10);
    if (typeof v === 'number' && !Number.isInteger(v)) throw new RangeError(`varint value must be an integer, got ${v}`);
    if (typeof v === 'number' && v >= 0 && v <= Number.MAX_SAFE_INTEGER) {
      // Division instead of bit operators: they truncate to 32 bits.
      let n = v;
      while (n >= 0x80) {
        this.buf[this.len++] = (n % 0x80) | 0x80;
        n = Math.floor(n / 0x80);
      }
      this.buf[this.len++] = n;
      return;
    }
    // Negative int64 values are written as their 64-bit two's complement (10 bytes).
    let b = BigInt.asUintN(64, BigInt(v));
    while (b >= 0x80n) {
      this.buf[this.len++] = Number(b & 0x7fn) | 0x80;
      b >>= 7n;
    }
    this.buf[this.len++] = Number(b);
  }

  private tag(field: number, wire: number): void {
    this.rawVarint(field * 8 + wire);
  }

  /** An int32/int64/enum/bool field (varint). */
  int64(field: number, v: number | bigint): this {
    this.tag(field, WIRE_VARINT);
    this.rawVarint(v);
    return this;
  }

  /** A `float` field (fixed32, little endian). */
  float(field: number, v: number): this {
    this.tag(field, WIRE_FIXED32);
    this.ensure(4);
    this.scratch.setFloat32(0, v, true);
    for (let i = 0; i < 4; i++) this.buf[this.len++] = this.scratch.getUint8(i);
    return this;
  }

  /** A `double` field (fixed64, little endian). */
  double(field: number, v: number): this {
    this.tag(field, WIRE_FIXED64);
    this.ensure(8);
    this.scratch.setFloat64(0, v, true);
    for (let i = 0; i < 8; i++) this.buf[this.len++] = this.scratch.getUint8(i);
    return this;
  }

  /** A `bytes` field. */
  bytes(field: number, data: Uint8Array): this {
    this.tag(field, WIRE_LEN);
    this.rawVarint(data.length);
    this.ensure(data.length);
    this.buf.set(data, this.len);
    this.len += data.length;
    return this;
  }

  /** A `string` field (UTF-8). */
  string(field: number, s: string): this {
    return this.bytes(field, utf8.encode(s));
  }

  /** An embedded message, written by `body` into a nested writer. */
  message(field: number, body: (w: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    body(inner);
    return this.bytes(field, inner.finish());
  }

  /** A packed `repeated int64` field. */
  packedInt64(field: number, values: readonly (number | bigint)[]): this {
    const inner = new ProtoWriter();
    for (const v of values) inner.rawVarint(v);
    return this.bytes(field, inner.finish());
  }

  /** A packed `repeated float` field. */
  packedFloat(field: number, values: readonly number[]): this {
    const data = new Uint8Array(new Float32Array(values).buffer);
    return this.bytes(field, data);
  }

  /** The bytes written so far (a copy of exactly that length). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}
