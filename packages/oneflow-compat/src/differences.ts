/**
 * Every difference between the torch-compat (PyTorch 2.1) and oneflow-compat (OneFlow 1.0)
 * surfaces, found by running both: `nn` layer classes and methods present in one only
 * (namespace and prototype walks), and defaults, reprs, behaviours and error texts that differ (probes that do the same
 * thing on each surface and describe the outcome). Only probes whose outcomes differ become
 * rows, so the table in README.md (generated from this, checked by a test) stays true.
 */
import * as torch from '@nncompat/torch-compat';
import { Tensor as CoreTensor } from '@nncompat/core';
import * as flow from './index.js';

/** One row of the table. */
export interface DifferenceRow {
  kind: 'class' | 'method' | 'default' | 'repr' | 'behaviour' | 'error';
  subject: string;
  torch: string;
  oneflow: string;
}

type Api = 'torch' | 'oneflow';

/** Python's private API that the surfaces expose on purpose (other `_x` names are internals). */
const PRIVATE_API = new Set([
  '_apply', '_load_from_state_dict', '_save_to_state_dict', '_named_members', '_register_state_dict_hook',
  '_register_load_state_dict_pre_hook', '_get_name', '_shallow_repr', '_call_impl', '_replicate_for_data_parallel',
]);

function publicNames(proto: object | null, stop: object | null): Set<string> {
  const out = new Set<string>();
  for (let p = proto; p && p !== stop && p !== Object.prototype && p !== Function.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of Object.getOwnPropertyNames(p)) {
      if (k === 'constructor') continue;
      if (k.startsWith('_') && !k.startsWith('__') && !PRIVATE_API.has(k)) continue;
      out.add(k);
    }
  }
  return out;
}

const protoOf = (c: unknown): object => (c as { prototype: object }).prototype;

/** Class pairs whose method sets are compared; `stop` leaves out what the base already compares. */
function classPairs(): [string, object, object | null, object, object | null][] {
  const tM = protoOf(torch.nn.Module);
  const fM = protoOf(flow.nn.Module);
  return [
    ['nn.Module', tM, null, fM, null],
    ['nn.ParameterDict', protoOf(torch.nn.ParameterDict), tM, protoOf(flow.nn.ParameterDict), fM],
    ['nn.ParameterList', protoOf(torch.nn.ParameterList), tM, protoOf(flow.nn.ParameterList), fM],
    ['nn.ModuleDict', protoOf(torch.nn.ModuleDict), tM, protoOf(flow.nn.ModuleDict), fM],
    ['nn.ModuleList', protoOf(torch.nn.ModuleList), tM, protoOf(flow.nn.ModuleList), fM],
    ['nn.Sequential', protoOf(torch.nn.Sequential), tM, protoOf(flow.nn.Sequential), fM],
    ['Tensor', protoOf(CoreTensor), null, protoOf(flow.Tensor), null],
  ];
}

function methodRows(): DifferenceRow[] {
  const rows: DifferenceRow[] = [];
  for (const [name, tp, tstop, fp, fstop] of classPairs()) {
    const t = publicNames(tp, tstop);
    const f = publicNames(fp, fstop);
    for (const k of [...new Set([...t, ...f])].sort()) {
      if (t.has(k) !== f.has(k)) rows.push({ kind: 'method', subject: `${name}.${k}`, torch: t.has(k) ? 'yes' : '—', oneflow: f.has(k) ? 'yes' : '—' });
    }
  }
  return rows;
}

/** Public `nn` module classes of a namespace (values whose prototype chain reaches `base`). */
function moduleClasses(ns: object, base: unknown): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(ns)) {
    // torch-compat's `…Impl` classes are its own implementation helpers, not PyTorch names.
    if (k.startsWith('_') || k.endsWith('Impl') || typeof v !== 'function') continue;
    if ((v as { prototype?: unknown }).prototype instanceof (base as new () => object)) out.add(k);
  }
  return out;
}

