// Result layouts against real PyTorch 1.13 (fixtures/layout/strides.json, written by
// tooling/goldens/gen_strides.py): TensorIterator's output strides for unary / binary / where
// ops over transposed, permuted, sliced, expanded, broadcast, channels_last and mixed operands;
// memory formats in is_contiguous / contiguous / clone / to / *_like / empty; in-place ops and
// random fills; AccumulateGrad's gradient layout; and the errors. Values are compared too.
import { describe, expect, it } from 'vitest';
import {
  channels_last, channels_last_3d, contiguous_format, empty, empty_like, full_like, manual_seed, MemoryFormat, ones_like,
  preserve_format, rand_like, randint_like, randn_like, Tensor, toDType, where, zeros_like, type DTypeName,
} from '../index.js';
import { assertClose, fromJsonView, jsonNum, loadFixture, toNumbers, type JsonNum, type ViewJson } from '../testing/index.js';

type Arg = { t: ViewJson } | { s: JsonNum | boolean; k: string } | { dt: DTypeName } | { mf: string } | { v: unknown };
interface Out {
  dtype: DTypeName; shape: number[]; strides: number[]; contiguous: boolean; channels_last: boolean; data: JsonNum[]; self?: boolean;
}
interface Case {
  name: string; op: string; args: Arg[]; kwargs: Record<string, Arg>; seed?: number;
  out?: Out | { value: boolean }; error?: { type: string; message: string };
}
interface BackwardCase { name: string; op: string; leaf: ViewJson; w: JsonNum[]; out: Out; grad: Out }
interface Fixture { torch_version: string; formats: Record<string, string>; cases: Case[]; backward: BackwardCase[] }

const FORMATS: Record<string, MemoryFormat> = { contiguous_format, channels_last, channels_last_3d, preserve_format };

function decode(a: Arg): unknown {
  if ('t' in a) return fromJsonView(a.t);
  if ('dt' in a) return toDType(a.dt);
  if ('mf' in a) return FORMATS[a.mf]!;
  if ('s' in a) return a.k === 'bool' ? a.s : jsonNum(a.s as JsonNum);
  return a.v;
}

type Fn = (a: unknown[], kw: Record<string, unknown>) => Tensor | boolean;
const T = (x: unknown): Tensor => x as Tensor;
const mf = (kw: Record<string, unknown>): { memory_format?: MemoryFormat } => (kw['memory_format'] ? { memory_format: kw['memory_format'] as MemoryFormat } : {});
/** The in-place ops ran on a clone (preserve_format) of the input, as the generator's `inplace` does. */
const inplace = (f: (y: Tensor, a: unknown[]) => Tensor): Fn => (a) => {
  const y = T(a[0]).clone();
  expect(f(y, a)).toBe(y);
  return y;
};
const method = (name: string): Fn => (a) => (T(a[0]) as unknown as Record<string, (...x: unknown[]) => Tensor>)[name]!(...a.slice(1));

const OPS: Record<string, Fn> = {
  ...Object.fromEntries(
    ['neg', 'abs', 'exp', 'sigmoid', 'tanh', 'relu', 'sign', 'floor', 'silu', 'erf', 'isnan', 'logical_not', 'square', 'log2', 'sqrt',
      'sub', 'mul', 'maximum', 'minimum', 'lt', 'eq', 'gt', 'pow', 'atan2', 'remainder', 'logical_and', 'rsub', 'clamp', 'leaky_relu',
      'softplus', 'double', 'masked_fill'].map((m) => [m, method(m)]),
  ),
  gelu: (a, kw) => T(a[0]).gelu(kw['approximate'] ? { approximate: kw['approximate'] as 'tanh' } : {}),
  add: (a, kw) => T(a[0]).add(a[1] as Tensor, kw['alpha'] !== undefined ? { alpha: kw['alpha'] as number } : {}),
  div: (a, kw) => T(a[0]).div(a[1] as Tensor, kw['rounding_mode'] ? { rounding_mode: kw['rounding_mode'] as 'floor' } : {}),
  where: (a) => where(T(a[0]), a[1] as Tensor, a[2] as Tensor | number),
  to: (a, kw) => (a.length > 1 ? T(a[0]).to(a[1] as DTypeName, mf(kw)) : T(a[0]).to(mf(kw))),
  clone: (a, kw) => T(a[0]).clone(mf(kw)),
  contiguous: (a, kw) => T(a[0]).contiguous(mf(kw)),
  is_contiguous: (a, kw) => T(a[0]).is_contiguous(mf(kw)),
  empty_like: (a, kw) => empty_like(T(a[0]), { ...mf(kw) }),
  zeros_like: (a, kw) => zeros_like(T(a[0]), { ...mf(kw), ...(kw['dtype'] ? { dtype: kw['dtype'] as DTypeName } : {}) }),
  ones_like: (a, kw) => ones_like(T(a[0]), mf(kw)),
  full_like: (a, kw) => full_like(T(a[0]), a[1] as number, mf(kw)),
  rand_like: (a, kw) => rand_like(T(a[0]), mf(kw)),
  randn_like: (a, kw) => randn_like(T(a[0]), { ...mf(kw), ...(kw['dtype'] ? { dtype: kw['dtype'] as DTypeName } : {}) }),
  randint_like: (a, kw) => randint_like(T(a[0]), a[1] as number, mf(kw)),
  empty: (a, kw) => empty(a[0] as number[], mf(kw)),
  add_: inplace((y, a) => y.add_(a[1] as Tensor)),
  mul_: inplace((y, a) => y.mul_(a[1] as Tensor)),
  exp_: inplace((y) => y.exp_()),
  copy_: inplace((y, a) => y.copy_(a[1] as Tensor)),
  clamp_: inplace((y, a) => y.clamp_(a[1] as number, a[2] as number)),
  uniform_: inplace((y) => y.uniform_()),
  normal_: inplace((y) => y.normal_()),
  random_: inplace((y) => y.random_(0, 9)),
};

