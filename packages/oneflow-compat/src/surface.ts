/**
 * Names this package implements, as dotted paths under `oneflow` (conformance diffs them
 * against OneFlow's `dir()`).
 */
export const MODULE_METHODS: readonly string[] = Object.freeze([
  '__call__', '__delattr__', '__getattr__', '__getstate__', '__repr__', '__setattr__', '__setstate__',
  '_apply', '_get_name', '_load_from_state_dict', '_named_members', '_register_load_state_dict_pre_hook',
  '_register_state_dict_hook', '_save_to_state_dict', '_shallow_repr',
  'add_module', 'apply', 'buffers', 'children', 'cpu', 'cuda', 'double', 'eval', 'extra_repr', 'float', 'forward',
  'get_parameter', 'get_submodule', 'half', 'load_state_dict', 'modules', 'named_buffers', 'named_children',
  'named_modules', 'named_parameters', 'parameters', 'register_buffer', 'register_forward_hook', 'register_forward_pre_hook',
  'register_parameter', 'requires_grad_', 'state_dict', 'to', 'to_consistent', 'to_empty', 'to_global', 'to_local', 'train',
  'zero_grad',
]);

/** The seed page's `oneflow.nn.ParameterDict` methods beyond Module's. */
export const PARAMETER_DICT_METHODS: readonly string[] = Object.freeze([
  '__contains__', '__delitem__', '__getitem__', '__iter__', '__len__', '__setitem__',
  'clear', 'items', 'keys', 'pop', 'update', 'values',
]);

export const SURFACE: readonly string[] = Object.freeze([
  'oneflow.Tensor', 'oneflow.tensor', 'oneflow.zeros', 'oneflow.ones', 'oneflow.full', 'oneflow.empty', 'oneflow.arange',
  'oneflow.linspace', 'oneflow.eye', 'oneflow.zeros_like', 'oneflow.ones_like', 'oneflow.full_like', 'oneflow.empty_like',
  'oneflow.rand', 'oneflow.randn', 'oneflow.randint', 'oneflow.randperm', 'oneflow.rand_like', 'oneflow.randn_like',
  'oneflow.cat', 'oneflow.stack', 'oneflow.where', 'oneflow.manual_seed', 'oneflow.no_grad', 'oneflow.enable_grad',
  'oneflow.is_grad_enabled', 'oneflow.set_grad_enabled', 'oneflow.save', 'oneflow.load', 'oneflow.placement', 'oneflow.sbp.broadcast',
  'oneflow.sbp.split', 'oneflow.sbp.partial_sum', 'oneflow.env.get_rank', 'oneflow.env.get_world_size',
  ...['float32', 'float64', 'float16', 'bfloat16', 'int8', 'uint8', 'int16', 'int32', 'int64', 'bool', 'float', 'double', 'half', 'char', 'short', 'int', 'long']
    .map((d) => `oneflow.${d}`),
  ...['to_global', 'to_local', 'to_consistent', 'is_global', 'is_local', 'placement', 'sbp', '__repr__'].map((m) => `oneflow.Tensor.${m}`),
  'oneflow.nn.Module', 'oneflow.nn.Parameter', 'oneflow.nn.Sequential', 'oneflow.nn.ModuleList', 'oneflow.nn.ModuleDict',
  'oneflow.nn.ParameterList', 'oneflow.nn.ParameterDict', 'oneflow.nn.Linear', 'oneflow.nn.Identity', 'oneflow.nn.ReLU',
  'oneflow.nn.Sigmoid', 'oneflow.nn.Tanh', 'oneflow.nn.Conv2d', 'oneflow.nn.functional', 'oneflow.nn.functional.dropout1d',
  'oneflow.nn.functional.dropout2d',
  ...['GELU', 'LeakyReLU', 'Softmax', 'LogSoftmax', 'MaxPool2d', 'AvgPool2d', 'AdaptiveAvgPool2d', 'BatchNorm1d', 'BatchNorm2d',
    'LayerNorm', 'Dropout', 'Embedding', 'Flatten', 'CrossEntropyLoss', 'MSELoss', 'NLLLoss',
    'ELU', 'ReLU6', 'Hardtanh', 'Softplus', 'SiLU', 'Mish', 'Conv1d', 'ConvTranspose2d', 'MaxPool1d', 'GroupNorm', 'Dropout1d',
    'Dropout2d', 'L1Loss', 'SmoothL1Loss', 'BCELoss', 'BCEWithLogitsLoss', 'KLDivLoss', 'RNNBase', 'LSTM', 'GRU', 'RNN'].map((c) => `oneflow.nn.${c}`),
  ...MODULE_METHODS.map((m) => `oneflow.nn.Module.${m}`),
  ...PARAMETER_DICT_METHODS.map((m) => `oneflow.nn.ParameterDict.${m}`),
  ...['SGD', 'Adam', 'AdamW', 'RMSprop', 'Adagrad', 'Optimizer', 'lr_scheduler'].map((m) => `oneflow.optim.${m}`),
]);
