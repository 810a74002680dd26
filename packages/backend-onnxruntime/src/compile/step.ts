/**
 * `compileStep(step)`: runs a whole training step (forward, loss, backward, optimizer update:
 * any function of tensors that updates tensors in place) as one onnxruntime session.
 *
 * The first call of each input signature runs eagerly (the optimizer creates its state); the
 * second and third are traced while they run eagerly; when both traces give the same graph,
 * later calls run that graph. Tensors the step reads but did not make (parameters, buffers,
 * optimizer state) are fed from their storages on every call, and those the step wrote in place
 * are written back, so eager and compiled calls can be mixed freely.
 */
import { hostConstantEpoch, random, RuntimeError, Tensor, type DType, type HostArray } from '@nncompat/core';
import { setReadObserver } from '../backend.js';
import { boundaryFeed, boundaryOf, fromBoundaryData, toBoundaryData } from '../exec/dtypes.js';
import { denseData } from '../exec/materialize.js';
import { ONNXRUNTIME, setKernelObserver } from '../exec/plan.js';
import { defaultIntraOpThreads, withProductLayout } from '../exec/session_options.js';
import { markStale } from '../exec/stale.js';
import { encodeModel } from '../onnx/proto.js';
import { OrtSession, type OrtSessionOptions, type OrtValue } from '../ort/binding.js';
import type { InitializerData } from '../onnx/graph_builder.js';
import { elideOutputIdentities } from './elide_identities.js';
import { Tracer, TraceError, type External } from './tracer.js';

/** Options of {@link compileStep}. */
export interface CompileStepOptions {
  /** Opset of the default domain (default 17). */
  opset_version?: number;
  /** Options of the session that runs the step (default: onnxruntime's thread count, spin-waiting on). */
  session_options?: OrtSessionOptions;
  /**
   * Plain values the step uses besides tensors. Numbers a step reads are constants of its graph:
   * when what `guard` returns changes (compared as JSON), the step is traced again. Optimizer
   * hyperparameters need no guard: torch-compat's param groups report every write (an lr
   * scheduler's step included) and compiled steps retrace after one. Example: `() => model.training`.
   */
  guard?: () => unknown;
}

/** What a step returns: a tensor, a list of tensors, or nothing. */
export type StepResult = Tensor | readonly Tensor[] | void;

/** A compiled step: call it like the original. */
export interface CompiledStep<R extends StepResult> {
  (...inputs: Tensor[]): R;
  /** Calls so far that ran the compiled graph (the others ran eagerly, some of them traced). */
  readonly compiledCalls: number;
  /** The ONNX bytes of the graph for the last signature that was compiled, or null. */
  readonly model: Uint8Array | null;
  /** Releases the sessions. */
  dispose(): void;
}

/** A draw from a generator the traced call made (dropout masks, rand): see core's random.setDrawObserver. */
interface Draw {
  kind: string;
  result: HostArray;
  replay: (() => HostArray) | null;
}

interface Trace {
  tracer: Tracer;
  draws: Draw[];
  /** The model before externals and outputs are declared: two traces must give the same bytes. */
  body: Uint8Array;
  result: StepResult;
}

interface Program {
  session: OrtSession;
  model: Uint8Array;
  inputNames: readonly string[];
  /** Storages fed on every call, by graph input name. */
  state: { name: string; storage: HostArray; dtype: DType; shape: readonly number[] }[];
  /** Storages written back after every call, by graph output name. */
  writeBack: { name: string; storage: HostArray; dtype: DType }[];
  results: { name: string; dtype: DType; shape: readonly number[] }[];
  /** Every draw of the step, replayed in order on each call (the generator advances as eagerly). */
  draws: (() => HostArray)[];
  /** Graph inputs fed from a call's draws, by draw index. */
  randomFeeds: { name: string; draw: number; dtype: DType; shape: readonly number[] }[];
  /** How the step's result is shaped: one tensor, a list, or nothing. */
  form: 'one' | 'list' | 'none';
}

interface Entry {
  calls: number;
  first: Trace | null;
  program: Program | null;
  /** Set once this signature was refused: later calls raise it again without running. */
  refused: TraceError | null;
}

/**
 * Every core, with onnxruntime's spin-waiting left on (its default): a step is one large graph
 * called back to back, unlike the per-kernel sessions, which turn spinning off because they
 * mostly wait between calls.
 */
