import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/kodtau.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/agreement/${name}`, import.meta.url));

describe('kodtau plan', () => {
  it('prints the published sample size: 4 equally likely categories, two coders, p = .05, α_min = .800', async () => {
    const { code, out } = await run('plan', '--categories', '4');
    expect(code).toBe(0);
    expect(out).toContain('139 pairable values, that is 70 units coded by each of 2 coders');
    const json = JSON.parse((await run('plan', '--smallest', '.25', '--alpha-min', '.667', '--json')).out);
    expect(json).toEqual({ values: 81, units: 41, alphaMin: 0.667, p: 0.05, smallest: 0.25, coders: 2 });
  });

  it('refuses a level the table does not have, a bad p_c and both inputs at once', async () => {
    expect((await run('plan', '--categories', '4', '--p', '.2')).code).toBe(2);
    expect((await run('plan', '--smallest', '.7')).code).toBe(2);
    expect((await run('plan', '--smallest', '.2', '--categories', '4')).code).toBe(2);
    expect((await run('plan', '--categories', '4', '--alpha-min', '.75')).err).toMatch(/--alpha-min must be/);
  });
});

describe('kodtau agreement --alpha-min', () => {
  it('adds q, the share of bootstrap α below the minimum, and the verdict', async () => {
    const { code, out } = await run(
      'agreement',
      fixture('krippendorff2011.csv'),
      '--alpha-min',
      '.8',
      '--json',
    );
    expect(code).toBe(0);
    const json = JSON.parse(out);
    // α = 113/152 = 0.743 < .800: not established, whatever q is; most bootstrap α lie below .800.
    expect(json.krippendorffAlpha).toBeCloseTo(113 / 152, 12);
    expect(json).toMatchObject({ alphaMin: 0.8, verdict: 'not-established' });
    expect(json.q).toBeGreaterThan(0.5);
    expect(json.alphaCI95).not.toBeNull();
    const text = (await run('agreement', fixture('krippendorff2011.csv'), '--alpha-min', '.667')).out;
    expect(text).toMatch(
      /Against alpha_min = \.667: q = 0\.\d{3} .*: (not established|reliability established)/,
    );
  });

  it('leaves the JSON keys as they were without it', async () => {
    const json = JSON.parse((await run('agreement', fixture('krippendorff2011.csv'), '--json')).out);
    expect(json).not.toHaveProperty('verdict');
    expect(json.alphaCI95).toBeNull();
  });
});
