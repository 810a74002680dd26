import { describe } from 'vitest';
import { logSoftmaxConfig } from './LogSoftmax.js';
import { replayGoldens } from './heavy.testutil.js';

describe('LogSoftmax goldens (PyTorch 1.13 CPU)', () => {
  replayGoldens('softmax', logSoftmaxConfig);
});
