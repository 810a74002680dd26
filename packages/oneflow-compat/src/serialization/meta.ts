/**
 * The `meta` file beside each tensor's `out` bytes: a `VariableMetaInfo` message
 * (oneflow/core/framework/variable_meta_info.proto: `required ShapeProto shape = 2;
 * required DataType data_type = 3;`) in protobuf text format, as
 * `text_format.MessageToString` writes it.
 */
import { type DType, RuntimeError } from '@nncompat/core';
import { dtypeFromProto, flowDType } from '../dtype.js';

/** Shape and dtype of a saved tensor. */
export interface VariableMeta {
  shape: number[];
  dtype: DType;
}

/**
 * `text_format.MessageToString(meta_info)`.
 *
 * @example
 * ```ts
 * writeMeta([2, 3], float32); // 'shape {\n  dim: 2\n  dim: 3\n}\ndata_type: kFloat\n'
 * ```
 */
export function writeMeta(shape: readonly number[], dtype: DType): string {
  return `shape {\n${shape.map((d) => `  dim: ${d}\n`).join('')}}\ndata_type: ${flowDType(dtype).protoName}\n`;
}

/**
 * Parses a `meta` file (text format: fields in any order, `#` comments, numeric or named enums).
 *
 * @example
 * ```ts
 * parseMeta('shape {\n  dim: 2\n}\ndata_type: kFloat\n'); // { shape: [2], dtype: float32 }
 * ```
 */
export function parseMeta(text: string): VariableMeta {
  const tokens = text.replace(/#[^\n]*/g, ' ').match(/[{}:]|[^\s{}:]+/g) ?? [];
  let i = 0;
  const shape: number[] = [];
  let dtype: DType | null = null;
  let sawShape = false;
  const fail = (why: string): never => {
    throw new RuntimeError(`invalid oneflow meta file: ${why}`);
  };
  while (i < tokens.length) {
    const field = tokens[i++];
    if (field === 'shape') {
      sawShape = true;
      if (tokens[i] === ':') i++;
      if (tokens[i++] !== '{') fail("expected '{' after shape");
      while (tokens[i] !== '}') {
        if (i >= tokens.length) fail('unterminated shape');
        if (tokens[i++] !== 'dim' || tokens[i++] !== ':') fail('expected dim: <int> in shape');
        const v = Number(tokens[i++]);
        if (!Number.isInteger(v) || v < 0) fail(`bad dim ${tokens[i - 1]}`);
        shape.push(v);
      }
      i++;
    } else if (field === 'data_type') {
      if (tokens[i++] !== ':') fail("expected ':' after data_type");
      const t = tokens[i++]!;
      try {
        dtype = dtypeFromProto(/^\d+$/.test(t) ? Number(t) : t);
      } catch (e) {
        fail((e as Error).message);
      }
    } else {
      fail(`unknown field '${field}'`);
    }
  }
  if (!sawShape) fail('missing required field shape');
  if (dtype === null) fail('missing required field data_type');
  return { shape, dtype: dtype! };
}
