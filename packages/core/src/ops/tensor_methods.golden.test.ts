// Golden conformance of the Tensor methods in fixtures/ops/tensor_methods.json (written by
// tooling/goldens/gen_tensor_methods.py from real PyTorch 1.13): values, dtypes, shapes,
// view-or-copy, gradients and error texts.
import { describe } from 'vitest';
import { replayTopic } from '../conformance/golden.js';

describe('PyTorch goldens: tensor methods', () => replayTopic('tensor_methods'));
