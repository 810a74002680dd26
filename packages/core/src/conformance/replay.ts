/**
 * Replays one golden op case (fixtures/ops/*.json, written by tooling/goldens/gen_core_ops.py from
 * real PyTorch 1.13) through the TypeScript API: builds the inputs with PyTorch's exact strides,
 * calls the op, and compares outputs, view layout, gradients of sum(out * w), or the error.
 */
import { avg_pool2d, cat, conv2d, grad, max_pool2d, stack, Tensor, where } from '../index.js';
import {
  assertClose, fromJsonData, fromJsonView, jsonNum, jsonValues, toNumbers,
  type ArgJson, type OpCase, type ValueJson,
} from '../testing/index.js';
import { VERSION_TEXTS } from './known_gaps.js';
import { toleranceFor } from './tolerances.js';

type Fn = (args: unknown[], kw: Record<string, unknown>) => unknown;
const t = (x: unknown): Tensor => x as Tensor;
type Conv2dKw = Parameters<typeof conv2d>[3];
type MaxPoolKw = Parameters<typeof max_pool2d>[2];
type AvgPoolKw = Parameters<typeof avg_pool2d>[2];

/** Free functions by the names the generator uses (torch.where, torch.cat, F.conv2d, ...). */
const FUNCTIONS: Record<string, Fn> = {
  where: (a) => where(t(a[0]), a[1] as Tensor | number, a[2] as Tensor | number),
  cat: (a) => cat(a[0] as Tensor[], a[1] as number),
  stack: (a) => stack(a[0] as Tensor[], a[1] as number),
  conv2d: (a, kw) => conv2d(t(a[0]), t(a[1]), (a[2] as Tensor | null) ?? null, kw as Conv2dKw),
  max_pool2d: (a, kw) => max_pool2d(t(a[0]), a[1] as number | number[], kw as MaxPoolKw),
  avg_pool2d: (a, kw) => avg_pool2d(t(a[0]), a[1] as number | number[], kw as AvgPoolKw),
};

/** Methods whose Python keyword arguments the TS API takes as a trailing options object. */
const KWARG_METHODS = new Set([
  'add', 'sub', 'div', 'gelu',
  // fixtures/ops/tensor_methods.json (tooling/goldens/gen_tensor_methods.py)
  'new_zeros', 'new_ones', 'new_empty', 'addcmul', 'addcdiv', 'sort', 'cumsum', 'scatter', 'index_add_',
]);

function decodeArg(a: ArgJson): unknown {
  if ('t' in a) return fromJsonView(a.t);
  if ('tl' in a) return a.tl.map((v) => fromJsonView(v));
  if ('s' in a) {
    if (a.k === 'bool') return a.s as boolean;
    const n = jsonNum(a.s as number);
    if (a.k === 'float' && Number.isInteger(n)) throw new Error('a float scalar must not be integral (it would promote as an int)');
    return n;
  }
  return a.v;
}

/** Calls the case's op; returns its outputs as a list (tuples and lists flattened). */
export function callOp(c: OpCase, args: unknown[]): Tensor[] {
  let r: unknown;
  if (c.fn === 'function') {
    const f = FUNCTIONS[c.op];
    if (!f) throw new Error(`no TS function mapped for '${c.op}'`);
    r = f(args, c.kwargs);
  } else {
    const self = t(args[0]) as unknown as Record<string, (...a: unknown[]) => unknown>;
    const m = self[c.op];
    if (typeof m !== 'function') throw new Error(`Tensor has no method '${c.op}'`);
    const rest = args.slice(1);
    const hasKw = Object.keys(c.kwargs).length > 0;
    if (hasKw && !KWARG_METHODS.has(c.op)) throw new Error(`keyword arguments of '${c.op}' are not mapped`);
    r = m.apply(self, hasKw ? [...rest, c.kwargs] : rest);
  }
  if (r instanceof Tensor) return [r];
  return Array.from(r as Iterable<Tensor>);
}

