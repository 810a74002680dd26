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
  'attach_grad', 'grad', 'backward', 'reshape', 'flatten', 'sum', 'mean', 'square', 'exp', 'log', 'abs', 'sqrt',
  '__add__', '__sub__', '__mul__', '__truediv__', '__neg__',
];
const ND_OPS = [
  'FullyConnected', 'Convolution', 'Pooling', 'BatchNorm', 'LayerNorm', 'Embedding', 'Dropout', 'Activation', 'Flatten', 'flatten', 'identity',
  'relu', 'sigmoid', 'tanh', 'softmax', 'log_softmax', 'dot', 'add', 'subtract', 'multiply', 'square', 'sum', 'mean',
];
const BLOCK_METHODS = [
  'name_scope', 'prefix', 'name', 'params', 'collect_params', 'save_parameters', 'load_parameters', 'register_child',
  'register_forward_pre_hook', 'register_forward_hook', 'apply', 'initialize', 'hybridize', 'cast', 'forward',
];
const NN_LAYERS = [
  'Dense', 'Conv2D', 'MaxPool2D', 'BatchNorm', 'LayerNorm', 'Embedding', 'Dropout', 'Activation', 'Flatten', 'Sequential', 'HybridSequential',
];
const TRAINER_MEMBERS = ['step', 'allreduce_grads', 'update', 'learning_rate', 'optimizer', 'set_learning_rate'];

export const SURFACE: readonly string[] = Object.freeze([
  'Context', 'cpu', 'gpu', 'cpu_pinned', 'context.current_context', 'context.num_gpus', 'MXNetError', 'base.MXNetError',
  'nd.NDArray', ...NDARRAY_MEMBERS.map((m) => `nd.NDArray.${m}`),
  ...ND_OPS.map((m) => `nd.${m}`),
  'nd.array', 'nd.zeros', 'nd.ones', 'nd.empty', 'nd.full', 'nd.zeros_like', 'nd.ones_like', 'nd.save', 'nd.load', 'nd.load_frombuffer',
  'gluon.Parameter', ...PARAMETER_METHODS.map((m) => `gluon.Parameter.${m}`),
  'gluon.Constant', 'gluon.Constant.value',
  'gluon.ParameterDict', ...PARAMETER_DICT_METHODS.map((m) => `gluon.ParameterDict.${m}`),
  'gluon.parameter.DeferredInitializationError',
  'gluon.Block', ...BLOCK_METHODS.map((m) => `gluon.Block.${m}`),
  'gluon.HybridBlock', 'gluon.HybridBlock.hybrid_forward', 'gluon.HybridBlock.infer_shape',
  ...NN_LAYERS.map((m) => `gluon.nn.${m}`), 'gluon.nn.Block', 'gluon.nn.HybridBlock',
  'gluon.nn.Sequential.add', 'gluon.nn.HybridSequential.add',
  'gluon.Trainer', ...TRAINER_MEMBERS.map((m) => `gluon.Trainer.${m}`), 'gluon.utils.HookHandle',
  'autograd.record', 'autograd.pause', 'autograd.train_mode', 'autograd.predict_mode', 'autograd.is_recording', 'autograd.is_training',
  'autograd.set_recording', 'autograd.set_training', 'autograd.mark_variables', 'autograd.backward',
  'optimizer.Optimizer', 'optimizer.SGD', 'optimizer.Adam', 'optimizer.create', 'optimizer.register', 'optimizer.Updater', 'optimizer.get_updater',
  'name.NameManager', 'name.Prefix',
  'init.Initializer', 'init.InitDesc', 'init.Zero', 'init.One', 'init.Constant', 'init.Uniform', 'init.Normal', 'init.Orthogonal',
  'init.Xavier', 'init.MSRAPrelu', 'init.register', 'init.alias', 'init.create', 'init.Initializer.dumps', 'init.Initializer.set_verbosity',
  // nncompat's own codec of MXNet's NDArray list format
  'readNDArrayList', 'writeNDArrayList',
]);
