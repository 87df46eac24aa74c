/** One benchmark: `run` is timed `runs` times after `warmup` untimed runs; it passes when the median meets the target. */
export interface Benchmark {
  readonly name: string;
  /** Target for the median, in milliseconds. */
  readonly targetMs: number;
  readonly runs?: number;
  readonly warmup?: number;
  readonly run: () => unknown;
}

/**
 * A bench module (test/bench/*.bench.ts) exports its benchmarks, and may print notes after them.
 * `measured` gives figures timed elsewhere, e.g. in Chromium, where a run cannot be a Node call.
 */
export interface BenchModule {
  readonly benchmarks?: readonly Benchmark[];
  readonly measured?: () => Promise<readonly BenchResult[]>;
  readonly notes?: () => readonly string[];
}

export interface BenchResult {
  readonly name: string;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly targetMs: number;
  readonly pass: boolean;
}

/** Times one benchmark. */
export function measure(bench: Benchmark): BenchResult {
  for (let i = 0; i < (bench.warmup ?? 2); i++) bench.run();
  const times: number[] = [];
  for (let i = 0; i < (bench.runs ?? 10); i++) {
    const start = performance.now();
    bench.run();
    times.push(performance.now() - start);
  }
  return summarise(bench.name, times, bench.targetMs);
}

/** Median and p95 (nearest rank) of `samples`; passes when the median, and the p95 if it has a target, meet theirs. */
export function summarise(
  name: string,
  samples: readonly number[],
  targetMs: number,
  p95TargetMs = Infinity,
): BenchResult {
  const times = [...samples].sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!;
  const medianMs =
    times.length % 2
      ? times[(times.length - 1) / 2]!
      : (times[times.length / 2 - 1]! + times[times.length / 2]!) / 2;
  const p95Ms = at(0.95);
  return { name, medianMs, p95Ms, targetMs, pass: medianMs <= targetMs && p95Ms <= p95TargetMs };
}

/** The table `npm run bench` prints. */
export function formatResults(results: readonly BenchResult[]): string {
  const width = Math.max(4, ...results.map((r) => r.name.length)) + 2;
  const head = `${'name'.padEnd(width)}${'median ms'.padStart(11)}${'p95 ms'.padStart(10)}${'target ms'.padStart(11)}  pass`;
  const lines = results.map(
    (r) =>
      `${r.name.padEnd(width)}${r.medianMs.toFixed(1).padStart(11)}${r.p95Ms.toFixed(1).padStart(10)}${r.targetMs
        .toFixed(0)
        .padStart(11)}  ${r.pass ? 'yes' : 'NO'}`,
  );
  return [head, '-'.repeat(head.length), ...lines].join('\n');
}
