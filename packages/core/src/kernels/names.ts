/**
 * Every kernel name, with the inputs and attributes it receives (the SPI's vocabulary).
 *
 * Conventions every backend can rely on: binary/ternary inputs already share one dtype (core
 * casts first) but are NOT broadcast: a kernel broadcasts them to `attrs.outShape`. Inputs may be
 * strided views. Results are contiguous. Reduction `axes` are normalized and sorted.
 */
import type { DType } from '../dtype.js';
import type { TensorInfo } from '../backend/types.js';

// Elementwise binary (inputs {a, b}; attrs BinaryAttrs). Comparisons return bool.
export const Add = 'Add';
export const Sub = 'Sub';
export const Mul = 'Mul';
export const Div = 'Div';
export const Pow = 'Pow';
export const Maximum = 'Maximum';
export const Minimum = 'Minimum';
export const FloorDiv = 'FloorDiv';
export const Remainder = 'Remainder';
export const Atan2 = 'Atan2';
export const Equal = 'Equal';
export const NotEqual = 'NotEqual';
export const Less = 'Less';
export const LessEqual = 'LessEqual';
export const Greater = 'Greater';
export const GreaterEqual = 'GreaterEqual';
export const LogicalAnd = 'LogicalAnd';
export const LogicalOr = 'LogicalOr';
export const LogicalXor = 'LogicalXor';
export interface BinaryInputs { a: TensorInfo; b: TensorInfo }
export interface BinaryAttrs { outShape: readonly number[] }

// Elementwise unary (inputs {x}); the output dtype equals the input's unless noted.
export const Neg = 'Neg';
export const Abs = 'Abs';
export const Exp = 'Exp';
export const Expm1 = 'Expm1';
export const Log = 'Log';
export const Log1p = 'Log1p';
export const Sqrt = 'Sqrt';
export const Rsqrt = 'Rsqrt';
export const Sin = 'Sin';
export const Cos = 'Cos';
export const Tanh = 'Tanh';
export const Sigmoid = 'Sigmoid';
export const Relu = 'Relu';
export const Silu = 'Silu';
export const Erf = 'Erf';
export const Sign = 'Sign';
export const Floor = 'Floor';
export const Ceil = 'Ceil';
export const Round = 'Round';
export const Trunc = 'Trunc';
export const Reciprocal = 'Reciprocal';
export const LogicalNot = 'LogicalNot'; // → bool
export const IsNan = 'IsNan'; // → bool
export interface UnaryInputs { x: TensorInfo }

/** attrs `{ approximate: 'none' | 'tanh' }` */
export const Gelu = 'Gelu';
export interface GeluAttrs { approximate: 'none' | 'tanh' }
/** attrs `{ beta, threshold }` */
export const Softplus = 'Softplus';
export interface SoftplusAttrs { beta: number; threshold: number }
/** attrs `{ negativeSlope }` */
export const LeakyRelu = 'LeakyRelu';
export interface LeakyReluAttrs { negativeSlope: number }
/** attrs `{ min, max }`, either may be null. */
export const Clamp = 'Clamp';
export interface ClampAttrs { min: number | null; max: number | null }
/** Converts to `attrs.dtype` with PyTorch's casting (truncation toward zero for float→int). */
export const Cast = 'Cast';
export interface CastAttrs { dtype: DType }
/** Materializes a strided view as a contiguous buffer. */
export const Contiguous = 'Contiguous';

/** inputs `{ condition (bool), a, b }`, attrs `{ outShape }`. */
export const Where = 'Where';
export interface WhereInputs { condition: TensorInfo; a: TensorInfo; b: TensorInfo }

// Reductions (inputs {x}; attrs ReduceAttrs).
export const Sum = 'Sum';
export const Prod = 'Prod';
export const Max = 'Max';
export const Min = 'Min';
export interface ReduceAttrs { axes: readonly number[]; keepdim: boolean; dtype?: DType }
/** Values and int64 indices along one axis: returns `[values, indices]`. */
export const MaxDim = 'MaxDim';
export const MinDim = 'MinDim';
/** int64 index of the max/min along `axis` (null: over the flattened input). */
export const ArgMax = 'ArgMax';
export const ArgMin = 'ArgMin';
export interface ArgReduceAttrs { axis: number | null; keepdim: boolean }
export interface AxisAttrs { axis: number; keepdim: boolean }

/** inputs `{ x }`, attrs `{ axis }`. */
export const Softmax = 'Softmax';
export const LogSoftmax = 'LogSoftmax';
export interface SoftmaxAttrs { axis: number }

/** inputs `{ a: [B,n,k], b: [B,k,m] }` (batch strides may be 0) → `[B,n,m]`. */
export const BatchMatMul = 'BatchMatMul';
export interface BatchMatMulInputs { a: TensorInfo; b: TensorInfo }

/**
 * inputs `{ bias, a: [n,k], b: [k,m] }` (one float32 or float64 dtype; `bias` broadcasts to
 * `[n,m]`, rank at most 2), attrs AddmmAttrs → `[n,m]` = `beta*bias + alpha*(a·b)`, rounded as
 * the composed ops round: the product to the dtype, then `alpha*·`, `beta*bias` and the sum,
 * each to the dtype, with alpha and beta themselves in the dtype; `beta = 0` ignores `bias`
 * (NaN included). What `F.linear` runs for 2-D input with bias; backends without it get the
 * composed BatchMatMul + Mul + Add in core (no reference fallback).
 */
