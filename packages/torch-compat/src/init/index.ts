/**
 * `torch.nn.init` (PyTorch 2.1): every function draws with the same `uniform_` / `normal_`
 * calls, in the same order and with the same bounds (computed with the same float64
 * arithmetic) as torch/nn/init.py, so after `torch.manual_seed(s)` the values are PyTorch's.
 *
 * @example
 * import { nn_init as init } from '@nncompat/torch-compat';
 * torch.manual_seed(0);
 * init.kaiming_uniform_(w, { a: Math.sqrt(5) }); // nn.Linear's weight init
 */
import { allocHostArray, erf as erfPy, type Generator, no_grad, type Tensor, Tensor as TensorClass, ValueError } from '@nncompat/core';
import { bindArgs, checkArg, p, type PyArgs } from '../functional/pyargs.js';
import { warnOnce } from '../functional/warn.js';
import { erfinv } from './erfinv.js';
import { _calculate_correct_fan, _calculate_fan_in_and_fan_out, calculate_gain, type Nonlinearity } from './gain.js';
import { householderQR } from './qr.js';

export { calculate_gain, _calculate_fan_in_and_fan_out, _calculate_correct_fan, type Nonlinearity } from './gain.js';

/** The `generator=` keyword (PyTorch 2.1). */
export interface GeneratorOptions {
  generator?: Generator | null;
}

function gen(o?: GeneratorOptions): { generator?: Generator | null } {
  return { generator: o?.generator ?? null };
}

const GENERATOR = p.optGenerator('generator');

/** Options of `uniform_`. */
export interface UniformOptions extends GeneratorOptions {
  a?: number;
  b?: number;
}

/**
 * `nn.init.uniform_(tensor, a=0., b=1., generator=None)`.
 *
 * @example
 * init.uniform_(w, -0.1, 0.1);
 * init.uniform_(w, { a: -0.1, b: 0.1, generator: g });
 */
export function uniform_(tensor: Tensor, ...args: PyArgs<[a: number, b: number, generator: Generator | null], UniformOptions>): Tensor {
  const o = bindArgs<UniformOptions>('uniform_', 1, [p.float('a'), p.float('b'), GENERATOR], args);
  return no_grad(() => tensor.uniform_(o.a ?? 0, o.b ?? 1, gen(o)));
}

/** Options of `normal_`. */
export interface NormalOptions extends GeneratorOptions {
  mean?: number;
  std?: number;
}

/**
 * `nn.init.normal_(tensor, mean=0., std=1., generator=None)`.
 *
 * @example
 * init.normal_(w, 0, 0.02);
 * init.normal_(w, { std: 0.02 });
 */
export function normal_(tensor: Tensor, ...args: PyArgs<[mean: number, std: number, generator: Generator | null], NormalOptions>): Tensor {
  const o = bindArgs<NormalOptions>('normal_', 1, [p.float('mean'), p.float('std'), GENERATOR], args);
  return no_grad(() => tensor.normal_(o.mean ?? 0, o.std ?? 1, gen(o)));
}

/** The standard normal CDF via `math.erf`, as init.py's `norm_cdf`. */
function normCdf(x: number): number {
  return (1 + erfPy(x / Math.sqrt(2))) / 2;
}

/** Options of `trunc_normal_`. */
export interface TruncNormalOptions extends NormalOptions {
  a?: number;
  b?: number;
}

/**
 * `nn.init.trunc_normal_(tensor, mean=0., std=1., a=-2., b=2., generator=None)`, composed as
 * PyTorch does: `uniform_(2l-1, 2u-1)`, `erfinv_`, `mul_(std*sqrt(2))`, `add_(mean)`,
 * `clamp_(a, b)`.
 *
 * @example
 * init.trunc_normal_(w, 0, 0.02);
 * init.trunc_normal_(w, { std: 0.02, a: -0.04, b: 0.04 });
 */
export function trunc_normal_(
  tensor: Tensor,
  ...args: PyArgs<[mean: number, std: number, a: number, b: number, generator: Generator | null], TruncNormalOptions>
): Tensor {
  const opts = bindArgs<TruncNormalOptions>('trunc_normal_', 1, [p.float('mean'), p.float('std'), p.float('a'), p.float('b'), GENERATOR], args);
  const { mean = 0, std = 1, a = -2, b = 2 } = opts;
  if (mean < a - 2 * std || mean > b + 2 * std) {
    warnOnce('mean is more than 2 std from [a, b] in nn.init.trunc_normal_. The distribution of values may be incorrect.');
  }
  return no_grad(() => {
    const l = normCdf((a - mean) / std);
    const u = normCdf((b - mean) / std);
    tensor.uniform_(2 * l - 1, 2 * u - 1, gen(opts));
    const f32 = tensor.dtype.name !== 'float64';
    const src = tensor.dataSync();
    const host = allocHostArray(tensor.dtype, src.length);
    for (let i = 0; i < src.length; i++) host[i] = erfinv(src[i]!, f32);
    tensor.copy_(TensorClass.fromHost(host, tensor.shape, tensor.dtype, tensor.backend));
    tensor.mul_(std * Math.sqrt(2));
    tensor.add_(mean);
    tensor.clamp_(a, b);
    return tensor;
  });
}

