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
