/**
 * `dynamic_axes` for traced graphs. The tracer records concrete shapes (view reshapes, gather
 * offsets, divisors of means are constants), so a graph is only valid for other sizes of a dim if
 * nothing in it depends on that size. This pass proves it by difference: the function is traced
 * twice, at the example sizes and with every dynamic dim one larger; the two graphs must have the
 * same nodes and attributes. Constants that differ are allowed in one case only: the target shape
 * of a `Reshape` that differs in exactly one entry, which becomes `-1` (ONNX infers it). Any other
 * difference means an op pins the dim, and the export fails naming that op and its kernel.
 */
import { NotImplementedError, ValueError } from '@nncompat/core';
import type { OnnxDim, OnnxModel, OnnxNode, OnnxTensor, OnnxValueInfo } from '../onnx/proto.js';

/** `dynamic_axes` as torch.onnx.export takes it: a list of dims, or dims with symbolic names. */
export type DynamicAxes = Readonly<Record<string, readonly number[] | Readonly<Record<number, string>>>>;

/** Dim index → symbolic name, per input/output name (torch's names for the list form). */
export type DynamicDims = ReadonlyMap<string, ReadonlyMap<number, string>>;

/**
 * Validates `dynamic_axes` against the graph's names and ranks; list entries get torch's
 * generated names (`<name>_dynamic_axes_<k>`, k from 1, as torch/onnx/utils.py
 * `_validate_dynamic_axes` names them).
 */
export function normalizeDynamicAxes(dynamicAxes: DynamicAxes, ranks: ReadonlyMap<string, number>): Map<string, Map<number, string>> {
  if (typeof dynamicAxes !== 'object' || dynamicAxes === null || Array.isArray(dynamicAxes)) {
    throw new TypeError("'dynamic_axes' must be an object mapping input/output names to dims");
  }
  const out = new Map<string, Map<number, string>>();
  for (const [name, spec] of Object.entries(dynamicAxes)) {
    const rank = ranks.get(name);
    if (rank === undefined) {
      // torch only warns here; the key has no effect.
      console.warn(`Provided key ${name} for dynamic axes is not a valid input/output name`);
      continue;
    }
    const dims = new Map<number, string>();
    const entries: [number, string][] = Array.isArray(spec)
      ? (spec as readonly number[]).map((d, k) => [d, `${name}_dynamic_axes_${k + 1}`])
      : Object.entries(spec as Record<string, string>).map(([d, n]) => [Number(d), n]);
    for (const [d, n] of entries) {
      if (!Number.isInteger(d) || d < 0 || d >= rank) throw new ValueError(`dynamic_axes['${name}']: dim ${d} is out of range for a tensor of rank ${rank}`);
      if (typeof n !== 'string' || n === '') throw new TypeError(`dynamic_axes['${name}']: the name of dim ${d} must be a non-empty string`);
      dims.set(d, n);
    }
    if (dims.size > 0) out.set(name, dims);
  }
  return out;
}

const attrText = (n: OnnxNode): string =>
  JSON.stringify(n.attributes ?? {}, (_k, v: unknown) => (v instanceof Uint8Array ? Array.from(v) : v));

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function describe(nodes: readonly OnnxNode[], kernels: readonly (string | undefined)[], i: number): string {
  const n = nodes[i]!;
  const k = kernels[i];
  return `ONNX '${n.opType}' (node ${n.name ?? i}${k ? `, from kernel '${k}'` : ''})`;
}

/** The Reshape target with the one changing entry set to -1, or null when that rule does not apply. */
function inferredReshape(a: OnnxTensor, b: OnnxTensor, consumers: readonly { node: OnnxNode; slot: number }[]): Uint8Array | null {
  if (consumers.length === 0 || consumers.some((c) => c.node.opType !== 'Reshape' || c.slot !== 1)) return null;
  if (a.dims.length !== 1 || b.dims.length !== 1 || a.dims[0] !== b.dims[0] || a.rawData.length !== b.rawData.length) return null;
  const va = new BigInt64Array(a.rawData.slice().buffer);
  const vb = new BigInt64Array(b.rawData.slice().buffer);
  const changed = [...va.keys()].filter((i) => va[i] !== vb[i]);
  if (changed.length !== 1 || va.includes(-1n)) return null;
  va[changed[0]!] = -1n;
  return new Uint8Array(va.buffer);
}

