import { Worker } from 'node:worker_threads';
import { buildInput, originals, readInput } from './fuzzInput.ts';
import { BYTE_FAULTS, JSON_FAULTS, type Fault } from './mutate.ts';
import { READERS, readerInputs } from './readers.ts';

/** What a worker thread is asked to do: inputs `from`…`to - 1` of one reader. */
export interface WorkerTask {
  readonly reader: string;
  readonly seed: string;
  readonly from: number;
  readonly to: number;
}

/**
 * One input's outcome: `accepted` (read), `own` (refused with the reader's own error), `other`
 * (any other error: a bug), `wrong` (a checksummed file read although its content changed).
 */
export interface InputResult {
  readonly index: number;
  readonly outcome: 'accepted' | 'own' | 'other' | 'wrong';
  readonly ms: number;
  readonly generated: boolean;
  readonly faults: readonly Fault[];
  readonly resigned: boolean;
  readonly detail?: string;
}

export interface ReaderReport {
  readonly name: string;
  readonly label: string;
  tried: number;
  accepted: number;
  own: number;
  other: number;
  /** Inputs not done within the watchdog's limit. */
  hangs: number;
  wrong: number;
  /** Inputs from the grammar (the rest are the demo's and the fixtures' files, mutated). */
  generated: number;
  /** Inputs with at least one fault injected. */
  mutated: number;
  /** Checksummed files whose checksum was recomputed after the fault, as an editor would. */
  resigned: number;
  faults: Record<Fault, number>;
  slowestMs: number;
  /** Wall time of the reader's run, worker start included. */
  seconds: number;
  /** The first few inputs of the bad kinds, to replay (`--reader <name> --from <index> -n 1`). */
  examples: { index: number; outcome: 'other' | 'wrong' | 'hang'; detail: string }[];
}

export interface FuzzOptions {
  /** Inputs per reader. */
  readonly n: number;
  readonly seed?: string;
  readonly readers?: readonly string[];
  /** First input number (to replay one). */
  readonly from?: number;
  /** An input taking longer than this is a hang: its worker is stopped and the next input goes on. */
  readonly hangMs?: number;
  /** Readers fuzzed at once, one worker thread each. */
  readonly concurrency?: number;
  /**
   * Runs the inputs in this thread, one reader after another, without starting workers (which
   * compile the sources anew): for the sample in `npm test`, where the test's own timeout stops
   * a reader caught in a loop. An input slower than `hangMs` still counts as a hang.
   */
  readonly inProcess?: boolean;
  readonly onProgress?: (report: ReaderReport) => void;
}

export interface FuzzReport {
  readonly seed: string;
  readonly n: number;
  readonly hangMs: number;
  readonly startedAt: string;
  readonly seconds: number;
  readonly node: string;
  readonly readers: ReaderReport[];
}

const WORKER = new URL('./worker.mjs', import.meta.url);
/** Compiling the sources in a new thread on a loaded machine; not counted as the reader's time. */
const STARTUP_MS = 180_000;
const MAX_EXAMPLES = 5;
/**
 * A slow input is tried this many times, each in a fresh worker, before it counts as a hang: on
 * two cores shared with other work a damaged workbook that takes a second alone can take five.
 */
const HANG_ATTEMPTS = 3;

function emptyReport(name: string): ReaderReport {
  const faults = Object.fromEntries([...BYTE_FAULTS, ...JSON_FAULTS].map((f) => [f, 0])) as Record<
    Fault,
    number
  >;
  const label = READERS.find((r) => r.name === name)?.label ?? name;
  return {
    name,
    label,
    ...{ tried: 0, accepted: 0, own: 0, other: 0, hangs: 0, wrong: 0, generated: 0, mutated: 0, resigned: 0 },
    faults,
    slowestMs: 0,
    seconds: 0,
    examples: [],
  };
}

function record(report: ReaderReport, result: InputResult): void {
  report.tried++;
  report[result.outcome]++;
  if (result.generated) report.generated++;
  if (result.faults.length > 0) report.mutated++;
  if (result.resigned) report.resigned++;
  for (const fault of result.faults) report.faults[fault]++;
  report.slowestMs = Math.max(report.slowestMs, result.ms);
  if ((result.outcome === 'other' || result.outcome === 'wrong') && report.examples.length < MAX_EXAMPLES)
    report.examples.push({ index: result.index, outcome: result.outcome, detail: result.detail ?? '' });
}

