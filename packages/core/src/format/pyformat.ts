/**
 * Python's float formatting (`'{:.Nf}'`, `'{:.Ne}'`, `'{}'`) on doubles: correctly rounded with
 * ties to even (JS `toFixed` rounds ties away from zero) and two-digit exponents.
 */

function special(v: number): string | null {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return null;
}

/** Whether the double `a` equals the decimal `dec` (`'1.00005'`, `'1.5e+3'`) exactly. */
function exactEquals(a: number, dec: string): boolean {
  const [m0, ex] = dec.split('e') as [string, string | undefined];
  let mant = m0;
  let k = ex ? Number(ex) : 0;
  const dot = mant.indexOf('.');
  if (dot >= 0) {
    k -= mant.length - dot - 1;
    mant = mant.replace('.', '');
  }
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, a);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e = -1074;
  if (expBits !== 0) {
    m |= 1n << 52n;
    e = expBits - 1075;
  }
  let left = m;
  let right = BigInt(mant);
  if (e >= 0) left <<= BigInt(e);
  else right <<= BigInt(-e);
  if (k >= 0) right *= 10n ** BigInt(k);
  else left *= 10n ** BigInt(-k);
  return left === right;
}

/** Rounds the digit string `digits` (no sign/point) up by one unit in the last place. */
function bumpLast(s: string): string {
  const chars = s.split('');
  let i = chars.length - 1;
  for (; i >= 0; i--) {
    const c = chars[i]!;
    if (c === '.' || c === '-') continue;
    if (c === '9') {
      chars[i] = '0';
    } else {
      chars[i] = String(Number(c) + 1);
      return chars.join('');
    }
  }
  const firstDigit = chars[0] === '-' ? 1 : 0;
  chars.splice(firstDigit, 0, '1');
  return chars.join('');
}

/** `'{:.pf}'.format(v)`. */
export function formatFixed(v: number, p: number): string {
  const sp = special(v);
  if (sp !== null) return sp;
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  let s: string;
  if (a >= 1e21) {
    s = BigInt(Math.round(a)).toString() + (p > 0 ? `.${'0'.repeat(p)}` : '');
  } else {
    s = a.toFixed(p);
    // A tie at p digits is exactly representable with p+1 digits ending in 5.
    const t = a.toFixed(p + 1);
    if (t.endsWith('5') && exactEquals(a, t)) {
      const down = t.slice(0, -1).replace(/\.$/, '');
      const lastDigit = Number(down.replace('.', '').slice(-1));
      s = lastDigit % 2 === 0 ? down : bumpLast(down);
    }
  }
  return (neg ? '-' : '') + s;
}

/** `'{:.pe}'.format(v)`. */
export function formatExp(v: number, p: number): string {
  const sp = special(v);
  if (sp !== null) return sp;
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  let s = a.toExponential(p);
  const t = a.toExponential(p + 1);
  const [tm, te] = t.split('e') as [string, string];
  if (tm.endsWith('5') && exactEquals(a, t)) {
    const down = tm.slice(0, -1).replace(/\.$/, '');
    const lastDigit = Number(down.replace('.', '').slice(-1));
    if (lastDigit % 2 === 0) s = `${down}e${te}`;
    else {
      const up = bumpLast(down);
      // 9.99..5 rounding up to 10.00.. renormalises the exponent.
      s = up.startsWith('10') ? (Number(`${up}e${te}`)).toExponential(p) : `${up}e${te}`;
    }
  }
  const [m, e] = s.split('e') as [string, string];
  const en = Number(e);
  return `${neg ? '-' : ''}${m}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
}
