import type { TFunction } from 'i18next';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../shared/model/index.ts';
import { SCREENS, type Screen } from '../../renderer/store/index.ts';
import { axeSerious, shot, switchLanguage, useBrowser } from './browser.ts';
import { translator } from './locale.ts';

/**
 * Every screen of the demo study, in kk, ru and en, on a 13-inch laptop: axe-core finds no serious
 * or critical accessibility problem, nothing is wider than the window, and a screenshot of each
 * screen at 1024×640 and 1280×720 goes to screenshots/ for a person to look at.
 */
const newPage = useBrowser();
const SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 720 },
] as const;

/** What a screen shows once its figures are in (some come from a worker), beyond its heading. */
const READY: Partial<Record<Screen, string>> = {
  overview: '.next-action',
  coding: '.appeal-text',
  coders: 'table',
  agreement: '.methods-text',
  adjudication: '.adjudication-body',
  tables: 'table',
};

/**
 * Nothing wider than the window: neither the page nor the screen's own scrolling area (the main
 * landmark) scrolls sideways on a small laptop, so nothing is cut off on the right. Returns
 * null, or by how much and what sticks out.
 */
async function overflow(page: Page) {
  // A chart redraws at the new size when its resize observer fires: a generous wait for that.
  const fits = await page
    .waitForFunction(
      () => {
        const main = document.querySelector('main') ?? document.body;
        return [document.documentElement, main].every(
          (element) => element.scrollWidth <= element.clientWidth,
        );
      },
      undefined,
      { timeout: 10_000, polling: 'raf' },
    )
    .then(() => true)
    .catch(() => false);
  if (fits) return null;
  return page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body;
    const right = main.getBoundingClientRect().right;
    return {
      by: Math.max(...[document.documentElement, main].map((e) => e.scrollWidth - e.clientWidth)),
      out: [...main.querySelectorAll('*')]
        .filter((element) => element.getBoundingClientRect().right > right + 1)
        .slice(0, 5)
        .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`),
    };
  });
}

/**
 * Checks the page as it is with axe-core and at both sizes for overflow, shoots it at both sizes,
 * and returns what it found: `{ where, …finding }`, none when all is well.
 */
async function check(page: Page, name: string) {
  const found: unknown[] = (await axeSerious(page)).map((finding) => ({ where: name, ...finding }));
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const wider = await overflow(page);
    if (wider) found.push({ where: name, size, overflow: wider });
    await shot(page, `${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize({ width: 1360, height: 860 });
  return found;
}

/**
 * The coding screen as a screen reader's browse mode meets it: landmarks for the list, the appeal
 * and the codes, a live region that says "Saved" after a key codes the appeal, and a visible
 * focus ring on each control Tab reaches.
 */
async function browseCoding(page: Page, t: TFunction) {
  await page.getByRole('navigation', { name: t('coding.list') }).waitFor();
  await page.getByRole('article', { name: t('coding.appeal') }).waitFor();
  const codes = page.getByRole('complementary', { name: t('coding.panel') });
  await codes.waitFor();
  await page.locator('body').press('1');
  await page
    .getByRole('status')
    .filter({ hasText: t('coding.saved') })
    .waitFor();
  const rings: { control: string; outline: string }[] = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    rings.push(
      await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        return {
          control: `${element.tagName.toLowerCase()} ${element.getAttribute('aria-label') ?? element.textContent}`,
          outline: element.matches(':focus-visible') ? `${style.outlineStyle} ${style.outlineWidth}` : 'none',
        };
      }),
    );
  }
  expect(rings.filter((ring) => ring.outline !== 'solid 3px')).toEqual([]);
}

describe.each(['kk', 'ru', 'en'] as const satisfies readonly Lang[])('every screen in %s', (lang) => {
  it('is accessible and fits a small laptop', { timeout: 300_000 }, async () => {
    const t = await translator(lang);
    const page = await newPage('en-GB');
    await switchLanguage(page, lang);
    const found = await check(page, `screen-firstRun-${lang}`);

    await page.getByRole('textbox').fill('Supervisor');
    await page.getByRole('button', { name: t('firstRun.openDemo') }).click();
    await page.locator('.appeal-text').waitFor();
    const sidebar = page.getByRole('navigation', { name: t('nav.label') });
    for (const screen of SCREENS) {
      await sidebar.getByRole('button', { name: t(`nav.${screen}`), exact: true }).click();
      await page.locator('#screen-title').waitFor();
      const ready = READY[screen];
      if (ready) await page.locator('main').locator(ready).first().waitFor({ timeout: 60_000 });
      found.push(...(await check(page, `screen-${screen}-${lang}`)));
      if (screen === 'coding') await browseCoding(page, t);
    }

    // A coder's view of the same project: their own work in place of the study overview.
    await sidebar.getByRole('button', { name: t('nav.settings'), exact: true }).click();
    await page.getByRole('radio', { name: t('role.coder') }).check();
    await sidebar.getByRole('button', { name: t('nav.myWork'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: t('nav.myWork') }).waitFor();
    found.push(...(await check(page, `screen-myWork-${lang}`)));
    expect(found).toEqual([]);
    await page.context().close();
  });
});
