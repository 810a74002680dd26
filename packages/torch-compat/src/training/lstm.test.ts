// 2-layer LSTM trajectories replayed against gen_training.py's PyTorch goldens.
import { lstmProblem } from './models.test-helpers.js';
import { describeTrajectories } from './trajectory.test-helpers.js';

describeTrajectories('lstm', lstmProblem);
