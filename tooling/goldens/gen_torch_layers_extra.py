"""Writes packages/torch-compat/fixtures/layers/extra_<family>.json and extra_errors.json from
real PyTorch (1.13, CPU): the nn layers added after issue 4 (more activations, RNN cells,
losses, padding / upsampling / pixel shuffle, 1-d pooling).

Run with Debian's python3-torch:
    /usr/bin/python3 tooling/goldens/gen_torch_layers_extra.py

The case format is gen_torch_layers.py's (its helpers are reused); inputs come from this
script's own torch.Generator (seed 9876), so gen_torch_layers.py's fixtures are untouched.
"""
import json
import os
import sys
import warnings

import torch

sys.path.insert(0, os.path.dirname(__file__))
import gen_torch_layers as base  # noqa: E402
from gen_torch_layers import Mod, T, case, err_case  # noqa: E402

base.G = torch.Generator().manual_seed(9876)


def _upsample_extra_repr_2_1(self):
    """torch/nn/modules/upsampling.py Upsample.extra_repr of PyTorch 2.x: the mode as repr
    (`mode='nearest'`); 1.13 printed it bare. Installed so the fixture's reprs are 2.1's."""
    if self.scale_factor is not None:
        info = 'scale_factor=' + repr(self.scale_factor)
    else:
        info = 'size=' + repr(self.size)
    info += ', mode=' + repr(self.mode)
    return info


if torch.__version__ < '2':
    torch.nn.Upsample.extra_repr = _upsample_extra_repr_2_1


def randn(*shape, rg=True):
    return base.randn(*shape, rg=rg)


def leaf(*shape, scale=3.0):
    return (torch.randn(*shape, generator=base.G) * scale).requires_grad_(True)


def grid(lo, hi, n, shape):
    """Evenly spaced values that hit the activation boundaries exactly (±3, ±lambd, 0)."""
    return torch.linspace(lo, hi, n).reshape(shape).requires_grad_(True)


def activation_cases():
    b = lambda: grid(-4, 4, 17, (17,))  # noqa: E731  (-4, -3.5, ..., 4: includes ±3, ±0.5, 0)
    return [
        case('PReLU', Mod('PReLU'), [T('train', leaf(3, 5))]),
        case('PReLU_channels', Mod('PReLU', 3, 0.1), [T('train', leaf(2, 3, 4))], seed=1),
        case('PReLU_channels_4d', Mod('PReLU', num_parameters=2, init=-0.5), [T('train', leaf(2, 2, 3, 2))], seed=2),
        case('SELU', Mod('SELU'), [T('train', leaf(3, 5))]),
        case('SELU_boundary', Mod('SELU'), [T('train', b())]),
        case('SELU_inplace', Mod('SELU', True)),
        case('CELU', Mod('CELU', 0.5), [T('train', leaf(3, 5))]),
        case('CELU_default_boundary', Mod('CELU'), [T('train', b())]),
        case('CELU_inplace', Mod('CELU', 2.0, inplace=True)),
        case('LogSigmoid', Mod('LogSigmoid'), [T('train', leaf(3, 5, scale=10))]),
        case('LogSigmoid_boundary', Mod('LogSigmoid'), [T('train', b())]),
        case('Softmin', Mod('Softmin', 1), [T('train', leaf(3, 5))]),
        case('Softmin_none', Mod('Softmin')),
        case('Softsign', Mod('Softsign'), [T('train', b())]),
        case('Hardswish', Mod('Hardswish'), [T('train', b())]),
        case('Hardswish_rand', Mod('Hardswish', inplace=False), [T('train', leaf(3, 5))]),
        case('Hardswish_inplace', Mod('Hardswish', True)),
        case('Hardsigmoid', Mod('Hardsigmoid'), [T('train', b())]),
        case('Hardsigmoid_inplace', Mod('Hardsigmoid', inplace=True)),
        case('Softshrink', Mod('Softshrink'), [T('train', b())]),
        case('Softshrink_lambd', Mod('Softshrink', 1.5), [T('train', b())]),
        case('Softshrink_nan_fwd', Mod('Softshrink'), [T('train', torch.tensor([float('nan'), 0.2, -0.2, 0.7, -0.7]))]),
        case('Hardshrink_nan_fwd', Mod('Hardshrink'), [T('train', torch.tensor([float('nan'), 0.2, -0.2, 0.7, -0.7]))]),
        case('Hardshrink', Mod('Hardshrink'), [T('train', b())]),
        case('Hardshrink_lambd', Mod('Hardshrink', lambd=2.0), [T('train', b())]),
        case('Tanhshrink', Mod('Tanhshrink'), [T('train', leaf(3, 5))]),
        case('Threshold', Mod('Threshold', 0.5, 20.0), [T('train', b())]),
        case('Threshold_inplace', Mod('Threshold', -1.0, 0.0, True)),
        case('Threshold_inplace_fwd', Mod('Threshold', 0.0, -2.5, inplace=True), [T('train', randn(3, 5, rg=False))]),
        case('GLU', Mod('GLU'), [T('train', leaf(3, 6))]),
        case('GLU_dim1', Mod('GLU', 1), [T('train', leaf(2, 4, 3))]),
        case('SELU_inplace_fwd', Mod('SELU', inplace=True), [T('train', randn(3, 5, rg=False))]),
        case('Hardswish_inplace_fwd', Mod('Hardswish', inplace=True), [T('train', randn(3, 5, rg=False) * 3)]),
    ]


