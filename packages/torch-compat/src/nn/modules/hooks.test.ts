/**
 * Module hooks. The first group replays PyTorch 1.13 goldens; the second covers behaviour
 * added in PyTorch 2.x (prepend, with_kwargs, always_call, full backward pre-hooks,
 * register_state_dict_pre_hook) that 1.13 cannot produce: those expectations are written by
 * hand from torch/nn/modules/module.py and torch/utils/hooks.py at v2.1, as commented.
 */
import { describe, expect, it } from 'vitest';
import * as torch from '../../index.js';
import { nn, Tensor } from '../../index.js';
import { err, loadFixture } from '../../testing/golden.js';
import { captureWarnings } from '../../utils/warn.js';

const C = loadFixture<{ cases: Record<string, unknown> }>('nn_module.json').cases;
const list = (g: (Tensor | null)[]): (number[] | null)[] => g.map((t) => (t === null ? null : (t.tolist() as number[])));

describe('hooks (PyTorch 1.13 goldens)', () => {
  it('forward pre-hooks and forward hooks: order, arguments, replacements', () => {
    const log: unknown[] = [];
    class Doubler extends nn.Module {
      override forward(x: Tensor, k: number): Tensor {
        log.push(['forward', x.tolist(), k]);
        return x.mul(2);
      }
    }
    const d = new Doubler();
    d.register_forward_pre_hook((_m, args) => {
      log.push(['pre1', (args[0] as Tensor).tolist(), args[1]]);
    });
    d.register_forward_pre_hook((_m, args) => [(args[0] as Tensor).add(1), (args[1] as number) + 1]);
    d.register_forward_hook((_m, args, out) => {
      log.push(['fwd1', (args[0] as Tensor).tolist(), (out as Tensor).tolist()]);
    });
    d.register_forward_hook((_m, _args, out) => (out as Tensor).add(100));
    const res = d(torch.tensor([1, 2], { dtype: 'float32' }), 5);
    log.push(['result', res.tolist()]);
    expect(log).toStrictEqual(C.hook_forward_log);
  });

  it('global hooks run for every module, before the module own hooks', () => {
    const log: unknown[] = [];
    const g1 = nn.register_module_forward_pre_hook((m) => {
      log.push(['gpre', m._get_name()]);
    });
    const g2 = nn.register_module_forward_hook((m) => {
      log.push(['gfwd', m._get_name()]);
    });
    const seq = new nn.Sequential(new nn.Linear(1, 1), new nn.Linear(1, 1));
    seq.__getitem__(0).register_forward_pre_hook(() => {
      log.push(['pre0']);
    });
    seq(torch.zeros(1, 1));
    g1.remove();
    g2.remove();
    seq(torch.zeros(1, 1));
    expect(log).toStrictEqual(C.hook_global_log);
  });

  it('full backward hook: grad_input per positional input, grad_output per output', () => {
    const blog: unknown[] = [];
    class TwoIn extends nn.Module {
      override forward(a: Tensor, k: number, b: Tensor): [Tensor, Tensor] {
        return [a.mul(b).mul(k), a.add(b)];
      }
    }
    const ti = new TwoIn();
    ti.register_full_backward_hook((_m, gin, gout) => {
      blog.push({ grad_input: list(gin), grad_output: list(gout) });
    });
    const a = torch.tensor([1, 2], { dtype: 'float32', requires_grad: true });
    const b = torch.tensor([3, 4], { dtype: 'float32' });
    const [o1, o2] = ti(a, 3, b);
    o1.sum().mul(2).add(o2.sum()).backward();
    blog.push({ a_grad: a.grad!.tolist() });
    expect(blog).toStrictEqual(C.hook_full_backward);
  });

  it('a full backward hook can replace grad_input', () => {
    const lin = new nn.Linear(2, 1);
    torch.no_grad(() => {
      lin.weight.copy_(torch.tensor([[1, -1]], { dtype: 'float32' }));
      lin.bias!.fill_(0.5);
    });
    lin.register_full_backward_hook((_m, gin) => [gin[0]!.mul(10)]);
    const x = torch.tensor([[1, 2]], { dtype: 'float32', requires_grad: true });
    lin(x).sum().backward();
    expect(x.grad!.tolist()).toStrictEqual(C.hook_full_backward_replace_x_grad);
  });
});

