/**
 * `torch.nn.utils`: gradient clipping and parameter/vector conversion.
 *
 * @example
 * import { nn } from '@nncompat/torch-compat';
 * nn.utils.clip_grad_norm_(model.parameters(), 1.0);
 * const vec = nn.utils.parameters_to_vector(model.parameters());
 */
export * from './clip_grad.js';
export * from './convert_parameters.js';