def rnn_cases():
    # nonlinearity by keyword: 1.13's RNN.__init__ passes a positional 4th argument on as `bias`
    # (2.1 takes it as nonlinearity; the TypeScript follows 2.1, tested in rnn-extra.test.ts).
    return [
        case('RNN', Mod('RNN', 4, 5), [T('train', randn(6, 3, 4))], seed=40),
        case('RNN_relu_2layer_batch_first_h0', Mod('RNN', 4, 5, 2, nonlinearity='relu', batch_first=True), [T('train', randn(3, 6, 4), randn(2, 3, 5))], seed=41),
        case('RNN_kw_nonlinearity_bidirectional', Mod('RNN', 3, 4, nonlinearity='relu', bidirectional=True), [T('train', randn(5, 2, 3))], seed=42),
        case('RNN_dropout', Mod('RNN', 4, 5, num_layers=3, dropout=0.3), [T('train', randn(4, 2, 4)), T('eval', randn(4, 2, 4))], seed=43),
        case('RNN_nobias_unbatched_h0', Mod('RNN', 4, 5, 1, nonlinearity='tanh', bias=False), [T('train', randn(6, 4), randn(1, 5))], seed=44),
        case('RNNCell', Mod('RNNCell', 4, 5), [T('train', randn(3, 4), randn(3, 5)), T('train', randn(3, 4))], seed=50),
        case('RNNCell_relu_nobias', Mod('RNNCell', 4, 5, False, 'relu'), [T('train', randn(3, 4), randn(3, 5))], seed=51),
        case('RNNCell_unbatched', Mod('RNNCell', 4, 3, nonlinearity='relu'), [T('train', randn(4), randn(3))], seed=52),
        case('LSTMCell', Mod('LSTMCell', 4, 5), [T('train', randn(3, 4), (randn(3, 5), randn(3, 5))), T('train', randn(3, 4))], seed=53),
        case('LSTMCell_nobias_unbatched', Mod('LSTMCell', 3, 4, bias=False), [T('train', randn(3), (randn(4), randn(4)))], seed=54),
        case('GRUCell', Mod('GRUCell', 4, 5), [T('train', randn(3, 4), randn(3, 5)), T('train', randn(3, 4))], seed=55),
        case('GRUCell_nobias_unbatched', Mod('GRUCell', 3, 4, False), [T('train', randn(3), randn(4))], seed=56),
        case('GRUCell_float64', Mod('GRUCell', 3, 4, dtype=torch.float64), [T('train', randn(2, 3).double().detach().requires_grad_(True))], seed=57),
    ]


