"""Writes packages/torch-compat/fixtures/optim_extra.json from real PyTorch (1.13, CPU):

  cases       20-step trajectories (loss per step, final params) of NAdam/RAdam/Adamax/
              Adadelta/Rprop/ASGD on the fixed 2-layer tanh MLP of gen_torch_functional.py's
              optim.json (one param group, two groups, maximize where 1.13 has it)
  state_dicts state_dict after 2 steps with two groups (the last param skips step 1's grad)
  schedulers  lr sequences of LinearLR/ConstantLR/MultiplicativeLR/PolynomialLR/
              CosineAnnealingWarmRestarts/CyclicLR/SequentialLR/ChainedScheduler
  utils       nn.utils.parameters_to_vector / vector_to_parameters

Run with Debian's python3-torch:
    /usr/bin/python3 tooling/goldens/gen_optim_extra.py

NAdam's cases are hand-built: 1.13's single-tensor NAdam computes `mu_product_next =
mu_product * mu * mu_next` (mu applied twice); 2.1 fixed it to `mu_product * mu_next`. They run
NAdam21 below, 1.13's NAdam with 2.1's `_single_tensor_nadam` step, and carry
`"hand": "PyTorch 2.1 NAdam step (1.13 applies mu twice in mu_product_next)"`.

Flags that PyTorch 1.13 lacks (NAdam/RAdam `decoupled_weight_decay`, NAdam/RAdam `maximize` is
absent in 2.1 too) have no cases here; the tests write their 2.1 expectations by hand.
"""
import json
import os
import sys

import torch
import torch.optim as optim
import torch.optim.lr_scheduler as S

sys.path.insert(0, os.path.dirname(__file__))
from gen_torch_functional import loss_fn, problem, sd_value, tj  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'packages', 'torch-compat', 'fixtures', 'optim_extra.json')

class NAdam21(optim.NAdam):
    """PyTorch 2.1's `_single_tensor_nadam` (no decoupled weight decay in these cases)."""

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            beta1, beta2 = group['betas']
            lr, wd, md, eps = group['lr'], group['weight_decay'], group['momentum_decay'], group['eps']
            for param in group['params']:
                if param.grad is None:
                    continue
                state = self.state[param]
                if len(state) == 0:
                    state['step'] = torch.tensor(0.)
                    state['mu_product'] = torch.tensor(1.)
                    state['exp_avg'] = torch.zeros_like(param)
                    state['exp_avg_sq'] = torch.zeros_like(param)
                grad, step_t, mu_product = param.grad, state['step'], state['mu_product']
                exp_avg, exp_avg_sq = state['exp_avg'], state['exp_avg_sq']
                step_t += 1
                step = step_t.item()
                bias_correction2 = 1 - beta2 ** step
                if wd != 0:
                    grad = grad.add(param, alpha=wd)
                mu = beta1 * (1. - 0.5 * (0.96 ** (step * md)))
                mu_next = beta1 * (1. - 0.5 * (0.96 ** ((step + 1) * md)))
                mu_product *= mu
                exp_avg.lerp_(grad, 1 - beta1)
                exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
                denom = exp_avg_sq.div(bias_correction2).sqrt()
                mu_product_next = mu_product.item() * mu_next
                denom.add_(eps)
                param.addcdiv_(grad, denom, value=(-lr * (1. - mu) / (1. - mu_product.item())))
                param.addcdiv_(exp_avg, denom, value=(-lr * mu_next) / (1. - mu_product_next))


NADAM_HAND = 'PyTorch 2.1 NAdam step (1.13 applies mu twice in mu_product_next)'


def make_optim(name, params, **kwargs):
    return (NAdam21 if name == 'NAdam' else getattr(optim, name))(params, **kwargs)


