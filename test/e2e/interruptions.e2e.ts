import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { createDemoProject } from '../../shared/demo/index.ts';
import { demoCoderFiles } from '../../shared/merge/index.ts';
import type { Coding } from '../../shared/model/index.ts';
import { VERSION_5_STORES } from '../previousSchemas.ts';
import { chooseFiles, nav, openApp, shot, useBrowser } from './browser.ts';
import { checked, pressCategory } from './demoCoding.ts';
import { clearStore, storeCount, storeRows, storedAnswers, storedAppeals, storedCleared } from './idb.ts';

/**
 * The app stopped where a laptop stops it: the renderer killed right after a key, the window
 * closed in the middle of an import or a merge, and a database left by the previous release.
 * Each time, what was saved is there, and what was not is wholly absent.
 */
const newPage = useBrowser();
const DEMO = createDemoProject();
const VARIABLES = DEMO.codebook.variables;

/**
 * Kills the page's renderer process with SIGKILL, as a crash or the task manager would: no
 * unload, no last write. The page is the only one open in this test's own Chromium, so every
 * renderer process of that browser goes (spare ones too, which Chromium starts again at will).
 */
async function kill(page: Page) {
  const cdp = await page.context().browser()!.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number }[];
  };
  await cdp.detach();
  const crashed = page.waitForEvent('crash');
  for (const { type, id } of processInfo) if (type === 'renderer') process.kill(id, 'SIGKILL');
  await crashed;
  await page.close();
}

/** The signed-in coder's stored codings of the first appeal, variable id → values. */
async function firstAppealCodings(page: Page) {
  const me = await page.evaluate(() => JSON.parse(localStorage.getItem('kodtau-session')!).state.coderId);
  const rows = await storedAnswers(page);
  return Object.fromEntries(
    rows
      .filter((c) => c.coderId === me && c.appealId === DEMO.appeals[0]!.id)
      .map((c) => [c.variableId, c.values]),
  );
}

/** The app started again in the same profile, on the coding screen's first appeal. */
async function restart(page: Page) {
  const again = await openApp(page.context());
  await again.locator('.appeal-id', { hasText: DEMO.appeals[0]!.id }).waitFor();
  return again;
}

describe('the page killed right after a keypress', () => {
  // Two starts of the app after a kill, on the demo project: more than the default minute on a busy machine.
  it(
    'keeps a coding shown as saved, and a coding not yet saved is wholly there or wholly absent',
    { timeout: 180_000 },
    async () => {
      let page = await newPage('en-GB');
      await page.getByRole('textbox').fill('Coder on a flaky laptop');
      await page.getByRole('button', { name: 'Open the demo project' }).click();
      await page.locator('.appeal-id', { hasText: DEMO.appeals[0]!.id }).waitFor();
      const [reason, region] = VARIABLES;

      // After "Saved": killed, started again, the coding is there.
      await pressCategory(page, 0, 2);
      await page.getByRole('status').getByText('Saved').waitFor();
      await kill(page);
      page = await restart(page);
      await expect.poll(() => checked(page, 0, 2)).toBe('true');
      expect(await firstAppealCodings(page)).toEqual({ [reason!.id]: [reason!.categories[2]!.code] });

      // Before "Saved": the key, and the renderer killed at once.
      await pressCategory(page, 1, 4);
      await kill(page);
      page = await restart(page);
      const stored = await firstAppealCodings(page);
      expect(stored[reason!.id]).toEqual([reason!.categories[2]!.code]);
      // The region is stored as pressed, or not at all; the screen shows what is stored.
      expect([undefined, [region!.categories[4]!.code]]).toContainEqual(stored[region!.id]);
      const shown = stored[region!.id] ? 'true' : 'false';
      await expect.poll(() => checked(page, 1, 4)).toBe(shown);
      await shot(page, 'killed-restarted-en');

      // And the coder goes on: the key again (if it was lost) is saved like any other.
      if (shown === 'false') await pressCategory(page, 1, 4);
      else await pressCategory(page, 1, 5);
      await page.getByRole('status').getByText('Saved').waitFor();
      const code = region!.categories[shown === 'false' ? 4 : 5]!.code;
      expect((await firstAppealCodings(page))[region!.id]).toEqual([code]);
      await page.context().close();
    },
  );
});

