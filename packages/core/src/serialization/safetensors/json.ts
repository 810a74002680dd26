/**
 * A strict JSON (RFC 8259) parser for safetensors headers that keeps what `JSON.parse` loses and
 * the reference reader (serde_json) relies on: number lexemes (`2` vs `2.0`, integers beyond
 * 2^53), duplicate keys in order, and keys such as `__proto__` as plain data. Error texts follow
 * serde_json's (`EOF while parsing an object at line 1 column 7`).
 */

/** A JSON number, kept as written. */
export class JsonNumber {
  constructor(readonly text: string) {}
  /** True for an integer literal (no fraction, no exponent), as serde_json classifies them. */
  get isInteger(): boolean {
    return /^-?\d+$/.test(this.text);
  }
}

/** A JSON object: its members in document order, duplicates included. */
export class JsonObject {
  constructor(readonly entries: ReadonlyArray<readonly [string, JsonValue]>) {}
}

/** A parsed JSON value. */
export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;

/** A syntax error; `message` is serde_json's text with its position. */
export class JsonSyntaxError extends Error {}

// serde_json's default recursion limit.
const MAX_DEPTH = 128;

/** Parses `text` as one JSON value surrounded by optional whitespace. */
export function parseJson(text: string): JsonValue {
  return new Parser(text).parseDocument();
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly s: string) {}

  parseDocument(): JsonValue {
    this.ws();
    const v = this.value();
    this.ws();
    if (this.i < this.s.length) this.fail('trailing characters', this.i + 1);
    return v;
  }

  private fail(msg: string, at = this.i): never {
    // serde_json reports the 1-based line and the column of the offending character.
    let line = 1;
    let col = 0;
    const end = Math.min(at, this.s.length);
    for (let k = 0; k < end; k++) {
      if (this.s.charCodeAt(k) === 10) {
        line++;
        col = 0;
      } else col++;
    }
    throw new JsonSyntaxError(`${msg} at line ${line} column ${col}`);
  }

  private ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.i++;
      else break;
    }
  }

  private value(): JsonValue {
    if (this.i >= this.s.length) this.fail('EOF while parsing a value');
    const c = this.s[this.i]!;
    switch (c) {
      case '{': return this.object();
      case '[': return this.array();
      case '"': this.i++; return this.string();
      case 't': return this.ident('true', true);
      case 'f': return this.ident('false', false);
      case 'n': return this.ident('null', null);
      default:
        if (c === '-' || (c >= '0' && c <= '9')) return this.number();
        return this.fail('expected value', this.i + 1);
    }
  }

  private ident<T>(word: string, v: T): T {
    for (let k = 0; k < word.length; k++) {
      if (this.i + k >= this.s.length) this.fail('EOF while parsing a value', this.s.length);
      if (this.s[this.i + k] !== word[k]) this.fail('expected ident', this.i + k + 1);
    }
    this.i += word.length;
    return v;
  }

  private number(): JsonNumber {
    const s = this.s;
    const start = this.i;
    const digits = (): number => {
      const b = this.i;
      while (this.i < s.length && s[this.i]! >= '0' && s[this.i]! <= '9') this.i++;
      return this.i - b;
    };
    if (s[this.i] === '-') this.i++;
    if (s[this.i] === '0') {
      this.i++;
      if (this.i < s.length && s[this.i]! >= '0' && s[this.i]! <= '9') this.fail('invalid number', this.i + 1);
    } else if (digits() === 0) this.fail(this.i >= s.length ? 'EOF while parsing a value' : 'invalid number', this.i + 1);
    if (s[this.i] === '.') {
      this.i++;
      if (digits() === 0) this.fail(this.i >= s.length ? 'EOF while parsing a value' : 'invalid number', this.i + 1);
    }
    if (s[this.i] === 'e' || s[this.i] === 'E') {
      this.i++;
      if (s[this.i] === '+' || s[this.i] === '-') this.i++;
      if (digits() === 0) this.fail(this.i >= s.length ? 'EOF while parsing a value' : 'invalid number', this.i + 1);
    }
    return new JsonNumber(s.slice(start, this.i));
  }

  private string(): string {
    const s = this.s;
    let out = '';
    let run = this.i;
    for (;;) {
      if (this.i >= s.length) this.fail('EOF while parsing a string', s.length);
      const c = s.charCodeAt(this.i);
      if (c === 0x22) {
        out += s.slice(run, this.i);
        this.i++;
        return out;
      }
      if (c < 0x20) this.fail('control character (\\u0000-\\u001F) found while parsing a string', this.i + 1);
      if (c !== 0x5c) {
        this.i++;
        continue;
      }
      out += s.slice(run, this.i);
      this.i++;
      if (this.i >= s.length) this.fail('EOF while parsing a string', s.length);
      const e = s[this.i++]!;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': out += this.unicodeEscape(); break;
        default: this.fail('invalid escape', this.i);
      }
      run = this.i;
    }
  }

  private hex4(): number {
    const s = this.s;
    if (this.i + 4 > s.length) this.fail('EOF while parsing a string', s.length);
    const h = s.slice(this.i, this.i + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(h)) this.fail('invalid escape', this.i + 1);
    this.i += 4;
    return parseInt(h, 16);
  }

  private unicodeEscape(): string {
    const u = this.hex4();
    if (u >= 0xdc00 && u <= 0xdfff) this.fail('lone leading surrogate in hex escape', this.i);
    if (u < 0xd800 || u > 0xdbff) return String.fromCharCode(u);
    // A leading surrogate must be followed by an escaped trailing one (Rust strings are valid Unicode).
    if (this.s[this.i] !== '\\' || this.s[this.i + 1] !== 'u') {
      this.fail(this.i >= this.s.length ? 'EOF while parsing a string' : 'unexpected end of hex escape', this.i);
    }
    this.i += 2;
    const lo = this.hex4();
    if (lo < 0xdc00 || lo > 0xdfff) this.fail('lone leading surrogate in hex escape', this.i);
    return String.fromCharCode(u, lo);
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail('recursion limit exceeded', this.i + 1);
    this.i++;
  }

  private array(): JsonValue[] {
    this.enter();
    const out: JsonValue[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      this.depth--;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.ws();
      if (this.i >= this.s.length) this.fail('EOF while parsing a list', this.s.length);
      const c = this.s[this.i];
      if (c === ']') break;
      if (c !== ',') this.fail('expected `,` or `]`', this.i + 1);
      this.i++;
      this.ws();
      if (this.s[this.i] === ']') this.fail('trailing comma', this.i + 1);
    }
    this.i++;
    this.depth--;
    return out;
  }

  private object(): JsonObject {
    this.enter();
    const entries: Array<readonly [string, JsonValue]> = [];
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      this.depth--;
      return new JsonObject(entries);
    }
    for (;;) {
      if (this.i >= this.s.length) this.fail('EOF while parsing an object', this.s.length);
      if (this.s[this.i] !== '"') this.fail('key must be a string', this.i + 1);
      this.i++;
      const key = this.string();
      this.ws();
      if (this.i >= this.s.length) this.fail('EOF while parsing an object', this.s.length);
      if (this.s[this.i] !== ':') this.fail('expected `:`', this.i + 1);
      this.i++;
      this.ws();
      entries.push([key, this.value()]);
      this.ws();
      if (this.i >= this.s.length) this.fail('EOF while parsing an object', this.s.length);
      const c = this.s[this.i];
      if (c === '}') break;
      if (c !== ',') this.fail('expected `,` or `}`', this.i + 1);
      this.i++;
      this.ws();
      if (this.s[this.i] === '}') this.fail('trailing comma', this.i + 1);
    }
    this.i++;
    this.depth--;
    return new JsonObject(entries);
  }
}

/** serde's description of a value that has the wrong type, e.g. ``integer `3` `` or `a sequence`. */
export function describeJson(v: JsonValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return `boolean \`${v}\``;
  if (typeof v === 'string') return `string ${JSON.stringify(v)}`;
  if (v instanceof JsonNumber) return v.isInteger ? `integer \`${v.text}\`` : `floating point \`${v.text}\``;
  if (Array.isArray(v)) return 'sequence';
  return 'map';
}
