/** `mx.nd`: the NDArray subset Gluon's parameters need, and `.params` save/load. */
export { NDArray, type NDArrayValue } from './ndarray.js';
export { array, zeros, ones, empty, full, zeros_like, ones_like, type CreationOptions, type NestedNumbers, type ShapeLike } from './creation.js';
export { save, load, load_frombuffer, save_tobytes, type SaveData, type LoadResult } from './io.js';