export const Addmm = 'Addmm';
export interface AddmmInputs { bias: TensorInfo; a: TensorInfo; b: TensorInfo }
export interface AddmmAttrs { alpha: number; beta: number }

/** inputs `{ x: [N,C,H,W], weight: [O,C/g,kh,kw], bias: [O] | null }`. */
export const Conv2D = 'Conv2D';
export interface Conv2DAttrs {
  stride: readonly [number, number];
  padding: readonly [number, number];
  dilation: readonly [number, number];
  groups: number;
}
/** inputs `{ x: [N,C,H,W], weight: [C, O/g, kh, kw], bias: [O] | null }` (the transpose of Conv2D). */
export const ConvTranspose2D = 'ConvTranspose2D';
export interface ConvTranspose2DAttrs extends Conv2DAttrs { outputPadding: readonly [number, number] }
/** Gradient of Conv2D with respect to its weight: inputs `{ x, dy }`, attrs Conv2DAttrs & `{ weightShape }`. */
export const Conv2DBackpropFilter = 'Conv2DBackpropFilter';
export interface Conv2DBackpropFilterAttrs extends Conv2DAttrs { weightShape: readonly number[] }

/** inputs `{ x }` → `[values, indices]`, indices flat within each H×W plane (int64), as PyTorch. */
export const MaxPool2D = 'MaxPool2D';
export interface Pool2DAttrs {
  kernelSize: readonly [number, number];
  stride: readonly [number, number];
  padding: readonly [number, number];
  dilation: readonly [number, number];
  ceilMode: boolean;
}
export const AvgPool2D = 'AvgPool2D';
export interface AvgPool2DAttrs extends Omit<Pool2DAttrs, 'dilation'> {
  countIncludePad: boolean;
  divisorOverride: number | null;
}
/** inputs `{ dy, x }`, attrs AvgPool2DAttrs: gradient of AvgPool2D with respect to x. */
export const AvgPool2DBackward = 'AvgPool2DBackward';

/** inputs `{ x, index (int64) }`, attrs `{ axis }`. */
export const Gather = 'Gather';
/** inputs `{ x, index, src }`, attrs `{ axis }`: a copy of x with src added at index positions. */
export const ScatterAdd = 'ScatterAdd';
/** inputs `{ x, index (1-D int64) }`, attrs `{ axis }`. */
export const IndexSelect = 'IndexSelect';
/** inputs `{ x, index (1-D int64), src }`, attrs `{ axis }`: a copy of x with src rows added. */
export const IndexAdd = 'IndexAdd';
export interface AxisOnlyAttrs { axis: number }

/**
 * inputs `{ x }`, attrs SortAttrs → `[values, indices (int64)]` sorted along `axis`. NaN sorts
 * above every number (last ascending, first descending), as PyTorch's sort; ties keep their
 * input order (a stable sort, which `stable: false` also allows).
 */
export const Sort = 'Sort';
export interface SortAttrs { axis: number; descending: boolean; stable: boolean }
/**
 * inputs `{ x }`, attrs CumulativeAttrs → the running sum / product along `axis`, in
 * `attrs.dtype` (core passes int64 for integer and bool inputs), accumulated in float64 and
 * rounded to the dtype per element, as ATen's CPU kernel accumulates in `acc_type`.
 */
export const CumSum = 'CumSum';
export const CumProd = 'CumProd';
export interface CumulativeAttrs { axis: number; dtype: DType }
/** inputs `{ tensors: [...] }` (same dtype, equal but axis sizes), attrs `{ axis }`. */
export const Concat = 'Concat';

/**
 * In place: writes `src` (broadcast to dst's shape, same dtype) into the strided view `dst`.
 * The only kernel that mutates an input; returns nothing.
 */
export const Assign = 'Assign';
export interface AssignInputs { dst: TensorInfo; src: TensorInfo }

/**
 * Kernels core replaces with other kernels' composition on a backend that lacks them (instead
 * of the reference fallback's copy in, copy out): a backend may register them as fused fast paths.
 */
export const COMPOSED_KERNELS: ReadonlySet<string> = new Set([Addmm]);

/** Every kernel name, for coverage tables. */
export const ALL_KERNELS: readonly string[] = Object.freeze([
  Add, Sub, Mul, Div, Pow, Maximum, Minimum, FloorDiv, Remainder, Atan2,
  Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual, LogicalAnd, LogicalOr, LogicalXor,
  Neg, Abs, Exp, Expm1, Log, Log1p, Sqrt, Rsqrt, Sin, Cos, Tanh, Sigmoid, Relu, Silu, Erf, Sign,
  Floor, Ceil, Round, Trunc, Reciprocal, LogicalNot, IsNan, Gelu, Softplus, LeakyRelu, Clamp, Cast, Contiguous,
  Where, Sum, Prod, Max, Min, MaxDim, MinDim, ArgMax, ArgMin, Softmax, LogSoftmax, BatchMatMul, Addmm,
  Conv2D, ConvTranspose2D, Conv2DBackpropFilter, MaxPool2D, AvgPool2D, AvgPool2DBackward,
  Gather, ScatterAdd, IndexSelect, IndexAdd, Concat, Assign, Sort, CumSum, CumProd,
]);
