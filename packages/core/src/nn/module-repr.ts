/**
 * `repr(module)` as `torch.nn.Module.__repr__` builds it (OneFlow's is the same code): the
 * `extra_repr()` lines, then one `(name): child` line per child, indented by two spaces.
 */

/** `_addindent(s, n)`: indents every line of `s` but the first by `n` spaces. */
export function addIndent(s: string, numSpaces: number): string {
  const lines = s.split('\n');
  if (lines.length === 1) return s;
  const first = lines.shift()!;
  return `${first}\n${lines.map((l) => ' '.repeat(numSpaces) + l).join('\n')}`;
}

/** A child as `moduleRepr` prints it: anything with a `__repr__`, or null (`None`). */
export interface ReprChild {
  __repr__(): string;
}

/**
 * `Module.__repr__`: `Name(extra)` on one line when there is a single extra line and no child,
 * else one line each, indented.
 *
 * @example
 * ```ts
 * moduleRepr('Net', '', [['fc', fc]]); // 'Net(\n  (fc): Linear(...)\n)'
 * ```
 */
export function moduleRepr(name: string, extraRepr: string, children: Iterable<[string, ReprChild | null]>): string {
  const extraLines = extraRepr ? extraRepr.split('\n') : [];
  const childLines: string[] = [];
  for (const [key, m] of children) childLines.push(`(${key}): ${addIndent(m === null ? 'None' : m.__repr__(), 2)}`);
  const lines = [...extraLines, ...childLines];
  let main = `${name}(`;
  if (lines.length) {
    if (extraLines.length === 1 && childLines.length === 0) main += extraLines[0];
    else main += `\n  ${lines.join('\n  ')}\n`;
  }
  return `${main})`;
}
