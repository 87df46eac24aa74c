import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en/translation.json';
import kk from '../../locales/kk/translation.json';
import ru from '../../locales/ru/translation.json';
import { SCREENS } from '../../renderer/store/uiSlice.ts';
import type { Lang } from '../../shared/model/index.ts';
import { nav, shot, switchLanguage, useBrowser } from './browser.ts';

/**
 * Every screen of the demo, as the supervisor sees it, in kk, ru and en: no date shown as ISO
 * yyyy-mm-dd, no percentage or thousands written by hand instead of through Intl. What is read is
 * the visible text, without IDs and keys (`code`, `kbd`) and the appeals' own texts, which are
 * data, not formatting.
 */
const newPage = useBrowser();
const STRINGS = { kk, ru, en } as const;

/** The visible text of the page, IDs and keys left out. */
const visibleText = (page: Page) =>
  page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const texts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('code, kbd, script, style') || !parent.checkVisibility()) continue;
      // An appeal's own text (marked with its language) is data: "200 000 тенге" is the citizen's.
      if (parent.closest('[lang]')?.getAttribute('lang') !== document.documentElement.lang) continue;
      texts.push(node.textContent ?? '');
    }
    return texts.join('\n');
  });

/** What Intl never writes in `lang`: each pattern with what it catches. */
function handWritten(lang: Lang): [RegExp, string][] {
  const common: [RegExp, string][] = [
    [/\b\d{4}-\d{2}-\d{2}\b/, 'an ISO date'],
    [
      /\d %/,
      'a percentage with an ordinary space (Intl puts none in English, a no-break space in kk and ru)',
    ],
  ];
  return lang === 'en'
    ? [
        ...common,
        [/\d[\u00a0\u202f]%/, 'a percentage with a space, not English typography'],
        [/\d[\u00a0\u202f ]\d{3}(?!\d)/, 'a thousands separator written as a space'],
      ]
    : [...common, [/\d\.\d+[\u00a0\u202f ]?%/, 'a percentage with a decimal point']];
}

async function openDemo(page: Page) {
  await page.getByRole('textbox').fill('Supervisor');
  await page.getByRole('textbox').press('Enter');
  await page.getByText('1 / 341').waitFor();
}

describe.each(Object.keys(STRINGS) as Lang[])('numbers and dates on every screen in %s', (lang) => {
  const s = STRINGS[lang];
  it('every screen writes dates, percentages and thousands through Intl', { timeout: 180_000 }, async () => {
    const page = await newPage('en-GB');
    await openDemo(page);
    await switchLanguage(page, lang);
    const found: string[] = [];
    for (const screen of SCREENS) {
      await nav(page, s.nav[screen]);
      await page.locator('#screen-title').waitFor();
      // Figures computed in a worker: wait until no screen says it is still computing.
      if (screen === 'agreement') {
        await page.locator('table.agreement').waitFor({ timeout: 60_000 });
        await page.getByText(s.agreement.computing).waitFor({ state: 'detached', timeout: 60_000 });
      }
      const text = await visibleText(page);
      for (const [pattern, what] of handWritten(lang)) {
        const match = pattern.exec(text);
        if (match)
          found.push(`${screen}: ${what}: “${text.slice(Math.max(0, match.index - 30), match.index + 30)}”`);
      }
      await shot(page, `screens-${screen}-${lang}`);
    }
    // The codebook's version history, opened.
    await nav(page, s.nav.codebook);
    await page.getByText(s.codebookHistory.title, { exact: true }).click();
    await page.getByText(s.codebookHistory.lead).waitFor();
    await shot(page, `screens-codebook-history-${lang}`);
    // The coding screen's date filter, typed in the language's numeric form.
    await nav(page, s.nav.coding);
    await page.getByText(s.coding.filter.more).click();
    const from = page.getByRole('textbox', { name: s.coding.filter.from });
    await from.fill(lang === 'en' ? '01/09/2019' : '01.09.2019');
    await expect.poll(() => from.getAttribute('placeholder')).toBe(s.dayInput.pattern);
    await shot(page, `screens-coding-dateFilter-${lang}`);
    expect(found).toEqual([]);
    await page.context().close();
  });
});
