import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { reliabilityMarkdown } from './reliabilityDoc.ts';
import { runFuzz, type ReaderReport } from './runner.ts';

/**
 * `npm run fuzz` — every reader against generated and damaged files (see runner.ts):
 *   -n, --n 10000        inputs per reader
 *   --seed kodtau        the run's seed: the same seed gives the same inputs
 *   --reader csv,qdc     only these readers
 *   --from 1234 -n 1     replay one input (the report lists the numbers of bad ones)
 *   --concurrency 2      readers at once, one worker thread each
 *   --hang-ms 5000       an input not done in this time is a hang
 *   --write-docs         write docs/reliability.md from this run
 * Exit status 1 when any input ended in another error, a hang or a wrong acceptance.
 */
const { values } = parseArgs({
  options: {
    n: { type: 'string', short: 'n', default: '10000' },
    seed: { type: 'string', default: 'kodtau' },
    reader: { type: 'string' },
    from: { type: 'string', default: '0' },
    concurrency: { type: 'string', default: '2' },
    'hang-ms': { type: 'string', default: '5000' },
    'write-docs': { type: 'boolean', default: false },
  },
});

const columns = [
  'reader',
  'tried',
  'accepted',
  'own error',
  'other error',
  'hangs',
  'wrong',
  'slowest ms',
  's',
];
const row = (r: ReaderReport) => [
  r.name,
  ...[r.tried, r.accepted, r.own, r.other, r.hangs, r.wrong].map(String),
  r.slowestMs.toFixed(0),
  r.seconds.toFixed(0),
];
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(13) : c.padStart(11))).join(' ');

process.stdout.write(`${line(columns)}\n`);
const report = await runFuzz({
  n: Number(values.n),
  seed: values.seed,
  from: Number(values.from),
  concurrency: Number(values.concurrency),
  hangMs: Number(values['hang-ms']),
  ...(values.reader ? { readers: values.reader.split(',') } : {}),
  onProgress: (r) => {
    process.stdout.write(`${line(row(r))}\n`);
    for (const e of r.examples)
      process.stdout.write(`    ${e.outcome} at --reader ${r.name} --from ${e.index}: ${e.detail}\n`);
  },
});
process.stdout.write(`${report.seconds.toFixed(0)} s\n`);
if (values['write-docs']) {
  const path = fileURLToPath(new URL('../../docs/reliability.md', import.meta.url));
  // Formatted as the repository's Prettier would, so that `prettier --check` passes on it.
  const options = { ...(await resolveConfig(path)), filepath: path };
  writeFileSync(path, await format(reliabilityMarkdown(report), options));
  process.stdout.write('docs/reliability.md written\n');
}
process.exitCode = report.readers.some((r) => r.other + r.hangs + r.wrong > 0) ? 1 : 0;