def pm1(*shape):
    return torch.randint(0, 2, shape, generator=base.G) * 2 - 1


def loss_cases():
    R = lambda *s: torch.rand(*s, generator=base.G)  # noqa: E731
    huber_x = torch.tensor([0.0, 0.5, 1.0, -1.0, 2.0, -0.25, 1.5, -3.0]).requires_grad_(True)
    return [
        case('HuberLoss', Mod('HuberLoss'), [T('train', randn(3, 4), randn(3, 4))]),
        case('HuberLoss_delta_sum_boundary', Mod('HuberLoss', 'sum', 0.5), [T('train', huber_x, torch.zeros(8))]),
        case('HuberLoss_none', Mod('HuberLoss', reduction='none', delta=2.0), [T('train', randn(2, 5), randn(2, 5, rg=False))]),
        case('SoftMarginLoss', Mod('SoftMarginLoss'), [T('train', randn(3, 4), pm1(3, 4).float())]),
        case('SoftMarginLoss_none', Mod('SoftMarginLoss', reduction='none'), [T('train', randn(5), pm1(5).float())]),
        case('MarginRankingLoss', Mod('MarginRankingLoss'), [T('train', randn(6), randn(6), pm1(6).float())]),
        case('MarginRankingLoss_margin_sum', Mod('MarginRankingLoss', 0.5, reduction='sum'), [T('train', randn(6), randn(6), pm1(6).float())]),
        case('HingeEmbeddingLoss', Mod('HingeEmbeddingLoss'), [T('train', randn(3, 4), pm1(3, 4).float())]),
        case('HingeEmbeddingLoss_margin_none', Mod('HingeEmbeddingLoss', margin=2.0, reduction='none'), [T('train', randn(7), pm1(7).float())]),
        case('CosineEmbeddingLoss', Mod('CosineEmbeddingLoss'), [T('train', randn(4, 5), randn(4, 5), pm1(4).float())]),
        case('CosineEmbeddingLoss_margin_1d', Mod('CosineEmbeddingLoss', 0.2, reduction='sum'), [T('train', randn(5), randn(5), torch.tensor(-1.0))]),
        case('CosineEmbeddingLoss_none', Mod('CosineEmbeddingLoss', margin=-0.5, reduction='none'), [T('train', randn(6, 3), randn(6, 3), pm1(6).float())]),
        case('TripletMarginLoss', Mod('TripletMarginLoss'), [T('train', randn(4, 5), randn(4, 5), randn(4, 5))]),
        case('TripletMarginLoss_p1_swap', Mod('TripletMarginLoss', 0.5, 1.0, swap=True, reduction='none'), [T('train', randn(4, 5), randn(4, 5), randn(4, 5))]),
        case('TripletMarginLoss_p3', Mod('TripletMarginLoss', margin=2.0, p=3.0, eps=1e-3), [T('train', randn(3, 4), randn(3, 4), randn(3, 4))]),
        case('GaussianNLLLoss', Mod('GaussianNLLLoss'), [T('train', randn(4, 3), randn(4, 3), (R(4, 3) + 0.1).requires_grad_(True))]),
        case('GaussianNLLLoss_full_homoscedastic', Mod('GaussianNLLLoss', full=True, reduction='sum'), [T('train', randn(4, 3), randn(4, 3), (R(4) + 0.1).requires_grad_(True))]),
        case('GaussianNLLLoss_clamped_none', Mod('GaussianNLLLoss', eps=0.3, reduction='none'), [T('train', randn(2, 3), randn(2, 3), R(2, 1).requires_grad_(True))]),
        case('PoissonNLLLoss', Mod('PoissonNLLLoss'), [T('train', randn(3, 4), torch.poisson(R(3, 4) * 4, generator=base.G))]),
        case('PoissonNLLLoss_full_nolog', Mod('PoissonNLLLoss', False, True, reduction='sum'), [T('train', (R(3, 4) * 3 + 0.1).requires_grad_(True), torch.poisson(R(3, 4) * 4, generator=base.G))]),
        case('PoissonNLLLoss_eps_none', Mod('PoissonNLLLoss', log_input=False, eps=0.5, reduction='none'), [T('train', (R(5) * 2).requires_grad_(True), torch.tensor([0.0, 1.0, 2.0, 5.0, 3.0]))]),
        case('PoissonNLLLoss_legacy', Mod('PoissonNLLLoss', size_average=False), [T('train', randn(3), torch.tensor([0.0, 1.0, 4.0]))]),
        case('PairwiseDistance', Mod('PairwiseDistance'), [T('train', randn(4, 5), randn(4, 5))]),
        case('PairwiseDistance_p1_keepdim', Mod('PairwiseDistance', 1.0, 1e-3, True), [T('train', randn(3, 5), randn(1, 5))]),
        case('CosineSimilarity', Mod('CosineSimilarity'), [T('train', randn(4, 5), randn(4, 5))]),
        case('CosineSimilarity_dim0', Mod('CosineSimilarity', 0, eps=1e-3), [T('train', randn(4, 3), randn(4, 3))]),
    ]