/** `nn` layer classes one surface has and the other has not (OneFlow 1.0 lacks several of PyTorch's). */
function classRows(): DifferenceRow[] {
  const t = moduleClasses(torch.nn, torch.nn.Module);
  const f = moduleClasses(flow.nn, flow.nn.Module);
  return [...new Set([...t, ...f])].sort().filter((k) => t.has(k) !== f.has(k))
    .map((k) => ({ kind: 'class' as const, subject: `nn.${k}`, torch: t.has(k) ? 'yes' : '—', oneflow: f.has(k) ? 'yes' : '—' }));
}

/** `Name: message` of what `fn` throws, or `returns <value>`. */
function outcome(fn: () => unknown): string {
  try {
    const v = fn();
    return `returns ${v === undefined ? 'None' : String(v)}`;
  } catch (e) {
    const err = e as Error;
    return `${err.name}: ${err.message}`;
  }
}

interface Probe {
  kind: DifferenceRow['kind'];
  subject: string;
  run: (api: Api) => string;
}

const T = torch;
const F = flow;
const linear = (api: Api): torch.nn.Module | flow.nn.Module => (api === 'torch' ? new T.nn.Linear(2, 2) : new F.nn.Linear(2, 2));
const params = (api: Api): Iterable<CoreTensor> => linear(api).parameters() as Iterable<CoreTensor>;
const group = (o: { param_groups: Record<string, unknown>[] }, key: string): string => String(o.param_groups[0]![key]);

