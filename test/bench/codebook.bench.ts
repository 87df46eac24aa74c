import { rewriteMergedValues, validateCodebook } from '../../shared/codebook/index.ts';
import { createDemoCodebook } from '../../shared/demo/codebook.ts';
import { readQdc, writeQdc } from '../../shared/formats/qdc.ts';
import type { CategoryMerge } from '../../shared/model/index.ts';
import type { Benchmark } from './harness.ts';

const demo = createDemoCodebook('bench', '2019-11-01T00:00:00.000Z');
const reasons = demo.variables[0]!.categories.map((c) => c.code);

/** The codings of one multiple-choice variable at full scale: 100 000 appeals × 3 coders, 1–2 reasons each. */
const rows = Array.from({ length: 300_000 }, (_, i) => ({
  variableId: 'reason',
  values: i % 3 === 0 ? [reasons[i % 7]!, reasons[(i + 3) % 7]!] : [reasons[i % 7]!],
}));
const merges: CategoryMerge[] = [{ variableId: 'reason', from: 'abuse', into: 'corruption', version: 2 }];
const qdc = writeQdc(demo, 'kk').xml;

export const benchmarks: readonly Benchmark[] = [
  {
    // The pure part of a save with a merge; IndexedDB reads and writes come on top.
    name: 'codebook: rewrite 300 000 codings of a variable for a merge (100 000 appeals × 3 coders)',
    targetMs: 300,
    run: () => rewriteMergedValues(rows, merges),
  },
  {
    name: 'codebook: validate the demo codebook (every keystroke in the editor)',
    targetMs: 1,
    runs: 50,
    run: () => validateCodebook(demo),
  },
  {
    // Import and export are one click each: well under the 0.1 s a person notices.
    name: 'codebook: demo codebook to .qdc and back',
    targetMs: 100,
    run: () => readQdc(writeQdc(demo, 'kk').xml, 'kk'),
  },
  {
    name: 'codebook: read the demo .qdc',
    targetMs: 50,
    run: () => readQdc(qdc, 'kk'),
  },
];
