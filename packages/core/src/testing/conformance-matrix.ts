/**
 * The conformance matrix: for a backend, every SPI kernel as native (registered by the backend)
 * or fallback (run on the reference backend) or composed (core builds it from other kernels), and whether its probe agrees with the reference
 * backend, with the max error seen. `matrixMarkdown` renders the table kept in docs/.
 */
import { getDefaultBackendName, kernels as K, kernelsFor, setDefaultBackend, type Tensor } from '../index.js';
import { KERNEL_PROBES, runProbe } from './kernel-probes.js';
import { toNumbers } from './tensors.js';

/** One row: a kernel on a backend. */
export interface KernelRow {
  kernel: string;
  native: boolean;
  status: 'pass' | 'fail' | 'error';
  /** Max |backend − reference| over the probe's outputs (NaN positions must match). */
  maxAbsErr: number;
  detail?: string;
}

/** Agreement bound of a probe output: float32 math, several ops chained. */
function tolerance(t: Tensor): number {
  return t.dtype.is_floating_point ? 1e-4 : 0;
}

function compare(a: Tensor[], b: Tensor[]): { maxAbsErr: number; ok: boolean; detail?: string } {
  if (a.length !== b.length) return { maxAbsErr: Infinity, ok: false, detail: 'different number of outputs' };
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.dtype !== y.dtype) return { maxAbsErr: Infinity, ok: false, detail: `dtype ${x.dtype.name} vs ${y.dtype.name}` };
    if (x.shape.join() !== y.shape.join()) return { maxAbsErr: Infinity, ok: false, detail: `shape [${x.shape}] vs [${y.shape}]` };
    const xs = toNumbers(x);
    const ys = toNumbers(y);
    for (let j = 0; j < xs.length; j++) {
      const p = xs[j]!;
      const q = ys[j]!;
      if (Number.isNaN(p) || Number.isNaN(q)) {
        if (Number.isNaN(p) !== Number.isNaN(q)) return { maxAbsErr: Infinity, ok: false, detail: `NaN mismatch at ${j}` };
        continue;
      }
      if (p === q) continue;
      const e = Math.abs(p - q);
      max = Math.max(max, e);
      if (e > tolerance(y) * (1 + Math.abs(q))) return { maxAbsErr: e, ok: false, detail: `output ${i} element ${j}: ${p} vs ${q}` };
    }
  }
  return { maxAbsErr: max, ok: true };
}

/** Measures every kernel on `backend` (which must be registered and initialised). */
export function measureKernels(backend: string): KernelRow[] {
  const native = new Set(kernelsFor(backend));
  const prev = getDefaultBackendName();
  const rows: KernelRow[] = [];
  try {
    for (const kernel of Object.keys(KERNEL_PROBES)) {
      setDefaultBackend('reference');
      const expected = runProbe(kernel);
      let row: KernelRow;
      try {
        setDefaultBackend(backend);
        const got = runProbe(kernel).map((t) => t.to('cpu'));
        const c = compare(got, expected);
        row = { kernel, native: native.has(kernel), status: c.ok ? 'pass' : 'fail', maxAbsErr: c.maxAbsErr, ...(c.detail ? { detail: c.detail } : {}) };
      } catch (e) {
        row = { kernel, native: native.has(kernel), status: 'error', maxAbsErr: NaN, detail: (e as Error).message.split('\n')[0] };
      }
      rows.push(row);
    }
  } finally {
    setDefaultBackend(prev);
  }
  return rows;
}

/** Renders rows of several backends as one markdown table (kernels down, backends across). */
export function matrixMarkdown(byBackend: Readonly<Record<string, readonly KernelRow[]>>): string {
  const backends = Object.keys(byBackend);
  const kernels = Object.keys(KERNEL_PROBES);
  const cell = (r: KernelRow | undefined): string => {
    if (!r) return 'n/a';
    // A missing kernel that core composes from others runs on the backend itself: say so.
    const where = r.native ? 'native' : K.COMPOSED_KERNELS.has(r.kernel) ? 'composed' : 'fallback';
    if (r.status === 'error') return `**failing** (${where}): ${r.detail ?? ''}`.replace(/\|/g, '\\|');
    if (r.status === 'fail') return `**failing** (${where}), max err ${r.maxAbsErr.toExponential(1)}`;
    return `${where}, ${r.maxAbsErr === 0 ? 'exact' : `max err ${r.maxAbsErr.toExponential(1)}`}`;
  };
  const lines = [`| kernel | ${backends.join(' | ')} |`, `| --- | ${backends.map(() => '---').join(' | ')} |`];
  for (const k of kernels) lines.push(`| ${k} | ${backends.map((b) => cell(byBackend[b]!.find((r) => r.kernel === k))).join(' | ')} |`);
  return lines.join('\n');
}
