import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importFixtures } from '../fixtures/import/fixtures.ts';
import { shot, useBrowser } from './browser.ts';
import { storeCount, storedAppeals } from './idb.ts';

const newPage = useBrowser();

async function signIn(page: Page, name: string) {
  await page.getByRole('textbox').fill(name);
  await page.getByRole('button', { name: 'Continue without the demo' }).click();
}

async function chooseFile(page: Page, button: string, file: { name: string; bytes: Uint8Array }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (
    await chooser
  ).setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: Buffer.from(file.bytes) });
}

/** Drops a file on the window, as a user dragging it from the file manager. */
async function dropFile(page: Page, file: { name: string; bytes: Uint8Array }) {
  await page.evaluate(
    ({ name, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(data)], name));
      for (const type of ['dragover', 'drop']) {
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    },
    { name: file.name, data: [...file.bytes] },
  );
}

const wizard = (page: Page) => page.getByRole('region', { name: 'Import appeals' });

/** Goes through the wizard with the guessed mapping and returns once the appeals are written. */
async function runWizard(
  page: Page,
  expected: { encoding?: string; sample: string; count: number; shot?: string },
) {
  const w = wizard(page);
  await w.getByText(expected.sample).first().waitFor();
  if (expected.encoding) {
    await expect(w.getByLabel('Encoding').inputValue()).resolves.toBe(expected.encoding);
  }
  if (expected.shot) await shot(page, `${expected.shot}-preview`);
  await w.getByRole('button', { name: 'Next' }).click();
  if (expected.shot) await shot(page, `${expected.shot}-columns`);
  await w.getByRole('button', { name: 'Check the rows' }).click();
  await w.getByRole('button', { name: new RegExp(`^Import ${expected.count} appeals?$`) }).click();
  await w.getByText(new RegExp(`^Imported ${expected.count} appeals?\\.$`)).waitFor();
  await w.getByRole('button', { name: 'Show the appeals' }).click();
}

describe('import appeals through the wizard', () => {
  it('imports Windows-1251, RK1048, UTF-16 and XLSX files and shows the right Russian and Kazakh text', async () => {
    const [cp1251, rk1048, utf16, xlsx] = await importFixtures();
    const page = await newPage('en-GB');
    await signIn(page, 'Supervisor');
    await page.getByRole('navigation').getByRole('button', { name: 'Import' }).click();

    // Windows-1251, semicolons: no project yet, so the appeals go into a new one.
    await chooseFile(page, 'Import appeals…', cp1251!);
    await runWizard(page, {
      encoding: 'windows-1251',
      sample: 'участковый инспектор требовал деньги',
      count: 3,
      shot: 'import-1251-en',
    });
    const appeals = page.locator('table.appeals-table');
    await appeals
      .getByText('Прошу разобраться: участковый инспектор требовал деньги за регистрацию; квитанцию не выдал')
      .waitFor();
    await appeals
      .getByText('Судебный исполнитель не исполняет решение суда, ссылаясь на "нехватку времени"')
      .waitFor();
    await page.getByText('3 appeals in this project').waitFor();

    // RK1048: detected; read as Windows-1251 the Kazakh letters turn into look-alikes, and the preview says so.
    await chooseFile(page, 'Import appeals…', rk1048!);
    const w = wizard(page);
    await w.getByText('Әкімдікке өтініш').first().waitFor();
    await expect(w.getByLabel('Encoding').inputValue()).resolves.toBe('rk1048');
    await w.getByLabel('Encoding').selectOption('windows-1251');
    await w.getByText(/characters? looks? wrong/).waitFor();
    await expect(w.locator('mark').count()).resolves.toBeGreaterThan(5);
    await shot(page, 'import-rk1048-wrong-encoding-en');
    await w.getByLabel('Encoding').selectOption('rk1048');
    await runWizard(page, { sample: 'Әкімдікке өтініш', count: 3 });
    await appeals.getByText('Әкімдікке өтініш: жолдар жөндеуді қажет етеді, біз ұзақ күттік').waitFor();

    // UTF-16 LE "Unicode text" with tabs, dropped on the window.
    await dropFile(page, utf16!);
    await runWizard(page, { encoding: 'utf-16le', sample: 'Қаржы полициясы', count: 2 });

    // XLSX, through the dialog; Kazakh and Russian cells, a date cell.
    await chooseFile(page, 'Import appeals…', xlsx!);
    await runWizard(page, { sample: 'Мемлекеттік қызмет', count: 2 });
    await page.getByText('10 appeals in this project').waitFor();
    const allText = await storedAppeals(page);
    const byId = new Map(allText.map((a) => [a.id, a]));
    expect(byId.get('u-1')?.text).toBe('Қаржы полициясы өтінішіме жауап бермеді');
    expect(byId.get('x-1')?.meta).toEqual({ date: '2019-09-02', region: 'Ақмола облысы' });
    expect(byId.get('101')?.meta).toEqual({ date: '2019-08-05', region: 'Алматы' });

    // The same file again adds nothing twice.
    await chooseFile(page, 'Import appeals…', cp1251!);
    await wizard(page).getByRole('button', { name: 'Next' }).click();
    await wizard(page).getByRole('button', { name: 'Check the rows' }).click();
    await wizard(page).getByText('3 are already in the project and will not be added again').waitFor();
    await wizard(page).getByText('This file was imported into this project before.').waitFor();
    await shot(page, 'import-again-en');
    await wizard(page).getByRole('button', { name: 'Cancel' }).click();

    // A PDF renamed .csv is refused with a message, and nothing changes.
    await chooseFile(page, 'Import appeals…', {
      name: 'appeals.csv',
      bytes: new TextEncoder().encode('%PDF-1.7\n…'),
    });
    await wizard(page).getByText('This is a PDF document, not a table.', { exact: false }).waitFor();
    await page.getByText('10 appeals in this project').waitFor();

    // The wizard in Russian and Kazakh.
    for (const [button, lang] of [
      ['Русский', 'ru'],
      ['Қазақша', 'kk'],
    ] as const) {
      await page.getByRole('button', { name: button }).first().click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      await dropFile(page, rk1048!);
      await page.locator('.import-wizard').getByText('Әкімдікке өтініш').first().waitFor();
      await shot(page, `import-preview-${lang}`);
      await page.locator('.import-wizard .actions button.primary').click();
      await shot(page, `import-columns-${lang}`);
      await page.locator('.import-wizard .actions button.primary').click();
      await page.locator('.import-wizard .facts-list').waitFor();
      await shot(page, `import-check-${lang}`);
    }
    await page.context().close();
  });
});

