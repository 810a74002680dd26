/**
 * Removes the Identity nodes that only name graph outputs: the node producing the value writes
 * the output directly. onnxruntime copies for every Identity into a graph output, which for a
 * compiled train step means copying every updated parameter once more per call.
 */
import type { OnnxModel, OnnxNode } from '../onnx/proto.js';

/** The model with output-naming Identity nodes folded into their producers. */
export function elideOutputIdentities(model: OnnxModel): OnnxModel {
  const graph = model.graph;
  const outputs = new Set(graph.outputs.map((o) => o.name));
  const graphInputs = new Set([...graph.inputs.map((i) => i.name), ...graph.initializers.map((t) => t.name)]);
  const producer = new Map<string, number>();
  graph.nodes.forEach((n, i) => n.outputs.forEach((o) => producer.set(o, i)));
  const nodes: (OnnxNode | null)[] = [...graph.nodes];
  const renamed = new Map<string, string>();
  graph.nodes.forEach((n, i) => {
    if (n.opType !== 'Identity' || n.outputs.length !== 1 || !outputs.has(n.outputs[0]!)) return;
    const v = n.inputs[0]!;
    const p = producer.get(v);
    // Graph inputs, initializers, values already renamed once or already outputs keep the copy.
    if (p === undefined || graphInputs.has(v) || outputs.has(v) || renamed.has(v)) return;
    renamed.set(v, n.outputs[0]!);
    const src = nodes[p]!;
    nodes[p] = { ...src, outputs: src.outputs.map((o) => (o === v ? n.outputs[0]! : o)) };
    nodes[i] = null;
  });
  if (renamed.size === 0) return model;
  const kept = nodes.filter((n): n is OnnxNode => n !== null).map((n) =>
    n.inputs.some((x) => renamed.has(x)) ? { ...n, inputs: n.inputs.map((x) => renamed.get(x) ?? x) } : n,
  );
  return { ...model, graph: { ...graph, nodes: kept } };
}
