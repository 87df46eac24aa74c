// @vitest-environment jsdom
import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppealBlockKey } from '../../../renderer/db/appealBlocks.ts';
import { db } from '../../../renderer/db/db.ts';
import { appealCodings } from '../../../renderer/db/queries.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { onCoderFileExportRequest } from '../../../renderer/features/coders/exportRequest.ts';
import { CodingScreen } from '../../../renderer/features/coding/CodingScreen.tsx';
import { useAppStore } from '../../../renderer/store/index.ts';
import { createDemoProject, DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { localize, type Variable } from '../../../shared/model/index.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';
import { seedCodings, storedAnswers, storedCleared, storedClearing } from '../codingRows.ts';

setUpRendererTests('en');
// jsdom on a shared, busy machine: these tests walk whole coding loops.
vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 5000 });

const ME = 'me';
const DEMO = createDemoProject();
const [REASON, REGION, BODY, RESPONSE] = DEMO.codebook.variables as [Variable, Variable, Variable, Variable];
const AIGERIM = 'demo-coder-aigerim';

afterEach(() => {
  vi.restoreAllMocks();
});

beforeEach(async () => {
  await signInCoder(ME);
  await openDemoProject();
  useAppStore.setState({ projectId: DEMO_PROJECT_ID, screen: 'coding' });
});

const appeal = (index: number) => DEMO.appeals[index]!;
const mine = async (appealIndex: number) =>
  (await appealCodings(DEMO_PROJECT_ID, ME, appeal(appealIndex).id)).filter((c) => !c.cleared);
const clearedOf = (appealIndex: number, variable: Variable) =>
  storedClearing([DEMO_PROJECT_ID, ME, appeal(appealIndex).id, variable.id]);
const valuesOf = async (appealIndex: number, variable: Variable) =>
  (await mine(appealIndex)).find((c) => c.variableId === variable.id)?.values;
const fieldset = (variable: Variable) =>
  screen.getByRole('group', {
    name: new RegExp(`^${localize(variable.label, 'en').replace(/[()/]/g, '.')}`),
  });
const option = (variable: Variable, index: number) =>
  within(fieldset(variable)).getByRole(variable.kind === 'multi' ? 'checkbox' : 'radio', {
    name: new RegExp(`${localize(variable.categories[index]!.label, 'en').replace(/[()/]/g, '.')}$`),
  });
const key = (variable: Variable, index: number) => variable.categories[index]!.shortcut!;

async function renderScreen(position = '1 / 341') {
  const user = userEvent.setup();
  renderWithPlatform(<CodingScreen />);
  await screen.findByText(position, {}, { timeout: 5000 });
  await screen.findByText(appeal(0).id, { selector: '.appeal-id' });
  return user;
}
const shownIdOf = async (id: string) =>
  expect(await screen.findByText(id, { selector: '.appeal-id' })).toBeInTheDocument();
const shownId = (index: number) => shownIdOf(appeal(index).id);

/** Codes the first appeal's four variables by keyboard, waiting for each to be saved. */
async function codeAll(user: ReturnType<typeof userEvent.setup>, appealIndex: number) {
  await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
  for (const [v, variable] of [REASON, REGION, BODY, RESPONSE].entries()) {
    await user.keyboard(key(variable, 0));
    await waitFor(async () =>
      expect(await valuesOf(appealIndex, variable)).toEqual([variable.categories[0]!.code]),
    );
    if (v < 3) await user.keyboard('{ArrowDown}');
  }
}

/** From the first variable, codes the other three with their first category. */
async function codeRest(user: ReturnType<typeof userEvent.setup>, appealIndex: number) {
  for (const variable of [REGION, BODY, RESPONSE]) {
    await user.keyboard(`{ArrowDown}${key(variable, 0)}`);
    await waitFor(async () =>
      expect(await valuesOf(appealIndex, variable)).toEqual([variable.categories[0]!.code]),
    );
  }
}

