// Golden conformance of the core ops in fixtures/ops/nn.json against real PyTorch 1.13.
import { describe } from 'vitest';
import { replayTopic } from './golden.js';

describe('PyTorch goldens: nn', () => replayTopic('nn'));
