/**
 * Tensor printing against PyTorch 1.13's `repr`/`str` (tooling/goldens/gen_torch_nn.py): each
 * case rebuilds the tensor from the golden's data and dtype and compares the text exactly.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as torch from './index.js';
import { nn, Tensor } from './index.js';
import { loadFixture } from './testing/golden.js';

interface Case {
  name: string;
  dtype?: string;
  shape?: number[];
  data?: (number | boolean | string)[];
  requires_grad?: boolean;
  parameter?: boolean;
  op?: string;
  repr: string;
  str?: string;
}
const cases = loadFixture<{ cases: Case[] }>('tensor_str.json').cases;

const decode = (v: number | boolean | string): number | boolean =>
  v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : (v as number | boolean);

function build(c: Case): Tensor {
  const flat = c.data!.map(decode);
  const t = torch.tensor(flat as number[], { dtype: c.dtype as torch.DTypeName }).reshape(c.shape!);
  if (c.parameter) return new nn.Parameter(t);
  if (c.requires_grad) t.requires_grad_(true);
  return t;
}

const OPTIONS: Record<string, torch.SetPrintOptions> = {
  precision_2: { precision: 2 },
  sci_forced: { precision: 2, sci_mode: true },
  linewidth_40: { linewidth: 40 },
};

afterEach(() => torch.set_printoptions({ profile: 'default' }));

describe('tensor printing matches PyTorch', () => {
  for (const c of cases) {
    it(c.name, () => {
      if (OPTIONS[c.name]) torch.set_printoptions(OPTIONS[c.name]);
      if (c.op) {
        const x = torch.tensor([1, 2], { dtype: 'float32', requires_grad: true });
        const y = c.op === 'mul2' ? x.mul(2) : c.op === 'add1' ? x.add(1) : x.sum();
        expect(String(y)).toBe(c.repr);
        return;
      }
      const t = build(c);
      expect(String(t)).toBe(c.repr);
      expect(t.toString()).toBe(c.str);
    });
  }
});
