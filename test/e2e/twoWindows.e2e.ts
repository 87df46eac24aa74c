import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { createDemoProject } from '../../shared/demo/index.ts';
import { shotInLanguages, useBrowser } from './browser.ts';
import { category, checked, pressCategory } from './demoCoding.ts';
import { storedAnswers } from './idb.ts';

const newPage = useBrowser();
const DEMO = createDemoProject();
const VARIABLES = DEMO.codebook.variables;
const [REASON, REGION, BODY, RESPONSE] = [0, 1, 2, 3];

/** A second tab of the same browser profile (same IndexedDB, same Web Locks). */
async function secondTab(page: Page): Promise<Page> {
  const tab = await page.context().newPage();
  tab.on('pageerror', (error) => {
    throw error;
  });
  await tab.goto(`${inject('baseUrl')}/`);
  await tab.locator('.appeal-id', { hasText: DEMO.appeals[0]!.id }).waitFor();
  return tab;
}

const banner = (page: Page) => page.locator('.coding-elsewhere');

/** The signed-in coder's answers of an appeal in IndexedDB, variable id → values (raw API). */
async function stored(page: Page, appealId: string) {
  const me = await page.evaluate(
    () => JSON.parse(localStorage.getItem('kodtau-session')!).state.coderId as string,
  );
  const rows = (await storedAnswers(page)).filter((row) => row.appealId === appealId && row.coderId === me);
  return Object.fromEntries(rows.map((row) => [row.variableId, row.values]));
}

describe('two windows of the same project', () => {
  it('one codes, the other watches live and can take over; coding and undoing in both loses nothing', async () => {
    const first = await newPage('en-GB');
    await first.getByRole('textbox').fill('Two-window coder');
    await first.getByRole('button', { name: /Open the demo project/ }).click();
    await first.locator('.appeal-id', { hasText: DEMO.appeals[0]!.id }).waitFor();
    await pressCategory(first, REASON, 0);
    await expect.poll(() => checked(first, REASON, 0)).toBe('true');

    // The second tab is told, and shows the first one's codings as they are made.
    const second = await secondTab(first);
    await banner(second).getByText('This project is open for coding in another window').waitFor();
    await expect.poll(() => checked(second, REASON, 0)).toBe('true');
    await pressCategory(first, REGION, 0);
    await expect.poll(() => checked(second, REGION, 0)).toBe('true');
    expect(await category(second, BODY, 0).getAttribute('aria-disabled')).toBe('true');
    expect(await banner(first).count()).toBe(0);

    // It takes over: now the first one watches, with nothing of its own left to undo.
    await second.getByRole('button', { name: 'Take over here' }).click();
    await banner(first).waitFor();
    await banner(second).waitFor({ state: 'detached' });
    expect(await first.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    await pressCategory(second, BODY, 0);
    await expect.poll(() => checked(first, BODY, 0)).toBe('true');
    await second.keyboard.press('Control+z');
    await expect.poll(() => checked(first, BODY, 0)).toBe('false');
    await pressCategory(second, RESPONSE, 0);
    await expect.poll(() => checked(first, RESPONSE, 0)).toBe('true');

    // And back: the first codes and undoes too.
    await first.getByRole('button', { name: 'Take over here' }).click();
    await banner(second).waitFor();
    await pressCategory(first, BODY, 1);
    await expect.poll(() => checked(second, BODY, 1)).toBe('true');
    await first.keyboard.press('Control+z');
    await expect.poll(() => checked(second, BODY, 1)).toBe('false');
    await first.keyboard.press('Control+y');
    await expect.poll(() => checked(second, BODY, 1)).toBe('true');

    // Every saved coding of both windows is there, as last made.
    const code = (v: number, c: number) => [VARIABLES[v]!.categories[c]!.code];
    expect(await stored(first, DEMO.appeals[0]!.id)).toEqual({
      [VARIABLES[REASON]!.id]: code(REASON, 0),
      [VARIABLES[REGION]!.id]: code(REGION, 0),
      [VARIABLES[BODY]!.id]: code(BODY, 1),
      [VARIABLES[RESPONSE]!.id]: code(RESPONSE, 0),
    });

    await shotInLanguages(second, 'coding-elsewhere');

    // The first window closes: the second codes again by itself.
    await first.close();
    await banner(second).waitFor({ state: 'detached' });
    await pressCategory(second, REGION, 1);
    await expect.poll(() => checked(second, REGION, 1)).toBe('true');
    await second.context().close();
  });
});
