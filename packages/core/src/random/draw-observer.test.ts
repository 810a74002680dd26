import { describe, expect, it } from 'vitest';
import { manual_seed, rand } from '../index.js';
import { dropoutMask } from './dropout.js';
import { setDrawObserver } from './draw-observer.js';
import { defaultGenerator, Generator } from './generator.js';
import type { HostArray } from '../dtype.js';

describe('draw observer', () => {
  it('reports top-level draws only, and a replay continues the generator exactly as a second eager draw', () => {
    const seen: { kind: string; result: HostArray; replay: (() => HostArray) | null }[] = [];
    manual_seed(7);
    const prev = setDrawObserver({ drew: (kind, result, replay) => seen.push({ kind, result, replay }) });
    let mask: Float32Array;
    try {
      mask = dropoutMask(new Float32Array(40), 'float32', 0.25); // its inner Bernoulli is not reported
      rand(5);
    } finally {
      setDrawObserver(prev);
    }
    expect(seen.map((s) => s.kind)).toEqual(['dropout:float32:0.25:default:40', 'uniform:float32:0:1:default:5']);
    expect(seen[0]!.result).toBe(mask!);
    // Replaying both from the generator's state after them equals drawing them again eagerly.
    const state = defaultGenerator.get_state();
    const replayed = seen.map((s) => s.replay!());
    defaultGenerator.set_state(state);
    const eager = [dropoutMask(new Float32Array(40), 'float32', 0.25), rand(5).dataSync()];
    expect(Array.from(replayed[0]!)).toEqual(Array.from(eager[0]!));
    expect(Array.from(replayed[1]!)).toEqual(Array.from(eager[1]!));
    expect(Array.from(replayed[0]!)).not.toEqual(Array.from(mask!));
  });

  it('names custom generators apart, and marks tensor-probability Bernoulli draws as not replayable', async () => {
    const { bernoulliFill } = await import('./bernoulli.js');
    const seen: [string, boolean][] = [];
    const prev = setDrawObserver({ drew: (kind, _r, replay) => seen.push([kind, replay !== null]) });
    try {
      bernoulliFill(new Float32Array(3), 'float32', 0.5, new Generator().manual_seed(1));
      bernoulliFill(new Float32Array(2), 'float32', { data: new Float32Array([0.1, 0.9]), dtype: 'float32' });
    } finally {
      setDrawObserver(prev);
    }
    expect(seen).toEqual([['bernoulli:float32:0.5:custom:3', true], ['bernoulli:float32:tensor:default:2', false]]);
  });
});
