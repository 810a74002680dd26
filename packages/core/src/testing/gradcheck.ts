/** Finite-difference gradient checks in float64, like `torch.autograd.gradcheck`. */
import { mulberry32 } from './prng.js';
import { grad, no_grad, Tensor } from '../index.js';

/** Options of `gradcheck` (torch.autograd.gradcheck's defaults). */
export interface GradcheckOptions {
  /** Central-difference step. */
  eps?: number;
  atol?: number;
  rtol?: number;
  /** Random output projections to check (each one backward pass). */
  projections?: number;
  /** Seed of the projection weights. */
  seed?: number;
}

/** Deterministic uniform numbers in [-1, 1) (mulberry32), so failures reproduce. */
function rng(seed: number): () => number {
  const u = mulberry32(seed);
  return () => u() * 2 - 1;
}

function outputsOf(r: Tensor | readonly Tensor[]): Tensor[] {
  return (r instanceof Tensor ? [r] : [...r]).filter((t) => t.dtype.is_floating_point);
}

/**
 * Compares the analytical gradient of `fn` (from the autograd engine) with central finite
 * differences, for every element of every float64 input that requires grad. The outputs are
 * projected on random weights w (d/dx sum(out * w)), so one backward pass checks all
 * outputs at once, as torch's fast-mode gradcheck does; several projections are checked.
 * Throws an Error naming the input, element and both values on a mismatch; returns true.
 *
 * @example
 * const x = Tensor.fromHost(new Float64Array([0.5, -1.2]), [2], 'float64').requires_grad_();
 * gradcheck((t) => t.tanh(), [x]);
 */
export function gradcheck(fn: (...inputs: Tensor[]) => Tensor | readonly Tensor[], inputs: readonly Tensor[], opts: GradcheckOptions = {}): true {
  const eps = opts.eps ?? 1e-6;
  const atol = opts.atol ?? 1e-5;
  const rtol = opts.rtol ?? 1e-3;
  const rand = rng(opts.seed ?? 12345);
  const diff = inputs.map((t, i) => ({ t, i })).filter(({ t }) => t.requires_grad);
  if (diff.length === 0) throw new Error('gradcheck: no input requires grad');
  for (const { t, i } of diff) {
    if (t.dtype.name !== 'float64') throw new Error(`gradcheck: input ${i} is ${t.dtype.name}; finite differences need float64`);
  }
  const projections = opts.projections ?? 2;
  for (let p = 0; p < projections; p++) {
    const outs = outputsOf(fn(...inputs));
    if (outs.length === 0) throw new Error('gradcheck: fn returned no floating-point output');
    const ws = outs.map((o) => {
      const h = new Float64Array(o.numel());
      for (let k = 0; k < h.length; k++) h[k] = rand();
      return Tensor.fromHost(h, o.shape, 'float64');
    });
    const live = outs.map((o, k) => ({ o, w: ws[k]! })).filter(({ o }) => o.requires_grad);
    const analytical = live.length
      ? grad(live.map((x) => x.o), diff.map((d) => d.t), { grad_outputs: live.map((x) => x.w), allow_unused: true })
      : diff.map(() => null);
    const project = (r: Tensor | readonly Tensor[]): number => {
      let s = 0;
      outputsOf(r).forEach((o, k) => {
        const v = o.to('float64').dataSync();
        const w = ws[k]!.dataSync();
        for (let j = 0; j < v.length; j++) s += v[j]! * w[j]!;
      });
      return s;
    };
    diff.forEach(({ t, i }, di) => {
      const host = Float64Array.from(t.dataSync());
      const an = analytical[di] ? analytical[di]!.to('float64').dataSync() : new Float64Array(host.length);
      for (let j = 0; j < host.length; j++) {
        const at = (delta: number): number => {
          const h = Float64Array.from(host);
          h[j] = h[j]! + delta;
          const moved = Tensor.fromHost(h, t.shape, 'float64');
          const args = inputs.map((x, k) => (k === i ? moved : x.detach()));
          return no_grad(() => project(fn(...args)));
        };
        const numerical = (at(eps) - at(-eps)) / (2 * eps);
        const a = an[j]!;
        if (!(Math.abs(a - numerical) <= atol + rtol * Math.abs(numerical))) {
          throw new Error(
            `gradcheck: Jacobian mismatch for input ${i}, element ${j} (projection ${p}): analytical ${a}, numerical ${numerical} (atol ${atol}, rtol ${rtol})`,
          );
        }
      }
    });
  }
  return true;
}
