// The supervisor's screens at the scale of issue 13, in Chromium: 100 000 appeals with texts of
// realistic length, the demo codebook (4 variables, 2 of them multiple choice) and 3 coders who
// coded every appeal (1.2 M codings), each answer the same as a common one 4 times in 5.
// `npm run bench -- scale`. Each figure is the user's time, from the click or key press to the
// frame that shows the result, with the longest main-thread block (Long Tasks API) in it.
// KODTAU_BENCH_RUNS (default 3) runs per figure; KODTAU_BENCH_DECISIONS (default 10) decisions;
// KODTAU_BENCH_SCREENS (default 'package,merge,agreement,adjudication') the screens measured;
// 'coding' and 'memory' are in codingScale.ts.
// KODTAU_BENCH_PROFILE=<folder> writes CPU profiles of the merge, agreement and adjudication steps there.
import { demoVariables } from '../../shared/demo/codebook.ts';
import { codebookHash, type Codebook } from '../../shared/model/index.ts';
import { goTo, heapMb, openApp, profiled, TIMER, type Timed } from './chromiumApp.ts';
import { codingScreenFigures, memoryWalk } from './codingScale.ts';
import { summarise, type BenchResult } from './harness.ts';
import { measureDatasetScreens } from './datasetScreens.ts';
import { measureMerge } from './mergeScreen.ts';
import { measurePackageOpen } from './packageScreen.ts';
import { measureSummaryScreens } from './screensScale.ts';

const APPEALS = Number(process.env.KODTAU_BENCH_APPEALS ?? 100_000);
const CODERS = ['coder-a', 'coder-b', 'coder-c'];
const PROJECT = 'scale-project';
const SUPERVISOR = 'supervisor';
const RUNS = Number(process.env.KODTAU_BENCH_RUNS ?? 3);
const DECISIONS = Number(process.env.KODTAU_BENCH_DECISIONS ?? 10);
const SCREENS = (process.env.KODTAU_BENCH_SCREENS ?? 'package,merge,agreement,adjudication').split(',');