/**
 * `nn.init.constant_(tensor, val)`.
 *
 * @example
 * init.constant_(b, 0.1);
 */
export function constant_(tensor: Tensor, val: number, ...args: []): Tensor {
  checkArg('constant_', p.float('val'), 2, val);
  bindArgs('constant_', 2, [], args);
  return no_grad(() => tensor.fill_(val));
}

/**
 * `nn.init.ones_(tensor)`.
 *
 * @example
 * init.ones_(gamma);
 */
export function ones_(tensor: Tensor, ...args: []): Tensor {
  bindArgs('ones_', 1, [], args);
  return constant_(tensor, 1);
}

/**
 * `nn.init.zeros_(tensor)`.
 *
 * @example
 * init.zeros_(bias);
 */
export function zeros_(tensor: Tensor, ...args: []): Tensor {
  bindArgs('zeros_', 1, [], args);
  return no_grad(() => tensor.zero_());
}

/**
 * `nn.init.eye_(tensor)`: the identity on a 2-D tensor.
 *
 * @example
 * init.eye_(w);
 */
export function eye_(tensor: Tensor, ...args: []): Tensor {
  bindArgs('eye_', 1, [], args);
  if (tensor.dim() !== 2) throw new ValueError('Only tensors with 2 dimensions are supported');
  return no_grad(() => {
    const [r, c] = tensor.shape as [number, number];
    const host = allocHostArray(tensor.dtype, r * c);
    const one = TensorClass.fromHost(allocHostArray(tensor.dtype, 1), [], tensor.dtype, tensor.backend).fill_(1).dataSync()[0]!;
    for (let i = 0; i < Math.min(r, c); i++) host[i * c + i] = one;
    return tensor.copy_(TensorClass.fromHost(host, tensor.shape, tensor.dtype, tensor.backend));
  });
}

/**
 * `nn.init.dirac_(tensor, groups=1)`: the identity convolution on a 3-, 4- or 5-D weight.
 *
 * @example
 * init.dirac_(convWeight);
 * init.dirac_(convWeight, 2); // init.dirac_(convWeight, { groups: 2 })
 */
export function dirac_(tensor: Tensor, ...args: PyArgs<[groups: number], { groups?: number }>): Tensor {
  const g = bindArgs<{ groups?: number }>('dirac_', 1, [p.int('groups')], args).groups ?? 1;
  const n = tensor.dim();
  if (n < 3 || n > 5) throw new ValueError('Only tensors with 3, 4, or 5 dimensions are supported');
  const sizes = tensor.shape;
  if (sizes[0]! % g !== 0) throw new ValueError('dim 0 must be divisible by groups');
  const outPerGroup = sizes[0]! / g;
  const minDim = Math.min(outPerGroup, sizes[1]!);
  return no_grad(() => {
    const total = tensor.numel();
    const host = allocHostArray(tensor.dtype, total);
    const one = TensorClass.fromHost(allocHostArray(tensor.dtype, 1), [], tensor.dtype, tensor.backend).fill_(1).dataSync()[0]!;
    const strides = sizes.map((_, i) => sizes.slice(i + 1).reduce((x, y) => x * y, 1));
    for (let gi = 0; gi < g; gi++) {
      for (let d = 0; d < minDim; d++) {
        let off = (gi * outPerGroup + d) * strides[0]! + d * strides[1]!;
        for (let k = 2; k < n; k++) off += Math.floor(sizes[k]! / 2) * strides[k]!;
        host[off] = one;
      }
    }
    return tensor.copy_(TensorClass.fromHost(host, tensor.shape, tensor.dtype, tensor.backend));
  });
}

/** Options of the xavier initializers. */
export interface XavierOptions extends GeneratorOptions {
  gain?: number;
}

/** Positional parameters of the xavier initializers and orthogonal_ after `tensor`. */
type GainPositional = [gain: number, generator: Generator | null];
const GAIN_PARAMS = [p.float('gain'), GENERATOR];

/**
 * `nn.init.xavier_uniform_(tensor, gain=1., generator=None)`: U(-a, a) with
 * `a = gain * sqrt(6 / (fan_in + fan_out))`.
 *
 * @example
 * init.xavier_uniform_(w, init.calculate_gain('relu'));
 * init.xavier_uniform_(w, { gain: 2, generator: g });
 */
export function xavier_uniform_(tensor: Tensor, ...args: PyArgs<GainPositional, XavierOptions>): Tensor {
  const o = bindArgs<XavierOptions>('xavier_uniform_', 1, GAIN_PARAMS, args);
  const [fanIn, fanOut] = _calculate_fan_in_and_fan_out(tensor);
  const std = (o.gain ?? 1) * Math.sqrt(2.0 / (fanIn + fanOut));
  const a = Math.sqrt(3.0) * std;
  return uniform_(tensor, -a, a, o.generator ?? null);
}

/**
 * `nn.init.xavier_normal_(tensor, gain=1., generator=None)`: N(0, std²) with
 * `std = gain * sqrt(2 / (fan_in + fan_out))`.
 *
 * @example
 * init.xavier_normal_(w);
 * init.xavier_normal_(w, 0.5); // init.xavier_normal_(w, { gain: 0.5 })
 */
