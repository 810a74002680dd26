/** softmax, log_softmax, conv2d, conv_transpose2d, max_pool2d and avg_pool2d, with gradients. */
import { record, save } from '../autograd/function.js';
import { NotImplementedError, RuntimeError } from '../errors.js';
import * as K from '../kernels/names.js';
import { normalizeDim } from '../shape.js';
import { runKernel } from '../tensor/dispatch.js';
import { Tensor } from '../tensor/tensor.js';
import { full } from './creation.js';

declare module '../tensor/tensor.js' {
  interface Tensor {
    softmax(dim: number): Tensor;
    log_softmax(dim: number): Tensor;
  }
}

const P = Tensor.prototype;

P.softmax = function (this: Tensor, dim) {
  const x = this.dtype.is_floating_point ? this : this.float();
  const axis = normalizeDim(dim, this.dim());
  const [r] = runKernel(K.Softmax, { x }, { axis });
  const y = new Tensor(r!.storage, r!.shape);
  const sy = save(y, true);
  record('SoftmaxBackward0', [this], [y], ([g]) => {
    const yy = sy.unpack();
    return [yy.mul(g!.sub(g!.mul(yy).sum(axis, true)))];
  }, [sy]);
  return y;
};
P.log_softmax = function (this: Tensor, dim) {
  const x = this.dtype.is_floating_point ? this : this.float();
  const axis = normalizeDim(dim, this.dim());
  const [r] = runKernel(K.LogSoftmax, { x }, { axis });
  const y = new Tensor(r!.storage, r!.shape);
  const sy = save(y, true);
  record('LogSoftmaxBackward0', [this], [y], ([g]) => [g!.sub(sy.unpack().exp().mul(g!.sum(axis, true)))], [sy]);
  return y;
};

/** A pair from an int or a 2-list, as `_pair` does in PyTorch. */
export function pair(v: number | readonly number[], name: string): [number, number] {
  if (typeof v === 'number') return [v, v];
  if (v.length === 1) return [v[0]!, v[0]!];
  if (v.length !== 2) throw new RuntimeError(`expected ${name} to be a single integer value or a list of 2 values to match the convolution dimensions, but got ${name}=[${v.join(', ')}]`);
  return [v[0]!, v[1]!];
}

/** Options of `conv2d`, as `F.conv2d` takes them. */
export interface Conv2dOptions {
  stride?: number | readonly number[];
  padding?: number | readonly number[] | 'valid' | 'same';
  dilation?: number | readonly number[];
  groups?: number;
}

