import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDemoProject } from '../../shared/demo/index.ts';
import { parseCoderFile } from '../../shared/formats/coderFile.ts';
import { installFailingWrites } from '../failingWrites.ts';
import { shot, useBrowser } from './browser.ts';
import { category, pressCategory } from './demoCoding.ts';

const newPage = useBrowser();
const DEMO = createDemoProject();
const VARIABLES = DEMO.codebook.variables;

/** The demo project open on a page whose IndexedDB writes fail on request (test/failingWrites.ts). */
async function openDemoWithFaults(locale = 'en-GB') {
  const page = await newPage(locale);
  await page.context().addInitScript(installFailingWrites);
  await page.reload();
  await page.getByRole('textbox').fill('Айгерім');
  await page.locator('form button.primary').click();
  await page.locator('.appeal-id', { hasText: DEMO.appeals[0]!.id }).waitFor();
  return page;
}

const failWrites = (page: Page, name: 'QuotaExceededError' | 'UnknownError' | null) =>
  page.evaluate((name) => Object.assign(globalThis, { __kodtauFailWrites: name }), name);

describe('a write the browser refuses', () => {
  it('disk full: Next does not move, the message is in the UI language, the coder file exports, a retry stores it', async () => {
    const page = await openDemoWithFaults();
    for (const variable of [1, 2, 3]) {
      await pressCategory(page, variable, 0);
      await expect.poll(() => category(page, variable, 0).getAttribute('aria-checked')).toBe('true');
    }
    await failWrites(page, 'QuotaExceededError');
    await pressCategory(page, 0, 0);
    const notice = page.locator('.write-failure');
    await notice.getByText('Not saved: the disk is full.').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    expect(await page.getByText('1 / 341').count()).toBe(1);
    expect(await category(page, 0, 0).getAttribute('aria-checked')).toBe('false');

    for (const [lang, button, text] of [
      ['kk', 'Қазақша', 'Сақталмады: диск толып қалды.'],
      ['ru', 'Русский', 'Не сохранено: диск заполнен.'],
      ['en', 'English', 'Not saved: the disk is full.'],
    ] as const) {
      await page.getByRole('button', { name: button }).first().click();
      await notice.getByText(text).waitFor();
      await shot(page, `coding-write-failed-${lang}`);
    }

    // The coder file holds what is stored: the three codings before the failed one.
    const download = page.waitForEvent('download');
    await notice.getByRole('button', { name: 'Export coder file now…' }).click();
    const chunks: Buffer[] = [];
    for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
    const file = parseCoderFile(Buffer.concat(chunks).toString('utf8'));
    expect(file.codings.map((c) => c.variableId).sort()).toEqual(
      [VARIABLES[1]!.id, VARIABLES[2]!.id, VARIABLES[3]!.id].sort(),
    );
    await notice.getByText(/^Saved as /).waitFor();

    // The disk has room again: the retry stores the change, and Next moves.
    await failWrites(page, null);
    await notice.getByRole('button', { name: 'Try again now' }).click();
    await notice.waitFor({ state: 'detached' });
    await expect.poll(() => category(page, 0, 0).getAttribute('aria-checked')).toBe('true');
    expect(await page.getByText('1 / 341').count()).toBe(1);
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByText('2 / 341').waitFor();

    await page.reload();
    await page.getByText('2 / 341').waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.getByText('1 / 341').waitFor();
    await expect.poll(() => category(page, 0, 0).getAttribute('aria-checked')).toBe('true');
    await page.context().close();
  });

  it('any other failure: says the database could not be written, and stores the change by itself once it can', async () => {
    const page = await openDemoWithFaults('ru-RU');
    await failWrites(page, 'UnknownError');
    await pressCategory(page, 1, 2);
    const notice = page.locator('.write-failure');
    await notice.getByText('Не сохранено: не удалось записать в базу данных.').waitFor();
    await failWrites(page, null);
    // No click: the automatic retry comes within seconds.
    await notice.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => category(page, 1, 2).getAttribute('aria-checked')).toBe('true');
    await page.context().close();
  });
});
