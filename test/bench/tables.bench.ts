import { seededRandom } from '../../shared/agreement/index.ts';
import { writeCsv } from '../../shared/csv/writeCsv.ts';
import { datasetRows, wideDataset, type DatasetInput } from '../../shared/formats/dataset.ts';
import { xlsxBytes } from '../../shared/formats/xlsx.ts';
import type { Appeal, Category, Coding, Consensus, Variable } from '../../shared/model/index.ts';
import { crossTab } from '../../shared/tables/crossTab.ts';
import { frequencyTable } from '../../shared/tables/frequencyTable.ts';
import { sourceValues } from '../../shared/tables/tableSource.ts';
import type { Benchmark } from './harness.ts';

const APPEALS = 100_000;
const random = seededRandom(8);
const pick = (n: number) => Math.floor(random() * n);

const categories = (prefix: string, n: number): Category[] =>
  Array.from({ length: n }, (_, i) => ({
    code: `${prefix}${i}`,
    value: i + 1,
    label: { ru: `Категория ${prefix}${i}`, kk: `Санат ${prefix}${i}`, en: `Category ${prefix}${i}` },
    definition: {},
    examples: {},
    retired: false,
  }));
const variable = (id: string, kind: Variable['kind'], n: number): Variable => ({
  id,
  kind,
  required: false,
  label: { en: id },
  definition: {},
  categories: categories(id, n),
});

// 20 columns: appeal_id, 3 metadata columns, 4 single-choice variables as code + label (8),
// one multiple-choice variable of 7 categories (7 columns of 0/1), notes.
const variables = [
  variable('region', 'single', 17),
  variable('response', 'single', 5),
  variable('addressee', 'single', 8),
  variable('tone', 'single', 3),
  variable('reason', 'multi', 7),
];
const appeals: Appeal[] = Array.from({ length: APPEALS }, (_, i) => ({
  projectId: 'bench',
  id: `A${i}`,
  text: '',
  meta: {
    date: `2019-0${1 + pick(9)}-1${pick(10)}`,
    region: `Регион ${pick(17)}`,
    language: pick(2) ? 'ru' : 'kk',
  },
  order: i,
}));
const consensus: Consensus[] = appeals.flatMap((appeal) =>
  variables.map((v) => ({
    projectId: 'bench',
    appealId: appeal.id,
    variableId: v.id,
    values:
      v.kind === 'multi'
        ? v.categories.filter(() => random() < 0.25).map((c) => c.code)
        : [v.categories[pick(v.categories.length)]!.code],
    method: 'agreed' as const,
    by: 'bench',
    at: '2026-01-01',
  })),
);
const input: DatasetInput = {
  project: { id: 'bench', name: 'Bench', languages: ['ru'], createdAt: '2026-01-01', demo: false },
  codebook: { projectId: 'bench', version: 1, hash: '0'.repeat(64), updatedAt: '', merges: [], variables },
  appeals,
  coders: [],
  codings: [] as Coding[],
  consensus,
};
const wideOptions = {
  source: { kind: 'consensus' as const },
  labels: 'both' as const,
  lang: 'ru' as const,
  text: false,
};
const columns = wideDataset({ ...input, appeals: appeals.slice(0, 1) }, wideOptions).columns.length;

const regions = appeals.map((a) => [a.meta.region!]);
const languages = appeals.map((a) => [a.meta.language!]);
const reasons = consensus.filter((c) => c.variableId === 'reason').map((c) => c.values);

const wideRows = datasetRows(wideDataset(input, wideOptions));

/** XLSX is timed apart (it is an async call, run once): the app writes it in a worker. */
export async function measured() {
  const start = performance.now();
  await xlsxBytes(wideRows, 'bench');
  const ms = performance.now() - start;
  return [
    {
      name: `tables: wide dataset XLSX, ${APPEALS.toLocaleString('en')} appeals × ${columns} columns, 1 run`,
      medianMs: ms,
      p95Ms: ms,
      targetMs: 30_000,
      pass: ms <= 30_000,
    },
  ];
}

export const benchmarks: readonly Benchmark[] = [
  {
    name: `tables: wide dataset CSV, ${APPEALS.toLocaleString('en')} appeals × ${columns} columns (build + write)`,
    targetMs: 3000,
    runs: 5,
    warmup: 1,
    run: () => writeCsv(datasetRows(wideDataset(input, wideOptions)), { delimiter: ';' }),
  },
  {
    name: `tables: cross-tab region × language with χ², ${APPEALS.toLocaleString('en')} appeals`,
    targetMs: 200,
    run: () => crossTab(regions, languages),
  },
  {
    // What the Tables screen does on each change: index the consensus, then tabulate.
    name: `tables: response × region from the consensus (${(APPEALS * variables.length).toLocaleString('en')} rows indexed, then cross-tab)`,
    targetMs: 500,
    runs: 5,
    run: () => {
      const response = sourceValues({ kind: 'consensus' }, input).byVariable.get('response')!;
      return crossTab(
        appeals.map((a) => response.get(a.id)?.values ?? []),
        regions,
      );
    },
  },
  {
    name: `tables: multiple-response table, ${APPEALS.toLocaleString('en')} appeals × 7 categories`,
    targetMs: 200,
    run: () => frequencyTable(reasons),
  },
];