/** `F.conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)` on 4-D (or unbatched 3-D) input. */
export function conv2d(input: Tensor, weight: Tensor, bias: Tensor | null = null, opts: Conv2dOptions = {}): Tensor {
  const unbatched = input.dim() === 3;
  if (input.dim() !== 4 && !unbatched) {
    throw new RuntimeError(`Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [${input.shape.join(', ')}]`);
  }
  const x = unbatched ? input.unsqueeze(0) : input;
  const groups = opts.groups ?? 1;
  const stride = pair(opts.stride ?? 1, 'stride');
  const dilation = pair(opts.dilation ?? 1, 'dilation');
  const [O, Cg, kh, kw] = weight.shape as [number, number, number, number];
  if (weight.dim() !== 4) throw new RuntimeError(`weight should have 4 dimensions, got ${weight.dim()}`);
  let padding: [number, number];
  if (opts.padding === 'valid') padding = [0, 0];
  else if (opts.padding === 'same') {
    if (stride[0] !== 1 || stride[1] !== 1) throw new RuntimeError("padding='same' is not supported for strided convolutions");
    const th = dilation[0] * (kh - 1);
    const tw = dilation[1] * (kw - 1);
    if (th % 2 || tw % 2) {
      throw new NotImplementedError("padding='same' needing asymmetric padding (even effective kernel size) is not supported yet");
    }
    padding = [th / 2, tw / 2];
  } else padding = pair(opts.padding ?? 0, 'padding');
  const C = x.shape[1]!;
  if (C !== Cg * groups) {
    throw new RuntimeError(
      `Given groups=${groups}, weight of size [${weight.shape.join(', ')}], expected input[${x.shape.join(', ')}] to have ${Cg * groups} channels, but got ${C} channels instead`,
    );
  }
  if (O % groups !== 0) throw new RuntimeError(`Given groups=${groups}, expected weight to be divisible by ${groups} at dimension 0, but got weight of size [${weight.shape.join(', ')}] instead`);
  const Hp = x.shape[2]! + 2 * padding[0];
  const Wp = x.shape[3]! + 2 * padding[1];
  if (Hp < dilation[0] * (kh - 1) + 1 || Wp < dilation[1] * (kw - 1) + 1) {
    throw new RuntimeError(
      `Calculated padded input size per channel: (${Hp} x ${Wp}). Kernel size: (${dilation[0] * (kh - 1) + 1} x ${dilation[1] * (kw - 1) + 1}). Kernel size can't be greater than actual input size`,
    );
  }
  if (bias && (bias.dim() !== 1 || bias.shape[0] !== O)) {
    throw new RuntimeError(`Given weight of size [${weight.shape.join(', ')}], expected bias to be 1-dimensional with ${O} elements, but got bias of size [${bias.shape.join(', ')}] instead`);
  }
  if (x.dtype !== weight.dtype) {
    throw new RuntimeError(`Input type (${x._legacyTypeName()}) and weight type (${weight._legacyTypeName()}) should be the same`);
  }
  const attrs: K.Conv2DAttrs = { stride, padding, dilation, groups };
  const [r] = runKernel(K.Conv2D, { x, weight, bias }, attrs as unknown as Record<string, unknown>);
  let out = new Tensor(r!.storage, r!.shape);
  const sx = save(x);
  const sw = save(weight);
  const inH = x.shape[2]!;
  const inW = x.shape[3]!;
  record(
    'ConvolutionBackward0',
    [x, weight, bias],
    [out],
    ([g]) => {
      const gx = x.requires_grad
        ? convTransposeRaw(g!, sw.unpack(), null, attrs, outputPaddingFor(inH, inW, g!, attrs, kh, kw))
        : null;
      const gw = weight.requires_grad ? conv2dWeightGrad(sx.unpack(), g!, attrs, weight.shape) : null;
      const gb = bias && bias.requires_grad ? g!.sum([0, 2, 3]) : null;
      return [gx, gw, gb];
    },
    [sx, sw],
  );
  if (unbatched) out = out.squeeze(0);
  return out;
}

/** The output padding that makes conv_transpose reproduce the forward input size. */
function outputPaddingFor(inH: number, inW: number, g: Tensor, a: K.Conv2DAttrs, kh: number, kw: number): [number, number] {
  const oh = (g.shape[2]! - 1) * a.stride[0] - 2 * a.padding[0] + a.dilation[0] * (kh - 1) + 1;
  const ow = (g.shape[3]! - 1) * a.stride[1] - 2 * a.padding[1] + a.dilation[1] * (kw - 1) + 1;
  return [inH - oh, inW - ow];
}

function convTransposeRaw(x: Tensor, weight: Tensor, bias: Tensor | null, a: K.Conv2DAttrs, outputPadding: readonly [number, number]): Tensor {
  const attrs: K.ConvTranspose2DAttrs = { ...a, outputPadding };
  const [r] = runKernel(K.ConvTranspose2D, { x, weight, bias }, attrs as unknown as Record<string, unknown>);
  const out = new Tensor(r!.storage, r!.shape);
  const sx = save(x);
  const sw = save(weight);
  record('ConvolutionBackward0', [x, weight, bias], [out], ([g]) => [
    x.requires_grad ? conv2dRaw(g!, sw.unpack(), null, a) : null,
    // For conv_transpose, the weight gradient is the conv weight-gradient with roles swapped.
    weight.requires_grad ? conv2dWeightGrad(g!, sx.unpack(), a, weight.shape) : null,
    bias && bias.requires_grad ? g!.sum([0, 2, 3]) : null,
  ], [sx, sw]);
  return out;
}

function conv2dRaw(x: Tensor, weight: Tensor, bias: Tensor | null, a: K.Conv2DAttrs): Tensor {
  return conv2d(x, weight, bias, { stride: a.stride, padding: a.padding, dilation: a.dilation, groups: a.groups });
}