describe('undo and redo', () => {
  it('Ctrl+Z undoes the last change and Ctrl+Y redoes it, in IndexedDB and on screen', async () => {
    const user = await renderScreen();
    await user.keyboard(key(REASON, 0));
    await waitFor(() => expect(option(REASON, 0)).toHaveAttribute('aria-checked', 'true'));
    await user.keyboard(key(REASON, 1));
    await waitFor(() => expect(option(REASON, 1)).toHaveAttribute('aria-checked', 'true'));

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(option(REASON, 1)).toHaveAttribute('aria-checked', 'false'));
    expect(await valuesOf(0, REASON)).toEqual([REASON.categories[0]!.code]);
    const first = (await mine(0))[0]!;
    await user.keyboard('{Control>}z{/Control}');
    // Undoing the first change leaves no answer, but a cleared row with a later time (a
    // tombstone), so the undo reaches the supervisor.
    await waitFor(async () => expect(await mine(0)).toEqual([]));
    const cleared = await clearedOf(0, REASON);
    expect(cleared).toMatchObject({ values: [], cleared: true });
    expect(cleared!.updatedAt > first.updatedAt).toBe(true);
    expect(screen.getByText('0 coded by you')).toBeInTheDocument();

    await user.keyboard('{Control>}y{/Control}');
    await waitFor(async () => expect(await valuesOf(0, REASON)).toEqual([REASON.categories[0]!.code]));
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(option(REASON, 1)).toHaveAttribute('aria-checked', 'true'));
    expect(await valuesOf(0, REASON)).toEqual([REASON.categories[0]!.code, REASON.categories[1]!.code]);
    expect(screen.getByRole('button', { name: 'Redo' })).toBeDisabled();
  });

  it('the Undo button takes the coder back to the appeal the change was made on', async () => {
    const user = await renderScreen();
    await codeAll(user, 0);
    await user.keyboard('{ArrowRight}');
    await screen.findByText('2 / 341');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('1 / 341');
    // The response row was new in the undone change: undoing removes it.
    await waitFor(async () => expect(await valuesOf(0, RESPONSE)).toBeUndefined());
    await waitFor(() => expect(option(RESPONSE, 0)).toHaveAttribute('aria-checked', 'false'));
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    await waitFor(() => expect(option(RESPONSE, 0)).toHaveAttribute('aria-checked', 'true'));
  });
});

