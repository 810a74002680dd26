/**
 * PyTorch's `weights_only=True` unpickler policy (torch/_weights_only_unpickler.py, 2.1 era):
 * the opcodes it accepts, and its error texts as `torch.load` raises them, i.e. wrapped in
 * `pickle.UnpicklingError(UNSAFE_MESSAGE + str(e))` (torch/serialization.py).
 */
import { Op } from './opcodes.js';

/** torch.serialization.load's UNSAFE_MESSAGE (1.13 through 2.3), verbatim, missing space included. */
export const WEIGHTS_ONLY_UNSAFE_MESSAGE =
  'Weights only load failed. Re-running `torch.load` with `weights_only` set to `False`' +
  ' will likely succeed, but it can result in arbitrary code execution.' +
  'Do it only if you get the file from a trusted source. WeightsUnpickler error: ';

/** The opcodes torch 2.1's weights-only Unpickler.load handles; any other is "Unsupported operand". */
export const WEIGHTS_ONLY_OPCODES: ReadonlySet<number> = new Set<number>([
  Op.GLOBAL, Op.NEWOBJ, Op.REDUCE, Op.BUILD, Op.APPEND, Op.APPENDS, Op.SETITEM, Op.SETITEMS,
  Op.MARK, Op.TUPLE, Op.TUPLE1, Op.TUPLE2, Op.TUPLE3, Op.NONE, Op.NEWFALSE, Op.NEWTRUE,
  Op.EMPTY_TUPLE, Op.EMPTY_LIST, Op.EMPTY_DICT, Op.EMPTY_SET, Op.BININT, Op.BININT1, Op.BININT2,
  Op.BINFLOAT, Op.BINUNICODE, Op.SHORT_BINSTRING, Op.BINPERSID, Op.BINGET, Op.LONG_BINGET,
  Op.BINPUT, Op.LONG_BINPUT, Op.LONG1, Op.PROTO, Op.STOP,
  // protocols 3–5
  Op.BINBYTES, Op.SHORT_BINBYTES, Op.SHORT_BINUNICODE, Op.BINUNICODE8, Op.BINBYTES8,
  Op.ADDITEMS, Op.FROZENSET, Op.NEWOBJ_EX, Op.STACK_GLOBAL, Op.MEMOIZE, Op.FRAME, Op.BYTEARRAY8,
]);

/** The texts of the RuntimeErrors the weights-only unpickler raises (before the UNSAFE prefix). */
export const weightsOnlyMessages = {
  unsupportedClass: (fullPath: string): string => `Unsupported class ${fullPath}`,
  unsupportedOperand: (code: number): string => `Unsupported operand ${code}`,
  instantiate: (cls: string): string => `Trying to instantiate unsupported class ${cls}`,
  reduce: (func: string): string => `Trying to call reduce for unrecognized function ${func}`,
  build: (typeRepr: string): string => `Can only build Tensor, parameter or dict objects, but got ${typeRepr}`,
  append: (typeRepr: string): string => `Can only append to lists, but got ${typeRepr}`,
  extend: (typeRepr: string): string => `Can only extend lists, but got ${typeRepr}`,
  persistentStorage: (first: string): string => `Only persistent_load of storage is allowed, but got ${first}`,
} as const;
