/** `torch.save` / `torch.load` and the weights_only allow-list controls. */
export { load, add_safe_globals, get_safe_globals, clear_safe_globals, type LoadOptions, type MapLocation } from './load.js';
export { save, saveToBytes, type SaveOptions } from './save.js';
export type { TorchTypeFactories } from './torch-types.js';
