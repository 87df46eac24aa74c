import { alpha as referenceAlpha } from 'krippendorff';
import {
  agreementReport,
  alphaBootstrap,
  krippendorffAlpha,
  reliabilityData,
  seededRandom,
  type CellValue,
} from '../../shared/agreement/index.ts';
import type { Benchmark } from './harness.ts';

/** Units × coders of categories 0–9, 70 % of values on the unit's "true" category, 10 % missing. */
function simulate(units: number, coders: number, categories: number, seed: number): CellValue[][] {
  const random = seededRandom(seed);
  return Array.from({ length: units }, () => {
    const truth = Math.floor(random() * categories);
    return Array.from({ length: coders }, () => {
      if (random() < 0.1) return null;
      return String(random() < 0.7 ? truth : Math.floor(random() * categories));
    });
  });
}

const large = simulate(100_000, 5, 10, 2024);
const small = reliabilityData(simulate(5_000, 5, 10, 2025));

export const benchmarks: readonly Benchmark[] = [
  {
    name: 'agreement: all coefficients, 100 000 units × 5 coders × 10 categories, 10 % missing (from strings)',
    targetMs: 300,
    run: () => agreementReport(large, { level: 'ordinal' }),
  },
  {
    name: 'agreement: α bootstrap, 1 000 resamples, 5 000 units × 5 coders',
    targetMs: 2000,
    runs: 5,
    warmup: 1,
    run: () => alphaBootstrap(small, 'nominal', { samples: 1000, seed: 1 }),
  },
];

/** Same data through the `krippendorff` package on npm: same value? how much slower? */
export function notes(): string[] {
  const byRater = Array.from({ length: 5 }, (_, c) =>
    large.map((row) => (row[c] === null ? undefined : Number(row[c]))),
  );
  let start = performance.now();
  const ours = krippendorffAlpha(reliabilityData(large), 'nominal').value!;
  const oursMs = performance.now() - start;
  start = performance.now();
  const theirs = referenceAlpha(byRater);
  const theirsMs = performance.now() - start;
  return [
    `nominal α on the 100 000-unit data: kodtau ${ours} (${oursMs.toFixed(1)} ms, from strings), ` +
      `krippendorff@0.1.0 ${theirs} (${theirsMs.toFixed(0)} ms)`,
    `difference ${Math.abs(ours - theirs).toExponential(2)}; kodtau is ${(theirsMs / oursMs).toFixed(0)}× faster`,
  ];
}
