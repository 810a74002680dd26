import * as nn from './nn/index.js';
import * as optim from './optim/index.js';
import * as torchNamespace from './torch/index.js';

/** `prefix.name` for every export of a namespace module (functions, classes, dtype objects). */
function exportsOf(prefix: string, ns: object): string[] {
  return Object.keys(ns).map((n) => `${prefix}.${n}`);
}

/** Members listed by hand: Module and container methods, nn layers, Tensor members. */
const LISTED: readonly string[] = Object.freeze([
  'torch.nn.Module', 'torch.nn.Parameter', 'torch.nn.UninitializedParameter', 'torch.nn.UninitializedBuffer',
  'torch.nn.ParameterDict', 'torch.nn.ParameterList', 'torch.nn.ModuleDict', 'torch.nn.ModuleList', 'torch.nn.Sequential',
  'torch.nn.Linear', 'torch.nn.LazyLinear', 'torch.nn.parameter.is_lazy',
  'torch.nn.modules.module.register_module_forward_pre_hook', 'torch.nn.modules.module.register_module_forward_hook',
  'torch.nn.modules.module.register_module_full_backward_pre_hook', 'torch.nn.modules.module.register_module_full_backward_hook',
  'torch.nn.modules.module.register_module_backward_hook',
  ...[
    'add_module', 'apply', 'bfloat16', 'buffers', 'children', 'compile', 'cpu', 'cuda', 'double', 'eval', 'extra_repr', 'float',
    'forward', 'get_buffer', 'get_extra_state', 'get_parameter', 'get_submodule', 'half', 'ipu', 'load_state_dict', 'modules',
    'named_buffers', 'named_children', 'named_modules', 'named_parameters', 'parameters', 'register_backward_hook',
    'register_buffer', 'register_forward_hook', 'register_forward_pre_hook', 'register_full_backward_hook',
    'register_full_backward_pre_hook', 'register_load_state_dict_post_hook', 'register_module', 'register_parameter',
    'register_state_dict_pre_hook', 'requires_grad_', 'set_extra_state', 'share_memory', 'state_dict', 'to', 'to_empty', 'train',
    'type', 'xpu', 'zero_grad', 'training',
  ].map((m) => `torch.nn.Module.${m}`),
  ...['clear', 'copy', 'fromkeys', 'get', 'items', 'keys', 'pop', 'popitem', 'setdefault', 'update', 'values'].map((m) => `torch.nn.ParameterDict.${m}`),
  ...['append', 'extend', 'insert', 'pop'].map((m) => `torch.nn.ModuleList.${m}`),
  ...['append', 'extend', 'insert', 'pop'].map((m) => `torch.nn.Sequential.${m}`),
  ...['append', 'extend'].map((m) => `torch.nn.ParameterList.${m}`),
  ...['clear', 'items', 'keys', 'pop', 'update', 'values'].map((m) => `torch.nn.ModuleDict.${m}`),
  // layers (issue 4)
  ...[
    'Identity', 'Bilinear', 'Flatten', 'Unflatten', 'Conv1d', 'Conv2d', 'ConvTranspose2d', 'MaxPool1d', 'MaxPool2d', 'AvgPool2d',
    'AdaptiveAvgPool2d', 'BatchNorm1d', 'BatchNorm2d', 'LayerNorm', 'GroupNorm', 'Embedding', 'Dropout', 'Dropout1d', 'Dropout2d',
    'ReLU', 'ReLU6', 'LeakyReLU', 'ELU', 'GELU', 'SiLU', 'Mish', 'Softplus', 'Sigmoid', 'Tanh', 'Hardtanh', 'Softmax', 'LogSoftmax',
    'MultiheadAttention', 'TransformerEncoderLayer', 'TransformerEncoder', 'LSTM', 'GRU', 'RNNBase', 'L1Loss', 'MSELoss',
    'SmoothL1Loss', 'NLLLoss', 'CrossEntropyLoss', 'BCELoss', 'BCEWithLogitsLoss', 'KLDivLoss',
  ].map((n) => `torch.nn.${n}`),
  'torch.nn.modules.linear.NonDynamicallyQuantizableLinear', 'torch.nn.Embedding.from_pretrained',
  'torch.Tensor.__repr__', 'torch.Tensor.data',
]);

/**
 * Names this package implements, as dotted paths under `torch`: the hand-listed members above
 * plus every export of the torch namespace, `torch.nn`, `torch.nn.functional`, `torch.nn.init`,
 * `torch.nn.utils`, `torch.optim` and `torch.optim.lr_scheduler` (namespaces.dir.test.ts checks
 * those against real PyTorch's dir()).
 */
export const SURFACE: readonly string[] = Object.freeze([...new Set([
  ...LISTED,
  'torch.Tensor', 'torch.load', 'torch.save', 'torch.typename', 'torch.set_printoptions',
  ...exportsOf('torch', torchNamespace),
  ...exportsOf('torch.nn', nn),
  ...exportsOf('torch.nn.functional', nn.functional),
  ...exportsOf('torch.nn.init', nn.init),
  ...exportsOf('torch.nn.utils', nn.utils),
  ...exportsOf('torch.optim', optim).filter((n) => n !== 'torch.optim.lr_scheduler'),
  ...exportsOf('torch.optim.lr_scheduler', optim.lr_scheduler),
])]);
