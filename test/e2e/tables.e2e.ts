import { projectFileStem } from '../../renderer/features/projects/projectName.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { createDemoProject } from '../../shared/demo/index.ts';
import { SCREENSHOTS, shot, useBrowser } from './browser.ts';
import { EXCEL_SEPARATOR, openAsExcel } from './excelCsv.ts';

/** Files are named after the project, in the UI's language (here Russian). */
const RU_STEM = projectFileStem(createDemoProject().project, 'ru');
const newPage = useBrowser();

const DEMO = createDemoProject();
const [AIGERIM] = DEMO.coders;

async function openDemo(page: Page) {
  await page.getByRole('textbox').fill('Supervisor');
  await page.getByRole('button', { name: /Open the demo project/ }).click();
  await page.getByText('1 / 341').waitFor();
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name, exact: true }).click();

/** Clicks `button` and returns the bytes and name of the file the web platform downloads. */
async function download(page: Page, button: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync((await file.path())!)) };
}

const bodyRows = (page: Page) =>
  page
    .locator('table.data tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((c) => c.textContent)));

describe('tables and dataset export', () => {
  it("builds the study's regions table and a reasons × region cross-tab, and saves the chart as PNG", async () => {
    const page = await newPage('en-GB');
    await openDemo(page);
    await nav(page, 'Tables');
    await page.locator('.chart svg').waitFor();
    const rows = await bodyRows(page);
    // DESIGN.md, the study's Table 2: Almaty city 61 (17.9 %), Astana city 47, …, Akmola 5, total 341.
    expect(rows).toHaveLength(17);
    expect(rows[0]).toEqual(['Almaty city', '61', '17.9']);
    expect(rows[1]).toEqual(['Astana city', '47', '13.8']);
    expect(rows.at(-1)).toEqual(['Akmola', '5', '1.5']);
    await expect(page.locator('table.data tfoot tr').first().textContent()).resolves.toBe('Valid341100.0');
    await shot(page, 'tables-regions-en');

    // Copy: Word and Excel read the HTML table; a plain editor the tab-separated text.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy table' }).click();
    await page.getByText('Table copied: paste it into Word or Excel.').waitFor();
    const clipboard = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return {
        html: await (await item!.getType('text/html')).text(),
        text: await (await item!.getType('text/plain')).text(),
      };
    });
    expect(clipboard.html).toContain('<th>Region</th><th>Count</th><th>% of valid</th>');
    expect(clipboard.html).toContain('<td>Almaty city</td><td style="text-align:right">61</td>');
    expect(clipboard.text.split('\r\n')[1]).toBe('Almaty city\t61\t17.9');

    const png = await download(page, 'Chart as PNG…');
    expect(png.name).toBe('Open-Dialogue-appeals-to-the-Anti-Corruption-Region.png');
    // PNG signature, then the IHDR width: the 900 px chart drawn at pixel ratio 2.
    expect(Array.from(png.bytes.slice(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(new DataView(png.bytes.buffer).getUint32(16)).toBe(1800);
    expect(png.bytes.length).toBeGreaterThan(10_000);
    writeFileSync(`${SCREENSHOTS}/chart-regions-export.png`, png.bytes);

    const xlsx = await download(page, 'Save Excel…');
    expect(Array.from(xlsx.bytes.slice(0, 2))).toEqual([0x50, 0x4b]);

    // Reasons (multiple choice) by region, from one coder's codings.
    await page.getByRole('combobox', { name: 'Table of' }).selectOption('var:reason');
    await page.getByRole('combobox', { name: 'By (cross-tab)' }).selectOption('meta:region');
    await page.getByRole('combobox', { name: 'Codings of' }).selectOption(`coder:${AIGERIM!.id}`);
    await page.getByText(/No χ² test: a multiple-choice variable/).waitFor();
    const coded = DEMO.codings.filter(
      (c) => c.coderId === AIGERIM!.id && c.variableId === 'reason' && c.values.length,
    );
    await page.getByText(`${coded.length} appeals have a value on both`, { exact: false }).waitFor();
    const reasons = new Set(coded.flatMap((c) => c.values));
    expect(await bodyRows(page)).toHaveLength(reasons.size);
    await page.getByRole('combobox', { name: 'Cells' }).selectOption('rowPercent');
    await shot(page, 'tables-cross-en');

    // A single-choice cross-tab gets its χ² test.
    await page.getByRole('combobox', { name: 'Table of' }).selectOption('var:response');
    await page.getByText(/^χ² = [\d.]+, df = \d+, p [<=] [\d.]+; Cramér’s V = [\d.]+$/).waitFor();
    await page.context().close();
  });

  it('exports the wide dataset as a CSV that Excel opens safely, and the exact data with SPSS syntax', async () => {
    const page = await newPage('ru-RU');
    await page.getByRole('textbox').fill('Руководитель');
    await page.getByRole('button', { name: /Открыть демо-проект/ }).click();
    await page.getByText('1 / 341').waitFor();
    // A hostile metadata cell, written straight into IndexedDB as an import of a bad file would.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('kodtau');
          open.onsuccess = () => {
            const store = open.result.transaction('appealBlocks', 'readwrite').objectStore('appealBlocks');
            const get = store.index('keys').get(['demo-open-dialogue', 'OD-2019-0002']);
            get.onsuccess = () => {
              const block = get.result;
              const appeal = block.appeals.find((a: { id: string }) => a.id === 'OD-2019-0002');
              appeal.meta.addressee = '=HYPERLINK("http://example.com";"click")';
              store.put(block).onsuccess = () => resolve();
            };
            get.onerror = () => reject(get.error);
          };
        }),
    );
    await nav(page, 'Экспорт');
    await page.getByRole('combobox', { name: 'Источник значений' }).selectOption(`coder:${AIGERIM!.id}`);
    await shot(page, 'export-ru');
    const csv = await download(page, 'Экспортировать данные…');
    expect(csv.name).toBe(`${RU_STEM}-wide.csv`);

    const excel = openAsExcel(csv.bytes, EXCEL_SEPARATOR.ru!);
    expect(excel.bom).toBe(true);
    expect(excel.sameWidth).toBe(true);
    expect(excel.rows).toHaveLength(342);
    expect(excel.liveFormulas).toEqual([]);
    const addressee = excel.rows[0]!.indexOf('addressee');
    expect(excel.rows[2]![addressee]).toBe('\'=HYPERLINK("http://example.com";"click")');
    // Cyrillic survives: a Russian label of the region.
    expect(excel.rows.flat().some((cell) => /город|область/i.test(cell))).toBe(true);

    // The same dataset as an Excel workbook, written in a worker: the hostile cell is text there.
    await page.getByRole('radio', { name: 'Книга Excel (.xlsx)' }).check();
    const xlsx = await download(page, 'Экспортировать данные…');
    expect(xlsx.name).toBe(`${RU_STEM}-wide.xlsx`);
    const [sheet] = await readXlsxFile(Buffer.from(xlsx.bytes));
    expect(sheet!.data).toHaveLength(342);
    expect(sheet!.data[2]![addressee]).toBe('=HYPERLINK("http://example.com";"click")');

    // The files for statistics programs: the data exactly (no apostrophe) and the syntax reading it.
    await page.getByRole('radio', { name: 'CSV для Excel' }).check();
    const data = await download(page, 'Данные для SPSS и R (.csv)…');
    expect(data.name).toBe(`${RU_STEM}-wide-data.csv`);
    const exact = new TextDecoder().decode(data.bytes);
    expect(exact).toContain(',"=HYPERLINK(""http://example.com"";""click"")",');
    const sps = await download(page, 'Синтаксис SPSS (.sps)…');
    expect(new TextDecoder().decode(sps.bytes)).toContain(`/FILE='${RU_STEM}-wide-data.csv'`);
    await page.context().close();
  });

  it('shows the tables and export screens in Kazakh, Russian and English', async () => {
    const page = await newPage('en-GB');
    await openDemo(page);
    for (const [button, tables, exportName, lang] of [
      ['Қазақша', 'Кестелер', 'Экспорт', 'kk'],
      ['Русский', 'Таблицы', 'Экспорт', 'ru'],
      ['English', 'Tables', 'Export', 'en'],
    ] as const) {
      await page.getByRole('button', { name: button }).first().click();
      await nav(page, tables);
      await page.locator('.chart svg').waitFor();
      await page.locator('table.data tbody tr').first().waitFor();
      await shot(page, `tables-${lang}`);
      await nav(page, exportName);
      await page.locator('button.primary').waitFor();
      // The final dataset's counts come from the worker after the form.
      await page.locator('.final-summary').waitFor();
      await shot(page, `export-${lang}`);
    }
    await page.context().close();
  });
});