describe('a window closed in the middle of the work', () => {
  it('an import: after the restart the appeals are all there or none is, and the same file imports', async () => {
    const rows = ['id;text;region'];
    for (let i = 1; i <= 30_000; i++) rows.push(`L-${i};Обращение номер ${i}: прошу разобраться;Алматы`);
    const file = { name: 'large.csv', buffer: Buffer.from(rows.join('\n')) };
    const page = await newPage('en-GB');
    await page.getByRole('textbox').fill('Supervisor');
    await page.getByRole('button', { name: 'Continue without the demo' }).click();
    await nav(page, 'Import');
    await chooseFiles(page, 'Import appeals…', [file]);
    const wizard = page.getByRole('region', { name: 'Import appeals' });
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByRole('button', { name: 'Check the rows' }).click();
    await wizard.getByRole('button', { name: 'Import 30,000 appeals' }).click();
    await wizard.getByRole('progressbar').waitFor();
    await page.close();

    const again = await openApp(page.context());
    await again.locator('nav.sidebar').waitFor();
    const [appeals, projects, imports] = await Promise.all([
      storedAppeals(again).then((all) => all.length),
      ...['projects', 'imports'].map((store) => storeCount(again, store)),
    ]);
    expect([
      [0, 0, 0],
      [30_000, 1, 1],
    ]).toContainEqual([appeals, projects, imports]);
    await shot(again, 'import-closed-restarted-en');

    if (appeals === 0) {
      const wizardAgain = again.getByRole('region', { name: 'Import appeals' });
      await nav(again, 'Import');
      await chooseFiles(again, 'Import appeals…', [file]);
      await wizardAgain.getByRole('button', { name: 'Next' }).click();
      await wizardAgain.getByRole('button', { name: 'Check the rows' }).click();
      await wizardAgain.getByRole('button', { name: 'Import 30,000 appeals' }).click();
      await wizardAgain.getByText('Imported 30,000 appeals.').waitFor({ timeout: 60_000 });
      expect(await storedAppeals(again)).toHaveLength(30_000);
    }
    await again.context().close();
  });

  it('a merge: the coder files are merged whole or not at all, and merging again completes it', async () => {
    const files = demoCoderFiles().map(({ name, text }) => ({ name, buffer: Buffer.from(text) }));
    const page = await newPage('en-GB');
    await page.getByRole('textbox').fill('Supervisor');
    await page.getByRole('button', { name: 'Open the demo project' }).click();
    await page.getByText('1 / 341').waitFor();
    // The demo as a supervisor has it before any coder file came back.
    await clearStore(page, 'codingBlocks');
    await nav(page, 'Coders & merge');
    await chooseFiles(page, 'Import coder files…', files);
    // Closed as soon as the merge runs (or, on a fast machine, has already ended).
    await page.locator('.merge-running').or(page.locator('table.merge-report')).first().waitFor();
    await page.close();

    const again = await openApp(page.context());
    await again.locator('nav.sidebar').waitFor();
    const perCoder = (codings: Coding[]) =>
      DEMO.coders.map((coder) => codings.filter((c) => c.coderId === coder.id).length);
    const whole = perCoder(DEMO.codings);
    // The files chosen together merge in one transaction: both whole, or neither.
    expect([DEMO.coders.map(() => 0), whole]).toContainEqual(perCoder(await storedAnswers(again)));

    await nav(again, 'Coders & merge');
    await chooseFiles(again, 'Import coder files…', files);
    await again.locator('table.merge-report tbody tr').nth(1).waitFor({ timeout: 20_000 });
    await shot(again, 'merge-closed-merged-again-en');
    expect(perCoder(await storedAnswers(again))).toEqual(whole);
    await again.context().close();
  });
});

/** A row for every table of version 5: the demo project, adjudicated, with one of everything else. */
function previousRelease() {
  const projectId = DEMO.project.id;
  // One coding cleared since, of a unit no consensus covers (so the adjudication stays whole).
  const settled = new Set(DEMO.adjudication.map((c) => `${c.appealId}/${c.variableId}`));
  const cleared = DEMO.codings.find((c) => !settled.has(`${c.appealId}/${c.variableId}`))!;
  const codings = DEMO.codings.filter((c) => c !== cleared);
  const adjudicated = DEMO.adjudication.find((c) => c.method === 'adjudicated')!;
  return {
    projects: [DEMO.project],
    appeals: DEMO.appeals,
    codebooks: [DEMO.codebook],
    coders: DEMO.coders,
    codings,
    clearedCodings: [{ ...cleared, values: [], cleared: true }],
    consensus: DEMO.adjudication,
    imports: [
      {
        id: 'import-1',
        projectId,
        kind: 'demo',
        fileName: 'demo',
        fileHash: 'f'.repeat(64),
        importedAt: '2019-11-01T04:00:00.000Z',
        summary: { appeals: DEMO.appeals.length },
      },
    ],
    importMappings: [
      {
        layout: 'a'.repeat(32),
        mapping: { text: 1, id: 0, meta: [] },
        updatedAt: '2019-11-01T04:00:00.000Z',
      },
    ],
    reviews: [
      {
        projectId,
        appealId: adjudicated.appealId,
        variableId: adjudicated.variableId,
        coderId: DEMO.coders[0]!.id,
        before: ['a'],
        after: ['b'],
        flaggedAt: '2019-11-02T04:00:00.000Z',
      },
    ],
    trainingSets: [
      {
        projectId,
        id: 'training-1',
        name: 'Gold 10',
        appealIds: DEMO.appeals.slice(0, 10).map((a) => a.id),
        by: DEMO.coders[0]!.id,
        createdAt: '2019-11-02T04:00:00.000Z',
      },
    ],
  };
}

