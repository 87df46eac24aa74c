import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/kodtau.ts';
import { createDemoProject } from '../../shared/demo/index.ts';
import { demoCoderFiles } from '../../shared/merge/index.ts';
import { nav, shot, shotInLanguages, useBrowser } from './browser.ts';
import { clearStore, storedAnswers } from './idb.ts';

const newPage = useBrowser();

const files = demoCoderFiles().map(({ name, text }) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(text),
}));

/** The demo project as a supervisor has it before any coder file came back: appeals, no codings. */
async function supervisorWithoutCodings(page: Page) {
  await page.getByRole('textbox').fill('Supervisor');
  await page.getByRole('button', { name: /Open the demo project/ }).click();
  await page.getByText('1 / 341').waitFor();
  await clearStore(page, 'codingBlocks');
  await page.reload();
  await nav(page, 'Coders & merge');
}

/** Every coding in IndexedDB, in key order, as text: equal merges give equal text. */
const storedCodings = async (page: Page) => JSON.stringify(await storedAnswers(page));

/** Imports the files through the file dialog and returns the report's rows, once it shows this import. */
async function importFiles(page: Page, chosen: typeof files) {
  const read = () =>
    JSON.stringify(
      [...document.querySelectorAll('table.merge-report tbody tr')].map((tr) =>
        [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent).join(' '),
      ),
    );
  const rows = async () => JSON.parse(await page.evaluate(read)) as string[];
  const before = await page.evaluate(read);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import coder files…' }).click();
  await (await chooser).setFiles(chosen);
  // While merging, the report is hidden: wait for the new one.
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(read);
        return now !== before && now !== '[]';
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return rows();
}

describe('merge, agreement and adjudication in the browser', () => {
  it('imports the demo coder files twice and in both orders with identical results', async () => {
    const page = await newPage('en-GB');
    await supervisorWithoutCodings(page);
    expect(await importFiles(page, files)).toEqual([
      'aigerim.kodtau-coder.json Aigerim 820 0 0 merged',
      'dmitry.kodtau-coder.json Dmitry 816 0 0 merged',
    ]);
    const once = await storedCodings(page);
    expect(await importFiles(page, files)).toEqual([
      'aigerim.kodtau-coder.json Aigerim 0 0 820 merged',
      'dmitry.kodtau-coder.json Dmitry 0 0 816 merged',
    ]);
    expect(await storedCodings(page)).toBe(once);
    await shotInLanguages(page, 'coders-merge');

    const other = await newPage('en-GB');
    await supervisorWithoutCodings(other);
    await importFiles(other, [...files].reverse());
    expect(await storedCodings(other)).toBe(once);
    // The merged codings are the demo's own: 4 variables × (341 appeals + the 68 of the overlap sample).
    expect(JSON.parse(once)).toHaveLength(createDemoProject().codings.length);
    await other.context().close();

    // A damaged file is refused in the user's language; nothing changes.
    await page.getByRole('button', { name: 'Русский' }).first().click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Импортировать файлы кодировщиков…' }).click();
    const damaged = files[0]!.buffer.toString().replace('"Aigerim"', '"Aigerim!"');
    await (
      await chooser
    ).setFiles([{ name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(damaged) }]);
    await page
      .getByText('Контрольная сумма не совпала: файл изменён или повреждён после экспорта.')
      .waitFor();
    expect(await storedCodings(page)).toBe(once);
    await shot(page, 'coders-merge-refused-ru');
    await page.context().close();
  });

  it('shows the dashboard figures `kodtau agreement` gives for the matrix it used', async () => {
    const page = await newPage('en-GB');
    await supervisorWithoutCodings(page);
    await importFiles(page, files);
    await nav(page, 'Agreement');
    await page.getByRole('button', { name: 'Region', exact: true }).waitFor();
    await shotInLanguages(page, 'agreement');
    const dir = mkdtempSync(join(tmpdir(), 'kodtau-e2e-'));
    for (const variable of ['Region', "Agency's response"] as const) {
      const button = page.getByRole('button', { name: variable, exact: true });
      await button.click();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export the matrix (ReCal CSV)…' }).click();
      const file = join(dir, (await download).suggestedFilename());
      await (await download).saveAs(file);
      const command = (await page.locator('.agreement-detail .actions code').textContent())!
        .split(' ')
        .slice(3);
      let out = '';
      const code = await main(['agreement', file, ...command, '--json'], {
        out: (t) => (out += t),
        err: () => {},
      });
      expect(code).toBe(0);
      const cli = JSON.parse(out) as Record<string, number>;
      const ci = cli.alphaCI95 as unknown as number[];
      const row = page.locator('table.agreement tbody tr', { has: button });
      // The figures' cells; the last, the verdict against α_min, is checked by AgreementScreen.test.
      const cells = (await row.locator('td').allTextContents()).map((c) => c.trim()).slice(0, 9);
      const three = (x: number) => x.toFixed(3);
      expect(cells).toEqual([
        String(cli.units),
        String(cli.coders),
        three(cli.percentAgreement!),
        three(cli.krippendorffAlpha!),
        `${three(ci[0]!)} – ${three(ci[1]!)}`,
        three(cli.cohenKappa!),
        three(cli.fleissKappa!),
        three(cli.gwetAC1!),
        three(cli.brennanPrediger!),
      ]);
      expect(readFileSync(file, 'utf8')).toContain('Aigerim,Dmitry');
    }
    // A click on a disagreement cell lists the appeals behind it.
    await page.getByRole('button', { name: 'Region', exact: true }).click();
    const heat = page.getByRole('table', { name: 'Confusion matrix' });
    await heat.locator('td:not(.diagonal) button').first().click();
    await page.locator('.cell-appeals li').first().waitFor();
    await shotInLanguages(page, 'agreement-drilldown');
    await page.context().close();
  });

  it('adjudicates five disagreements with the keyboard and finds them in the consensus after a reload', async () => {
    const page = await newPage('en-GB');
    await supervisorWithoutCodings(page);
    await importFiles(page, files);
    await nav(page, 'Adjudication');
    // The demo's 48 disagreements (shared/demo/codings.ts: 15 + 8 + 14 + 11).
    await page.getByText(/^Settled 0 of 48 disagreements\./).waitFor();
    await shotInLanguages(page, 'adjudication');
    const taken: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const heading = (await page.locator('#decision-title').textContent())!;
      taken.push(heading.replace(/^\d+ of \d+ · /, ''));
      await page.keyboard.press(i % 2 ? '1' : '2');
      await page.getByText(new RegExp(`^Settled ${i} of 48 disagreements\\.`)).waitFor();
    }
    await page.reload();
    await nav(page, 'Adjudication');
    await page.getByText(/^Settled 5 of 48 disagreements\./).waitFor();
    await page.getByLabel('show settled ones too').check();
    const settled = await page.locator('.queue button.settled').allTextContents();
    expect(settled).toHaveLength(5);
    for (const unit of taken) expect(settled.join('\n')).toContain(unit.split(' · ')[1]!);

    // Gold-standard training from the consensus: agreed units and the five settled ones.
    await nav(page, 'Coders & merge');
    await page.getByRole('button', { name: /^Make a training set of \d+ appeals?$/ }).click();
    await page.getByRole('combobox', { name: 'Coder' }).selectOption({ label: 'Dmitry' });
    await page.getByText(/^Coded \d+ of the \d+ appeals in the set\.$/).waitFor();
    await page.locator('#training-title').scrollIntoViewIfNeeded();
    await shotInLanguages(page, 'training');
    await page.context().close();
  });
});