function conv2dWeightGrad(x: Tensor, dy: Tensor, a: K.Conv2DAttrs, weightShape: readonly number[]): Tensor {
  const attrs: K.Conv2DBackpropFilterAttrs = { ...a, weightShape };
  const [r] = runKernel(K.Conv2DBackpropFilter, { x, dy }, attrs as unknown as Record<string, unknown>);
  const out = new Tensor(r!.storage, r!.shape);
  const sx = save(x);
  const sdy = save(dy);
  record('ConvolutionBackwardBackward0', [x, dy], [out], ([g]) => [
    x.requires_grad ? convTransposeRaw(sdy.unpack(), g!, null, a, outputPaddingFor(x.shape[2]!, x.shape[3]!, sdy.unpack(), a, weightShape[2]!, weightShape[3]!)) : null,
    dy.requires_grad ? conv2dRaw(sx.unpack(), g!, null, a) : null,
  ], [sx, sdy]);
  return out;
}

/** Options of `conv_transpose2d`. */
export interface ConvTranspose2dOptions {
  stride?: number | readonly number[];
  padding?: number | readonly number[];
  output_padding?: number | readonly number[];
  groups?: number;
  dilation?: number | readonly number[];
}

/** `F.conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1)`. */
export function conv_transpose2d(input: Tensor, weight: Tensor, bias: Tensor | null = null, opts: ConvTranspose2dOptions = {}): Tensor {
  const unbatched = input.dim() === 3;
  if (input.dim() !== 4 && !unbatched) {
    throw new RuntimeError(`Expected 3D (unbatched) or 4D (batched) input to conv_transpose2d, but got input of size: [${input.shape.join(', ')}]`);
  }
  const x = unbatched ? input.unsqueeze(0) : input;
  const groups = opts.groups ?? 1;
  if (x.shape[1] !== weight.shape[0]) {
    throw new RuntimeError(
      `Given transposed=1, weight of size [${weight.shape.join(', ')}], expected input[${x.shape.join(', ')}] to have ${weight.shape[0]} channels, but got ${x.shape[1]} channels instead`,
    );
  }
  const a: K.Conv2DAttrs = { stride: pair(opts.stride ?? 1, 'stride'), padding: pair(opts.padding ?? 0, 'padding'), dilation: pair(opts.dilation ?? 1, 'dilation'), groups };
  const op = pair(opts.output_padding ?? 0, 'output_padding');
  if (op[0] >= Math.max(a.stride[0], a.dilation[0]) || op[1] >= Math.max(a.stride[1], a.dilation[1])) {
    throw new RuntimeError('output padding must be smaller than either stride or dilation, but got output_padding_height: ' + op[0] + ' output_padding_width: ' + op[1] + ' stride_height: ' + a.stride[0] + ' stride_width: ' + a.stride[1] + ' dilation_height: ' + a.dilation[0] + ' dilation_width: ' + a.dilation[1]);
  }
  const out = convTransposeRaw(x, weight, bias, a, op);
  return unbatched ? out.squeeze(0) : out;
}

/** Options of the 2-D pooling functions. */
export interface Pool2dOptions {
  stride?: number | readonly number[] | null;
  padding?: number | readonly number[];
  dilation?: number | readonly number[];
  ceil_mode?: boolean;
  return_indices?: boolean;
}

function poolAttrs(x: Tensor, kernel_size: number | readonly number[], opts: Pool2dOptions, name: string): K.Pool2DAttrs {
  const kernelSize = pair(kernel_size, 'kernel_size');
  const stride = opts.stride == null || (Array.isArray(opts.stride) && opts.stride.length === 0) ? kernelSize : pair(opts.stride as number | number[], 'stride');
  const padding = pair(opts.padding ?? 0, 'padding');
  const dilation = pair(opts.dilation ?? 1, 'dilation');
  if (padding[0] > kernelSize[0] / 2 || padding[1] > kernelSize[1] / 2) {
    throw new RuntimeError(`pad should be at most half of effective kernel size, but got pad=${padding[0] > kernelSize[0] / 2 ? padding[0] : padding[1]}, kernel_size=${padding[0] > kernelSize[0] / 2 ? kernelSize[0] : kernelSize[1]} and dilation=${dilation[0]}`);
  }
  if (x.dim() !== 4 && x.dim() !== 3) throw new RuntimeError(`${name}: Expected 3D or 4D (batch mode) tensor for input`);
  const attrs = { kernelSize, stride, padding, dilation, ceilMode: opts.ceil_mode ?? false };
  const [oh, ow] = poolOutSize(x.shape[x.dim() - 2]!, x.shape[x.dim() - 1]!, attrs);
  if (oh <= 0 || ow <= 0) {
    throw new RuntimeError(`Given input size: (${x.shape.slice(-3).join('x')}). Calculated output size: (${x.shape[x.dim() - 3]}x${oh}x${ow}). Output size is too small`);
  }
  return attrs;
}

