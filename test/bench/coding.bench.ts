// The coding screen at real scale, in Chromium: 100 000 appeals and a 6-variable codebook.
// The renderer is built with VITE_KODTAU_TEST_HOOKS=1 (into a temporary folder, or
// KODTAU_BENCH_DIST when given), which exposes the app's own database module to the page; a
// release build has no such hook. Times are taken inside the page, from the key event to the
// DOM showing its result, so the browser driver's round trips are not counted.
import { demoVariables, shortcutFor } from '../../shared/demo/codebook.ts';
import { codebookHash, type Codebook, type Variable } from '../../shared/model/index.ts';
import { openApp } from './chromiumApp.ts';
import { summarise, type BenchResult } from './harness.ts';

const APPEALS = 100_000;
const SAMPLES = 300;
const PROJECT = 'bench-project';
const CODER = 'bench-coder';

/** The demo's four variables, an ordinal scale and a free-text field: six in all. */
function benchCodebook(): Codebook {
  const ordinal: Variable = {
    id: 'urgency',
    kind: 'ordinal',
    required: false,
    label: { en: 'Urgency', ru: 'Срочность', kk: 'Шұғылдық' },
    definition: {},
    categories: ['low', 'medium', 'high'].map((code, i) => ({
      code,
      value: i + 1,
      label: { en: code },
      definition: {},
      examples: {},
      shortcut: shortcutFor(i),
      retired: false,
    })),
  };
  const text: Variable = {
    id: 'remark',
    kind: 'text',
    required: false,
    label: { en: 'Remark', ru: 'Замечание', kk: 'Ескерту' },
    definition: {},
    categories: [],
  };
  const content = { variables: [...demoVariables(), ordinal, text], merges: [] };
  return {
    projectId: PROJECT,
    version: 1,
    hash: codebookHash(content),
    ...content,
    updatedAt: new Date().toISOString(),
  };
}

interface PageFigures {
  next: number[];
  record: number[];
  listMs: number;
}

export async function measured(): Promise<readonly BenchResult[]> {
  const app = await openApp();
  const { page } = app;
  try {
    await page.evaluate(seed, {
      codebook: benchCodebook(),
      appeals: APPEALS,
      project: PROJECT,
      coder: CODER,
    });
    const start = Date.now();
    await page.locator('.appeal-id', { hasText: 'B-000001' }).waitFor({ timeout: 120_000 });
    const listMs = Date.now() - start;
    const figures: PageFigures = { ...(await page.evaluate(timeInPage, SAMPLES)), listMs };
    lastNotes = [
      `${APPEALS.toLocaleString('en')} appeals, 6 variables, ${SAMPLES} samples each; Chromium ${app.version}`,
      `opening the screen (filtered list of ${APPEALS.toLocaleString('en')} + first appeal): ${figures.listMs} ms`,
    ];
    return [
      summarise('coding: next appeal, key to rendered (p95 target 50 ms)', figures.next, 16, 50),
      summarise('coding: record a category, key to saved and shown', figures.record, 30),
    ];
  } finally {
    await app.close();
  }
}

let lastNotes: string[] = [];
export const notes = () => lastNotes;

/** Runs in the page: writes the project through the app's own Dexie module and opens the coding screen. */
async function seed(args: { codebook: Codebook; appeals: number; project: string; coder: string }) {
  type Hooks = {
    db: import('../../renderer/db/db.ts').KodtauDb;
    useAppStore: typeof import('../../renderer/store/index.ts').useAppStore;
    appeals: typeof import('../../renderer/db/appeals.ts');
  };
  const { db, useAppStore, appeals } = (window as unknown as { kodtauTest: Hooks }).kodtauTest;
  const regions = args.codebook.variables.find((v) => v.id === 'region')!.categories.map((c) => c.label.en!);
  const sentence =
    'Прошу рассмотреть мою жалобу: сотрудник акимата потребовал «благодарность» за справку. ' +
    'Өтінішімді қарауыңызды сұраймын, әкімдік қызметкері анықтама үшін ақы талап етті. ';
  await db.transaction('rw', [db.projects, db.codebooks, db.coders], async () => {
    await db.projects.put({
      id: args.project,
      name: 'Bench',
      languages: ['kk', 'ru', 'en'],
      createdAt: new Date().toISOString(),
      demo: false,
    });
    await db.codebooks.put(args.codebook);
    await db.coders.put({ id: args.coder, name: 'Bench coder' });
  });
  const chunk = 10_000;
  for (let from = 0; from < args.appeals; from += chunk) {
    const rows: import('../../shared/model/index.ts').Appeal[] = [];
    for (let order = from; order < Math.min(from + chunk, args.appeals); order++)
      rows.push({
        projectId: args.project,
        id: `B-${String(order + 1).padStart(6, '0')}`,
        order,
        text: `${sentence.repeat(2 + (order % 5))}\n\n№ ${order + 1}.`,
        meta: {
          date: `2019-${String(8 + (order % 3)).padStart(2, '0')}-${String(1 + (order % 28)).padStart(2, '0')}`,
          region: regions[order % regions.length]!,
          addressee: order % 2 ? 'Head of the Agency' : 'Агенттік басшысы',
          reply: order % 3 ? 'Разъясняем порядок обжалования.' : '',
          language: order % 2 ? 'ru' : 'kk',
        },
      });
    await db.transaction('rw', appeals.appealTables(), () => appeals.addAppeals(rows));
  }
  useAppStore.setState({ coderId: args.coder, projectId: args.project, screen: 'coding', language: 'en' });
}

/** Runs in the page: times `samples` moves to the next appeal, and `samples` category picks. */
async function timeInPage(samples: number) {
  const appealId = () => document.querySelector('.appeal-id')?.textContent;
  const firstCategory = () => document.querySelector('.coding-panel fieldset.variable [role="checkbox"]');
  /** Resolves when `done()` holds, checked after every DOM change, with the time since `start`. */
  const until = (done: () => boolean, start: number) =>
    new Promise<number>((resolve) => {
      if (done()) return resolve(performance.now() - start);
      const observer = new MutationObserver(() => {
        if (!done()) return;
        observer.disconnect();
        resolve(performance.now() - start);
      });
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    });
  const press = (key: string) => {
    const start = performance.now();
    window.dispatchEvent(
      new KeyboardEvent('keydown', { key, code: key === '1' ? 'Digit1' : key, bubbles: true }),
    );
    return start;
  };
  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

  const next: number[] = [];
  for (let i = 0; i < samples; i++) {
    const target = `B-${String(i + 2).padStart(6, '0')}`;
    next.push(await until(() => appealId() === target, press('ArrowRight')));
    await pause();
  }
  const record: number[] = [];
  for (let i = 0; i < samples; i++) {
    const checked = String(i % 2 === 0);
    record.push(
      await until(
        () =>
          firstCategory()?.getAttribute('aria-checked') === checked &&
          !!document.querySelector('.save-state')?.textContent?.includes('Saved'),
        press('1'),
      ),
    );
    await pause();
  }
  return { next, record };
}
