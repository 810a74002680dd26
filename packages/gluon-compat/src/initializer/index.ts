/** `mx.init` / `mx.initializer`. */
export { Initializer, InitDesc } from './initializer.js';
export { Zero, One, Constant, Uniform, Normal, Orthogonal, Xavier, MSRAPrelu } from './initializers.js';
export { register, alias, create, type InitializerSpec, type InitializerClass } from './registry.js';
