import { describe, expect, it } from 'vitest';
import { createDemoProject } from '../../shared/demo/index.ts';
import { shot, useBrowser } from './browser.ts';

const newPage = useBrowser();

/** Codings of the demo's two coders that hold `code` on the response variable (shared/demo/codings.ts). */
const demoUses = (code: string) =>
  createDemoProject().codings.filter((c) => c.variableId === 'response' && c.values.includes(code)).length;

describe('codebook editor', () => {
  it('edits the demo codebook in Kazakh, merges two categories that have codings and shows the codings moved', async () => {
    const page = await newPage('kk-KZ');
    await page.getByRole('textbox').fill('Әйгерім');
    await page.getByRole('button', { name: /Демо жобаны ашу/ }).click();
    await page.getByText('1 / 341').waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Кодтар кітабы' }).click();

    const response = page.getByRole('article', { name: 'Агенттіктің жауабы' });
    const noAnswer = response.getByRole('listitem', { name: 'Жауап жоқ', exact: true });
    const other = response.getByRole('listitem', { name: 'Басқа', exact: true });
    const [fromCount, intoCount] = [demoUses('no_answer'), demoUses('other')];
    // Counts from the demo's codings, shown next to each category once counted.
    await noAnswer.getByText(`${fromCount} код белгісі`).waitFor();
    await other.getByText(`${intoCount} код белгісі`).waitFor();
    await shot(page, 'codebook-kk');

    // Edit in Kazakh: a definition, then a label.
    await other.getByRole('button', { name: /Анықтамасы мен мысалдары/ }).click();
    await other
      .getByRole('textbox', { name: 'Анықтамасы (Қазақша)' })
      .fill('Жоғарыдағы санаттардың ешқайсысына сәйкес келмейтін жауап.');
    const label = other.getByRole('textbox', { name: 'Атауы (Қазақша)' });
    await label.fill('Басқа жауап');
    const renamed = response.getByRole('listitem', { name: 'Басқа жауап' });

    // Merge "no answer" into the renamed category.
    await noAnswer.getByRole('button', { name: 'Басқасымен біріктіру…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`: ${fromCount}.`, { exact: false }).waitFor();
    await dialog.getByRole('combobox').selectOption('other');
    await shot(page, 'codebook-merge-kk');
    await dialog.getByRole('button', { name: 'Біріктіру', exact: true }).click();
    await expect(noAnswer.count()).resolves.toBe(0);

    await page.getByRole('button', { name: '2-нұсқа ретінде сақтау' }).click();
    await page.getByText(`2-нұсқа ретінде сақталды. Ауыстырылған код белгілері: ${fromCount}.`).waitFor();
    await renamed.getByText(`${fromCount + intoCount} код белгісі`).waitFor();
    await page.locator('.codebook-editor').getByText('2-нұсқа · хеш', { exact: false }).waitFor();
    await renamed.scrollIntoViewIfNeeded();
    await shot(page, 'codebook-merged-kk');

    // The edit and the merge survive a reload: they are in IndexedDB.
    await page.reload();
    await response
      .getByRole('listitem', { name: 'Басқа жауап' })
      .getByText(`${fromCount + intoCount} код белгісі`)
      .waitFor();

    for (const [lang, button, title] of [
      ['ru', 'Русский', 'Кодовая книга'],
      ['en', 'English', 'Codebook'],
    ] as const) {
      await page.getByRole('button', { name: button }).first().click();
      await page.getByRole('heading', { name: title, exact: true }).waitFor();
      await shot(page, `codebook-${lang}`);
    }

    // The printable codebook, as the print dialog renders it.
    await page.getByRole('combobox', { name: 'Print in' }).selectOption('kk');
    await page.emulateMedia({ media: 'print' });
    await page.locator('.codebook-print').getByText('Басқа жауап').first().waitFor();
    await expect(page.locator('.codebook-editor').isVisible()).resolves.toBe(false);
    // The page's full width, not the sidebar's column of the app's grid.
    await expect(page.locator('.codebook-print').boundingBox()).resolves.toMatchObject({ x: 0 });
    expect((await page.locator('.codebook-print').boundingBox())?.width).toBeGreaterThan(1000);
    await shot(page, 'codebook-print-kk');
    await page.context().close();
  });
});
