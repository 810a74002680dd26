/**
 * Lets graph capture replay the generator. A captured training step (the onnxruntime backend's
 * compileStep) cannot re-run the step's JavaScript, so a dropout mask drawn on the host would be
 * frozen into the graph. Each public fill reports its draw (what it drew, the array it filled,
 * and how to draw again from the same generator with the same arguments); a compiled call then
 * replays the draws in order, which advances the generator exactly as the eager step would and
 * gives the same bits.
 */
import { toDType, type DType, type DTypeName, type HostArray } from '../dtype.js';
import { defaultGenerator, type Generator } from './generator.js';

/** Receives each top-level draw (draws made inside another, like dropout's Bernoulli, are not reported). */
export interface DrawObserver {
  /**
   * `kind` describes the draw (fill, dtype, size, arguments, generator) so two traces can be
   * compared; `replay` draws again into a fresh array, or is null when the draw depends on
   * tensor data (Bernoulli with tensor probabilities) and cannot be replayed.
   */
  drew(kind: string, result: HostArray, replay: (() => HostArray) | null): void;
}

let observer: DrawObserver | null = null;
let depth = 0;

/**
 * Installs (or removes, with null) the draw observer; returns the previous one.
 *
 * @example
 * const draws: string[] = [];
 * const prev = setDrawObserver({ drew: (kind) => draws.push(kind) });
 * rand(3); // draws: ['uniform:float32:3:0:1:default']
 * setDrawObserver(prev);
 */
export function setDrawObserver(o: DrawObserver | null): DrawObserver | null {
  const prev = observer;
  observer = o;
  return prev;
}

/** Names a generator in a draw's kind: the default one, or another (compared by identity). */
export function generatorTag(gen: Generator): string {
  return gen === defaultGenerator ? 'default' : 'custom';
}

/** What a draw is, for comparing two traces: the fill, its dtype, its arguments and generator. */
export interface DrawKind {
  fill: string;
  dtype: DType | DTypeName;
  /** The fill's arguments (bounds, probability, …) as they enter the kind. */
  args: readonly unknown[];
  gen: Generator;
}

/**
 * @internal Runs `fill(out)` and reports it to the observer when it is a top-level draw; the
 * kind is described (`kind()`) only then, so unobserved fills build no strings.
 */
export function observedDraw<T extends HostArray>(kind: () => DrawKind, out: T, fill: (out: T) => T, replayable = true): T {
  depth++;
  let r: T;
  try {
    r = fill(out);
  } finally {
    depth--;
  }
  if (observer !== null && depth === 0) {
    const k = kind();
    const name = `${k.fill}:${toDType(k.dtype).name}:${k.args.join(':')}:${generatorTag(k.gen)}:${out.length}`;
    const fresh = (): HostArray => fill(new (out.constructor as new (n: number) => T)(out.length));
    observer.drew(name, r, replayable ? fresh : null);
  }
  return r;
}
