import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en/translation.json';
import kk from '../../locales/kk/translation.json';
import ru from '../../locales/ru/translation.json';
import { shot, useBrowser } from './browser.ts';

const newPage = useBrowser();
const STRINGS = { en, ru, kk } as const;
const LOCALES = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' } as const;
const SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 720 },
] as const;

/** The demo opened by a supervisor in `lang`: Enter in the name field opens it, as the button does. */
async function openDemo(page: Page) {
  await page.getByRole('textbox').fill('Supervisor');
  await page.getByRole('textbox').press('Enter');
  await page.getByText('1 / 341').waitFor();
}

describe.each(Object.keys(STRINGS) as (keyof typeof STRINGS)[])('study overview in %s', (lang) => {
  const s = STRINGS[lang];
  it('shows the pipeline with the next action, and the packages screen, at both small sizes', async () => {
    const page = await newPage(LOCALES[lang]);
    await openDemo(page);
    const nav = page.getByRole('navigation', { name: s.nav.label });
    await nav.getByRole('button', { name: s.nav.overview, exact: true }).click();
    // The demo has two coders and disagreements left: adjudication is the next action.
    await page.getByText(s.overview.next.adjudication).waitFor();
    await page.getByRole('list', { name: s.overview.pipeline }).waitFor();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      // Nothing wider than the window: no horizontal scrolling on a small laptop.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await shot(page, `overview-${lang}-${size.width}x${size.height}`);
    }
    await page.locator('.next-action').getByRole('button', { name: s.overview.action.adjudication }).click();
    await page.getByRole('heading', { level: 1, name: s.nav.adjudication }).waitFor();

    await nav.getByRole('button', { name: s.nav.packages, exact: true }).click();
    await page.getByRole('region', { name: s.package.export.title }).waitFor();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await shot(page, `packages-${lang}-${size.width}x${size.height}`);
    }
    await page.context().close();
  });
});
