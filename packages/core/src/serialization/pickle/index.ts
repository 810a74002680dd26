export { Unpickler, loads, type UnpicklerOptions, type Py2StringEncoding } from './unpickler.js';
export { Pickler, dumps, type PicklerOptions, type PickleReduction, type Reducible } from './pickler.js';
export { OrderedDict } from './ordered-dict.js';
export { FrozenSet, PickledObject, PyByteArray, PyFloat, isList, isTuple, tuple, type PickledObjectKind } from './values.js';
export {
  defineGlobal, globalPath, isPickleGlobal, NEWOBJ_GLOBAL, ORDERED_DICT_GLOBAL, PYTHON_DATA_GLOBALS,
  type PickleGlobal, type PickleGlobalImpl,
} from './globals.js';
export { UnpicklingError, WeightsOnlyUnpicklingError } from './errors.js';
export { WEIGHTS_ONLY_OPCODES, WEIGHTS_ONLY_UNSAFE_MESSAGE, weightsOnlyMessages } from './weights-only.js';
export { pyTypeName, pyTypeRepr } from './pyrepr.js';
export { HIGHEST_PROTOCOL } from './opcodes.js';