CONFIGS = [
    ('NAdam', {}), ('NAdam', {'lr': 0.01, 'betas': [0.8, 0.99], 'weight_decay': 0.1, 'momentum_decay': 0.01}),
    ('RAdam', {}), ('RAdam', {'lr': 0.01, 'betas': [0.8, 0.95], 'eps': 1e-6, 'weight_decay': 0.1}),
    ('Adamax', {}), ('Adamax', {'lr': 0.01, 'betas': [0.8, 0.99], 'weight_decay': 0.1}),
    ('Adamax', {'lr': 0.01, 'maximize': True}),
    ('Adadelta', {}), ('Adadelta', {'lr': 0.5, 'rho': 0.8, 'eps': 1e-5, 'weight_decay': 0.1}),
    ('Adadelta', {'lr': 0.5, 'maximize': True}),
    ('Rprop', {}), ('Rprop', {'lr': 0.02, 'etas': [0.4, 1.5], 'step_sizes': [1e-4, 0.05]}),
    ('Rprop', {'lr': 0.01, 'maximize': True}),
    ('ASGD', {}), ('ASGD', {'lr': 0.05, 'lambd': 0.01, 'alpha': 0.5, 't0': 5, 'weight_decay': 0.1}),
    ('ASGD', {'lr': 0.05, 't0': 3, 'maximize': True}),
]
TUPLES = ('betas', 'etas', 'step_sizes')


def optim_cases():
    out = []
    for name, kw in CONFIGS:
        for grouped in (False, True):
            if grouped and 'maximize' in kw:
                continue
            X, Y, p = problem()
            init_params = [tj(q) for q in p]
            kwargs = {k: (tuple(v) if k in TUPLES else v) for k, v in kw.items()}
            if grouped:
                lr = kwargs.pop('lr', None)
                base = {} if lr is None else {'lr': lr}
                glr = (lr or 0.01) * 0.5
                o = make_optim(name, [{'params': p[:2]}, {'params': p[2:], 'lr': glr}], **base, **kwargs)
                spec = [{'params': [0, 1]}, {'params': [2, 3], 'lr': glr}]
            else:
                o = make_optim(name, p, **kwargs)
                spec = None
            losses = []
            for _ in range(20):
                o.zero_grad()
                loss = loss_fn(X, Y, p)
                loss.backward()
                o.step()
                losses.append(loss.item())
            out.append({'optim': name, 'kwargs': kw, 'groups': spec, 'X': tj(X), 'Y': tj(Y), 'init': init_params,
                        'losses': losses, 'final': [tj(q) for q in p], **({'hand': NADAM_HAND} if name == 'NAdam' else {})})
    return out


def state_dict_cases():
    out = []
    for name in ('NAdam', 'RAdam', 'Adamax', 'Adadelta', 'Rprop', 'ASGD'):
        X, Y, p = problem()
        o = make_optim(name, [{'params': p[:3]}, {'params': p[3:], 'lr': 0.003}])
        for i in range(2):
            o.zero_grad()
            loss_fn(X, Y, p).backward()
            if i == 0:
                p[3].grad = None
            o.step()
        sd = o.state_dict()
        out.append({'optim': name, 'kwargs': {}, **({'hand': NADAM_HAND} if name == 'NAdam' else {}),
                    'state': [[k, [[sk, sd_value(sv)] for sk, sv in v.items()]] for k, v in sd['state'].items()],
                    'param_groups': [[[k, sd_value(v)] for k, v in g.items()] for g in sd['param_groups']]})
    return out