describe('a large import', () => {
  it('shows progress, and Cancel during the write leaves the project as it was', async () => {
    const rows = ['id;text;region'];
    for (let i = 1; i <= 30_000; i++)
      rows.push(`L-${i};Обращение номер ${i}: прошу разобраться с работой акимата;Алматы`);
    const page = await newPage('en-GB');
    await signIn(page, 'Supervisor');
    await page.getByRole('navigation').getByRole('button', { name: 'Import' }).click();
    await chooseFile(page, 'Import appeals…', {
      name: 'large.csv',
      bytes: new TextEncoder().encode(rows.join('\n')),
    });
    const w = wizard(page);
    await w.getByRole('button', { name: 'Next' }).click();
    await w.getByRole('button', { name: 'Check the rows' }).click();
    await w.getByRole('button', { name: 'Import 30,000 appeals' }).click();
    await w.getByRole('progressbar').waitFor();
    await shot(page, 'import-progress-en');
    await w.getByRole('button', { name: 'Cancel' }).click();
    await w.getByText('The import was cancelled.').waitFor();
    await w.getByText('Nothing was changed in your projects.').waitFor();
    expect(await storedAppeals(page)).toEqual([]);
    expect(await storeCount(page, 'projects')).toBe(0);
    await page.context().close();
  });
});

describe('project packages', () => {
  it('exports a package for each of two coders and opens one in a fresh profile', async () => {
    const supervisor = await newPage('en-GB');
    await supervisor.getByRole('textbox').fill('Supervisor');
    await supervisor.getByRole('button', { name: 'Open the demo project' }).click();
    await supervisor.getByRole('navigation').getByRole('button', { name: 'Packages' }).click();
    const exportCard = supervisor.getByRole('region', { name: 'Package for coders' });
    await exportCard.getByLabel('Coders, one name per line').fill('Aigerim\nDmitry');
    await exportCard.getByLabel('Overlap sample, % of appeals').fill('20');
    await exportCard.getByLabel(/Random seed/).fill('2019');
    // 341 demo appeals: overlap round(0.2 × 341) = 68; the other 273 dealt in turn: 137 and 136.
    await exportCard
      .getByText('Overlap sample: 68 appeals; each of 2 coders gets up to 205 appeals.')
      .waitFor();
    await shot(supervisor, 'package-export-en');
    const downloads: { name: string; bytes: Uint8Array }[] = [];
    supervisor.on('download', async (download) => {
      downloads.push({ name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) });
    });
    await exportCard.getByRole('button', { name: 'Export packages' }).click();
    await exportCard.getByText('2 packages saved.').waitFor();
    await expect.poll(() => downloads.length).toBe(2);
    downloads.sort((a, b) => a.name.localeCompare(b.name));
    expect(downloads.map((d) => d.name)).toEqual([
      'Open Dialogue appeals to the Anti-Corruption Agency (synthetic) - Aigerim.kodtau',
      'Open Dialogue appeals to the Anti-Corruption Agency (synthetic) - Dmitry.kodtau',
    ]);
    const [aigerim, dmitry] = downloads.map((d) => JSON.parse(new TextDecoder().decode(d.bytes)));
    expect(aigerim.appeals).toHaveLength(205);
    expect(dmitry.appeals).toHaveLength(204);
    expect(aigerim.assignment.overlap).toEqual(dmitry.assignment.overlap);
    expect(aigerim.assignment.seed).toBe('2019');
    await supervisor.context().close();

    // A coder's laptop: a fresh profile. A damaged package is refused; the real one opens by drop.
    const coder = await newPage('ru-RU');
    // Signed in under the name the package was made for (another name is asked about first).
    await coder.getByRole('textbox').fill('Aigerim');
    await coder.getByRole('button', { name: 'Продолжить без демо' }).click();
    // A copy: Buffer#slice would be a view onto the real package.
    const damaged = Uint8Array.from(downloads[0]!.bytes);
    damaged[damaged.length - 200] = damaged[damaged.length - 200] === 0x61 ? 0x62 : 0x61;
    await dropFile(coder, { name: 'damaged.kodtau', bytes: damaged });
    await coder.getByRole('alert').getByText('Пакет повреждён', { exact: false }).waitFor();
    await shot(coder, 'package-damaged-ru');
    await coder.locator('.topbar-project').getByText('Проект не открыт').waitFor();

    await dropFile(coder, downloads[0]!);
    await coder.getByText('Пакет открыт: добавлено 205 обращений', { exact: false }).waitFor();
    await shot(coder, 'package-opened-ru');
    await coder.getByRole('button', { name: 'Начать кодирование' }).click();
    await coder.getByRole('navigation').getByRole('button', { name: 'Проекты' }).click();
    await coder.getByText('205 обращений').waitFor();
    await coder.context().close();
  });
});
