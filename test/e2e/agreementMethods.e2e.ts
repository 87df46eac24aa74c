import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { SCREENSHOTS, shot, useBrowser } from './browser.ts';

const newPage = useBrowser();

describe('agreement over time and the methods paragraph', () => {
  it(
    'draws Region over time and gives the demo its methods paragraph in kk, ru and en',
    { timeout: 240_000 },
    async () => {
      const page = await newPage('en-GB');
      await page.getByRole('textbox').fill('Supervisor');
      await page.getByRole('button', { name: /Open the demo project/ }).click();
      await page.getByText('1 / 341').waitFor();
      // Tall enough for the table, the paragraph and the chart in one shot.
      await page.setViewportSize({ width: 1360, height: 3200 });
      const paragraphs: Record<string, string> = {};
      for (const [lang, language, agreement, region] of [
        ['en', 'English', 'Agreement', 'Region'],
        ['ru', 'Русский', 'Согласованность', 'Регион'],
        ['kk', 'Қазақша', 'Келісімділік', 'Өңір'],
      ] as const) {
        await page.getByRole('button', { name: language }).first().click();
        await page.getByRole('navigation').getByRole('button', { name: agreement, exact: true }).click();
        await page.locator('table.agreement').waitFor();
        await page.locator('.methods-text').waitFor({ timeout: 60_000 });
        paragraphs[lang] = (await page.locator('.methods-text').textContent())!;
        const button = page.locator('table.agreement').getByRole('button', { name: region, exact: true });
        if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
        await page.locator('.drift-notes').waitFor({ timeout: 60_000 });
        await shot(page, `agreement-drift-methods-${lang}`);
      }
      writeFileSync(`${SCREENSHOTS}/agreement-methods.json`, JSON.stringify(paragraphs, null, 2));
      expect(paragraphs.en).toMatch(/^The corpus comprised 341 appeals\./);
      expect(paragraphs.ru).toMatch(/^Корпус насчитывал 341 обращение\./);
      expect(paragraphs.kk).toMatch(/^Корпус 341 өтініштен тұрды\./);
      await page.context().close();
    },
  );
});