def scheduler_cases():
    out = []

    def run(name, make, n, groups=1, okw=None, opt='SGD'):
        ps = [torch.zeros(1, requires_grad=True) for _ in range(groups)]
        okw = okw or {'lr': 0.1}
        o = getattr(optim, opt)([{'params': [q]} for q in ps], **okw)
        s = make(o)
        lrs = [[g['lr'] for g in o.param_groups]]
        moms = [o.param_groups[0].get('momentum')]
        for _ in range(n):
            o.step()
            s.step()
            lrs.append([g['lr'] for g in o.param_groups])
            moms.append(o.param_groups[0].get('momentum'))
        out.append({'name': name, 'lrs': lrs, 'momentum': moms})

    run('linear', lambda o: S.LinearLR(o), 8)
    run('linear_opts', lambda o: S.LinearLR(o, start_factor=0.25, end_factor=0.75, total_iters=6), 10, groups=2)
    run('constant', lambda o: S.ConstantLR(o), 8)
    run('constant_opts', lambda o: S.ConstantLR(o, factor=0.5, total_iters=3), 6)
    run('multiplicative', lambda o: S.MultiplicativeLR(o, lr_lambda=lambda e: 0.95), 10)
    run('multiplicative_list', lambda o: S.MultiplicativeLR(o, lr_lambda=[lambda e: 0.9, lambda e: 1.0 / (1 + e)]), 8, groups=2)
    run('polynomial', lambda o: S.PolynomialLR(o), 8)
    run('polynomial_opts', lambda o: S.PolynomialLR(o, total_iters=6, power=2.0), 9)
    run('warm_restarts', lambda o: S.CosineAnnealingWarmRestarts(o, T_0=4), 14)
    run('warm_restarts_mult', lambda o: S.CosineAnnealingWarmRestarts(o, T_0=2, T_mult=2, eta_min=0.01), 16)
    run('cyclic_tri', lambda o: S.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=4), 20, okw={'lr': 0.1, 'momentum': 0.9})
    run('cyclic_tri2', lambda o: S.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=3, step_size_down=2, mode='triangular2',
                                            cycle_momentum=False), 20)
    run('cyclic_exp', lambda o: S.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=3, mode='exp_range', gamma=0.9,
                                           base_momentum=0.7, max_momentum=0.95), 20, okw={'lr': 0.1, 'momentum': 0.9})
    run('cyclic_iter', lambda o: S.CyclicLR(o, base_lr=[0.01, 0.02], max_lr=0.1, step_size_up=3, scale_fn=lambda x: 0.5 ** x,
                                            scale_mode='iterations', cycle_momentum=False), 12, groups=2)
    run('sequential', lambda o: S.SequentialLR(o, [S.ConstantLR(o, factor=0.1, total_iters=2), S.ExponentialLR(o, gamma=0.9)],
                                               milestones=[2]), 10)
    run('sequential3', lambda o: S.SequentialLR(o, [S.LinearLR(o, start_factor=0.5, total_iters=3), S.StepLR(o, step_size=2, gamma=0.5),
                                                    S.CosineAnnealingLR(o, T_max=4)], milestones=[3, 7]), 14)
    run('chained', lambda o: S.ChainedScheduler([S.ConstantLR(o, factor=0.1, total_iters=2), S.ExponentialLR(o, gamma=0.9)]), 10)
    return out


def utils_cases():
    from torch.nn.utils import parameters_to_vector, vector_to_parameters
    g = torch.Generator().manual_seed(21)
    ps = [torch.rand(2, 3, generator=g), torch.rand(4, generator=g), torch.rand(1, 2, 2, generator=g)]
    vec = parameters_to_vector(ps)
    newv = torch.rand(vec.numel(), generator=g)
    vector_to_parameters(newv, ps)
    errs = []
    for fn, call in [('vector_to_parameters', lambda: vector_to_parameters([1.0], ps))]:
        try:
            call()
        except Exception as e:  # noqa: BLE001
            errs.append({'fn': fn, 'type': type(e).__name__, 'message': str(e)})
    return {'params': [tj(p) for p in ps], 'vector': tj(vec), 'new_vector': tj(newv), 'errors': errs}


def main():
    with open(OUT, 'w') as f:
        json.dump({'torch': torch.__version__, 'cases': optim_cases(), 'state_dicts': state_dict_cases(),
                   'schedulers': scheduler_cases(), 'utils': utils_cases()}, f, separators=(',', ':'))
        f.write('\n')


if __name__ == '__main__':
    main()