function tensorInputs(args: unknown[]): Tensor[] {
  const r: Tensor[] = [];
  for (const a of args) {
    if (a instanceof Tensor) r.push(a);
    else if (Array.isArray(a) && a.length > 0 && a[0] instanceof Tensor) r.push(...(a as Tensor[]));
  }
  return r;
}

function compareValue(got: Tensor, exp: ValueJson, op: string, what: string, gradient = false): void {
  if (got.dtype.name !== exp.dtype) throw new Error(`${what}: dtype ${got.dtype.name}, expected ${exp.dtype}`);
  if (got.shape.join(',') !== exp.shape.join(',')) throw new Error(`${what}: shape [${got.shape.join(', ')}], expected [${exp.shape.join(', ')}]`);
  const tol = toleranceFor(op, exp.dtype, gradient);
  assertClose(toNumbers(got), jsonValues(exp), { ...(tol ?? { rtol: 0, atol: 0 }), what });
}

/** Runs one case; throws an Error describing the first disagreement with PyTorch. */
export function replayCase(topic: string, c: OpCase): void {
  const args = c.args.map(decodeArg);
  const expectedError = VERSION_TEXTS[`${topic}/${c.name}`] ?? c.error;
  if (expectedError) {
    let e: unknown = null;
    try {
      callOp(c, args);
    } catch (x) {
      e = x;
    }
    if (!(e instanceof Error)) throw new Error(`expected ${expectedError.type}: ${expectedError.message}, but nothing was thrown`);
    const msg = e.message.split('\n')[0];
    if (e.name !== expectedError.type || msg !== expectedError.message) {
      throw new Error(`error text differs:\n  got      ${e.name}: ${msg}\n  expected ${expectedError.type}: ${expectedError.message}`);
    }
    return;
  }
  const outs = callOp(c, args);
  const expected = c.out!;
  if (outs.length !== expected.length) throw new Error(`${outs.length} outputs, expected ${expected.length}`);
  const ins = tensorInputs(args);
  outs.forEach((o, i) => {
    const e = expected[i]!;
    compareValue(o, e, c.op, `output ${i}`);
    if (e.base !== undefined) {
      const shares = o.untyped_storage() === ins[0]!.untyped_storage();
      if (shares !== e.base) throw new Error(`output ${i}: shares the input's storage: ${shares}, PyTorch: ${e.base}`);
      if (e.base && (o.stride().join(',') !== e.strides!.join(',') || o.storage_offset() !== e.offset)) {
        throw new Error(`output ${i}: strides [${o.stride().join(', ')}] offset ${o.storage_offset()}, PyTorch: [${e.strides!.join(', ')}] offset ${e.offset}`);
      }
    }
  });
  if (!c.grads) return;
  const diffIn = ins.filter((x) => x.requires_grad);
  const live = outs.map((o, i) => ({ o, w: c.gout![i] })).filter((x) => x.w != null);
  const ws = live.map(({ o, w }) => fromJsonData({ dtype: o.dtype.name, shape: o.shape, data: w! }));
  const gs = grad(live.map((x) => x.o), diffIn, { grad_outputs: ws, allow_unused: true });
  let k = 0;
  ins.forEach((x, i) => {
    const exp = c.grads![i];
    if (!x.requires_grad) return;
    const g = gs[k++];
    if (exp == null) {
      if (g && toNumbers(g).some((v) => v !== 0)) throw new Error(`grad ${i}: PyTorch has none (unused input), got non-zero values`);
      return;
    }
    if (!g) {
      // No gradient path (e.g. div with rounding_mode) is a zero gradient; PyTorch materialises it.
      if (jsonValues(exp).some((v) => v !== 0)) throw new Error(`grad ${i}: none computed, PyTorch has non-zero values`);
      return;
    }
    compareValue(g, exp, c.op, `grad of input ${i}`, true);
  });
}