describe('required variables', () => {
  it('warn: the first attempt to leave shows what is missing, the second moves on', async () => {
    const user = await renderScreen();
    await user.keyboard(key(REASON, 0));
    await waitFor(() => expect(option(REASON, 0)).toHaveAttribute('aria-checked', 'true'));
    await user.keyboard('{ArrowRight}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Region, Government body criticised, Agency’s response'.replace('’', "'"),
    );
    expect(screen.getByText('1 / 341')).toBeInTheDocument();
    expect(fieldset(REGION)).toHaveClass('missing');
    await user.keyboard('{ArrowRight}');
    await screen.findByText('2 / 341');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('block: the coder stays until every required variable is answered; the warning shrinks as they are', async () => {
    useAppStore.setState({ requiredMode: 'block' });
    const user = await renderScreen();
    await user.keyboard(key(REASON, 0));
    await waitFor(() => expect(option(REASON, 0)).toHaveAttribute('aria-checked', 'true'));
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByRole('alert')).toHaveTextContent(/Code them before moving on/);
    await user.keyboard('{ArrowRight}');
    expect(screen.getByText('1 / 341')).toBeInTheDocument();
    await user.keyboard(`{ArrowDown}${key(REGION, 0)}`);
    await waitFor(() => expect(screen.getByRole('alert')).not.toHaveTextContent(/Region,/));
    await user.keyboard(`{ArrowDown}${key(BODY, 0)}{ArrowDown}${key(RESPONSE, 0)}`);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    await user.keyboard('{ArrowRight}');
    await screen.findByText('2 / 341');
  });

  it('an appeal the coder has not touched can be passed over without a warning', async () => {
    useAppStore.setState({ requiredMode: 'block' });
    const user = await renderScreen();
    await user.keyboard('{ArrowRight}');
    await screen.findByText('2 / 341');
  });

  it('the setting is chosen in the filters and settings panel', async () => {
    const user = await renderScreen();
    await user.click(screen.getByText('Filters and settings'));
    await user.selectOptions(await screen.findByLabelText('A required variable left empty'), 'block');
    expect(useAppStore.getState().requiredMode).toBe('block');
  });
});

describe('note and unsure flag, per appeal', () => {
  it('Ctrl+U flags the appeal unsure on every one of its rows; the check box clears it', async () => {
    const user = await renderScreen();
    await user.keyboard(`${key(REASON, 0)}{ArrowDown}${key(REGION, 0)}`);
    await waitFor(async () => expect(await mine(0)).toHaveLength(2));
    await user.keyboard('{Control>}u{/Control}');
    await waitFor(async () => expect((await mine(0)).map((c) => c.unsure)).toEqual([true, true]));
    const box = screen.getByRole('checkbox', { name: /Unsure/ });
    await waitFor(() => expect(box).toBeChecked());
    await user.click(box);
    await waitFor(async () => expect((await mine(0)).map((c) => c.unsure)).toEqual([false, false]));
    // A row written later inherits the appeal's flag and note.
    await user.keyboard('{Control>}u{/Control}');
    await waitFor(() => expect(box).toBeChecked());
    await user.keyboard(`{ArrowDown}${key(BODY, 0)}`);
    await waitFor(async () => expect((await mine(0)).map((c) => c.unsure)).toEqual([true, true, true]));
  });

  it('Ctrl+E opens the note; it is saved on every row when the coder leaves the field (Esc)', async () => {
    const user = await renderScreen();
    await user.keyboard(`${key(REASON, 0)}{ArrowDown}${key(REGION, 0)}`);
    await waitFor(async () => expect(await mine(0)).toHaveLength(2));
    await user.keyboard('{Control>}e{/Control}');
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveFocus();
    await user.keyboard('Дата в тексте другая{Escape}');
    await waitFor(async () =>
      expect((await mine(0)).map((c) => c.note)).toEqual(['Дата в тексте другая', 'Дата в тексте другая']),
    );
    // Keys typed into the note did not code or move anything.
    expect(screen.getByText('1 / 341')).toBeInTheDocument();
  });

  it('a note on an appeal with no answer yet is kept on a cleared row, which does not code it', async () => {
    const user = await renderScreen();
    await user.click(screen.getByRole('textbox', { name: 'Note' }));
    await user.keyboard('Неясно{Tab}');
    await waitFor(async () => expect(await clearedOf(0, REASON)).toBeDefined());
    expect(await clearedOf(0, REASON)).toMatchObject({ values: [], cleared: true, note: 'Неясно' });
    expect(await mine(0)).toEqual([]);
    await user.keyboard('{Control>}u{/Control}');
    await waitFor(async () => expect((await clearedOf(0, REASON))?.unsure).toBe(true));
    expect(screen.getByText('0 coded by you')).toBeInTheDocument();
    // Moving on and back, the note and the flag are shown again.
    await user.keyboard('{ArrowRight}');
    await shownId(1);
    await user.keyboard('{ArrowLeft}');
    await shownId(0);
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue('Неясно'));
    expect(screen.getByRole('checkbox', { name: /Unsure/ })).toBeChecked();
  });
});

describe('navigation', () => {
  it('Shift+→ goes to the next appeal not yet coded, skipping coded ones', async () => {
    const user = await renderScreen();
    await user.keyboard('{ArrowRight}');
    await shownId(1);
    await codeAll(user, 1);
    await user.keyboard('{ArrowLeft}');
    await shownId(0);
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    await screen.findByText('3 / 341');
    await shownId(2);
  });

  it('Ctrl+G jumps to a number of the list', async () => {
    const user = await renderScreen();
    await user.keyboard('{Control>}g{/Control}');
    await user.keyboard('87{Enter}');
    await screen.findByText('87 / 341');
    await shownId(86);
  });

  it('the virtualised list renders only some rows, marks coded ones and jumps on click', async () => {
    // jsdom lays nothing out: give every element the height of a list in view.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    const user = await renderScreen();
    const list = screen.getByRole('navigation', { name: 'Appeals in this list' });
    const rows = within(list).getAllByRole('button');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(100);
    expect(within(list).getByText(appeal(0).id).parentElement).toHaveAttribute('aria-current', 'true');
    await user.click(within(list).getByText(appeal(2).id));
    await screen.findByText('3 / 341');
    await shownId(2);
  });

  it('the position is remembered per project and coder', async () => {
    const user = await renderScreen();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    await screen.findByText('3 / 341');
    expect(useAppStore.getState().positions[`${DEMO_PROJECT_ID}/${ME}`]).toBe(2);
  });
});

