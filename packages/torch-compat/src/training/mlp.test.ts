// MLP trajectories (with and without dropout) replayed against gen_training.py's PyTorch goldens.
import { mlpProblem } from './models.test-helpers.js';
import { describeTrajectories } from './trajectory.test-helpers.js';

describeTrajectories('mlp', () => mlpProblem());
describeTrajectories('mlp_dropout', () => mlpProblem(0.25));
