/**
 * One probe per kernel of the SPI: a small computation through core ops that exercises that
 * kernel (with broadcasting and a non-contiguous input where the kernel takes them). Running a
 * probe with a backend as the default and comparing with the reference backend gives the
 * per-kernel rows of the conformance matrix.
 */
import {
  ALL_KERNELS_LIST, avg_pool2d, cat, conv2d, conv_transpose2d, manual_seed, max_pool2d, randn, tensor, type Tensor,
  where,
} from './probe-deps.js';

/** What a probe computes; every result tensor is compared with the reference backend. */
export type Probe = () => Tensor[];

const r = (...shape: number[]): Tensor => randn(shape);

/** Probes by kernel name. Inputs come from the default backend (set by the caller). */
export const KERNEL_PROBES: Readonly<Record<string, Probe>> = Object.freeze({
  Add: () => [r(3, 4).add(r(4))],
  Sub: () => [r(3, 4).t().sub(r(3))],
  Mul: () => [r(2, 3).mul(r(2, 1))],
  Div: () => [r(3, 4).div(r(4).abs().add(0.5))],
  Pow: () => [r(3, 4).abs().add(0.1).pow(r(4))],
  Maximum: () => [r(3, 4).maximum(r(4))],
  Minimum: () => [r(3, 4).minimum(r(3, 1))],
  FloorDiv: () => [r(3, 4).mul(10).div(r(4).abs().add(1), { rounding_mode: 'floor' })],
  Remainder: () => [r(3, 4).mul(10).remainder(3)],
  Atan2: () => [r(3, 4).atan2(r(4))],
  Equal: () => [tensor([1, 2, 3]).eq(tensor([1, 0, 3]))],
  NotEqual: () => [tensor([1, 2, 3]).ne(tensor([1, 0, 3]))],
  Less: () => [r(3, 4).lt(r(4))],
  LessEqual: () => [r(3, 4).le(0)],
  Greater: () => [r(3, 4).gt(r(3, 1))],
  GreaterEqual: () => [r(3, 4).ge(0)],
  LogicalAnd: () => [r(5).gt(0).logical_and(r(5).gt(0))],
  LogicalOr: () => [r(5).gt(0).logical_or(r(5).gt(0))],
  LogicalXor: () => [r(5).gt(0).logical_xor(r(5).gt(0))],
  Neg: () => [r(3, 4).t().neg()],
  Abs: () => [r(3, 4).abs()],
  Exp: () => [r(3, 4).exp()],
  Expm1: () => [r(3, 4).expm1()],
  Log: () => [r(3, 4).abs().add(0.1).log()],
  Log1p: () => [r(3, 4).abs().log1p()],
  Sqrt: () => [r(3, 4).abs().sqrt()],
  Rsqrt: () => [r(3, 4).abs().add(0.1).rsqrt()],
  Sin: () => [r(3, 4).sin()],
  Cos: () => [r(3, 4).cos()],
  Tanh: () => [r(3, 4).tanh()],
  Sigmoid: () => [r(3, 4).sigmoid()],
  Relu: () => [r(3, 4).t().relu()],
  Silu: () => [r(3, 4).silu()],
  Erf: () => [r(3, 4).erf()],
  Sign: () => [r(3, 4).sign()],
  Floor: () => [r(3, 4).mul(3).floor()],
  Ceil: () => [r(3, 4).mul(3).ceil()],
  Round: () => [tensor([0.5, 1.5, 2.5, -0.5, 1.2])],
  Trunc: () => [r(3, 4).mul(3).trunc()],
  Reciprocal: () => [r(3, 4).abs().add(0.5).reciprocal()],
  LogicalNot: () => [r(5).gt(0).logical_not()],
  IsNan: () => [tensor([1, NaN, 2]).isnan()],
  Gelu: () => [r(3, 4).gelu(), r(3, 4).gelu({ approximate: 'tanh' })],
  Softplus: () => [r(3, 4).mul(10).softplus(1, 20)],
  LeakyRelu: () => [r(3, 4).leaky_relu(0.1)],
  Clamp: () => [r(3, 4).clamp(-0.5, 0.5)],
  Cast: () => [r(3, 4).mul(5).to('int32'), r(3).to('float64')],
  Contiguous: () => [r(3, 4).t().contiguous(), r(4, 6).slice(1, 1, 5, 2).contiguous()],
  Where: () => [where(r(3, 4).gt(0), r(3, 4), r(4))],
  Sum: () => [r(3, 4, 5).sum([0, 2]), r(3, 4).t().sum(1, true)],
  Prod: () => [r(3, 4).prod(1)],
  Max: () => [r(3, 4).amax(1)],
  Min: () => [r(3, 4).amin(0)],
  MaxDim: () => { const m = r(3, 4).max(1); return [m.values, m.indices]; },
  MinDim: () => { const m = r(3, 4).min(0); return [m.values, m.indices]; },
  ArgMax: () => [r(3, 4).argmax(1), r(3, 4).argmax()],
  ArgMin: () => [r(3, 4).argmin(0)],
  Softmax: () => [r(3, 5).softmax(1)],
  LogSoftmax: () => [r(3, 5).log_softmax(0)],
  BatchMatMul: () => [r(4, 5).mm(r(5, 3)), r(2, 4, 5).matmul(r(5, 3)), r(5, 4).t().mm(r(5, 3))],
  Addmm: () => [
    r(4).addmm(r(3, 5), r(4, 5).t()),
    r(3, 1).addmm(r(3, 5), r(5, 4), { alpha: 0.5, beta: 2 }),
    r(1).addmm(r(1, 1), r(1, 1)),
  ],
  Conv2D: () => [conv2d(r(2, 4, 7, 7), r(6, 2, 3, 3), r(6), { stride: 2, padding: 1, groups: 2 })],
  ConvTranspose2D: () => [conv_transpose2d(r(2, 4, 5, 5), r(4, 3, 3, 3), r(3), { stride: 2, padding: 1, output_padding: 1 })],
  Conv2DBackpropFilter: () => {
    const w = r(3, 2, 3, 3).requires_grad_();
    conv2d(r(2, 2, 6, 6), w, null, { padding: 1 }).sum().backward();
    return [w.grad!];
  },
  MaxPool2D: () => { const [v, i] = max_pool2d(r(2, 3, 6, 6), 2, { return_indices: true }) as [Tensor, Tensor]; return [v, i]; },
  AvgPool2D: () => [avg_pool2d(r(2, 3, 7, 7), 3, { stride: 2, padding: 1 })],
  AvgPool2DBackward: () => {
    const x = r(1, 2, 6, 6).requires_grad_();
    avg_pool2d(x, 2).sum().backward();
    return [x.grad!];
  },
  Gather: () => [r(3, 4).gather(1, tensor([[0, 3], [1, 1], [2, 0]]))],
  ScatterAdd: () => [r(3, 4).scatter_add(1, tensor([[0, 0], [1, 3], [2, 2]]), r(3, 2))],
  IndexSelect: () => [r(5, 3).index_select(0, tensor([4, 0, 2]))],
  IndexAdd: () => [r(5, 3).index_add(0, tensor([4, 0, 4]), r(3, 3))],
  Concat: () => [cat([r(2, 3), r(4, 3).t().t().slice(0, 0, 2)], 0)],
  Assign: () => { const x = r(3, 4); x.slice(1, 1, 3).copy_(r(3, 2)); return [x]; },
  Sort: () => { const s = r(3, 5).t().sort(0, true); return [s.values, s.indices, tensor([2, NaN, 1]).argsort()]; },
  CumSum: () => [r(3, 4).t().cumsum(1), tensor([1, 2, 3]).cumsum(0)],
  CumProd: () => [r(3, 4).cumprod(0)],
});

/** Kernels without a probe (must stay empty: a test checks every kernel has one). */
export function unprobedKernels(): string[] {
  return ALL_KERNELS_LIST.filter((k) => !(k in KERNEL_PROBES));
}

/** Runs a probe with fresh seeded inputs. */
export function runProbe(kernel: string, seed = 0): Tensor[] {
  const p = KERNEL_PROBES[kernel];
  if (!p) throw new Error(`no probe for kernel '${kernel}'`);
  manual_seed(seed);
  return p();
}
