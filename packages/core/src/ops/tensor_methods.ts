/**
 * Loads the Tensor methods added for ported PyTorch code (each file augments Tensor.prototype):
 * factories (`new_*`, `cpu`), shape ops, elementwise math, norm, sorting and scans, scatter /
 * index_fill, and more in-place ops.
 */
import './tensor_new.js';
import './shape_extra.js';
import './math_extra.js';
import './norm.js';
import './sorting.js';
import './scatter.js';
import './inplace_extra.js';
