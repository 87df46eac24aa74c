import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDemoProject } from '../../shared/demo/index.ts';
import { localize, type Variable } from '../../shared/model/index.ts';
import { shot, shotInLanguages, useBrowser } from './browser.ts';
import { putCodingRows, storedAnswers, storedCleared } from './idb.ts';

const newPage = useBrowser();

const DEMO = createDemoProject();
const VARIABLES = DEMO.codebook.variables;

async function openDemo(page: Page, name = 'Keyboard coder') {
  await page.getByRole('textbox').fill(name);
  await page.getByRole('button', { name: /Open the demo project/ }).click();
  await page.getByText('1 / 341').waitFor();
  await page.locator('.appeal-id', { hasText: DEMO.appeals[0]!.id }).waitFor();
}

/**
 * The categories the test picks for appeal `i`: a different one per appeal and variable, and a
 * second category for every other multiple-choice answer. Indexes into the variable's categories.
 */
function plan(i: number): number[][] {
  return VARIABLES.map((variable, v) => {
    const n = variable.categories.length;
    const first = (i + v) % n;
    return variable.kind === 'multi' && i % 2 ? [first, (first + 1) % n] : [first];
  });
}

/** The labels the screen shows as chosen, variable by variable (shortcut key stripped). */
async function chosenLabels(page: Page): Promise<string[][]> {
  return page
    .locator('.coding-panel fieldset.variable:not(.appeal-flags)')
    .evaluateAll((fieldsets) =>
      fieldsets.map((fieldset) =>
        [...fieldset.querySelectorAll('[aria-checked="true"]')].map((button) =>
          (button.textContent ?? '').replace(button.querySelector('kbd')?.textContent ?? '', ''),
        ),
      ),
    );
}

/** The planned labels in codebook order, as the screen lists them. */
const expectedLabels = (i: number) =>
  plan(i).map((picks, v) =>
    [...picks].sort((a, b) => a - b).map((c) => localize(VARIABLES[v]!.categories[c]!.label, 'en')),
  );

interface StoredCoding {
  appealId: string;
  variableId: string;
  values: string[];
  coderId: string;
  cleared?: true;
  updatedAt: string;
}

/** The stored answers (or cleared codings) of the app's database, straight from IndexedDB (read with the raw API). */
function storedCodings(page: Page, kind: 'codings' | 'clearedCodings' = 'codings'): Promise<StoredCoding[]> {
  return kind === 'codings' ? storedAnswers(page) : storedCleared(page);
}

/** A category button of a variable on the coding screen, by its English label. */
const choice = (page: Page, variable: Variable, index: number) =>
  page
    .locator('.coding-panel fieldset.variable')
    .filter({ hasText: localize(variable.label, 'en') })
    .getByRole(variable.kind === 'multi' ? 'checkbox' : 'radio', {
      name: localize(variable.categories[index]!.label, 'en'),
    });
/** The signed-in coder's id, as the session keeps it. */
const coderIdOf = (page: Page): Promise<string> =>
  page.evaluate(() => JSON.parse(localStorage.getItem('kodtau-session')!).state.coderId);

