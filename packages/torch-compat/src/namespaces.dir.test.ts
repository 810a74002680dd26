// Every name exported under a PyTorch namespace is one real PyTorch has there (fixtures/
// pytorch_dir.json: dir() of PyTorch 1.13, tooling/goldens/gen_pytorch_dir.py), or one listed
// below with the reason it is there: a helper leaking out as `F.someHelper` would otherwise look
// like API that ported code could call.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as torch from './index.js';
import * as optim from './optim/index.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/pytorch_dir.json', import.meta.url), 'utf8')) as { torch: string; names: Record<string, string[]> };

/** Names that are not in 1.13's dir(), each with its reason. */
const EXPECTED_EXTRAS: Record<string, Record<string, string>> = {
  torch: {
    OrderedDict: "collections.OrderedDict, which state_dict() returns (Python's import, not torch's)",
    slice: "Python's slice() builtin, for x.__getitem__ / x[...] indexing from TS",
    Slice: 'the class slice() returns',
    get_printoptions: "reads back set_printoptions' state (PyTorch keeps it in torch._tensor_str.PRINT_OPTS)",
    SURFACE: "this package's list of implemented names",
  },
  'torch.nn': {
    _addindent: 'torch.nn.modules.module._addindent, used by custom extra_repr code',
    _EXTRA_STATE_KEY_SUFFIX: 'torch.nn.modules.module._EXTRA_STATE_KEY_SUFFIX',
    IncompatibleKeys: "torch.nn.modules.module._IncompatibleKeys, load_state_dict's result",
    register_module_forward_pre_hook: 'torch.nn.modules.module.register_module_forward_pre_hook',
    register_module_forward_hook: 'torch.nn.modules.module.register_module_forward_hook',
    register_module_full_backward_pre_hook: 'torch.nn.modules.module.register_module_full_backward_pre_hook (2.0+)',
    register_module_full_backward_hook: 'torch.nn.modules.module.register_module_full_backward_hook',
    register_module_backward_hook: 'torch.nn.modules.module.register_module_backward_hook',
    is_lazy: 'torch.nn.parameter.is_lazy',
    ParameterDictImpl: 'the class behind the callable/indexable ParameterDict proxy',
    ModuleDictImpl: 'the class behind the indexable ModuleDict proxy',
    _ConvNd: 'torch.nn.modules.conv._ConvNd',
    _BatchNorm: 'torch.nn.modules.batchnorm._BatchNorm',
    NonDynamicallyQuantizableLinear: "torch.nn.modules.linear.NonDynamicallyQuantizableLinear (MultiheadAttention's out_proj class)",
  },
  'torch.nn.functional': { scaled_dot_product_attention: 'PyTorch 2.0+' },
  'torch.nn.init': {
    _calculate_fan_in_and_fan_out: 'private in PyTorch too (the fixture drops underscored names)',
    _calculate_correct_fan: 'private in PyTorch too',
  },
  'torch.optim': { required: 'torch.optim.optimizer.required' },
  'torch.optim.lr_scheduler': { LRScheduler: 'PyTorch 2.0+ (1.13 calls it _LRScheduler)' },
};

const SPACES: Record<string, object> = {
  torch,
  'torch.nn': torch.nn,
  'torch.nn.functional': torch.nn.functional,
  'torch.nn.init': torch.nn.init,
  'torch.nn.utils': torch.nn.utils,
  'torch.optim': optim,
  'torch.optim.lr_scheduler': optim.lr_scheduler,
};

describe(`exported names are PyTorch's (dir() of ${fixture.torch})`, () => {
  for (const [space, ns] of Object.entries(SPACES)) {
    it(space, () => {
      const real = new Set(fixture.names[space]);
      const extras = Object.keys(ns).filter((n) => !real.has(n)).sort();
      expect(extras).toEqual(Object.keys(EXPECTED_EXTRAS[space] ?? {}).sort());
    });
  }
});