const STEP_DEFAULT_OPTIONS: OrtSessionOptions = Object.freeze({
  intraOpNumThreads: defaultIntraOpThreads(),
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
});

function signatureOf(inputs: readonly Tensor[], guard: unknown): string {
  const ins = inputs.map((t, i) => {
    if (!(t instanceof Tensor)) throw new TypeError(`compileStep: input ${i} must be a tensor`);
    if (t.backend !== ONNXRUNTIME) throw new RuntimeError(`compileStep: input ${i} is on '${t.device}'; move inputs and the model to 'onnxruntime'`);
    return `${t.dtype.name}[${t.shape.join(',')}]`;
  });
  return `${ins.join(';')}|${guard === undefined ? '' : JSON.stringify(guard)}`;
}

function resultList(r: StepResult, where: string): Tensor[] {
  if (r === undefined) return [];
  const list = r instanceof Tensor ? [r] : Array.isArray(r) ? [...(r as readonly Tensor[])] : null;
  if (!list || list.some((t) => !(t instanceof Tensor))) throw new TraceError(`compileStep: ${where} must return a tensor, an array of tensors, or nothing`);
  return list;
}

/** Runs `step` eagerly while tracing it. Effects apply; a trace failure is raised after the step finished. */
function traceCall(step: (...inputs: Tensor[]) => StepResult, inputs: readonly Tensor[], options: CompileStepOptions): Trace {
  const tracer = new Tracer({ externals: 'inputs', throwOnFail: false, ...(options.opset_version === undefined ? {} : { opsetVersion: options.opset_version }) });
  // Graph inputs own their storage: the step gets contiguous copies.
  const fed = inputs.map((t) => t.detach().contiguous().clone());
  fed.forEach((t, i) => tracer.addBoundaryInput(`input_${i}`, t));
  const draws: Draw[] = [];
  const prevObserver = setKernelObserver(tracer);
  const prevDraws = random.setDrawObserver({ drew: (kind, result, replay) => draws.push({ kind, result, replay }) });
  setReadObserver((s) => tracer.onRead(s));
  let result: StepResult;
  try {
    result = step(...fed);
  } finally {
    setKernelObserver(prevObserver);
    random.setDrawObserver(prevDraws);
    setReadObserver(null);
  }
  if (tracer.failure) {
    // The cause's stack points at the read or kernel that broke the trace.
    throw new TraceError(`${tracer.failure.message} (this call ran eagerly and its updates were applied; the step cannot be compiled)`, { cause: tracer.failure });
  }
  const body = encodeModel(tracer.g.toModel());
  return { tracer, draws, body, result };
}

/** The first few values of a snapshot, for error messages. */
function preview(v: HostArray): string {
  const head = Array.from(v.subarray(0, 4) as ArrayLike<number>, (n) => Number(n).toPrecision(4));
  return `[${head.join(', ')}${v.length > 4 ? ', …' : ''}]`;
}

/** The stack frames of a trace-time stack that are not this package's or core's dispatch. */
function userFrames(stack: string): string {
  const frames = stack.split('\n').slice(1).filter((l) => !/backend-onnxruntime|\/core\/(dist|src)\/(tensor|ops\/elementwise)/.test(l));
  return frames.slice(0, 6).join('\n');
}

