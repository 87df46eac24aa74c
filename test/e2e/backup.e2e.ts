import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDemoProject } from '../../shared/demo/index.ts';
import { nav, shot, shotInLanguages, useBrowser } from './browser.ts';
import { putCodingRows, putRows, storeCount, storedAnswers, storedCleared } from './idb.ts';

const newPage = useBrowser();

const DEMO = createDemoProject();
const VARIABLES = DEMO.codebook.variables;

/** Clicks the `nth` `button` and returns the name and bytes of the file the web platform downloads. */
async function download(page: Page, button: string, nth = 0) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).nth(nth).click(),
  ]);
  return { name: file.suggestedFilename(), buffer: readFileSync((await file.path())!) };
}

const NOW = new Date().toISOString();

/** Writes a project record straight into IndexedDB, as an import of a file would leave one. */
const addProject = (page: Page, project: Record<string, unknown>) => putRows(page, 'projects', [project]);

/** Clears the signed-in coder's (not a demo coder's) coding of an appeal: a tombstone in its place. */
async function clearCoding(page: Page, appealId: string) {
  const demoCoders = DEMO.coders.map((coder) => coder.id);
  const coding = (await storedAnswers(page)).find(
    (c) => c.appealId === appealId && !demoCoders.includes(c.coderId),
  );
  if (!coding) throw new Error(`no coding of ${appealId}`);
  const { text: _text, ...rest } = coding;
  await putCodingRows(page, [{ ...rest, values: [], cleared: true }]);
}

/** The wide CSV from the consensus and the long CSV of every coder, as the export screen saves them. */
async function exports(page: Page) {
  await nav(page, 'Export');
  await page.getByRole('combobox', { name: 'Values from' }).selectOption('consensus');
  const wide = await download(page, 'Export dataset…');
  await page.getByRole('radio', { name: 'Long (one row per appeal × coder × variable)' }).check();
  await page.getByRole('combobox', { name: 'Values from' }).selectOption('all');
  const long = await download(page, 'Export dataset…');
  return { wide, long };
}

describe('backup and restore in the browser', () => {
  it('restores a saved project into a fresh profile with byte-identical exports', async () => {
    const page = await newPage('en-GB');
    await page.getByRole('textbox').fill('Supervisor');
    await page.getByRole('button', { name: /Open the demo project/ }).click();
    await page.getByText('1 / 341').waitFor();

    // Code two appeals, by the keyboard.
    const first = VARIABLES[0]!.categories;
    await page.keyboard.press(first[0]!.shortcut!);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press(VARIABLES[1]!.categories[1]!.shortcut!);
    await page.keyboard.press('ArrowRight'); // the warning: body and response are still empty…
    await page.getByRole('alert').waitFor();
    await page.keyboard.press('ArrowRight'); // …pressed again, the coder moves on
    await page.getByText('2 / 341').waitFor();
    await page.keyboard.press(first[2]!.shortcut!);
    const codings = DEMO.codings.length;
    await expect
      .poll(() => storedAnswers(page).then((rows) => rows.length), { timeout: 10_000 })
      .toBe(codings + 3);
    // The coding screen does not clear codings yet: the last one becomes a tombstone, as a merged
    // coder file's clearing would leave it, written straight into IndexedDB.
    await clearCoding(page, DEMO.appeals[1]!.id);
    await page.reload();
    expect((await storedCleared(page)).length).toBe(1);
    expect(await storedAnswers(page).then((rows) => rows.length)).toBe(codings + 2);

    // Settle one disagreement.
    await nav(page, 'Adjudication');
    await page.getByText(/^Settled 0 of \d+ disagreements\./).waitFor();
    // The first disagreement is drawn (the queue builds in a worker) before it is decided.
    await page.locator('#decision-title').waitFor();
    await page.keyboard.press('1');
    await page.getByText(/^Settled 1 of \d+ disagreements\./).waitFor();
    const consensus = await storeCount(page, 'consensus');
    expect(consensus).toBeGreaterThan(0);

    const before = await exports(page);
    expect(before.wide.name).toBe('Open-Dialogue-appeals-to-the-Anti-Corruption-wide.csv');
    expect(before.wide.buffer.toString('utf8').split('\r\n').length).toBeGreaterThan(341);

    // A second project, never saved: its card reminds the supervisor; the demo's file leaves it out.
    await addProject(page, {
      id: 'p-study',
      name: 'Обращения 2024',
      languages: ['ru'],
      createdAt: NOW,
      demo: false,
    });
    await page.reload();
    await nav(page, 'Projects');
    await page.getByText('This project has never been saved to a project file.', { exact: false }).waitFor();
    const saved = await download(page, 'Save project file…', 1);
    expect(saved.name).toMatch(/^demo-open-dialogue-\d{4}-\d{2}-\d{2}\.kodtau-project\.json$/);
    await page.getByText(`Saved ${saved.name}.`, { exact: false }).waitFor();
    await expect.poll(() => page.getByText('none yet').count()).toBe(1);
    await shotInLanguages(page, 'projects-backup');
    await page.context().close();

    // A new context: an empty IndexedDB, a new supervisor, no project.
    const fresh = await newPage('en-GB');
    await fresh.getByRole('textbox').fill('Supervisor on a new laptop');
    await fresh.getByRole('button', { name: 'Continue without the demo' }).click();
    await fresh.getByRole('heading', { name: 'Projects' }).waitFor();

    // A damaged file first: refused, nothing written.
    const damaged = Buffer.from(saved.buffer.toString('utf8').replace('"Aigerim"', '"Aigerim!"'));
    let chooser = fresh.waitForEvent('filechooser');
    await fresh.getByRole('button', { name: 'Restore from project file…' }).click();
    await (await chooser).setFiles([{ name: saved.name, mimeType: 'application/json', buffer: damaged }]);
    await fresh.getByText(/its checksum does not match\. Nothing was changed\./).waitFor();
    expect(await storeCount(fresh, 'projects')).toBe(0);
    await shot(fresh, 'projects-restore-refused-en');

    chooser = fresh.waitForEvent('filechooser');
    await fresh.getByRole('button', { name: 'Restore from project file…' }).click();
    await (
      await chooser
    ).setFiles([{ name: saved.name, mimeType: 'application/json', buffer: saved.buffer }]);
    await fresh.getByText(/^Restored “Open Dialogue: appeals/).waitFor({ timeout: 20_000 });
    await shot(fresh, 'projects-restored-en');
    expect((await storedCleared(fresh)).length).toBe(1);
    expect(await storeCount(fresh, 'consensus')).toBe(consensus);
    expect(await storeCount(fresh, 'projects')).toBe(1);

    const after = await exports(fresh);
    expect(after.wide.name).toBe(before.wide.name);
    expect(after.wide.buffer.equals(before.wide.buffer)).toBe(true);
    expect(after.long.buffer.equals(before.long.buffer)).toBe(true);

    // And the restored project saves to the same file, byte for byte.
    await nav(fresh, 'Projects');
    const again = await download(fresh, 'Save project file…');
    expect(again.buffer.equals(saved.buffer)).toBe(true);
    await fresh.context().close();
  });
});
