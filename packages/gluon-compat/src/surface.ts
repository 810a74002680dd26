/**
 * The public names this package implements, as MXNet spells them below `mxnet` (`nd.save`,
 * `gluon.Parameter.data`, …), so conformance tooling can diff them against the real
 * framework's `dir()`. The `.params` codec helpers, which MXNet does not have, are listed bare.
 */
const PARAMETER_METHODS = [
  'initialize', 'data', 'list_data', 'grad', 'list_grad', 'list_ctx', 'set_data', 'reset_ctx', 'zero_grad', 'cast',
  'row_sparse_data', 'list_row_sparse_data', 'grad_req', 'dtype', 'shape', 'name', 'lr_mult', 'wd_mult', 'init',
];
const PARAMETER_DICT_METHODS = [
  'get', 'get_constant', 'initialize', 'list_ctx', 'load', 'load_dict', 'reset_ctx', 'save', 'setattr', 'update',
  'zero_grad', 'prefix', 'items', 'keys', 'values',
];
const NDARRAY_MEMBERS = [
  'shape', 'dtype', 'context', 'ctx', 'size', 'ndim', 'stype', 'asnumpy', 'asscalar', 'copy', 'copyto', 'as_in_context', 'astype', 'detach',
];

export const SURFACE: readonly string[] = Object.freeze([
  'Context', 'cpu', 'gpu', 'cpu_pinned', 'context.current_context', 'context.num_gpus', 'MXNetError', 'base.MXNetError',
  'nd.NDArray', ...NDARRAY_MEMBERS.map((m) => `nd.NDArray.${m}`),
  'nd.array', 'nd.zeros', 'nd.ones', 'nd.empty', 'nd.full', 'nd.zeros_like', 'nd.ones_like', 'nd.save', 'nd.load', 'nd.load_frombuffer',
  'gluon.Parameter', ...PARAMETER_METHODS.map((m) => `gluon.Parameter.${m}`),
  'gluon.Constant', 'gluon.Constant.value',
  'gluon.ParameterDict', ...PARAMETER_DICT_METHODS.map((m) => `gluon.ParameterDict.${m}`),
  'gluon.parameter.DeferredInitializationError',
  'init.Initializer', 'init.InitDesc', 'init.Zero', 'init.One', 'init.Constant', 'init.Uniform', 'init.Normal', 'init.Orthogonal',
  'init.Xavier', 'init.MSRAPrelu', 'init.register', 'init.alias', 'init.create', 'init.Initializer.dumps', 'init.Initializer.set_verbosity',
  // nncompat's own codec of MXNet's NDArray list format
  'readNDArrayList', 'writeNDArrayList',
]);
