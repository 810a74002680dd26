/** Every tfjs kernel definition (one file per kernel under kernels/). */
import type { TfKernelDef } from './kernel.js';
import { AbsDef } from './kernels/Abs.js';
import { AddDef } from './kernels/Add.js';
import { AddmmDef } from './kernels/Addmm.js';
import { ArgMaxDef } from './kernels/ArgMax.js';
import { ArgMinDef } from './kernels/ArgMin.js';
import { AssignDef } from './kernels/Assign.js';
import { Atan2Def } from './kernels/Atan2.js';
import { AvgPool2DDef } from './kernels/AvgPool2D.js';
import { AvgPool2DBackwardDef } from './kernels/AvgPool2DBackward.js';
import { BatchMatMulDef } from './kernels/BatchMatMul.js';
import { CastDef } from './kernels/Cast.js';
import { CeilDef } from './kernels/Ceil.js';
import { ClampDef } from './kernels/Clamp.js';
import { ConcatDef } from './kernels/Concat.js';
import { ContiguousDef } from './kernels/Contiguous.js';
import { Conv2DDef } from './kernels/Conv2D.js';
import { Conv2DBackpropFilterDef } from './kernels/Conv2DBackpropFilter.js';
import { ConvTranspose2DDef } from './kernels/ConvTranspose2D.js';
import { CosDef } from './kernels/Cos.js';
import { DivDef } from './kernels/Div.js';
import { EqualDef } from './kernels/Equal.js';
import { ErfDef } from './kernels/Erf.js';
import { ExpDef } from './kernels/Exp.js';
import { Expm1Def } from './kernels/Expm1.js';
import { FloorDef } from './kernels/Floor.js';
import { FloorDivDef } from './kernels/FloorDiv.js';
import { GatherDef } from './kernels/Gather.js';
import { GeluDef } from './kernels/Gelu.js';
import { GreaterDef } from './kernels/Greater.js';
import { GreaterEqualDef } from './kernels/GreaterEqual.js';
import { IndexAddDef } from './kernels/IndexAdd.js';
import { IndexSelectDef } from './kernels/IndexSelect.js';
import { IsNanDef } from './kernels/IsNan.js';
import { LeakyReluDef } from './kernels/LeakyRelu.js';
import { LessDef } from './kernels/Less.js';
import { LessEqualDef } from './kernels/LessEqual.js';
import { LogDef } from './kernels/Log.js';
import { Log1pDef } from './kernels/Log1p.js';
import { LogSoftmaxDef } from './kernels/LogSoftmax.js';
import { LogicalAndDef } from './kernels/LogicalAnd.js';
import { LogicalNotDef } from './kernels/LogicalNot.js';
import { LogicalOrDef } from './kernels/LogicalOr.js';
import { LogicalXorDef } from './kernels/LogicalXor.js';
import { MaxDef } from './kernels/Max.js';
import { MaxDimDef } from './kernels/MaxDim.js';
import { MaxPool2DDef } from './kernels/MaxPool2D.js';
import { MaximumDef } from './kernels/Maximum.js';
import { MinDef } from './kernels/Min.js';
import { MinDimDef } from './kernels/MinDim.js';
import { MinimumDef } from './kernels/Minimum.js';
import { MulDef } from './kernels/Mul.js';
import { NegDef } from './kernels/Neg.js';
import { NotEqualDef } from './kernels/NotEqual.js';
import { PowDef } from './kernels/Pow.js';
import { ProdDef } from './kernels/Prod.js';
import { ReciprocalDef } from './kernels/Reciprocal.js';
import { ReluDef } from './kernels/Relu.js';
import { RemainderDef } from './kernels/Remainder.js';
import { RoundDef } from './kernels/Round.js';
import { RsqrtDef } from './kernels/Rsqrt.js';
import { ScatterAddDef } from './kernels/ScatterAdd.js';
import { SigmoidDef } from './kernels/Sigmoid.js';
import { SignDef } from './kernels/Sign.js';
import { SiluDef } from './kernels/Silu.js';
import { SinDef } from './kernels/Sin.js';
import { SoftmaxDef } from './kernels/Softmax.js';
import { SoftplusDef } from './kernels/Softplus.js';
import { SqrtDef } from './kernels/Sqrt.js';
import { SubDef } from './kernels/Sub.js';
import { SumDef } from './kernels/Sum.js';
import { TanhDef } from './kernels/Tanh.js';
import { TruncDef } from './kernels/Trunc.js';
import { WhereDef } from './kernels/Where.js';

/** The kernel definitions this package implements on tfjs. */
export const TF_KERNELS: readonly TfKernelDef[] = [
  AbsDef,
  AddDef,
  AddmmDef,
  ArgMaxDef,
  ArgMinDef,
  AssignDef,
  Atan2Def,
  AvgPool2DDef,
  AvgPool2DBackwardDef,
  BatchMatMulDef,
  CastDef,
  CeilDef,
  ClampDef,
  ConcatDef,
  ContiguousDef,
  Conv2DDef,
  Conv2DBackpropFilterDef,
  ConvTranspose2DDef,
  CosDef,
  DivDef,
  EqualDef,
  ErfDef,
  ExpDef,
  Expm1Def,
  FloorDef,
  FloorDivDef,
  GatherDef,
  GeluDef,
  GreaterDef,
  GreaterEqualDef,
  IndexAddDef,
  IndexSelectDef,
  IsNanDef,
  LeakyReluDef,
  LessDef,
  LessEqualDef,
  LogDef,
  Log1pDef,
  LogSoftmaxDef,
  LogicalAndDef,
  LogicalNotDef,
  LogicalOrDef,
  LogicalXorDef,
  MaxDef,
  MaxDimDef,
  MaxPool2DDef,
  MaximumDef,
  MinDef,
  MinDimDef,
  MinimumDef,
  MulDef,
  NegDef,
  NotEqualDef,
  PowDef,
  ProdDef,
  ReciprocalDef,
  ReluDef,
  RemainderDef,
  RoundDef,
  RsqrtDef,
  ScatterAddDef,
  SigmoidDef,
  SignDef,
  SiluDef,
  SinDef,
  SoftmaxDef,
  SoftplusDef,
  SqrtDef,
  SubDef,
  SumDef,
  TanhDef,
  TruncDef,
  WhereDef,
];
