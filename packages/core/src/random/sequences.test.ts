import { describe, expect, it } from 'vitest';
import { allocHostArray, type DTypeName } from '../dtype.js';
import { bernoulliFill } from './bernoulli.js';
import { dropoutMask } from './dropout.js';
import { b64, loadFixture } from './fixtures.js';
import { Generator } from './generator.js';
import { normalFill } from './normal.js';
import { randomFromToFill } from './randint.js';
import { randperm } from './randperm.js';
import { uniformFill } from './uniform.js';

interface Op {
  op: string;
  n?: number;
  dtype?: DTypeName;
  pdtype?: DTypeName;
  values?: number[];
  probs?: number[];
  low?: number; high?: number; a?: number; b?: number; mean?: number; std?: number; p?: number;
  state?: string;
}
interface Sequences { sequences: { seed: number; ops: Op[] }[] }

const fx = loadFixture<Sequences>('sequences.json');

/** Runs one recorded op on `g` and returns what it produced (numbers, or the state bytes). */
function replay(op: Op, g: Generator): number[] | Uint8Array {
  const n = op.n ?? 0;
  const dt = op.dtype ?? 'float32';
  const out = allocHostArray(dt, n);
  switch (op.op) {
    case 'rand': uniformFill(out, dt, 0, 1, g); break;
    case 'uniform': uniformFill(out, dt, op.a!, op.b!, g); break;
    case 'randn': normalFill(out, dt, 0, 1, g); break;
    case 'normal': normalFill(out, dt, op.mean!, op.std!, g); break;
    case 'normal_strided': normalFill(out, dt, op.mean!, op.std!, g, { contiguous: false }); break;
    case 'randint': randomFromToFill(out, dt, op.low!, op.high!, g); break;
    case 'randperm': return Array.from(randperm(n, g));
    case 'bernoulli_scalar': bernoulliFill(out, dt, op.p!, g); break;
    case 'bernoulli_tensor': {
      const probs = allocHostArray(op.pdtype!, n);
      probs.set(op.probs!);
      bernoulliFill(out, dt, { data: probs, dtype: op.pdtype! }, g);
      break;
    }
    case 'dropout': dropoutMask(out, dt, op.p!, g); break;
    case 'get_state': return g.get_state();
    default: throw new Error(`unknown op ${op.op}`);
  }
  return Array.from(out);
}

function libmBound(op: Op): boolean {
  return op.dtype === 'float64' && (op.op === 'randn' || op.op === 'normal');
}

describe('PyTorch 1.13 CPU random sequences (bit-exact)', () => {
  for (const s of fx.sequences) {
    it(`seed ${s.seed}: ${s.ops.length} interleaved calls`, () => {
      const g = new Generator().manual_seed(s.seed);
      s.ops.forEach((op, i) => {
        const got = replay(op, g);
        const where = `op #${i} ${op.op}(${op.n ?? ''} ${op.dtype ?? ''})`;
        if (got instanceof Uint8Array) {
          expect(Buffer.from(got).toString('base64'), where).toBe(op.state);
          // and restoring that state gives an identical generator
          expect(new Generator().set_state(b64(op.state!)).get_state(), where).toEqual(got);
        } else if (libmBound(op)) {
          // float64 normals go through glibc's log/sin/cos, which V8's Math functions match only
          // to the last bit or two (see normal.ts); everything else is compared bit for bit.
          expect(got.length, where).toBe(op.values!.length);
          // a few ulps of the unscaled sample, scaled by std (cancellation near 0 when mean != 0)
          const tol = 4 * 2 ** -52 * (Math.abs(op.mean ?? 0) + 8 * (op.std ?? 1));
          got.forEach((v, k) => expect(Math.abs(v - op.values![k]!), `${where}[${k}]`).toBeLessThanOrEqual(tol));
        } else {
          expect({ where, values: got }).toStrictEqual({ where, values: op.values });
        }
      });
    });
  }
});