function symbolic(info: OnnxValueInfo, other: OnnxValueInfo, names: ReadonlyMap<number, string> | undefined, changedName: (j: number) => string): OnnxValueInfo {
  const dims = info.dims?.map((d, j): OnnxDim => names?.get(j) ?? (d !== other.dims?.[j] ? changedName(j) : d)) ?? null;
  return { ...info, dims };
}

/**
 * Merges the graph traced at the example sizes (`a`) with the one traced with every dynamic dim
 * grown (`b`) into one graph with symbolic dims, or raises NotImplementedError naming the op that
 * depends on a dynamic dim's size. `kernels[i]` names the kernel that added node i.
 */
export function mergeDynamic(a: OnnxModel, b: OnnxModel, kernels: readonly (string | undefined)[], dims: DynamicDims): OnnxModel {
  const ga = a.graph;
  const gb = b.graph;
  const pinned = (what: string): never => {
    throw new NotImplementedError(`dynamic_axes: ${what}, so the exported graph would only be valid for the example's size of a dynamic dim (${[...dims].map(([n, d]) => `${n}: [${[...d.keys()].join(', ')}]`).join('; ')})`);
  };
  const count = Math.min(ga.nodes.length, gb.nodes.length);
  for (let i = 0; i < count; i++) {
    const na = ga.nodes[i]!;
    const nb = gb.nodes[i]!;
    if (na.opType !== nb.opType || na.inputs.join('|') !== nb.inputs.join('|') || na.outputs.join('|') !== nb.outputs.join('|')) {
      pinned(`the traced ops change with the size (${describe(ga.nodes, kernels, i)} became '${nb.opType}')`);
    }
    if (attrText(na) !== attrText(nb)) pinned(`the attributes of ${describe(ga.nodes, kernels, i)} depend on it`);
  }
  if (ga.nodes.length !== gb.nodes.length) pinned(`the number of traced ops changes with the size (${ga.nodes.length} vs ${gb.nodes.length})`);

  const consumers = new Map<string, { node: OnnxNode; slot: number; index: number }[]>();
  ga.nodes.forEach((node, index) => node.inputs.forEach((v, slot) => {
    const list = consumers.get(v) ?? [];
    list.push({ node, slot, index });
    consumers.set(v, list);
  }));
  const byName = new Map(gb.initializers.map((t) => [t.name, t]));
  const initializers = ga.initializers.map((t) => {
    const u = byName.get(t.name);
    if (!u) return pinned(`constant '${t.name}' exists only at the example size`);
    if (t.dims.join(',') === u.dims.join(',') && sameBytes(t.rawData, u.rawData)) return t;
    const users = consumers.get(t.name ?? '') ?? [];
    const reshaped = inferredReshape(t, u, users);
    if (reshaped) return { ...t, rawData: reshaped };
    const who = users.map((c) => describe(ga.nodes, kernels, c.index)).join(', ') || 'no node';
    return pinned(`${who} uses constant '${t.name}', whose value depends on the size (a shape, slice offsets or a divisor)`);
  });

  const inputs = ga.inputs.map((v, i) => symbolic(v, gb.inputs[i]!, dims.get(v.name), (j) => pinned(`input '${v.name}' dim ${j} changed without being listed`)));
  const outputs = ga.outputs.map((v, i) => symbolic(v, gb.outputs[i]!, dims.get(v.name), (j) => `${v.name}_dim_${j}`));
  return { ...a, graph: { ...ga, inputs, outputs, initializers } };
}