describe('search and filters', () => {
  it('/ focuses the search; Enter lists the hits and marks them in the text', async () => {
    const expected = DEMO.appeals.filter((a) =>
      `${a.text}\n${a.meta.reply}`.toLocaleLowerCase().includes('акимат'),
    );
    const user = await renderScreen();
    await user.keyboard('/');
    expect(screen.getByRole('searchbox')).toHaveFocus();
    await user.keyboard('акимат{Enter}');
    await screen.findByText(`1 / ${expected.length}`);
    await shownIdOf(expected[0]!.id);
    const marks = document.querySelectorAll('.appeal mark');
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.textContent!.toLocaleLowerCase()).toBe('акимат');
  });

  it('the search runs when typing pauses, without Enter, on what was typed last', async () => {
    const hits = (word: string) =>
      DEMO.appeals.filter((a) => `${a.text}\n${a.meta.reply}`.toLocaleLowerCase().includes(word)).length;
    expect(hits('акимат')).toBeGreaterThan(0);
    expect(hits('акимат')).not.toBe(hits('ак'));
    const user = await renderScreen();
    await user.click(screen.getByRole('searchbox'));
    await user.keyboard('ак');
    await screen.findByText(`1 / ${hits('ак')}`, {}, { timeout: 10_000 });
    await user.keyboard('имат');
    await screen.findByText(`1 / ${hits('акимат')}`, {}, { timeout: 10_000 });
  });

  it("the region filter lists Almaty city's 61 appeals (the study's Table 2)", async () => {
    const user = await renderScreen();
    await user.click(screen.getByText('Filters and settings'));
    const region = await screen.findByRole('combobox', { name: 'Region' });
    await waitFor(() => expect(within(region).getAllByRole('option').length).toBeGreaterThan(1));
    await user.selectOptions(region, 'Almaty city');
    await screen.findByText('1 / 61');
  });

  it('"Not coded yet" leaves out what the coder has coded; Clear filters brings all back', async () => {
    const user = await renderScreen();
    await codeAll(user, 0);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'uncoded');
    await screen.findByText('1 / 340');
    await shownId(1);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await screen.findByText(/\/ 341/);
  });

  it('a filter nothing matches says so', async () => {
    const user = await renderScreen();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'unsure');
    expect(await screen.findByText('No appeal matches the filters.')).toBeInTheDocument();
  });
});

