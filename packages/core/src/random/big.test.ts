import { describe, expect, it } from 'vitest';
import { b64, loadFixture } from './fixtures.js';
import { Generator } from './generator.js';
import { normalFill } from './normal.js';
import { randperm } from './randperm.js';
import { uniformFill } from './uniform.js';

interface BigFx {
  seed: number; randperm5000: number[]; rand4099_sum: number; rand4099_last: number[];
  randn4099_sum: number; randn4099_last: number[]; state_after: string;
}
const fx = loadFixture<BigFx>('big.json');

const sum = (a: Float32Array): number => a.reduce((s, v) => s + v, 0);

describe('larger draws', () => {
  it('randperm(5000), rand(4099), randn(4099) after manual_seed(7) match PyTorch', () => {
    const g = new Generator().manual_seed(fx.seed);
    expect(Array.from(randperm(5000, g))).toStrictEqual(fx.randperm5000);
    const u = uniformFill(new Float32Array(4099), 'float32', 0, 1, g);
    expect(Array.from(u.subarray(4099 - 16))).toStrictEqual(fx.rand4099_last);
    expect(Math.abs(sum(u) - fx.rand4099_sum)).toBeLessThan(1e-9);
    const n = normalFill(new Float32Array(4099), 'float32', 0, 1, g);
    expect(Array.from(n.subarray(4099 - 32))).toStrictEqual(fx.randn4099_last);
    expect(Math.abs(sum(n) - fx.randn4099_sum)).toBeLessThan(1e-9);
    expect(g.get_state()).toEqual(b64(fx.state_after));
  });

});
