/** Core imports of the kernel probes (kept in one place so the probes read like PyTorch code). */
export { avg_pool2d, cat, conv2d, conv_transpose2d, manual_seed, max_pool2d, randn, tensor, where, type Tensor } from '../index.js';
import { kernels } from '../index.js';
/** Every kernel name of the SPI. */
export const ALL_KERNELS_LIST: readonly string[] = kernels.ALL_KERNELS;