/** Cases written as whole Python expressions (no args): the same calls in TypeScript. */
const ERRORS: Record<string, () => unknown> = {
  bad_contiguous: () => new Tensor2x3().x.contiguous({ memory_format: 'channels_last' as unknown as MemoryFormat }),
  bad_is_contiguous: () => new Tensor2x3().x.is_contiguous({ memory_format: 3 as unknown as MemoryFormat }),
  bad_empty_like: () => empty_like(new Tensor2x3().x, { memory_format: 'x' as unknown as MemoryFormat }),
  bad_clone: () => new Tensor2x3().x.clone({ memory_format: 'channels_last' as unknown as MemoryFormat }),
  view_error: () => new Tensor2x3().x.t().mul(2).view(6),
};
class Tensor2x3 {
  readonly x = fromJsonView({ dtype: 'float32', shape: [2, 3], strides: [3, 1], offset: 0, storage: [1, 2, 3, 4, 5, 6] });
}

const fixture = loadFixture<Fixture>('layout/strides.json');
const TOL = { rtol: 2e-6, atol: 1e-6 };

function checkOut(got: Tensor, exp: Out, inputs: readonly unknown[], what: string): void {
  expect(got.dtype.name, `${what}: dtype`).toBe(exp.dtype);
  expect([...got.shape], `${what}: shape`).toEqual(exp.shape);
  expect([...got.stride()], `${what}: strides`).toEqual(exp.strides);
  expect(got.is_contiguous(), `${what}: is_contiguous()`).toBe(exp.contiguous);
  expect(got.is_contiguous({ memory_format: channels_last }), `${what}: is_contiguous(channels_last)`).toBe(exp.channels_last);
  expect(inputs.includes(got), `${what}: returns self`).toBe(exp.self === true);
  assertClose(toNumbers(got), exp.data.map(jsonNum), { ...(got.dtype.is_floating_point ? TOL : {}), what: `${what}: values` });
}

describe(`result layouts match PyTorch ${fixture.torch_version}`, () => {
  it('memory format objects print as PyTorch prints them', () => {
    for (const [name, text] of Object.entries(fixture.formats)) expect(String(FORMATS[name])).toBe(text);
  });

  const byOp = new Map<string, Case[]>();
  // Module.to(memory_format) is torch-compat's (its test reads the same fixture).
  for (const c of fixture.cases) if (c.op !== 'module_5d') byOp.set(c.op, [...(byOp.get(c.op) ?? []), c]);
  for (const [op, cases] of byOp) {
    it(`${op}: ${cases.length} case(s)`, () => {
      for (const c of cases) {
        const run = (): unknown => {
          if (c.seed !== undefined) manual_seed(c.seed);
          const args = c.args.map(decode);
          const kw = Object.fromEntries(Object.entries(c.kwargs).map(([k, v]) => [k, decode(v)]));
          const f = OPS[c.op] ?? (ERRORS[c.op] ? () => ERRORS[c.op]!() as Tensor : undefined);
          if (!f) throw new Error(`no TS call mapped for op '${c.op}'`);
          const r = f(args, kw);
          return { r, args };
        };
        if (c.error) {
          let err: unknown = null;
          try {
            run();
          } catch (e) {
            err = e;
          }
          expect(err, `${c.name}: expected ${c.error.type}`).toBeInstanceOf(Error);
          expect((err as Error).name, `${c.name}: error type`).toBe(c.error.type);
          expect((err as Error).message.split('\n')[0], `${c.name}: message`).toBe(c.error.message);
          continue;
        }
        const { r, args } = run() as { r: Tensor | boolean; args: unknown[] };
        if ('value' in c.out!) expect(r, c.name).toBe(c.out.value);
        else checkOut(r as Tensor, c.out!, args, c.name);
      }
    });
  }

  it(`gradients obey AccumulateGrad's layout contract (${fixture.backward.length} cases)`, () => {
    const OPS_BWD: Record<string, (x: Tensor, name: string) => Tensor> = {
      mul2: (x) => x.mul(2),
      exp: (x) => x.exp(),
      mul_self: (x) => x.mul(x),
      sigmoid: (x) => x.sigmoid(),
      to_f64: (x) => x.to('float64'),
    };
    const bias = fixture.cases.find((c) => c.name === 'add(nhwc, bias_c11)')!.args[1]! as { t: ViewJson };
    const contig = fixture.cases.find((c) => c.name === 'add(contig, t)')!.args[0]! as { t: ViewJson };
    for (const b of fixture.backward) {
      const x = fromJsonView(b.leaf, true);
      if (b.op === 'retain') {
        const y = x.t().mul(1);
        y.retain_grad();
        checkOut(y.detach(), b.out, [], `${b.name}: output`);
        y.t().exp().mul(Tensor.fromHost(Float32Array.from(b.w.map(jsonNum)), [3, 4], 'float32')).sum().backward();
        checkOut(y.grad!, b.grad, [], `${b.name}: retained grad`);
        continue;
      }
      const out = b.op === 'add_bias' ? x.add(fromJsonView(bias.t)) : b.op === 'mul_contig' ? x.mul(fromJsonView(contig.t)) : OPS_BWD[b.op]!(x, b.name);
      checkOut(out.detach(), b.out, [], `${b.name}: output`);
      const w = Tensor.fromHost(Float32Array.from(b.w.map(jsonNum)), out.shape, 'float32');
      out.mul(w).sum().backward();
      checkOut(x.grad!, b.grad, [], `${b.name}: grad`);
    }
  });
});
