/**
 * The reference backend's compute-heavy kernels (matrix multiply, convolutions, pooling,
 * softmax, indexing, concat, arg-reductions, sort, cumulative sum/product), for the backend's registration.
 */
import type { KernelConfig } from '../../../backend/types.js';
import type { HostArray } from '../../../dtype.js';
import { argMaxConfig } from './ArgMax.js';
import { argMinConfig } from './ArgMin.js';
import { avgPool2DConfig } from './AvgPool2D.js';
import { avgPool2DBackwardConfig } from './AvgPool2DBackward.js';
import { addmmConfig } from './Addmm.js';
import { batchMatMulConfig } from './BatchMatMul.js';
import { concatConfig } from './Concat.js';
import { conv2DConfig } from './Conv2D.js';
import { conv2DBackpropFilterConfig } from './Conv2DBackpropFilter.js';
import { convTranspose2DConfig } from './ConvTranspose2D.js';
import { gatherConfig } from './Gather.js';
import { indexAddConfig } from './IndexAdd.js';
import { indexSelectConfig } from './IndexSelect.js';
import { logSoftmaxConfig } from './LogSoftmax.js';
import { maxDimConfig } from './MaxDim.js';
import { maxPool2DConfig } from './MaxPool2D.js';
import { minDimConfig } from './MinDim.js';
import { scatterAddConfig } from './ScatterAdd.js';
import { softmaxConfig } from './Softmax.js';
import { sortConfig } from './Sort.js';
import { cumSumConfig } from './CumSum.js';
import { cumProdConfig } from './CumProd.js';

/**
 * Every heavy kernel's registration on the reference backend.
 *
 * @example
 * ```ts
 * for (const k of HEAVY_KERNELS) registerKernel(k);
 * ```
 */
export const HEAVY_KERNELS: KernelConfig<HostArray>[] = [
  batchMatMulConfig,
  addmmConfig,
  conv2DConfig,
  convTranspose2DConfig,
  conv2DBackpropFilterConfig,
  maxPool2DConfig,
  avgPool2DConfig,
  avgPool2DBackwardConfig,
  softmaxConfig,
  logSoftmaxConfig,
  gatherConfig,
  scatterAddConfig,
  indexSelectConfig,
  indexAddConfig,
  concatConfig,
  maxDimConfig,
  minDimConfig,
  argMaxConfig,
  argMinConfig,
  sortConfig,
  cumSumConfig,
  cumProdConfig,
];
