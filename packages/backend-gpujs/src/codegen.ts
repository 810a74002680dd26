/**
 * Source-text helpers for gpu.js kernels. Every size and stride is baked into the kernel as a
 * literal (kernels are compiled per signature anyway), which keeps loops constant-bounded as
 * GLSL requires and lets the WebAssembly backend fold the index arithmetic.
 *
 * gpu.js computes in float32 on every backend: a flat index is split into coordinates with
 * `floor((i + 0.5) / d)`, which is exact while indices stay below 2^23 (MAX_INDEX); larger
 * tensors run on the reference backend instead.
 */

/** Largest element count a native kernel indexes (float32 index arithmetic stays exact). */
export const MAX_INDEX = 2 ** 23;

/** A number as a float literal gpu.js parses (integers get a `.0`; ±Infinity and NaN as divisions). */
export function lit(v: number): string {
  if (Number.isNaN(v)) return '(0.0 / 0.0)';
  if (v === Infinity) return '(1.0 / 0.0)';
  if (v === -Infinity) return '(-1.0 / 0.0)';
  const s = String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/**
 * Statements splitting flat index `idx` over `shape` (row-major) into coordinate variables
 * `${prefix}0`, `${prefix}1`, …; dimensions of size 1 get the literal 0.
 */
export function splitIndex(idx: string, shape: readonly number[], prefix: string): { code: string; coords: string[] } {
  const nd = shape.length;
  const coords = new Array<string>(nd).fill('0');
  let code = '';
  let rest = idx;
  let q = 0;
  const first = firstNonUnit(shape);
  // Innermost first: c = rest - floor(rest / d) * d; rest = floor(rest / d).
  for (let j = nd - 1; j >= 0; j--) {
    const d = shape[j]!;
    if (d === 1) continue;
    const c = `${prefix}${j}`;
    if (j === first) {
      code += `const ${c} = ${rest};\n`;
    } else {
      const nq = `${prefix}q${q++}`;
      code += `const ${nq} = Math.floor((${rest} + 0.5) / ${d}.0);\nconst ${c} = ${rest} - ${nq} * ${d}.0;\n`;
      rest = nq;
    }
    coords[j] = c;
  }
  return { code, coords };
}

function firstNonUnit(shape: readonly number[]): number {
  for (let j = 0; j < shape.length; j++) if (shape[j] !== 1) return j;
  return -1;
}

/** `Σ coords[j] · strides[j]` as an expression (zero strides and zero coordinates dropped). */
export function offsetExpr(coords: readonly string[], strides: readonly number[], base = ''): string {
  const terms: string[] = base ? [base] : [];
  coords.forEach((c, j) => {
    const s = strides[j]!;
    if (s === 0 || c === '0') return;
    terms.push(s === 1 ? c : `${c} * ${s}.0`);
  });
  return terms.length === 0 ? '0' : terms.join(' + ');
}

/** A kernel function's source text. */
export function kernelSource(params: readonly string[], body: string): string {
  return `function(${params.join(', ')}) {\n${body}\n}`;
}
