/** `mx.autograd`: recording scopes and `backward` over NDArrays. */
export { record, pause, train_mode, predict_mode, is_recording, is_training, set_recording, set_training } from './state.js';
export { backward, mark_variables } from './variables.js';