const DEXIE = readFileSync(createRequire(import.meta.url).resolve('dexie/dist/dexie.js'), 'utf8');

describe('a database of the previous release', () => {
  it('is opened by this one with every record kept, and the app shows it', async () => {
    const seed = previousRelease();
    const page = await newPage('en-GB');
    // A page of the app's origin that is not the app: there the previous release's Dexie schema
    // writes the database, as that release did.
    await page.route(`${inject('baseUrl')}/seed`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }),
    );
    // The app was opened once already by newPage: start from no database at all.
    await page.evaluate(() => {
      indexedDB.deleteDatabase('kodtau');
    });
    await page.goto(`${inject('baseUrl')}/seed`);
    await page.addScriptTag({ content: DEXIE });
    await page.evaluate(
      async ({ stores, seed }) => {
        const { Dexie } = globalThis as unknown as { Dexie: typeof import('dexie').Dexie };
        const old = new Dexie('kodtau');
        old.version(5).stores(stores);
        await old.transaction('rw', Object.keys(seed), () =>
          Promise.all(Object.entries(seed).map(([table, rows]) => old.table(table).bulkPut(rows))),
        );
        old.close();
      },
      { stores: VERSION_5_STORES, seed },
    );
    expect(await page.evaluate(() => indexedDB.databases())).toEqual([{ name: 'kodtau', version: 50 }]);

    await page.goto(`${inject('baseUrl')}/`);
    await page.getByRole('textbox').fill('Supervisor');
    await page.getByRole('button', { name: 'Continue without the demo' }).click();
    await page.getByRole('heading', { name: 'Projects' }).waitFor();
    // Dexie keeps its version × 10 as IndexedDB's.
    expect(await page.evaluate(() => indexedDB.databases())).toEqual([{ name: 'kodtau', version: 140 }]);
    for (const [store, rows] of Object.entries(seed) as [string, unknown[]][]) {
      // Version 10 moved the codings, answers and cleared ones, into each coder's blocks; version
      // 12 the appeals into blocks of orders.
      const read =
        store === 'codings'
          ? storedAnswers(page)
          : store === 'clearedCodings'
            ? storedCleared(page)
            : store === 'appeals'
              ? storedAppeals(page)
              : storeRows(page, store);
      const stored = sorted(await read);
      // The coders: the previous release's, and the supervisor who just signed in.
      if (store === 'coders') expect(stored).toEqual(expect.arrayContaining(sorted(rows)));
      else expect(stored, store).toEqual(sorted(rows));
    }
    expect(await storeCount(page, 'backups')).toBe(0);
    // Version 7 built the answer blocks of the stored answers.
    expect(await storeCount(page, 'answerBlocks')).toBeGreaterThan(0);
    // Version 9 kept each coder's latest edit apart.
    expect(await storeCount(page, 'coderEdits')).toBeGreaterThan(0);
    // Version 10 put the appeals' order, id and filtered fields in columns.
    expect(await storeCount(page, 'appealColumns')).toBeGreaterThan(0);
    // Version 14 counted each project's appeals.
    expect(await storeCount(page, 'appealCounts')).toBe(1);

    // The project is there with its codings; its consensus is settled, but for the unit under review.
    await page.getByText(`${seed.codings.length.toLocaleString('en-GB')} codings`).waitFor();
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await nav(page, 'Adjudication');
    const units = new Set(
      seed.consensus.filter((c) => c.method === 'adjudicated').map((c) => c.variableId + c.appealId),
    );
    await page
      .getByText(`Settled ${units.size - 1} of ${units.size} disagreements.`, { exact: false })
      .waitFor();
    const [review] = seed.reviews;
    await page.locator('#decision-title', { hasText: review!.appealId }).waitFor();
    await page
      .getByText(`${DEMO.coders[0]!.name} changed their answer after it was settled`, { exact: false })
      .waitFor();
    await shot(page, 'upgraded-adjudication-en');
    await page.context().close();
  });
});

/** Rows in a fixed order, whatever the store's key order. */
const sorted = (rows: readonly unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
