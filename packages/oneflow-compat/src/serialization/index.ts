/** `oneflow.save` / `oneflow.load` and the module-class registry for whole pickled modules. */
export { save, type SaveOptions, PROTOCOL_VERSION, ONEFLOW_MAGIC_KEY } from './save.js';
export { load, unpickle, type LoadOptions, type MapLocation } from './load.js';
export { register_module_class, registeredModuleClasses, qualifiedName } from './registry.js';
export { NumpyArray, NumpyDType } from './numpy.js';
export { writeMeta, parseMeta, type VariableMeta } from './meta.js';