def shape_cases():
    return [
        case('ZeroPad2d', Mod('ZeroPad2d', 1), [T('train', randn(1, 2, 3, 3))]),
        case('ZeroPad2d_tuple_negative', Mod('ZeroPad2d', (1, -1, 0, 2)), [T('train', randn(2, 3, 4))]),
        case('ConstantPad1d', Mod('ConstantPad1d', 2, 3.5), [T('train', randn(2, 3, 4))]),
        case('ConstantPad1d_tuple', Mod('ConstantPad1d', (0, 3), -1.0), [T('train', randn(3, 4))]),
        case('ConstantPad2d', Mod('ConstantPad2d', (1, 0, 2, 1), 0.5), [T('train', randn(1, 2, 3, 3))]),
        case('ReflectionPad1d', Mod('ReflectionPad1d', 2), [T('train', randn(2, 3, 5))]),
        case('ReflectionPad1d_tuple_unbatched', Mod('ReflectionPad1d', (3, 1)), [T('train', randn(2, 4))]),
        case('ReflectionPad2d', Mod('ReflectionPad2d', (1, 2, 2, 0)), [T('train', randn(1, 2, 4, 4))]),
        case('ReplicationPad1d', Mod('ReplicationPad1d', (3, 1)), [T('train', randn(2, 3, 4))]),
        case('ReplicationPad2d', Mod('ReplicationPad2d', 2), [T('train', randn(1, 2, 3, 3))]),
        case('ConstantPad3d', Mod('ConstantPad3d', (1, 0, 0, 2, 1, 1), -0.5), [T('train', randn(1, 2, 2, 3, 2))]),
        case('ReflectionPad3d', Mod('ReflectionPad3d', 1), [T('train', randn(1, 2, 2, 3, 3))]),
        case('ReplicationPad3d', Mod('ReplicationPad3d', (2, 0, 1, 1, 0, 1)), [T('train', randn(2, 2, 3, 2))]),
        case('Upsample_nearest', Mod('Upsample', scale_factor=2), [T('train', randn(1, 2, 3, 3))]),
        case('Upsample_bilinear_size', Mod('Upsample', (5, 4), mode='bilinear'), [T('train', randn(1, 2, 3, 3))]),
        case('Upsample_bilinear_align', Mod('Upsample', scale_factor=(2.0, 1.5), mode='bilinear', align_corners=True), [T('train', randn(1, 1, 3, 4))]),
        case('Upsample_linear_1d', Mod('Upsample', None, 3, 'linear'), [T('train', randn(2, 2, 4))]),
        case('PixelShuffle', Mod('PixelShuffle', 2), [T('train', randn(2, 8, 2, 3))]),
        case('PixelShuffle_3d', Mod('PixelShuffle', 3), [T('train', randn(9, 2, 2))]),
        case('PixelUnshuffle', Mod('PixelUnshuffle', 2), [T('train', randn(1, 2, 4, 6))]),
        case('AvgPool1d', Mod('AvgPool1d', 3), [T('train', randn(2, 3, 8))]),
        case('AvgPool1d_stride_pad', Mod('AvgPool1d', 3, 2, 1, count_include_pad=False), [T('train', randn(2, 3, 8))]),
        case('AvgPool1d_ceil_unbatched', Mod('AvgPool1d', 2, stride=2, ceil_mode=True), [T('train', randn(3, 7))]),
        case('AdaptiveAvgPool1d', Mod('AdaptiveAvgPool1d', 3), [T('train', randn(2, 3, 8))]),
        case('Dropout3d', Mod('Dropout3d', 0.4), [T('train', randn(2, 5, 2, 3, 2)), T('eval', randn(2, 5, 2, 3, 2))], seed=60),
        case('Dropout3d_unbatched', Mod('Dropout3d'), [T('train', randn(6, 2, 2, 2))], seed=61),
        case('AdaptiveAvgPool1d_unbatched', Mod('AdaptiveAvgPool1d', 5), [T('train', randn(2, 7))]),
    ]


