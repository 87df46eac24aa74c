// The `kodtau` command as a whole process (issue 13, item 3): its start time against a bare Node,
// and `kodtau agreement` on 100 000 units × 5 coders against the npm `krippendorff` package
// computing α alone on the same matrix, both measured in this run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../shared/agreement/index.ts';
import { summarise, type BenchResult } from './harness.ts';

const bin = fileURLToPath(new URL('../../cli/bin.mjs', import.meta.url));
const reference = fileURLToPath(new URL('./krippendorffReference.mjs', import.meta.url));

/** 100 000 units × 5 coders, 6 categories, 80 % on the unit's true category, 5 % missing. */
function matrixCsv(): string {
  const random = seededRandom(13);
  const lines = ['c1,c2,c3,c4,c5'];
  for (let unit = 0; unit < 100_000; unit++) {
    const truth = Math.floor(random() * 6);
    const cells = Array.from({ length: 5 }, () =>
      random() < 0.05 ? '' : String(random() < 0.8 ? truth : Math.floor(random() * 6)),
    );
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Wall-clock milliseconds of each of `runs` runs of `node args…`, after one untimed run. */
function timeNode(args: readonly string[], runs = 7): number[] {
  execFileSync(process.execPath, args, { stdio: 'ignore' });
  return Array.from({ length: runs }, () => {
    const start = performance.now();
    execFileSync(process.execPath, args, { stdio: 'ignore' });
    return performance.now() - start;
  });
}

const median = (samples: readonly number[]) => summarise('', samples, Infinity).medianMs;

let figures: string[] = [];

export async function measured(): Promise<readonly BenchResult[]> {
  execFileSync('npm', ['run', '--silent', 'build:cli'], { stdio: 'inherit' });
  const file = join(mkdtempSync(join(tmpdir(), 'kodtau-cli-bench-')), 'matrix.csv');
  writeFileSync(file, matrixCsv());
  const bare = median(timeNode(['-e', '0']));
  const alone = median(timeNode([reference, file]));
  figures = [
    `node -e 0: ${bare.toFixed(0)} ms; krippendorff package, α alone on 100 000 × 5: ${alone.toFixed(0)} ms`,
  ];
  return [
    summarise('cli: kodtau --help (target 5 × node -e 0)', timeNode([bin, '--help']), 5 * bare),
    summarise(
      'cli: kodtau agreement, 100 000 units × 5 coders (target ½ × krippendorff package)',
      timeNode([bin, 'agreement', file, '--json']),
      alone / 2,
    ),
  ];
}

export const notes = () => figures;