/**
 * One reader's inputs in a worker thread under a watchdog: after a hang (see HANG_ATTEMPTS) or a
 * crash of the thread a new worker goes on at the next input, so one bad input costs one count.
 */
function fuzzReader(name: string, options: Settings): Promise<ReaderReport> {
  const report = emptyReport(name);
  const began = Date.now();
  const end = options.from + options.n;
  let next = options.from;
  /** Watchdog firings on input `next`; see HANG_ATTEMPTS. */
  let timeouts = 0;
  return new Promise((resolve, reject) => {
    const done = () => {
      report.seconds = (Date.now() - began) / 1000;
      resolve(report);
    };
    const start = () => {
      if (next >= end) return done();
      const task: WorkerTask = { reader: name, seed: options.seed, from: next, to: end };
      const worker = new Worker(WORKER, { workerData: task });
      let settled = false;
      let timer = setTimeout(() => fail(new Error(`the ${name} fuzz worker did not start`)), STARTUP_MS);
      const finish = (then: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        then();
      };
      const fail = (error: Error) => finish(() => reject(error));
      const skip = (outcome: 'hang' | 'other', detail: string) =>
        finish(() => {
          report.tried++;
          if (outcome === 'hang') report.hangs++;
          else report.other++;
          if (report.examples.length < MAX_EXAMPLES) report.examples.push({ index: next, outcome, detail });
          next++;
          timeouts = 0;
          start();
        });
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          timeouts++;
          if (timeouts < HANG_ATTEMPTS) finish(start);
          else skip('hang', `not done within ${options.hangMs / 1000} s, ${HANG_ATTEMPTS} times`);
        }, options.hangMs);
      };
      worker.on('message', (message: InputResult | { ready: true }) => {
        if (settled) return;
        if (!('ready' in message)) {
          record(report, message);
          next = message.index + 1;
          timeouts = 0;
        }
        if (next >= end) finish(done);
        else arm();
      });
      worker.on('error', (error) => skip('other', `the worker thread failed: ${error.message}`));
      worker.on('exit', () => {
        if (!settled) skip('other', 'the worker thread exited');
      });
    };
    start();
  });
}

type Settings = Required<Omit<FuzzOptions, 'readers' | 'onProgress' | 'inProcess'>>;

/** One reader's inputs in this thread (see `FuzzOptions.inProcess`). */
async function fuzzInProcess(name: string, options: Settings): Promise<ReaderReport> {
  const report = emptyReport(name);
  const began = Date.now();
  const reader = READERS.find((r) => r.name === name)!;
  const inputs = await readerInputs(name);
  const originalOf = originals(reader);
  for (let index = options.from; index < options.from + options.n; index++) {
    const result = await readInput(
      reader,
      await buildInput(reader, inputs, options.seed, index),
      index,
      originalOf,
    );
    if (result.ms > options.hangMs) {
      report.hangs++;
      report.tried++;
      if (report.examples.length < MAX_EXAMPLES)
        report.examples.push({ index, outcome: 'hang', detail: `took ${(result.ms / 1000).toFixed(1)} s` });
    } else record(report, result);
  }
  report.seconds = (Date.now() - began) / 1000;
  return report;
}

/** Fuzzes the readers, `concurrency` at a time; see test/fuzz/index.ts. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = new Date();
  const settings = {
    n: options.n,
    seed: options.seed ?? 'kodtau',
    from: options.from ?? 0,
    hangMs: options.hangMs ?? 5000,
    concurrency: options.concurrency ?? 2,
  };
  const names = options.readers ?? READERS.map((r) => r.name);
  if (options.inProcess) settings.concurrency = 1;
  const reports: ReaderReport[] = [];
  const queue = [...names];
  await Promise.all(
    Array.from({ length: Math.min(settings.concurrency, names.length) }, async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        const report = await (options.inProcess ? fuzzInProcess(name, settings) : fuzzReader(name, settings));
        reports.push(report);
        options.onProgress?.(report);
      }
    }),
  );
  reports.sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name));
  return {
    seed: settings.seed,
    n: settings.n,
    hangMs: settings.hangMs,
    startedAt: started.toISOString(),
    seconds: (Date.now() - started.getTime()) / 1000,
    node: process.version,
    readers: reports,
  };
}