describe('coding with the keyboard only', () => {
  it('codes 25 demo appeals, reloads, and finds all 25 exactly as coded', async () => {
    const page = await newPage('en-GB');
    await openDemo(page);
    for (let i = 0; i < 25; i++) {
      await page.locator('.appeal-id', { hasText: DEMO.appeals[i]!.id }).waitFor();
      // Back to the first variable, then each variable's categories by their keys.
      for (let v = 0; v < VARIABLES.length; v++) await page.keyboard.press('ArrowUp');
      for (const [v, picks] of plan(i).entries()) {
        for (const c of picks) await page.keyboard.press(VARIABLES[v]!.categories[c]!.shortcut!);
        if (v < VARIABLES.length - 1) await page.keyboard.press('ArrowDown');
      }
      await expect.poll(() => chosenLabels(page)).toEqual(expectedLabels(i));
      if (i === 0) await shot(page, 'coding-keyboard-en');
      await page.keyboard.press('ArrowRight');
    }
    await page.getByText('26 / 341').waitFor();

    await page.reload();
    await page.getByText('26 / 341').waitFor();
    await page.keyboard.press('Control+g');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 25; i++) {
      await page.locator('.appeal-id', { hasText: DEMO.appeals[i]!.id }).waitFor();
      await expect.poll(() => chosenLabels(page)).toEqual(expectedLabels(i));
      await page.keyboard.press('ArrowRight');
    }

    // And in the database: one row per appeal and variable, the planned codes, nothing else.
    const me = await coderIdOf(page);
    const mine = (await storedCodings(page)).filter((coding) => coding.coderId === me);
    expect(mine).toHaveLength(25 * VARIABLES.length);
    for (let i = 0; i < 25; i++)
      for (const [v, picks] of plan(i).entries()) {
        const row = mine.find((c) => c.appealId === DEMO.appeals[i]!.id && c.variableId === VARIABLES[v]!.id);
        expect(row?.values).toEqual(picks.map((c) => VARIABLES[v]!.categories[c]!.code));
      }
    await page.context().close();
  });

  it('undoes and redoes changes, across appeals, and the redone state survives a reload', async () => {
    const page = await newPage('en-GB');
    await openDemo(page);
    const [reason, region] = VARIABLES as [Variable, Variable];
    const radio = (variable: Variable, index: number) => choice(page, variable, index);

    await page.keyboard.press(reason.categories[2]!.shortcut!);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press(region.categories[4]!.shortcut!);
    await expect.poll(() => radio(region, 4).getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('ArrowRight'); // the warning: body and response are still empty…
    await page.getByRole('alert').waitFor();
    expect(await page.getByText('1 / 341').count()).toBe(1);
    await page.keyboard.press('ArrowRight'); // …pressed again, the coder moves on
    await page.getByText('2 / 341').waitFor();

    // Undo takes the coder back to appeal 1 and removes the region, then the reason.
    await page.keyboard.press('Control+z');
    await page.getByText('1 / 341').waitFor();
    await expect.poll(() => radio(region, 4).getAttribute('aria-checked')).toBe('false');
    await expect.poll(() => radio(reason, 2).getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('Control+z');
    await expect.poll(() => radio(reason, 2).getAttribute('aria-checked')).toBe('false');
    await shot(page, 'coding-undone-en');

    // Redo both, one with Ctrl+Y and one with Ctrl+Shift+Z.
    await page.keyboard.press('Control+y');
    await expect.poll(() => radio(reason, 2).getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => radio(region, 4).getAttribute('aria-checked')).toBe('true');
    await page.getByRole('status').getByText('Saved').waitFor();

    await page.reload();
    await page.getByText('1 / 341').waitFor();
    await expect.poll(() => radio(region, 4).getAttribute('aria-checked')).toBe('true');
    expect(await radio(reason, 2).getAttribute('aria-checked')).toBe('true');
    await page.context().close();
  });
});

describe('"none of these" and the end of the package', () => {
  it('answers "none of these" with 0, says when every appeal is coded, and exports the coder file', async () => {
    const page = await newPage('en-GB');
    await openDemo(page);
    const me = await coderIdOf(page);
    // Every appeal but the first coded already, written with the raw API as an earlier session would.
    const rows = DEMO.appeals.slice(1).flatMap((appeal) =>
      VARIABLES.map((variable) => ({
        projectId: DEMO.project.id,
        coderId: me,
        appealId: appeal.id,
        variableId: variable.id,
        values: [variable.categories[0]!.code],
        unsure: false,
        updatedAt: '2020-01-01T00:00:00.000Z',
        codebookVersion: DEMO.codebook.version,
      })),
    );
    await putCodingRows(page, rows);
    await page.reload();
    await page.getByText('340 coded by you').waitFor();

    const [reason] = VARIABLES as [Variable];
    await page.keyboard.press('0');
    const none = page.locator('.coding-panel fieldset.variable').first().getByRole('checkbox', {
      name: 'None of these',
    });
    await expect.poll(() => none.getAttribute('aria-checked')).toBe('true');
    for (const variable of VARIABLES.slice(1)) {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press(variable.categories[0]!.shortcut!);
    }
    const done = page.getByText(/You have coded every appeal of this project \(341\)/);
    await done.waitFor();
    await shot(page, 'coding-all-coded-en');
    for (const [lang, button] of [
      ['kk', 'Қазақша'],
      ['ru', 'Русский'],
    ] as const) {
      await page.getByRole('button', { name: button }).first().click();
      await page.locator('.all-coded').waitFor();
      await shot(page, `coding-all-coded-${lang}`);
    }
    await page.getByRole('button', { name: 'English' }).first().click();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export my coder file…' }).click();
    const file = JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as {
      codings: StoredCoding[];
    };
    expect(file.codings).toHaveLength(341 * VARIABLES.length);
    const answer = file.codings.find((c) => c.appealId === DEMO.appeals[0]!.id && c.variableId === reason.id);
    expect(answer).toMatchObject({ values: [] });
    expect(answer!.cleared).toBeUndefined();
    await page.context().close();
  });
});

describe('the coding screen in three languages', () => {
  it('shows definitions, the help overlay and a required-variable warning in kk, ru and en', async () => {
    const page = await newPage('en-GB');
    await openDemo(page, 'Әйгерім');
    await page.keyboard.press(VARIABLES[0]!.categories[0]!.shortcut!);
    await page.getByRole('status').getByText('Saved').waitFor();
    for (const [lang, button] of [
      ['kk', 'Қазақша'],
      ['ru', 'Русский'],
      ['en', 'English'],
    ] as const) {
      await page.getByRole('button', { name: button }).first().click();
      await page.keyboard.press('Control+i');
      await page.locator('.definitions').waitFor();
      await shot(page, `coding-definitions-${lang}`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('ArrowRight');
      await page.getByRole('alert').waitFor();
      await shot(page, `coding-warning-${lang}`);
      // Pressed again the coder moves on; back on appeal 1 the warning comes again next time.
      await page.keyboard.press('ArrowRight');
      await page.getByText('2 / 341').waitFor();
      await page.keyboard.press('ArrowLeft');
      await page.getByText('1 / 341').waitFor();
      await page.keyboard.press('Shift+Slash');
      await page.getByRole('dialog').waitFor();
      await shot(page, `coding-help-${lang}`);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
    await page.context().close();
  });

  it('filters by region and searches as typing pauses, in the worker; shot in kk, ru and en', async () => {
    const page = await newPage();
    await openDemo(page);
    const almaty = DEMO.appeals.filter((a) => a.meta.region === 'Almaty city');
    const hits = almaty.filter((a) =>
      `${a.text}\n${a.meta.reply ?? ''}`.toLocaleLowerCase().includes('акимат'),
    );
    expect(hits.length).toBeGreaterThan(0);
    await page.getByText('Filters and settings').click();
    await page.getByRole('combobox', { name: 'Region' }).selectOption('Almaty city');
    await page.getByText(`1 / ${almaty.length}`).waitFor();
    await page.getByRole('searchbox').fill('акимат');
    await page.getByText(`1 / ${hits.length}`).waitFor();
    await page.locator('.appeal-id', { hasText: hits[0]!.id }).waitFor();
    await page.locator('.appeal-text mark').first().waitFor();
    await shotInLanguages(page, 'coding-filter-search', () =>
      page.locator('.appeal-text mark').first().waitFor(),
    );
    await page.context().close();
  });

  it('codes with the mouse on any variable, searches with highlights, and shows the supervisor view', async () => {
    const page = await newPage('kk-KZ');
    await page.getByRole('textbox').fill('Жетекші');
    await page.getByRole('button', { name: /Демо жобаны ашу/ }).click();
    await page.getByText('1 / 341').waitFor();
    const region = page.locator('.coding-panel fieldset.variable').nth(1).getByRole('radio').nth(16);
    await region.click();
    await expect.poll(() => region.getAttribute('aria-checked')).toBe('true');

    await page.keyboard.press('Slash');
    await page.keyboard.type('әкім');
    await page.keyboard.press('Enter');
    await page.locator('.appeal-text mark').first().waitFor();
    await shot(page, 'coding-search-kk');

    await page.getByText('Сүзгілер мен баптаулар').click();
    await page.getByRole('combobox', { name: /Жетекші/ }).selectOption({ label: 'Айгерім (тек қарау)' });
    await page.getByRole('note').waitFor();
    await page.getByText('Сүзгілер мен баптаулар').click();
    await shot(page, 'coding-supervisor-kk');
    for (const [lang, button] of [
      ['ru', 'Русский'],
      ['en', 'English'],
    ] as const) {
      await page.getByRole('button', { name: button }).first().click();
      await shot(page, `coding-supervisor-${lang}`);
    }
    await page.context().close();
  });
});
