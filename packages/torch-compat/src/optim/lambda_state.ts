/**
 * The state_dict rule LambdaLR and MultiplicativeLR share: their `lr_lambdas` are functions,
 * which are not state (PyTorch stores None for plain functions and never loads them back).
 */
import type { SchedulerStateDict } from './lr_scheduler.js';

/** `state` with one null per lambda in place of the functions. */
export function withNullLambdas(state: SchedulerStateDict, lambdas: readonly unknown[]): SchedulerStateDict {
  state.lr_lambdas = lambdas.map(() => null);
  return state;
}

/** `state` without its `lr_lambdas` entry, to assign onto the scheduler. */
export function withoutLambdas(state: SchedulerStateDict): Omit<SchedulerStateDict, 'lr_lambdas'> {
  const { lr_lambdas: _ignored, ...rest } = state;
  void _ignored;
  return rest;
}