function scaleCodebook(): Codebook {
  const content = { variables: demoVariables(), merges: [] };
  return {
    projectId: PROJECT,
    version: 1,
    hash: codebookHash(content),
    ...content,
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const regionsOf = (codebook: Codebook) =>
  codebook.variables.find((v) => v.id === 'region')!.categories.map((c) => c.label.en!);

let lastNotes: string[] = [];
export const notes = () => lastNotes;

export async function measured(): Promise<readonly BenchResult[]> {
  const app = await openApp();
  const { page } = app;
  try {
    const seedStart = Date.now();
    const seeded = await page.evaluate(seedScale, {
      codebook: scaleCodebook(),
      appeals: APPEALS,
      coders: CODERS,
      project: PROJECT,
      supervisor: SUPERVISOR,
    });
    process.stderr.write(`  seeded ${seeded.codings} codings in ${Date.now() - seedStart} ms\n`);
    await page.evaluate(TIMER);
    const results: BenchResult[] = [];
    const figures: string[] = [];
    const record = (name: string, samples: Timed[], targetMs: number) => {
      results.push(
        summarise(
          name,
          samples.map((s) => s.ms),
          targetMs,
        ),
      );
      const longest = Math.max(...samples.map((s) => s.longestMs));
      results.push(summarise(`${name}: longest block`, [longest], 100));
      figures.push(
        `${name}: ${samples.map((s) => `${s.ms.toFixed(0)} ms (block ${s.longestMs.toFixed(0)})`).join(', ')}`,
      );
      process.stderr.write(`  ${figures.at(-1)}\n`);
    };

    const options = { project: PROJECT, coders: CODERS, runs: RUNS, codings: seeded.codings };
    const mergeNotes = [
      ...(SCREENS.includes('package') ? await measurePackageOpen(page, record, options) : []),
      ...(SCREENS.includes('merge') ? await measureMerge(page, record, options) : []),
    ];

    // Agreement: open the screen (the first variable's point estimates, every variable's, then
    // the intervals), then drop one coder.
    const firsts: Timed[] = [];
    const points: Timed[] = [];
    const intervals: Timed[] = [];
    const subsets: Timed[] = [];
    for (let run = 0; run < (SCREENS.includes('agreement') ? RUNS : 0); run++) {
      await page.evaluate(goTo, 'settings');
      const [first, point, interval] = await profiled(page, `agreement-open-${run + 1}`, () =>
        page.evaluate(openAgreement),
      );
      firsts.push(first);
      points.push(point);
      intervals.push(interval);
      subsets.push(await profiled(page, `agreement-subset-${run + 1}`, () => page.evaluate(dropCoder)));
    }
    if (points.length > 0) {
      record('agreement: open to the first variable’s point estimates', firsts, 3000);
      record('agreement: open to point estimates', points, 3000);
      record('agreement: open to bootstrap intervals', intervals, 60_000);
      record('agreement: subset change (3 → 2 coders)', subsets, 2000);
    }

    // Adjudication: open with an empty consensus (agreed units settle on opening), then decide.
    const opens: Timed[] = [];
    let decisions: Timed[] = [];
    for (let run = 0; run < (SCREENS.includes('adjudication') ? RUNS : 0); run++) {
      await page.evaluate(goTo, 'settings');
      await page.evaluate(clearConsensus, PROJECT);
      opens.push(await profiled(page, `adjudication-open-${run + 1}`, () => page.evaluate(openAdjudication)));
      if (run === 0)
        decisions = await profiled(page, 'adjudication-decisions', () => page.evaluate(decide, DECISIONS));
    }
    if (opens.length > 0) {
      record('adjudication: open to first disagreement', opens, 2000);
      record('adjudication: decision to next drawn', decisions, 100);
    }

    await measureDatasetScreens(page, SCREENS, RUNS, record);
    await measureSummaryScreens(page, SCREENS, RUNS, record);
    if (SCREENS.includes('coding'))
      figures.push(
        ...(await codingScreenFigures(page, record, results, APPEALS, regionsOf(scaleCodebook()))),
      );
    if (SCREENS.includes('memory')) figures.push(...(await memoryWalk(app, results)));
    const heap = await heapMb(page);
    lastNotes = [
      `${APPEALS.toLocaleString('en')} appeals × 4 variables × ${CODERS.length} coders = ${seeded.codings.toLocaleString('en')} codings (${seeded.agreedShare} of units agree); Chromium ${app.version}`,
      ...figures,
      ...mergeNotes,
      `JS heap at the end: ${heap.toFixed(0)} MB`,
    ];
    return results;
  } finally {
    await app.close();
  }
}

type Hooks = {
  db: import('../../renderer/db/db.ts').KodtauDb;
  useAppStore: typeof import('../../renderer/store/index.ts').useAppStore;
  appeals: typeof import('../../renderer/db/appeals.ts');
} & Pick<typeof import('../../renderer/db/queries.ts'), 'codingTables' | 'putCodings'>;

/**
 * Runs in the page: writes the project straight into IndexedDB through the app's own Dexie module,
 * in chunks. Every coder codes every appeal; a coder's answer is the unit's common answer with
 * probability 0.8, else another one (a different category; on a multiple-choice variable one code
 * swapped or added).
 */
async function seedScale(args: {
  codebook: Codebook;
  appeals: number;
  coders: string[];
  project: string;
  supervisor: string;
}) {
  const {
    db,
    useAppStore,
    codingTables,
    putCodings,
    appeals: appealStore,
  } = (window as unknown as { kodtauTest: Hooks }).kodtauTest;
  let state = 13;
  /** Mulberry32: a seeded generator, so every run writes the same data. */
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const variables = args.codebook.variables;
  const regions = variables.find((v) => v.id === 'region')!.categories.map((c) => c.label.en!);
  const sentence =
    'Прошу рассмотреть мою жалобу: сотрудник акимата потребовал «благодарность» за справку. ' +
    'Өтінішімді қарауыңызды сұраймын, әкімдік қызметкері анықтама үшін ақы талап етті. ';
  await db.transaction('rw', [db.projects, db.codebooks, db.coders], async () => {
    await db.projects.put({
      id: args.project,
      name: 'Scale',
      languages: ['kk', 'ru', 'en'],
      createdAt: '2026-01-01T00:00:00.000Z',
      demo: false,
    });
    await db.codebooks.put(args.codebook);
    await db.coders.bulkPut([
      { id: args.supervisor, name: 'Supervisor' },
      ...args.coders.map((id, i) => ({ id, name: `Coder ${String.fromCharCode(65 + i)}` })),
    ]);
  });
  const chunk = 5000;
  let codings = 0;
  let agreed = 0;
  for (let from = 0; from < args.appeals; from += chunk) {
    const appeals: import('../../shared/model/index.ts').Appeal[] = [];
    const rows: import('../../shared/model/index.ts').Coding[] = [];
    for (let order = from; order < Math.min(from + chunk, args.appeals); order++) {
      const id = `A-${String(order + 1).padStart(6, '0')}`;
      appeals.push({
        projectId: args.project,
        id,
        order,
        text: `${sentence.repeat(2 + (order % 5))}\n\n№ ${order + 1}.`,
        meta: {
          date: `2019-${String(8 + (order % 3)).padStart(2, '0')}-${String(1 + (order % 28)).padStart(2, '0')}`,
          region: regions[order % regions.length]!,
          addressee: order % 2 ? 'Head of the Agency' : 'Агенттік басшысы',
          language: order % 2 ? 'ru' : 'kk',
        },
      });
      for (const variable of variables) {
        const codes = variable.categories.map((c) => c.code);
        const common =
          variable.kind === 'multi' && random() < 0.4 ? [pick(codes), pick(codes)] : [pick(codes)];
        const base = [...new Set(common)];
        const answers = args.coders.map(() => {
          if (random() < 0.8) return base;
          if (variable.kind !== 'multi') return [pick(codes.filter((c) => c !== base[0]))];
          const other = pick(codes.filter((c) => !base.includes(c)));
          return base.length > 1 ? [base[0]!, other] : [...base, other];
        });
        if (answers.every((a) => a === base)) agreed++;
        args.coders.forEach((coderId, c) =>
          rows.push({
            projectId: args.project,
            coderId,
            appealId: id,
            variableId: variable.id,
            values: answers[c]!,
            unsure: false,
            updatedAt: '2026-01-02T00:00:00.000Z',
            codebookVersion: 1,
          }),
        );
      }
    }
    try {
      await db.transaction('rw', appealStore.appealTables(), () => appealStore.addAppeals(appeals));
      await db.transaction('rw', codingTables(), () => putCodings(rows));
    } catch (error) {
      throw new Error(`writing appeals ${from}–: ${(error as Error).name} ${(error as Error).message}`, {
        cause: error,
      });
    }
    codings += rows.length;
  }
  useAppStore.setState({
    coderId: args.supervisor,
    projectId: args.project,
    screen: 'settings',
    language: 'en',
  });
  return { codings, agreedShare: (agreed / (args.appeals * variables.length)).toFixed(2) };
}

type Time = (act: () => void, done: () => boolean, timeoutMs?: number) => Promise<Timed>;

/**
 * Runs in the page: clicks "Agreement"; times the point estimates of the first variable shown,
 * of every variable, then the intervals.
 */
async function openAgreement(): Promise<[Timed, Timed, Timed]> {
  const column = (n: number) =>
    [...document.querySelectorAll('table.agreement tbody tr')].map(
      (tr) => (tr as HTMLTableRowElement).cells[n]?.textContent ?? '',
    );
  const nav = [...document.querySelectorAll('nav button')].find((b) => b.textContent?.trim() === 'Agreement');
  const alphas = () => column(4).length === 4 && column(4).every((text) => /\d/.test(text));
  // Single-choice variables show an interval ("0.701 – 0.712"); multiple choice shows none.
  const cis = () => alphas() && column(5).filter((text) => text.includes('–')).length === 2;
  const time = (window as unknown as { kodtauTime: Time }).kodtauTime;
  const first = await time(
    () => (nav as HTMLElement).click(),
    () => column(4).some((text) => /\d/.test(text)),
  );
  const then = (before: Timed, next: Timed): Timed => ({
    ms: before.ms + next.ms,
    longestMs: Math.max(before.longestMs, next.longestMs),
  });
  const point = then(first, await time(() => {}, alphas));
  return [first, point, then(point, await time(() => {}, cis))];
}

/** Runs in the page: unticks the last coder; times until every variable shows figures for two coders. */
async function dropCoder(): Promise<Timed> {
  const column = (n: number) =>
    [...document.querySelectorAll('table.agreement tbody tr')].map(
      (tr) => (tr as HTMLTableRowElement).cells[n]?.textContent ?? '',
    );
  const boxes = [...document.querySelectorAll<HTMLInputElement>('.subset-coders input[type=checkbox]')];
  const done = () =>
    !document.querySelector('.agreement-screen [role=status]')?.textContent &&
    column(2).length === 4 &&
    column(2).every((text) => text === '2') &&
    column(4).every((text) => /\d/.test(text));
  return (window as unknown as { kodtauTime: Time }).kodtauTime(() => boxes.at(-1)!.click(), done);
}

/** Runs in the page: empties the project's consensus and review flags. */
async function clearConsensus(projectId: string) {
  const { db } = (window as unknown as { kodtauTest: Hooks }).kodtauTest;
  await db.consensus.where('projectId').equals(projectId).delete();
  await db.reviews.where('projectId').equals(projectId).delete();
}

/** Runs in the page: clicks "Adjudication"; times until the first disagreement is drawn. */
async function openAdjudication(): Promise<Timed> {
  const nav = [...document.querySelectorAll('nav button')].find(
    (b) => b.textContent?.trim() === 'Adjudication',
  );
  const done = () =>
    !!document.querySelector('.adjudication .decision .appeal-text')?.textContent &&
    !!document.querySelector('.adjudication .queue li');
  return (window as unknown as { kodtauTime: Time }).kodtauTime(() => (nav as HTMLElement).click(), done);
}

/** Runs in the page: takes coder 1's answer `count` times; times each key press to the next unit drawn. */
async function decide(count: number): Promise<Timed[]> {
  const title = () => document.querySelector('#decision-title')?.textContent ?? '';
  const samples: Timed[] = [];
  for (let i = 0; i < count; i++) {
    const before = title().split('·').slice(1).join('·');
    const key = new KeyboardEvent('keydown', { key: '1', code: 'Digit1', bubbles: true });
    samples.push(
      await (window as unknown as { kodtauTime: Time }).kodtauTime(
        () => window.dispatchEvent(key),
        () =>
          title().split('·').slice(1).join('·') !== before &&
          !!document.querySelector('.adjudication .decision .appeal-text')?.textContent,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return samples;
}
