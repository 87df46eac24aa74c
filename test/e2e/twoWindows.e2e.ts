import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { createDemoProject } from '../../shared/demo/index.ts';
import { shot, useBrowser } from './browser.ts';

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

const category = (page: Page, variable: number, index: number) =>
  page
    .locator('.coding-panel fieldset.variable')
    .nth(variable)
    .getByRole(VARIABLES[variable]!.kind === 'multi' ? 'checkbox' : 'radio')
    .nth(index);
const checked = (page: Page, variable: number, index: number) =>
  category(page, variable, index).getAttribute('aria-checked');
const banner = (page: Page) => page.locator('.coding-elsewhere');

/** Chooses a category by its shortcut key, the variable reached with the arrow keys. */
async function press(page: Page, variable: number, index: number) {
  for (let v = 0; v < VARIABLES.length; v++) await page.keyboard.press('ArrowUp');
  for (let v = 0; v < variable; v++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press(VARIABLES[variable]!.categories[index]!.shortcut!);
}

/** The signed-in coder's codings of an appeal in IndexedDB, variable id → values (raw API). */
function stored(page: Page, appealId: string) {
  return page.evaluate(
    (appealId) =>
      new Promise<Record<string, string[]>>((resolve, reject) => {
        const me = JSON.parse(localStorage.getItem('kodtau-session')!).state.coderId;
        const open = indexedDB.open('kodtau');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('codings').objectStore('codings').getAll();
          request.onsuccess = () => {
            open.result.close();
            const rows = (
              request.result as { appealId: string; coderId: string; variableId: string; values: string[] }[]
            ).filter((row) => row.appealId === appealId && row.coderId === me);
            resolve(Object.fromEntries(rows.map((row) => [row.variableId, row.values])));
          };
          request.onerror = () => reject(request.error);
        };
      }),
    appealId,
  );
}

describe('two windows of the same project', () => {
  it('one codes, the other watches live and can take over; coding and undoing in both loses nothing', async () => {
    const first = await newPage('en-GB');
    await first.getByRole('textbox').fill('Two-window coder');
    await first.getByRole('button', { name: /Open the demo project/ }).click();
    await first.locator('.appeal-id', { hasText: DEMO.appeals[0]!.id }).waitFor();
    await press(first, REASON, 0);
    await expect.poll(() => checked(first, REASON, 0)).toBe('true');

    // The second tab is told, and shows the first one's codings as they are made.
    const second = await secondTab(first);
    await banner(second).getByText('This project is open for coding in another window').waitFor();
    await expect.poll(() => checked(second, REASON, 0)).toBe('true');
    await press(first, REGION, 0);
    await expect.poll(() => checked(second, REGION, 0)).toBe('true');
    expect(await category(second, BODY, 0).getAttribute('aria-disabled')).toBe('true');
    expect(await banner(first).count()).toBe(0);

    // It takes over: now the first one watches, with nothing of its own left to undo.
    await second.getByRole('button', { name: 'Take over here' }).click();
    await banner(first).waitFor();
    await banner(second).waitFor({ state: 'detached' });
    expect(await first.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    await press(second, BODY, 0);
    await expect.poll(() => checked(first, BODY, 0)).toBe('true');
    await second.keyboard.press('Control+z');
    await expect.poll(() => checked(first, BODY, 0)).toBe('false');
    await press(second, RESPONSE, 0);
    await expect.poll(() => checked(first, RESPONSE, 0)).toBe('true');

    // And back: the first codes and undoes too.
    await first.getByRole('button', { name: 'Take over here' }).click();
    await banner(second).waitFor();
    await press(first, BODY, 1);
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

    for (const [lang, button] of [
      ['kk', 'Қазақша'],
      ['ru', 'Русский'],
      ['en', 'English'],
    ] as const) {
      await second.getByRole('button', { name: button }).first().click();
      await second.locator('html[lang="' + lang + '"]').waitFor();
      await shot(second, `coding-elsewhere-${lang}`);
    }

    // The first window closes: the second codes again by itself.
    await first.close();
    await banner(second).waitFor({ state: 'detached' });
    await press(second, REGION, 1);
    await expect.poll(() => checked(second, REGION, 1)).toBe('true');
    await second.context().close();
  });
});
