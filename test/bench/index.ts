// `npm run bench`: runs every test/bench/*.bench.ts module in turn and prints one table.
// Not a timed test: figures depend on the machine; the exit status is 1 if a target is missed.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatResults, measure, type BenchModule, type BenchResult } from './harness.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();

const results: BenchResult[] = [];
const notes: string[] = [];
for (const file of files) {
  const module = (await import(pathToFileURL(`${dir}${file}`).href)) as BenchModule;
  const measured = [...(module.benchmarks ?? []).map(measure), ...((await module.measured?.()) ?? [])];
  for (const result of measured)
    process.stderr.write(`  ${file}: ${result.name} — median ${result.medianMs.toFixed(1)} ms\n`);
  results.push(...measured);
  if (module.notes) notes.push(`${file}:`, ...module.notes().map((n) => `  ${n}`));
}
console.log(`\nNode ${process.version}, ${(await import('node:os')).cpus().length} CPUs\n`);
console.log(formatResults(results));
if (notes.length) console.log(`\n${notes.join('\n')}`);
process.exitCode = results.every((r) => r.pass) ? 0 : 1;