function sameSnapshot(a: External, b: External): boolean {
  if (a.dtype !== b.dtype || a.snapshot.length !== b.snapshot.length) return false;
  for (let i = 0; i < a.snapshot.length; i++) if (!Object.is(a.snapshot[i], b.snapshot[i])) return false;
  return true;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Checks that two traces of consecutive calls agree and turns the second into a program. */
function buildProgram(a: Trace, b: Trace, inputCount: number, options: CompileStepOptions): Program {
  const ea = a.tracer.externals;
  const eb = b.tracer.externals;
  if (ea.length !== eb.length || !sameBytes(a.body, b.body)) {
    throw new TraceError(
      'compileStep: two consecutive calls of the step ran different kernels or constants, so no single graph replays it ' +
        '(numbers computed on the host from tensors, e.g. a step count turned into a bias correction, or control flow that depends on the call); ' +
        'make those values tensors or keep them fixed',
    );
  }
  if (a.draws.length !== b.draws.length || a.draws.some((d, i) => d.kind !== b.draws[i]!.kind)) {
    throw new TraceError(
      `compileStep: two consecutive calls drew different random numbers (${a.draws.map((d) => d.kind).join(', ') || 'none'} vs ${b.draws.map((d) => d.kind).join(', ') || 'none'}); a compiled call replays one fixed sequence of draws`,
    );
  }
  const unreplayable = b.draws.find((d) => d.replay === null);
  if (unreplayable) {
    throw new TraceError(`compileStep: the step draws '${unreplayable.kind}', which depends on tensor values (Bernoulli with tensor probabilities), so compiled calls could not advance the generator as the eager step does`);
  }
  const drawIndex = (draws: readonly Draw[], storage: HostArray): number => draws.findIndex((d) => d.result === storage);
  const t = b.tracer;
  const g = t.g;
  const state: Program['state'] = [];
  const writeBack: Program['writeBack'] = [];
  const randomFeeds: Program['randomFeeds'] = [];
  eb.forEach((x, i) => {
    const boundary = boundaryOf(x.dtype).onnxType;
    const k = drawIndex(b.draws, x.storage);
    if (ea[i]!.storage === x.storage) {
      g.addInput(x.name, boundary, x.shape);
      state.push({ name: x.name, storage: x.storage, dtype: x.dtype, shape: x.shape });
      if (t.written.has(x.storage)) {
        const out = `${x.name}_out`;
        t.addBoundaryOutput(out, t.currentValue(x.storage)!, x.dtype, x.shape);
        writeBack.push({ name: out, storage: x.storage, dtype: x.dtype });
      }
    } else if (k >= 0 && drawIndex(a.draws, ea[i]!.storage) === k) {
      // A random tensor drawn by the step itself (a dropout mask): each call feeds its own draw.
      g.addInput(x.name, boundary, x.shape);
      randomFeeds.push({ name: x.name, draw: k, dtype: x.dtype, shape: x.shape });
    } else if (sameSnapshot(ea[i]!, x)) {
      // A constant the step makes anew on each call (a scalar operand, a fixed mask).
      g.addInitializer(x.name, toBoundaryData(x.dtype, x.snapshot) as InitializerData, x.shape, boundary);
    } else {
      throw new TraceError(
        `compileStep: the step reads a tensor of ${x.storage.length} element(s) (${x.dtype.name}; first values ${preview(ea[i]!.snapshot)} on one call, ${preview(x.snapshot)} on the next) made on the host during the call whose values change from call to call ` +
          '(data built from .item()/.tolist(), state replaced each call instead of updated in place, or a random tensor drawn on another device and moved: ' +
          "draw it on 'onnxruntime', as dropout of an onnxruntime tensor does); such a step cannot run as one graph. First read at:\n" + userFrames(x.origin),
      );
    }
  });
  const outs = resultList(b.result, 'the step');
  const results = outs.map((r, i) => {
    const name = `output_${i}`;
    const v = t.view({ storage: r._storage.handle, dtype: r.dtype, shape: r.shape, strides: r._strides, offset: r._offset });
    t.addBoundaryOutput(name, v, r.dtype, r.shape);
    return { name, dtype: r.dtype, shape: [...r.shape] };
  });
  // Everything else this trace made is not updated by compiled calls.
  const returned = new Set(outs.map((r) => r._storage.handle as HostArray));
  markStale([...t.created].filter((s) => !returned.has(s)));
  const model = encodeModel(elideOutputIdentities(g.toModel()));
  const session = new OrtSession(model, withProductLayout(options.session_options ?? STEP_DEFAULT_OPTIONS));
  const form: Program['form'] = b.result === undefined ? 'none' : b.result instanceof Tensor ? 'one' : 'list';
  const draws = b.draws.map((d) => d.replay!);
  return { session, model, inputNames: Array.from({ length: inputCount }, (_, i) => `input_${i}`), state, writeBack, results, draws, randomFeeds, form };
}

function runProgram(p: Program, inputs: readonly Tensor[]): StepResult {
  const feeds: Record<string, OrtValue> = {};
  inputs.forEach((t, i) => {
    const info = { storage: t._storage.handle as HostArray, dtype: t.dtype, shape: t.shape, strides: t._strides, offset: t._offset };
    feeds[p.inputNames[i]!] = boundaryFeed(t.dtype, t.shape, denseData(info));
  });
  for (const s of p.state) feeds[s.name] = boundaryFeed(s.dtype, s.shape, s.storage);
  if (p.draws.length > 0) {
    const drawn = p.draws.map((d) => d());
    for (const r of p.randomFeeds) feeds[r.name] = boundaryFeed(r.dtype, r.shape, drawn[r.draw]!);
  }
  const out = p.session.run(feeds);
  for (const w of p.writeBack) {
    // Written after the run: onnxruntime read the old values from these same buffers.
    (w.storage as Float32Array).set(fromBoundaryData(w.dtype, out[w.name]!.data) as Float32Array);
  }
  const results = p.results.map((r) => Tensor.fromHost(fromBoundaryData(r.dtype, out[r.name]!.data), r.shape, r.dtype, ONNXRUNTIME));
  return p.form === 'none' ? undefined : p.form === 'one' ? results[0] : results;
}

/**
 * Compiles a training step into one onnxruntime session. The step is any function of tensors
 * (on the `onnxruntime` backend) that runs the model, the loss, `backward()` and the optimizer:
 * it returns what it wants to read back (usually the loss). Calls 1–3 of each input signature
 * run eagerly (2 and 3 are traced); from the 4th on the graph runs. Parameters, buffers and
 * optimizer state are read from and written back to their tensors on every call, so the model
 * stays usable eagerly (`state_dict`, evaluation, checkpoints).
 *
 * Rules: numbers the step uses are constants of its graph: a write to an optimizer's param
 * group (an lr scheduler) retraces by itself, other values need `guard`. Draws from the generator
 * (dropout masks) are replayed on every call, as the eager step would draw them. Tensors made
 * inside the step and not returned (e.g. `.grad` with `zero_grad(set_to_none=True)`) are not
 * updated by compiled calls, and reading them raises. Host reads inside the step (`.item()`),
 * draws that depend on tensor values and values that change from call to call raise TraceError;
 * the refused call has run eagerly, and later calls of that signature raise the same error at once.
 *
 * @example
 * model.to('onnxruntime');
 * const opt = new torch.optim.SGD(model.parameters(), { lr: 0.01, momentum: 0.9 });
 * const train = compileStep((x: Tensor, y: Tensor) => {
 *   opt.zero_grad();
 *   const loss = F.cross_entropy(model(x), y);
 *   loss.backward();
 *   opt.step();
 *   return loss;
 * });
 * for (const [x, y] of batches) console.log(train(x, y).item());
 */
export function compileStep<R extends StepResult>(step: (...inputs: Tensor[]) => R, options: CompileStepOptions = {}): CompiledStep<R> {
  if (typeof step !== 'function') throw new TypeError("compileStep: 'step' must be a function");
  const entries = new Map<string, Entry>();
  let compiledCalls = 0;
  let lastModel: Uint8Array | null = null;
  let epoch = hostConstantEpoch();
  const clear = (): void => {
    for (const e of entries.values()) e.program?.session.dispose();
    entries.clear();
  };
  const run = (...inputs: Tensor[]): R => {
    // A changed optimizer hyperparameter (noted by torch-compat's param groups) invalidates
    // every graph: they hold the old value as a constant.
    if (hostConstantEpoch() !== epoch) {
      clear();
      epoch = hostConstantEpoch();
    }
    const key = signatureOf(inputs, options.guard?.());
    let e = entries.get(key);
    if (!e) entries.set(key, (e = { calls: 0, first: null, program: null, refused: null }));
    if (e.refused) throw e.refused;
    if (e.program) {
      compiledCalls++;
      return runProgram(e.program, inputs) as R;
    }
    const call = e.calls++;
    if (call === 0) return step(...inputs);
    try {
      const trace = traceCall(step, inputs, options);
      if (call === 1) {
        e.first = trace;
      } else {
        e.program = buildProgram(e.first!, trace, inputs.length, options);
        e.first = null;
        lastModel = e.program.model;
      }
      return trace.result as R;
    } catch (err) {
      if (err instanceof TraceError) {
        e.refused = err;
        e.first = null;
      }
      throw err;
    }
  };
  return Object.defineProperties(run, {
    compiledCalls: { get: () => compiledCalls },
    model: { get: () => lastModel },
    dispose: { value: clear },
  }) as CompiledStep<R>;
}