describe('help and definitions', () => {
  it('? opens the list of keys in the UI language and Esc closes it', async () => {
    const user = await renderScreen();
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keys of the coding screen' });
    expect(within(dialog).getByText('Undo the last change')).toBeInTheDocument();
    // Keys do nothing else while it is open.
    await user.keyboard('{ArrowRight}');
    expect(screen.getByText('1 / 341')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it("Ctrl+I shows the active variable's definitions and examples; the button does too", async () => {
    const user = await renderScreen();
    const definition = localize(REASON.categories[0]!.definition, 'en');
    expect(screen.queryByText(definition)).toBeNull();
    await user.keyboard('{Control>}i{/Control}');
    expect(await screen.findByText(definition)).toBeInTheDocument();
    expect(
      screen.getByText(localize(REASON.categories[0]!.examples, 'en'), { exact: false }),
    ).toBeInTheDocument();
    await user.keyboard('{Control>}i{/Control}');
    expect(screen.queryByText(definition)).toBeNull();
    await user.click(within(fieldset(REGION)).getByRole('button', { name: 'Definitions' }));
    expect(await screen.findByText(localize(REGION.categories[0]!.definition, 'en'))).toBeInTheDocument();
    expect(fieldset(REGION)).toHaveClass('active');
  });

  it("a category's definition is its tooltip", async () => {
    await renderScreen();
    expect(option(REASON, 0)).toHaveAttribute('title', localize(REASON.categories[0]!.definition, 'en'));
  });
});

describe('blind coding and the supervisor view', () => {
  it("a coder sees only their own codings, not the demo coders' on the same appeal", async () => {
    await renderScreen();
    expect(
      (await storedAnswers()).filter((c) => c.projectId === DEMO_PROJECT_ID && c.appealId === appeal(0).id)
        .length,
    ).toBe(8);
    for (const variable of [REASON, REGION, BODY, RESPONSE])
      for (const button of within(fieldset(variable)).getAllByRole(
        variable.kind === 'multi' ? 'checkbox' : 'radio',
      ))
        expect(button).toHaveAttribute('aria-checked', 'false');
  });

  it("the supervisor switches to a coder's codings read-only, and back", async () => {
    const user = await renderScreen();
    await user.click(screen.getByText('Filters and settings'));
    const viewer = await screen.findByRole('combobox', { name: 'Supervisor: show the codings of' });
    await waitFor(() =>
      expect(within(viewer).getByRole('option', { name: 'Aigerim (read only)' })).toBeInTheDocument(),
    );
    await user.selectOptions(viewer, AIGERIM);
    expect(await screen.findByText(/read only\. Choose "me" to code/)).toBeInTheDocument();
    const theirs = DEMO.codings.find(
      (c) => c.coderId === AIGERIM && c.appealId === appeal(0).id && c.variableId === REGION.id,
    )!;
    const index = REGION.categories.findIndex((c) => c.code === theirs.values[0]);
    await waitFor(() => expect(option(REGION, index)).toHaveAttribute('aria-checked', 'true'));

    // Clicks and keys change nothing.
    const before = (await storedAnswers()).length;
    await user.click(option(REGION, (index + 1) % REGION.categories.length));
    await user.keyboard(key(REASON, 3));
    expect((await storedAnswers()).length).toBe(before);
    expect(option(REGION, index)).toHaveAttribute('aria-checked', 'true');

    await user.selectOptions(viewer, '');
    await waitFor(() => expect(option(REGION, index)).toHaveAttribute('aria-checked', 'false'));
  });
});

describe('when IndexedDB refuses a write', () => {
  it('says "Not saved", does not show the category as chosen, and stores it when a retry succeeds', async () => {
    const user = await renderScreen();
    const spy = vi.spyOn(db.codingBlocks, 'bulkPut').mockRejectedValueOnce(new Error('refused'));
    await user.keyboard(key(REASON, 0));
    expect(await screen.findByText('Not saved: the database could not be written.')).toBeInTheDocument();
    expect(option(REASON, 0)).toHaveAttribute('aria-checked', 'false');
    expect(await mine(0)).toEqual([]);
    // The change is retried by itself (more in writeFailures.test.tsx); this time it goes through.
    await waitFor(() => expect(option(REASON, 0)).toHaveAttribute('aria-checked', 'true'));
    expect(screen.getByText('Saved')).toBeInTheDocument();
    spy.mockRestore();
  });
});

describe('a key pressed while the next appeal loads', () => {
  it('codes the appeal it was meant for, not the one before, and is not lost', async () => {
    const user = await renderScreen();
    // Both keys in one go: the second arrives before the move has finished.
    await act(async () => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', code: 'ArrowRight' }));
      window.dispatchEvent(new KeyboardEvent('keydown', { key: key(REASON, 0), code: 'Digit1' }));
    });
    await shownId(1);
    await waitFor(async () => expect(await valuesOf(1, REASON)).toEqual([REASON.categories[0]!.code]));
    expect(await mine(0)).toEqual([]);
    void user;
  });
});

describe('keys pressed while the screen waits to move on', () => {
  it('each → moves one appeal on, also while the next appeal is still being read', async () => {
    const user = await renderScreen();
    // Appeals are read only once released: a → waits for its appeal, and the next comes meanwhile.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const table = db.appealBlocks;
    const get = table.get.bind(table);
    vi.spyOn(table, 'get').mockImplementation(((key: AppealBlockKey) =>
      held.then(() => get(key))) as unknown as typeof table.get);
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(screen.queryByText('4 / 341')).toBeNull();
    release();
    await screen.findByText('4 / 341');
    await shownId(3);
  });
});

describe('"none of these" on a multiple-choice variable', () => {
  const none = (variable: Variable) =>
    within(fieldset(variable)).getByRole('checkbox', { name: /None of these$/ });

  it('key 0 answers it (the empty set, not cleared); a category replaces it; 0 again takes it back', async () => {
    expect(REASON.kind).toBe('multi');
    const user = await renderScreen();
    await user.keyboard('0');
    await waitFor(() => expect(none(REASON)).toHaveAttribute('aria-checked', 'true'));
    expect(await mine(0)).toMatchObject([{ variableId: REASON.id, values: [] }]);
    expect((await mine(0))[0]!.cleared).toBeUndefined();

    await user.keyboard(key(REASON, 1));
    await waitFor(() => expect(none(REASON)).toHaveAttribute('aria-checked', 'false'));
    expect(await valuesOf(0, REASON)).toEqual([REASON.categories[1]!.code]);
    await user.click(none(REASON));
    await waitFor(() => expect(none(REASON)).toHaveAttribute('aria-checked', 'true'));
    expect(option(REASON, 1)).toHaveAttribute('aria-checked', 'false');
    expect(await valuesOf(0, REASON)).toEqual([]);

    await user.keyboard('0');
    await waitFor(() => expect(none(REASON)).toHaveAttribute('aria-checked', 'false'));
    expect(await mine(0)).toEqual([]);
    expect(await clearedOf(0, REASON)).toMatchObject({ cleared: true });
  });

  it('counts as an answer: with it and the other three variables the appeal is coded', async () => {
    const user = await renderScreen();
    await user.keyboard('0');
    await codeRest(user, 0);
    await screen.findByText('1 coded by you');
    // No warning on leaving: every required variable is answered.
    await user.keyboard('{ArrowRight}');
    await shownId(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is refused, with a message, on a single-choice variable; nothing is written', async () => {
    expect(REGION.kind).toBe('single');
    const user = await renderScreen();
    expect(within(fieldset(REGION)).queryByRole('checkbox', { name: /None of these$/ })).toBeNull();
    await user.keyboard('{ArrowDown}0');
    expect(await screen.findByRole('note')).toHaveTextContent(
      '"None of these" is an answer on multiple-choice variables only; Region is not one.',
    );
    expect(await mine(0)).toEqual([]);
    expect((await storedCleared()).length).toBe(0);
  });

  it('the help overlay lists its key', async () => {
    const user = await renderScreen();
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keys of the coding screen' });
    const row = within(dialog).getByText(/^None of these: the answer on a multiple-choice variable/);
    expect(row.closest('tr')).toHaveTextContent(/^0/);
  });
});

describe('coded means every required variable answered', () => {
  it('one answer of four does not tick the appeal or count it; all four do', async () => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    const user = await renderScreen();
    const list = screen.getByRole('navigation', { name: 'Appeals in this list' });
    const mark = () => within(list).getByText(appeal(0).id).parentElement!.querySelector('.list-mark')!;
    await user.keyboard(key(REASON, 0));
    await waitFor(async () => expect(await mine(0)).toHaveLength(1));
    expect(screen.getByText('0 coded by you')).toBeInTheDocument();
    expect(mark()).toHaveAttribute('title', 'Not coded yet');
    await codeRest(user, 0);
    await screen.findByText('1 coded by you');
    expect(mark()).toHaveAttribute('title', 'Coded');
  });

  it('when the last appeal is coded, the screen says so and offers the coder file', async () => {
    // Every appeal but the first coded already, straight into the database.
    await seedCodings(
      DEMO.appeals.slice(1).flatMap((a) =>
        DEMO.codebook.variables.map((variable) => ({
          projectId: DEMO_PROJECT_ID,
          coderId: ME,
          appealId: a.id,
          variableId: variable.id,
          values: [variable.categories[0]!.code],
          unsure: false,
          updatedAt: '2020-01-01T00:00:00.000Z',
          codebookVersion: DEMO.codebook.version,
        })),
      ),
    );
    const requests = vi.fn();
    const unsubscribe = onCoderFileExportRequest(requests);
    const user = await renderScreen();
    await screen.findByText('340 coded by you');
    expect(screen.queryByText(/You have coded every appeal/)).toBeNull();
    await codeAll(user, 0);
    expect(
      await screen.findByText(/You have coded every appeal of this project \(341\)/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Export my coder file…' }));
    expect(useAppStore.getState().screen).toBe('coders');
    expect(requests).toHaveBeenCalledTimes(1);
    unsubscribe();
  });
});
