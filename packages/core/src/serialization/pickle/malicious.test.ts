import { describe, expect, it } from 'vitest';
import { fixture, fixtureJson } from '../zip/fixtures.test-util.js';
import { checkValue, type Tagged } from './golden.test-util.js';
import {
  OrderedDict, PickledObject, UnpicklingError, WEIGHTS_ONLY_UNSAFE_MESSAGE, WeightsOnlyUnpicklingError,
  defineGlobal, loads, type PickleGlobal,
} from './index.js';

interface MaliciousCase { file: string; torch113_weights_only_error: string; inert: Tagged }
const cases = fixtureJson<{ cases: MaliciousCase[] }>('pickle', 'malicious.json').cases;

/**
 * What torch 2.1 says where torch 1.13 (which recorded the fixtures) stopped earlier: 1.13's
 * weights-only unpickler lacked SHORT_BINUNICODE (140); 2.1 reads it and then meets the global.
 */
const TORCH21_OVERRIDES: Record<string, string> = {
  'malicious_builtins_eval_stack_global.pkl': 'Unsupported class builtins.eval',
};

/** An allow-list whose every entry counts its calls, to prove nothing runs. */
function spiedAllowList(): { globals: PickleGlobal[]; calls: string[] } {
  const calls: string[] = [];
  const globals = [
    defineGlobal('collections', 'OrderedDict', {
      call: () => {
        calls.push('OrderedDict');
        return new OrderedDict();
      },
    }),
    defineGlobal('torch._utils', '_rebuild_tensor_v2', {
      call: () => {
        calls.push('_rebuild_tensor_v2');
        return null;
      },
    }),
  ];
  return { globals, calls };
}

describe('malicious pickles', () => {
  for (const c of cases) {
    it(`${c.file}: rejected under weights_only with torch's message, nothing called`, () => {
      const { globals, calls } = spiedAllowList();
      const persisted: unknown[] = [];
      let err: unknown;
      try {
        loads(fixture('pickle', c.file), { globals, persistentLoad: (p) => persisted.push(p), encoding: 'utf-8' });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(WeightsOnlyUnpicklingError);
      expect(err).toBeInstanceOf(UnpicklingError);
      const message = (err as Error).message;
      const override = TORCH21_OVERRIDES[c.file];
      if (override) expect(message).toBe(WEIGHTS_ONLY_UNSAFE_MESSAGE + override);
      else expect(`UnpicklingError: ${message}`).toBe(c.torch113_weights_only_error);
      // Only the harmless OrderedDict of the state-dict case may have been built before the
      // rejection; no payload reached any function.
      expect(calls.filter((x) => x !== 'OrderedDict')).toEqual([]);
      expect(persisted).toEqual([]);
    });

    it(`${c.file}: inert mode returns placeholders and calls nothing`, () => {
      const { globals, calls } = spiedAllowList();
      const value = loads(fixture('pickle', c.file), { weightsOnly: false, globals });
      checkValue(value, c.inert);
      expect(calls.filter((x) => x !== 'OrderedDict')).toEqual([]);
    });
  }

  it('a placeholder is plain data: reading it again executes nothing either', () => {
    const obj = loads(fixture('pickle', 'malicious_os_system_global_reduce_p2.pkl'), { weightsOnly: false }) as PickledObject;
    expect(obj.toString()).toBe('<os.system object (not executed)>');
    expect(obj.args).toEqual(['echo pwned']);
  });
});