/** Output size of a pooling window, with PyTorch's ceil_mode rule. */
export function poolOutSize(H: number, W: number, a: K.Pool2DAttrs): [number, number] {
  const one = (n: number, k: number, s: number, p: number, d: number): number => {
    const eff = d * (k - 1) + 1;
    let o = Math.floor((n + 2 * p - eff + (a.ceilMode ? s - 1 : 0)) / s) + 1;
    if (a.ceilMode && (o - 1) * s >= n + p) o--;
    return o;
  };
  return [one(H, a.kernelSize[0], a.stride[0], a.padding[0], a.dilation[0]), one(W, a.kernelSize[1], a.stride[1], a.padding[1], a.dilation[1])];
}

/** `F.max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False)`. */
export function max_pool2d(input: Tensor, kernel_size: number | readonly number[], opts: Pool2dOptions = {}): Tensor | [Tensor, Tensor] {
  const attrs = poolAttrs(input, kernel_size, opts, 'max_pool2d');
  const unbatched = input.dim() === 3;
  const x = unbatched ? input.unsqueeze(0) : input;
  const [v, i] = runKernel(K.MaxPool2D, { x }, attrs as unknown as Record<string, unknown>);
  let out = new Tensor(v!.storage, v!.shape);
  let idx = new Tensor(i!.storage, i!.shape);
  const shape = x.shape;
  record('MaxPool2DWithIndicesBackward0', [x], [out], ([g]) => {
    const [N, C, H, W] = shape as [number, number, number, number];
    const z = full([N, C, H * W], 0, { dtype: g!.dtype, device: g!.backend });
    return [z.scatter_add(2, idx.reshape(N, C, -1), g!.reshape(N, C, -1)).view(N, C, H, W)];
  });
  if (unbatched) {
    out = out.squeeze(0);
    idx = idx.squeeze(0);
  }
  return opts.return_indices ? [out, idx] : out;
}

/** Options of `avg_pool2d`. */
export interface AvgPool2dOptions {
  stride?: number | readonly number[] | null;
  padding?: number | readonly number[];
  ceil_mode?: boolean;
  count_include_pad?: boolean;
  divisor_override?: number | null;
}

/** `F.avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)`. */
export function avg_pool2d(input: Tensor, kernel_size: number | readonly number[], opts: AvgPool2dOptions = {}): Tensor {
  const p = poolAttrs(input, kernel_size, { stride: opts.stride ?? null, padding: opts.padding ?? 0, ceil_mode: opts.ceil_mode ?? false }, 'avg_pool2d');
  if (opts.divisor_override === 0) throw new RuntimeError('divisor must be not zero');
  const attrs: K.AvgPool2DAttrs = {
    kernelSize: p.kernelSize, stride: p.stride, padding: p.padding, ceilMode: p.ceilMode,
    countIncludePad: opts.count_include_pad ?? true, divisorOverride: opts.divisor_override ?? null,
  };
  const unbatched = input.dim() === 3;
  const x = unbatched ? input.unsqueeze(0) : input;
  // Integer inputs: PyTorch accumulates and divides in integer arithmetic (truncating).
  const xi = x.dtype.is_floating_point ? x : x.to('float64');
  const [r] = runKernel(K.AvgPool2D, { x: xi }, attrs as unknown as Record<string, unknown>);
  let out = new Tensor(r!.storage, r!.shape);
  if (xi !== x) out = out.trunc().to(x.dtype);
  const shapeX = x.detach();
  record('AvgPool2DBackward0', [x], [out], ([g]) => [avgPoolBackward(g!, shapeX, attrs)]);
  return unbatched ? out.squeeze(0) : out;
}

function avgPoolBackward(dy: Tensor, x: Tensor, attrs: K.AvgPool2DAttrs): Tensor {
  const [r] = runKernel(K.AvgPool2DBackward, { dy, x }, attrs as unknown as Record<string, unknown>);
  const out = new Tensor(r!.storage, r!.shape);
  // Linear in dy: its gradient is avg_pool2d of the incoming gradient.
  record('AvgPool2DBackwardBackward0', [dy], [out], ([g]) => [avg_pool2d(g!, attrs.kernelSize, {
    stride: attrs.stride, padding: attrs.padding, ceil_mode: attrs.ceilMode, count_include_pad: attrs.countIncludePad, divisor_override: attrs.divisorOverride,
  })]);
  return out;
}
