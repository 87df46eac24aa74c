import { mergeCoderFiles } from '../../shared/merge/index.ts';
import type { Benchmark } from './harness.ts';
import { mergeBenchInput } from './mergeBenchInput.ts';

const { target, files } = mergeBenchInput();

export const benchmarks: readonly Benchmark[] = [
  {
    name: 'merge: 10 coder files × 100 000 codings (parse, schema, SHA-256 check, merge) into an empty project',
    targetMs: 10_000,
    runs: 3,
    warmup: 1,
    run: () => mergeCoderFiles(target, [], files),
  },
];

export function notes(): string[] {
  const mb = files.reduce((sum, f) => sum + f.text.length, 0) / 1e6;
  return [
    `${files.length} files, ${mb.toFixed(0)} MB of JSON in all. The same merge in Chromium: npx tsx test/bench/merge.chromium.ts`,
  ];
}
