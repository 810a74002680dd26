/** Framework-neutral module machinery shared by torch-compat, oneflow-compat and gluon-compat. */
import './tensor-data.js';

export { OrderedDict } from './ordered-dict.js';
export { Parameter, is_lazy } from './parameter.js';
export { AttrStore } from './attr-store.js';
export { registerHook, type HookDict, type RegisterHookOptions } from './hook-store.js';
export { walkModules, walkMembers, joinName, type WalkOptions, type MemberWalkOptions } from './walk.js';
export { ModuleBase, RAW, SELF, type NamedMembersOptions, type NamedModulesOptions } from './module-base.js';
export {
  set_printoptions, get_printoptions, PRINT_OPTS, tensorRepr, tensorValuesStr, formatFixed, formatExp,
  type PrintOptions, type SetPrintOptions,
} from '../format/index.js';
export { addIndent, moduleRepr, type ReprChild } from './module-repr.js';
export {
  setattrRegistering, checkMemberName, checkAddModule, storeBuffer, moduleDirNames, trainTree, requiresGradTree,
  type RegistrationRules, type RegisteringModule, type TrainableModule,
} from './registration.js';
export {
  emptyStateDict, recordLocalMetadata, runStateDictHooks, persistentMembers, collectUnexpectedKeys, stateDictCopy, localMetadataFor, raiseLoadErrors,
  type StateDictHookLike,
} from './state-dict.js';
export { renumberStore, insertShifting, appendNumbered, getOrKeyError, deleteOrKeyError } from './container-store.js';
export { embeddingPaddingIdx, checkEmbeddingWeight, embeddingExtraRepr, type EmbeddingLike } from './embedding.js';
export { registerRnnWeights, type RnnWeightLayout, type RnnWeightsOwner } from './rnn-weights.js';
