/** Python `str()` formats that MXNet's messages embed. */

/** `str(tuple)`: `(10, 10)`, `(3,)`, `()`; `None` for null. */
export function pyTuple(t: readonly number[] | null | undefined): string {
  if (t == null) return 'None';
  return t.length === 1 ? `(${t[0]},)` : `(${t.join(', ')})`;
}

/** gluon/utils.py `_brief_print_list(lst, limit=7)`: quoted items, the middle elided past `limit`. */
export function briefPrintList(lst: readonly string[], limit = 7): string {
  if (lst.length > limit) {
    // Python's `-limit//2` is `(-limit)//2`: the tail keeps one more item than the head.
    return `${briefPrintList(lst.slice(0, Math.floor(limit / 2)), limit)}, ..., ${briefPrintList(lst.slice(Math.floor(-limit / 2)), limit)}`;
  }
  return lst.map((s) => `'${s}'`).join(', ');
}

/** gluon/utils.py `_indent(s_, numSpaces)`: indents every line but the first. */
export function indent(s: string, numSpaces: number): string {
  const lines = s.split('\n');
  if (lines.length === 1) return s;
  return [lines[0], ...lines.slice(1).map((l) => ' '.repeat(numSpaces) + l)].join('\n');
}

/** Python's `repr(float)`: shortest round-trip digits, `1.0`, `0.9`, `1e-05`, `1e+16`. */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expStr] = x.toExponential().split('e') as [string, string];
  const exp = Number(expStr);
  if (exp >= -4 && exp < 16) {
    const s = String(x);
    // JS prints 1e-7-style only below 1e-6 and above 1e21, both outside this range.
    return s.includes('.') ? s : `${s}.0`;
  }
  const sign = exp < 0 ? '-' : '+';
  return `${mant}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** Python's `repr` of a bool, number (int when integral), string, null or tuple (array). */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : pyFloat(v);
  if (typeof v === 'string') return `'${v}'`;
  if (Array.isArray(v)) return pyTuple(v as number[]);
  return String(v);
}
