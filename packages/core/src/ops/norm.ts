/**
 * `tensor.norm(p='fro', dim=None, keepdim=False, dtype=None)`: vector p-norms over `dim` (all
 * elements by default), composed from reductions, with PyTorch's `norm_backward` (0 gradient
 * where the norm is 0; ties of the ∞-norm share the gradient evenly).
 */
import { record, save } from '../autograd/function.js';
import { type DType, type DTypeName, toDType } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { reducedShape } from '../shape.js';
import { Tensor } from '../tensor/tensor.js';
import { type DimArg, normalizeAxes, scalarTypeName } from './reduce.js';

declare module '../tensor/tensor.js' {
  interface Tensor {
    /**
     * `tensor.norm(p='fro', dim=None, keepdim=False, dtype=None)`: the vector p-norm over `dim`
     * (`'fro'` is the 2-norm; `Infinity` / `-Infinity` the max / min of |x|; 0 counts nonzeros).
     * Floating dtypes only.
     *
     * @example
     * tensor([3.0, 4.0]).norm().item(); // 5
     * randn(2, 3).norm(1, 1, true).shape; // [2, 1]
     */
    norm(p?: number | 'fro' | null, dim?: DimArg, keepdim?: boolean, opts?: { dtype?: DType | DTypeName }): Tensor;
  }
}

function pNorm(x: Tensor, p: number, axes: number[], keepdim: boolean): Tensor {
  const a = x.abs();
  if (p === 2) return x.mul(x).sum(axes, keepdim).sqrt();
  if (p === 1) return a.sum(axes, keepdim);
  if (p === Infinity) return a.amax(axes, keepdim);
  if (p === -Infinity) return a.amin(axes, keepdim);
  if (p === 0) return a.ne(0).to(x.dtype).sum(axes, keepdim);
  return a.pow(p).sum(axes, keepdim).pow(1 / p);
}

Tensor.prototype.norm = function (this: Tensor, p = 'fro', dim = null, keepdim = false, opts) {
  const dtype = opts?.dtype ? toDType(opts.dtype) : this.dtype;
  if (!dtype.is_floating_point) {
    throw new RuntimeError(`norm(): input dtype should be either floating point or complex. Got ${scalarTypeName(dtype)} instead.`);
  }
  const pv = p === null || p === 'fro' ? 2 : p;
  if (typeof pv !== 'number') throw new RuntimeError(`norm(): unsupported p ${String(p)}`);
  const axes = normalizeAxes(dim, this.dim());
  const x = dtype === this.dtype ? this : this.to(dtype);
  const xd = x.detach();
  const out = pNorm(xd, pv, axes, keepdim);
  const kept = reducedShape(this.shape, axes, true);
  const sx = save(x);
  const so = save(out, true);
  record('NormBackward1', [x], [out], ([g]) => {
    const v = sx.unpack();
    const n = so.unpack().reshape(kept);
    const gk = g!.reshape(kept);
    if (pv === 0) return [v.mul(0)];
    if (pv === 1) return [gk.mul(v.sign())];
    if (pv === Infinity || pv === -Infinity) {
      const mask = v.abs().eq(n).to(v.dtype);
      return [v.sign().mul(mask).mul(gk.div(mask.sum(axes, true)))];
    }
    const scale = pv === 2 ? gk.div(n) : gk.div(n.pow(pv - 1));
    const masked = scale.masked_fill(n.eq(0), 0);
    const self = pv === 2 ? v : v.mul(v.abs().pow(pv - 2)).masked_fill(v.eq(0), 0);
    return [self.mul(masked)];
  }, [sx, so]);
  return out;
};
