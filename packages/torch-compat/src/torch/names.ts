/**
 * The `torch.*` function forms added for the Tensor methods of ported code and the exact
 * compositions of core ops (112 names, all in PyTorch's torch namespace). Read by the
 * coverage test and by `SURFACE`; not re-exported from the torch namespace.
 */
export const TORCH_FUNCTIONS_EXTRA = [
  'acos', 'acos_', 'addcdiv', 'addcmul', 'arccos', 'arccos_', 'arcsin', 'arcsin_', 'arctan', 'arctan_', 'argsort', 'asin',
  'asin_', 'atan', 'atan_', 'atleast_1d', 'atleast_2d', 'atleast_3d', 'broadcast_shapes', 'broadcast_tensors', 'broadcast_to', 'can_cast', 'ceil_', 'clamp_max_',
  'column_stack', 'concat', 'concatenate', 'copysign', 'cos_', 'cosh', 'cosh_', 'count_nonzero', 'cumprod', 'cumsum', 'deg2rad', 'diag',
  'diff', 'dsplit', 'dstack', 'equal', 'erf_', 'exp2', 'exp2_', 'expm1_', 'fix_', 'flip', 'fliplr', 'flipud',
  'float_power', 'floor_', 'fmax', 'fmin', 'fmod', 'frac', 'ger', 'heaviside', 'hsplit', 'hstack', 'hypot', 'index_fill',
  'isfinite', 'isinf', 'isneginf', 'isposinf', 'kthvalue', 'lerp', 'log10_', 'log1p_', 'log2_', 'logaddexp', 'logaddexp2', 'logit',
  'logit_', 'masked_select', 'median', 'meshgrid', 'msort', 'nan_to_num', 'nan_to_num_', 'norm', 'outer', 'positive', 'promote_types', 'rad2deg',
  'reciprocal_', 'repeat_interleave', 'result_type', 'roll', 'round_', 'row_stack', 'rsqrt_', 'scatter', 'sgn', 'signbit', 'sin_', 'sinh',
  'sinh_', 'sort', 'square_', 'std_mean', 'take', 'tan', 'tan_', 'tensor_split', 'tile', 'topk', 'trace', 'trunc_',
  'var_mean', 'vsplit', 'vstack', 'xlogy',
] as const;