describe('hooks added in PyTorch 2.x (hand-written from the v2.1 source)', () => {
  class Id extends nn.Module {
    calls: unknown[] = [];
    override forward(...args: unknown[]): unknown {
      this.calls.push(args);
      return args[0];
    }
  }

  it('prepend puts a hook first (OrderedDict.move_to_end(last=False))', () => {
    const m = new Id();
    const order: string[] = [];
    m.register_forward_pre_hook(() => void order.push('a'));
    m.register_forward_pre_hook(() => void order.push('b'), { prepend: true });
    m.register_forward_hook(() => void order.push('c'));
    m.register_forward_hook(() => void order.push('d'), { prepend: true });
    m(1);
    expect(order).toStrictEqual(['b', 'a', 'd', 'c']);
  });

  it('with_kwargs pre-hook returns (args, kwargs); non-empty kwargs reach forward as a trailing options object', () => {
    const m = new Id();
    m.register_forward_pre_hook((_m, args, kwargs) => {
      expect(kwargs).toStrictEqual({});
      return [[(args[0] as number) + 1], { scale: 2 }];
    }, { with_kwargs: true });
    const seen: unknown[] = [];
    m.register_forward_hook((_m, args, kwargs, out) => {
      seen.push(args, kwargs, out);
    }, { with_kwargs: true });
    expect(m(1)).toBe(2);
    expect(m.calls).toStrictEqual([[2, { scale: 2 }]]);
    expect(seen).toStrictEqual([[2], { scale: 2 }, 2]);
  });

  it('a with_kwargs pre-hook returning something else raises', () => {
    const m = new Id();
    m.register_forward_pre_hook(() => 5, { with_kwargs: true });
    // module.py v2.1: f"forward pre-hook must return None or a tuple of (new_args, new_kwargs), but got {args_kwargs_result}."
    expect(err(() => m(1))).toStrictEqual({
      type: 'RuntimeError', msg: 'forward pre-hook must return None or a tuple of (new_args, new_kwargs), but got 5.',
    });
  });

  it('always_call hooks run when forward raises, then the error propagates', () => {
    class Boom extends nn.Module {
      override forward(): never {
        throw new Error('boom');
      }
    }
    const m = new Boom();
    const log: string[] = [];
    m.register_forward_hook(() => void log.push('normal'));
    m.register_forward_hook((_m, _a, out) => void log.push(`always:${String(out)}`), { always_call: true });
    const g = nn.register_module_forward_hook(() => void log.push('global-always'), { always_call: true });
    expect(() => m()).toThrow('boom');
    g.remove();
    expect(log).toStrictEqual(['global-always', 'always:null']);
  });

  it('an always_call hook that raises during the error path is reported as a warning', () => {
    class Boom extends nn.Module {
      override forward(): never {
        throw new Error('boom');
      }
    }
    const m = new Boom();
    m.register_forward_hook(() => {
      throw new Error('hook failed');
    }, { always_call: true });
    const [, warnings] = captureWarnings(() => expect(() => m()).toThrow('boom'));
    expect(warnings).toStrictEqual([
      'module forward hook with ``always_call=True`` raised an exception that was silenced as another error was raised in forward: hook failed',
    ]);
  });

  it('full backward pre-hook sees grad_output and may replace it', () => {
    const lin = new nn.Linear(2, 1);
    torch.no_grad(() => {
      lin.weight.copy_(torch.tensor([[1, -1]], { dtype: 'float32' }));
      lin.bias!.fill_(0);
    });
    const seen: unknown[] = [];
    lin.register_full_backward_pre_hook((_m, gout) => {
      seen.push(list(gout));
      return [gout[0]!.mul(3)];
    });
    lin.register_full_backward_hook((_m, gin, gout) => {
      seen.push({ gin: list(gin), gout: list(gout) });
    });
    const x = torch.tensor([[1, 2]], { dtype: 'float32', requires_grad: true });
    lin(x).sum().backward();
    // grad_output of sum() is 1; the pre-hook triples it before it reaches the module.
    expect(seen).toStrictEqual([[[[1]]], { gin: [[[3, -3]]], gout: [[[3]]] }]);
    expect(x.grad!.tolist()).toStrictEqual([[3, -3]]);
    expect(lin.weight.grad!.tolist()).toStrictEqual([[3, 6]]);
  });

  it('a pre-hook returning the wrong number of gradients raises (hooks.py v2.1 text)', () => {
    const lin = new nn.Linear(2, 1);
    lin.register_full_backward_pre_hook(() => [null, null]);
    const x = torch.ones(1, 2, { requires_grad: true });
    expect(err(() => lin(x).sum().backward())).toStrictEqual({
      type: 'RuntimeError', msg: 'Backward pre hook returned an invalid number of grad_output, got 2, but expected 1',
    });
  });

  it('global full backward pre-hook and hooks when no input requires grad', () => {
    const lin = new nn.Linear(2, 1);
    const seen: string[] = [];
    const h = nn.register_module_full_backward_pre_hook((m) => void seen.push(`pre:${m._get_name()}`));
    lin.register_full_backward_hook((_m, gin) => void seen.push(`hook:${gin.length}:${String(gin[0])}`));
    lin(torch.ones(1, 2)).sum().backward();
    h.remove();
    // BackwardHook.setup_output_hook: with no input requiring grad the user hooks are called
    // from the output hook with grad_input = (None,) * n_inputs.
    expect(seen).toStrictEqual(['pre:Linear', 'hook:1:null']);
  });

  it('register_state_dict_pre_hook runs before saving with (module, prefix, keep_vars)', () => {
    const m = new nn.Linear(1, 1);
    const calls: unknown[] = [];
    m.register_state_dict_pre_hook((mod, prefix, keep) => void calls.push([mod === m, prefix, keep]));
    m.state_dict({ prefix: 'a.', keep_vars: true });
    expect(calls).toStrictEqual([[true, 'a.', true]]);
  });

  it('removing a handle removes the hook and its flags', () => {
    const m = new Id();
    const log: string[] = [];
    const h = m.register_forward_hook(() => void log.push('x'), { with_kwargs: true, always_call: true });
    h.remove();
    m(1);
    expect(log).toStrictEqual([]);
    expect(m._forward_hooks_with_kwargs.size + m._forward_hooks_always_called.size).toBe(0);
  });
});