def error_cases():
    x = lambda *s: torch.zeros(*s)  # noqa: E731
    return [
        err_case('PReLU_channel_mismatch', Mod('PReLU', 3), ((x(2, 4, 5),), {})),
        err_case('CELU_alpha_zero', Mod('CELU', 0.0), ((x(2, 3),), {})),
        err_case('PReLU_weight_2d_input_0d', Mod('PReLU', 2), ((torch.tensor(1.0),), {})),
        err_case('GLU_odd', Mod('GLU'), ((x(2, 5),), {})),
        err_case('GLU_scalar', Mod('GLU'), ((torch.tensor(1.0),), {})),
        err_case('Softshrink_negative', Mod('Softshrink', -0.5), ((x(2, 5),), {})),
        err_case('Threshold_missing', Mod('Threshold', 0.5)),
        # `v2_1`: PyTorch 2.1's exception where 1.13's differs, written by hand from 2.1's
        # torch/nn/modules/rnn.py (RNN.__init__ names the choices; the forwards check dims with
        # ValueErrors instead of 1.13's asserts / ATen errors).
        dict(err_case('RNN_bad_nonlinearity', Mod('RNN', 4, 5, nonlinearity='gelu')), v2_1={'type': 'ValueError', 'message': "Unknown nonlinearity 'gelu'. Select from 'tanh' or 'relu'."}),
        err_case('RNN_proj_size', Mod('RNN', 4, 5, proj_size=2)),
        err_case('RNN_input_size', Mod('RNN', 4, 5), ((x(3, 2, 6),), {})),
        dict(err_case('RNN_input_4d', Mod('RNN', 4, 5), ((x(3, 2, 6, 1),), {})), v2_1={'type': 'ValueError', 'message': 'RNN: Expected input to be 2D or 3D, got 4D tensor instead'}),
        err_case('RNN_hidden_size', Mod('RNN', 4, 5, 2), ((x(3, 2, 4), x(1, 2, 5)), {})),
        dict(err_case('RNNCell_input_3d', Mod('RNNCell', 4, 5), ((x(3, 2, 4),), {})), v2_1={'type': 'ValueError', 'message': 'RNNCell: Expected input to be 1D or 2D, got 3D instead'}),
        dict(err_case('RNNCell_hidden_3d', Mod('RNNCell', 4, 5), ((x(3, 4), x(1, 3, 5)), {})), v2_1={'type': 'ValueError', 'message': 'RNNCell: Expected hidden to be 1D or 2D, got 3D instead'}),
        err_case('RNNCell_input_size', Mod('RNNCell', 4, 5), ((x(3, 6),), {})),
        err_case('RNNCell_batch', Mod('RNNCell', 4, 5), ((x(3, 4), x(2, 5)), {})),
        err_case('RNNCell_hidden_size', Mod('RNNCell', 4, 5), ((x(3, 4), x(3, 6)), {})),
        err_case('RNNCell_unknown_nonlinearity', Mod('RNNCell', 4, 5, nonlinearity='gelu'), ((x(3, 4),), {})),
        err_case('LSTMCell_hx1_size', Mod('LSTMCell', 4, 5), ((x(3, 4), (x(3, 5), x(3, 4))), {})),
        dict(err_case('LSTMCell_hx_3d', Mod('LSTMCell', 4, 5), ((x(3, 4), (x(3, 5), x(1, 3, 5))), {})), v2_1={'type': 'ValueError', 'message': 'LSTMCell: Expected hx[1] to be 1D or 2D, got 3D instead'}),
        dict(err_case('GRUCell_input_3d', Mod('GRUCell', 4, 5), ((x(1, 3, 4),), {})), v2_1={'type': 'ValueError', 'message': 'GRUCell: Expected input to be 1D or 2D, got 3D instead'}),
        err_case('MarginRankingLoss_dims', Mod('MarginRankingLoss'), ((x(3), x(3), x(3, 1)), {})),
        err_case('CosineEmbeddingLoss_2d_target', Mod('CosineEmbeddingLoss'), ((x(3, 2), x(3, 2), x(3, 1)), {})),
        err_case('CosineEmbeddingLoss_1d_target_1d_inputs', Mod('CosineEmbeddingLoss'), ((x(3), x(3), x(3)), {})),
        err_case('CosineEmbeddingLoss_0d_target_2d_inputs', Mod('CosineEmbeddingLoss'), ((x(3, 2), x(3, 2), torch.tensor(1.0)), {})),
        dict(err_case('TripletMarginLoss_dims', Mod('TripletMarginLoss'), ((x(3, 2), x(3, 2), x(2)), {})), v2_1={'type': 'RuntimeError', 'message': 'The anchor, positive, and negative tensors are expected to have the same number of dimensions, but got: anchor 2D, positive 2D, and negative 1D inputs'}),
        err_case('GaussianNLLLoss_var_size', Mod('GaussianNLLLoss'), ((x(3, 2), x(3, 2), x(2, 2)), {})),
        err_case('GaussianNLLLoss_var_negative', Mod('GaussianNLLLoss'), ((x(3, 2), x(3, 2), -torch.ones(3, 2)), {})),
        err_case('HuberLoss_bad_reduction', Mod('HuberLoss', 'avg'), ((x(3), x(3)), {})),
        err_case('HuberLoss_size_warning', Mod('HuberLoss'), ((x(3, 1), x(3)), {})),
        err_case('SoftMarginLoss_legacy', Mod('SoftMarginLoss', reduce=False)),
        err_case('PixelShuffle_channels', Mod('PixelShuffle', 2), ((x(1, 6, 2, 2),), {})),
        err_case('PixelShuffle_2d', Mod('PixelShuffle', 2), ((x(4, 2),), {})),
        err_case('PixelUnshuffle_height', Mod('PixelUnshuffle', 2), ((x(1, 1, 3, 4),), {})),
        err_case('PixelUnshuffle_width', Mod('PixelUnshuffle', 2), ((x(1, 1, 4, 3),), {})),
        err_case('ReflectionPad1d_too_big', Mod('ReflectionPad1d', 3), ((x(1, 2, 3),), {})),
        err_case('Softmin_implicit_dim', Mod('Softmin'), ((x(2, 5),), {})),
    ]


FAMILIES = {'activation': activation_cases, 'rnn': rnn_cases, 'loss': loss_cases, 'shape': shape_cases}


def main():
    warnings.simplefilter('ignore')
    os.makedirs(base.OUT, exist_ok=True)
    for fam, fn in FAMILIES.items():
        cases = fn()
        path = os.path.join(base.OUT, f'extra_{fam}.json')
        with open(path, 'w') as f:
            json.dump({'torch': torch.__version__, 'cases': cases}, f, separators=(',', ':'))
        print(fam, len(cases), os.path.getsize(path))
    path = os.path.join(base.OUT, 'extra_errors.json')
    with open(path, 'w') as f:
        json.dump({'torch': torch.__version__, 'cases': error_cases()}, f, indent=1)


if __name__ == '__main__':
    main()