export function xavier_normal_(tensor: Tensor, ...args: PyArgs<GainPositional, XavierOptions>): Tensor {
  const o = bindArgs<XavierOptions>('xavier_normal_', 1, GAIN_PARAMS, args);
  const [fanIn, fanOut] = _calculate_fan_in_and_fan_out(tensor);
  const std = (o.gain ?? 1) * Math.sqrt(2.0 / (fanIn + fanOut));
  return normal_(tensor, 0, std, o.generator ?? null);
}

/** Options of the kaiming initializers. */
export interface KaimingOptions extends GeneratorOptions {
  a?: number;
  mode?: 'fan_in' | 'fan_out';
  nonlinearity?: Nonlinearity;
}

/** Positional parameters of the kaiming initializers after `tensor`. */
type KaimingPositional = [a: number, mode: 'fan_in' | 'fan_out', nonlinearity: Nonlinearity, generator: Generator | null];
const KAIMING_PARAMS = [p.float('a'), p.str('mode'), p.str('nonlinearity'), GENERATOR];

function kaimingStd(fn: string, tensor: Tensor, args: readonly unknown[]): { std: number; o: KaimingOptions } | null {
  const o = bindArgs<KaimingOptions>(fn, 1, KAIMING_PARAMS, args);
  if (tensor.shape.includes(0)) {
    warnOnce('Initializing zero-element tensors is a no-op');
    return null;
  }
  const fan = _calculate_correct_fan(tensor, o.mode ?? 'fan_in');
  const g = calculate_gain(o.nonlinearity ?? 'leaky_relu', o.a ?? 0);
  return { std: g / Math.sqrt(fan), o };
}

/**
 * `nn.init.kaiming_uniform_(tensor, a=0, mode='fan_in', nonlinearity='leaky_relu',
 * generator=None)`: U(-b, b) with `b = gain * sqrt(3 / fan)`.
 *
 * @example
 * init.kaiming_uniform_(w, { a: Math.sqrt(5) });
 * init.kaiming_uniform_(w, 0, 'fan_out', 'relu');
 */
export function kaiming_uniform_(tensor: Tensor, ...args: PyArgs<KaimingPositional, KaimingOptions>): Tensor {
  const k = kaimingStd('kaiming_uniform_', tensor, args);
  if (!k) return tensor;
  const bound = Math.sqrt(3.0) * k.std;
  return uniform_(tensor, -bound, bound, k.o.generator ?? null);
}

/**
 * `nn.init.kaiming_normal_(tensor, a=0, mode='fan_in', nonlinearity='leaky_relu',
 * generator=None)`: N(0, std²) with `std = gain / sqrt(fan)`.
 *
 * @example
 * init.kaiming_normal_(w, { mode: 'fan_out', nonlinearity: 'relu' });
 * init.kaiming_normal_(w, 0, 'fan_out', 'relu');
 */
export function kaiming_normal_(tensor: Tensor, ...args: PyArgs<KaimingPositional, KaimingOptions>): Tensor {
  const k = kaimingStd('kaiming_normal_', tensor, args);
  if (!k) return tensor;
  return normal_(tensor, 0, k.std, k.o.generator ?? null);
}

/**
 * `nn.init.orthogonal_(tensor, gain=1, generator=None)`: a (semi-)orthogonal matrix from the
 * QR of a standard normal draw, signs fixed by `diag(R)` as PyTorch does. The draw is
 * PyTorch's; the QR runs in float64 here (LAPACK's float32 QR there), so values agree to
 * float32 rounding, not bit for bit.
 *
 * @example
 * init.orthogonal_(w, 2);
 * init.orthogonal_(w, { gain: 2, generator: g });
 */
export function orthogonal_(tensor: Tensor, ...args: PyArgs<GainPositional, XavierOptions>): Tensor {
  const o = bindArgs<XavierOptions>('orthogonal_', 1, GAIN_PARAMS, args);
  if (tensor.dim() < 2) throw new ValueError('Only tensors with 2 or more dimensions are supported');
  if (tensor.numel() === 0) return tensor;
  const rows = tensor.shape[0]!;
  const cols = tensor.numel() / rows;
  return no_grad(() => {
    const flat = TensorClass.fromHost(allocHostArray(tensor.dtype, rows * cols), [rows, cols], tensor.dtype, tensor.backend);
    flat.normal_(0, 1, gen(o));
    const tall = rows < cols ? flat.t().contiguous() : flat;
    const [m, n] = tall.shape as [number, number];
    const { q, rdiag } = householderQR(Float64Array.from(tall.dataSync(), Number), m, n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) q[i * n + j] = q[i * n + j]! * Math.sign(rdiag[j]!);
    let qt = TensorClass.fromHost(q, [m, n], 'float64', tensor.backend).to(tensor.dtype);
    if (rows < cols) qt = qt.t();
    tensor.copy_(qt.reshape(tensor.shape));
    return tensor.mul_(o.gain ?? 1);
  });
}