const PROBES: Probe[] = [
  {
    kind: 'default', subject: 'Module.zero_grad() after backward',
    run: (api) => {
      const m = linear(api) as flow.nn.Linear;
      (m(F.ones(1, 2)) as CoreTensor).sum().backward();
      m.zero_grad();
      return m.weight.grad === null ? 'grads set to None (set_to_none=True)' : `grads zeroed in place (set_to_none=False): ${JSON.stringify(m.weight.grad.tolist())}`;
    },
  },
  {
    kind: 'behaviour', subject: 'Module.state_dict() values',
    run: (api) => {
      const m = linear(api) as flow.nn.Linear;
      const w = m.state_dict().get('weight');
      return w === m.weight ? 'the Parameter objects themselves' : `detached tensors (${(w as CoreTensor).constructor === CoreTensor ? 'Tensor' : 'subclass'}, requires_grad=${(w as CoreTensor).requires_grad ? 'True' : 'False'})`;
    },
  },
  {
    kind: 'behaviour', subject: 'state_dict()._metadata of a subclass with _version = 2',
    run: (api) => {
      const base = api === 'torch' ? T.nn.Module : F.nn.Module;
      const Sub = class extends (base as typeof flow.nn.Module) {
        static _version = 2;
      };
      const meta = new Sub().state_dict()._metadata!.get('') as Map<string, unknown>;
      return `{'version': ${String(meta.get('version'))}}`;
    },
  },
  { kind: 'default', subject: 'optim.SGD lr', run: (api) => outcome(() => group(api === 'torch' ? new T.optim.SGD(params(api)) : new F.optim.SGD(params(api)), 'lr')) },
  { kind: 'default', subject: 'optim.RMSprop lr', run: (api) => outcome(() => group(api === 'torch' ? new T.optim.RMSprop(params(api)) : new F.optim.RMSprop(params(api)), 'lr')) },
  { kind: 'default', subject: 'optim.Adagrad lr', run: (api) => outcome(() => group(api === 'torch' ? new T.optim.Adagrad(params(api)) : new F.optim.Adagrad(params(api)), 'lr')) },
  { kind: 'default', subject: 'optim.Adam lr', run: (api) => outcome(() => group(api === 'torch' ? new T.optim.Adam(params(api)) : new F.optim.Adam(params(api)), 'lr')) },
  { kind: 'default', subject: 'optim.AdamW weight_decay', run: (api) => outcome(() => group(api === 'torch' ? new T.optim.AdamW(params(api)) : new F.optim.AdamW(params(api)), 'weight_decay')) },
  {
    kind: 'behaviour', subject: 'repr(Parameter([1.]))',
    run: (api) => String(api === 'torch' ? new T.nn.Parameter(T.tensor([1], { dtype: T.float32 })) : new F.nn.Parameter(F.tensor([1], { dtype: F.float32 }))),
  },
  { kind: 'behaviour', subject: 'repr(tensor([1.5]))', run: (api) => String(api === 'torch' ? T.tensor([1.5]) : F.tensor([1.5])) },
  {
    kind: 'behaviour', subject: 'named_modules(None, "", False) with a child registered twice',
    run: (api) => {
      const r = api === 'torch' ? new T.nn.ReLU() : new F.nn.ReLU();
      const seq = api === 'torch' ? new T.nn.Sequential(r as torch.nn.Module, r as torch.nn.Module) : new F.nn.Sequential(r as flow.nn.Module, r as flow.nn.Module);
      return JSON.stringify([...(seq.named_modules as (...a: unknown[]) => Iterable<[string]>)(null, '', false)].map(([n]) => n));
    },
  },
  {
    kind: 'behaviour', subject: 'ParameterDict({"a": tensor})',
    run: (api) => outcome(() => {
      const pd = api === 'torch' ? new T.nn.ParameterDict({ a: T.ones(1) }) : new F.nn.ParameterDict({ a: F.ones(1) as never });
      return (pd as unknown as { _parameters: Map<string, unknown> })._parameters.get('a')!.constructor.name;
    }),
  },
  {
    kind: 'behaviour', subject: 'load_state_dict({"weight": nested list, …})',
    run: (api) => outcome(() => {
      const m = linear(api);
      (m.load_state_dict as (sd: unknown) => unknown)({ weight: [[1, 2], [3, 4]], bias: [0, 0] });
      return JSON.stringify((m as flow.nn.Linear).weight.tolist());
    }),
  },
  {
    kind: 'error', subject: 'assigning a tensor to a parameter attribute',
    run: (api) => outcome(() => {
      (linear(api) as unknown as Record<string, unknown>).weight = api === 'torch' ? T.ones(2, 2) : F.ones(2, 2);
    }),
  },
  {
    kind: 'error', subject: 'register_buffer(name, 3)',
    run: (api) => outcome(() => (linear(api).register_buffer as (n: string, t: unknown) => void)('b', 3)),
  },
  { kind: 'error', subject: 'add_module(name, 3)', run: (api) => outcome(() => (linear(api).add_module as (n: string, m: unknown) => void)('x', 3)) },
  { kind: 'error', subject: 'get_submodule("missing")', run: (api) => outcome(() => linear(api).get_submodule('missing')) },
  { kind: 'error', subject: 'Module()() without forward', run: (api) => outcome(() => (api === 'torch' ? new T.nn.Module() : new F.nn.Module())()) },
  { kind: 'error', subject: 'Module.to(int32)', run: (api) => outcome(() => (linear(api).to as (d: unknown) => unknown)(api === 'torch' ? T.int32 : F.int32)) },
  { kind: 'error', subject: 'Module.cuda()', run: (api) => outcome(() => linear(api).cuda()) },
  {
    kind: 'error', subject: 'load_state_dict with a wrong shape',
    run: (api) => outcome(() => (linear(api).load_state_dict as (sd: unknown) => unknown)({ weight: T.ones(3, 2), bias: T.ones(2) })),
  },
  {
    kind: 'error', subject: 'ParameterDict: reading a missing key',
    run: (api) => outcome(() => (api === 'torch' ? new T.nn.ParameterDict() : new F.nn.ParameterDict()).__getitem__('missing')),
  },
  { kind: 'repr', subject: 'nn.Softplus()', run: (api) => String(api === 'torch' ? new T.nn.Softplus() : new F.nn.Softplus()) },
  { kind: 'repr', subject: 'nn.Hardtanh()', run: (api) => String(api === 'torch' ? new T.nn.Hardtanh() : new F.nn.Hardtanh()) },
  { kind: 'repr', subject: 'nn.SiLU(inplace=True)', run: (api) => String(api === 'torch' ? new T.nn.SiLU(true) : new F.nn.SiLU(true)) },
  { kind: 'repr', subject: 'nn.Mish(inplace=True)', run: (api) => String(api === 'torch' ? new T.nn.Mish(true) : new F.nn.Mish(true)) },
  { kind: 'repr', subject: 'nn.MaxPool1d(2)', run: (api) => String(api === 'torch' ? new T.nn.MaxPool1d(2) : new F.nn.MaxPool1d(2)) },
  { kind: 'repr', subject: 'nn.ConvTranspose2d(2, 4, 3)', run: (api) => String(api === 'torch' ? new T.nn.ConvTranspose2d(2, 4, 3) : new F.nn.ConvTranspose2d(2, 4, 3)) },
  {
    kind: 'behaviour', subject: 'nn.ReLU6() is an nn.Hardtanh',
    run: (api) => ((api === 'torch' ? new T.nn.ReLU6() instanceof T.nn.Hardtanh : new F.nn.ReLU6() instanceof F.nn.Hardtanh) ? 'True' : 'False'),
  },
  {
    kind: 'behaviour', subject: 'nn.Hardtanh(inplace=True)(x): x afterwards',
    run: (api) => {
      const x = api === 'torch' ? T.tensor([-2, 0.5, 3]) : F.tensor([-2, 0.5, 3]);
      const m = api === 'torch' ? new T.nn.Hardtanh({ inplace: true }) : new F.nn.Hardtanh({ inplace: true });
      (m as unknown as (t: CoreTensor) => CoreTensor)(x);
      return JSON.stringify(x.tolist());
    },
  },
  {
    kind: 'behaviour', subject: 'nn.BCEWithLogitsLoss(pos_weight=t).state_dict() keys',
    run: (api) => JSON.stringify([...(api === 'torch' ? new T.nn.BCEWithLogitsLoss(null, { pos_weight: T.ones(2) }) : new F.nn.BCEWithLogitsLoss({ pos_weight: F.ones(2) })).state_dict().keys()]),
  },
  {
    kind: 'behaviour', subject: "nn.Conv1d(1, 1, 4, padding='same') on length 8: output length",
    run: (api) => outcome(() => {
      const conv = api === 'torch' ? new T.nn.Conv1d(1, 1, 4, { padding: 'same' }) : new F.nn.Conv1d(1, 1, 4, { padding: 'same' });
      return (conv as unknown as (x: CoreTensor) => CoreTensor)(api === 'torch' ? T.ones(1, 1, 8) : F.ones(1, 1, 8)).shape[2];
    }),
  },
  {
    kind: 'error', subject: 'nn.LSTM(3, 0)',
    run: (api) => outcome(() => String(api === 'torch' ? new T.nn.LSTM(3, 0) : new F.nn.LSTM(3, 0))),
  },
  {
    kind: 'error', subject: 'nn.GRU(3, 4, num_layers=0)',
    run: (api) => outcome(() => String(api === 'torch' ? new T.nn.GRU(3, 4, { num_layers: 0 }) : new F.nn.GRU(3, 4, { num_layers: 0 }))),
  },
  {
    kind: 'error', subject: 'ParameterDict.update(1)',
    run: (api) => outcome(() => ((api === 'torch' ? new T.nn.ParameterDict() : new F.nn.ParameterDict()).update as (x: unknown) => void)(1)),
  },
  {
    kind: 'error', subject: 'ParameterList.extend(1)',
    run: (api) => outcome(() => ((api === 'torch' ? new T.nn.ParameterList() : new F.nn.ParameterList()).extend as (x: unknown) => void)(1)),
  },
];

/** The rows: class and method differences first, then the probes whose outcomes differ. */
export function surfaceDifferences(): DifferenceRow[] {
  const rows = [...classRows(), ...methodRows()];
  for (const p of PROBES) {
    const t = p.run('torch');
    const f = p.run('oneflow');
    if (t !== f) rows.push({ kind: p.kind, subject: p.subject, torch: t, oneflow: f });
  }
  return rows;
}

function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, '⏎').replace(/</g, '&lt;');
}

/**
 * The README table.
 *
 * @example
 * ```ts
 * console.log(differencesMarkdown()); // | kind | subject | torch-compat … |
 * ```
 */
export function differencesMarkdown(): string {
  const lines = [
    '| kind | subject | torch-compat (PyTorch 2.1) | oneflow-compat (OneFlow 1.0) |',
    '| --- | --- | --- | --- |',
    ...surfaceDifferences().map((r) => `| ${r.kind} | ${cell(r.subject)} | ${cell(r.torch)} | ${cell(r.oneflow)} |`),
  ];
  return `${lines.join('\n')}\n`;
}
