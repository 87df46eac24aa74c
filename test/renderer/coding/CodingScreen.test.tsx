// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { coderCodings } from '../../../renderer/db/queries.ts';
import { currentCodebook, openDemoProject } from '../../../renderer/db/projects.ts';
import { CodingScreen } from '../../../renderer/features/coding/CodingScreen.tsx';
import { useAppStore } from '../../../renderer/store/index.ts';
import { DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { localize, type Codebook, type Variable } from '../../../shared/model/index.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';
import { storedAnswer, storedClearing } from '../codingRows.ts';
import { appealAtOrder } from '../../../renderer/db/appeals.ts';

setUpRendererTests('en');
// The first test also pays for loading the screen, with the whole demo (1636 codings) in IndexedDB.
vi.setConfig({ testTimeout: 30_000 });

const ME = 'me';
let codebook: Codebook;

beforeEach(async () => {
  await signInCoder(ME);
  await openDemoProject();
  codebook = (await currentCodebook(DEMO_PROJECT_ID))!;
  useAppStore.setState({ projectId: DEMO_PROJECT_ID, screen: 'coding' });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const variableOfKind = (kind: Variable['kind']) => {
  const variable = codebook.variables.find(
    (v) => v.kind === kind && v.categories.filter((c) => !c.retired).length >= 2,
  );
  if (!variable) throw new Error(`the demo codebook has no ${kind} variable with two categories`);
  return variable;
};
/** The fieldset of a variable, found by its legend as a user would. */
const fieldsetOf = (variable: Variable) =>
  screen.getByRole('group', { name: new RegExp(`^${escape(localize(variable.label, 'en'))}`) });
/** A category button, by the label the coder reads (the shortcut key precedes it). */
const categoryButton = (variable: Variable, index: number) => {
  const category = variable.categories.filter((c) => !c.retired)[index]!;
  const role = variable.kind === 'multi' ? 'checkbox' : 'radio';
  return {
    category,
    button: within(fieldsetOf(variable)).getByRole(role, {
      name: new RegExp(`${escape(localize(category.label, 'en'))}$`),
    }),
  };
};

async function appealAt(order: number) {
  return (await appealAtOrder(DEMO_PROJECT_ID, order))!;
}
const myCoding = async (appealId: string, variableId: string) =>
  storedAnswer([DEMO_PROJECT_ID, ME, appealId, variableId]);

async function renderScreen() {
  const result = renderWithPlatform(<CodingScreen />);
  await screen.findByText('1 / 341');
  return result;
}

describe('CodingScreen — clicking', () => {
  it('a category click writes the coding to IndexedDB and then shows "Saved"', async () => {
    const user = userEvent.setup();
    await renderScreen();
    const appeal = await appealAt(0);
    const variable = variableOfKind('single');
    const { category, button } = categoryButton(variable, 1);
    expect(await myCoding(appeal.id, variable.id)).toBeUndefined();

    await user.click(button);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'));
    expect(await myCoding(appeal.id, variable.id)).toMatchObject({
      values: [category.code],
      coderId: ME,
      codebookVersion: codebook.version,
      unsure: false,
    });
    await waitFor(() => expect(categoryButton(variable, 1).button).toHaveAttribute('aria-checked', 'true'));
  });

  it('a single-choice category replaces the other, and clicking it again clears it', async () => {
    const user = userEvent.setup();
    await renderScreen();
    const appeal = await appealAt(0);
    const variable = variableOfKind('single');

    await user.click(categoryButton(variable, 0).button);
    await waitFor(async () =>
      expect((await myCoding(appeal.id, variable.id))?.values).toEqual([variable.categories[0]!.code]),
    );
    await waitFor(() => expect(categoryButton(variable, 0).button).toHaveAttribute('aria-checked', 'true'));

    await user.click(categoryButton(variable, 1).button);
    await waitFor(async () =>
      expect((await myCoding(appeal.id, variable.id))?.values).toEqual([variable.categories[1]!.code]),
    );
    await waitFor(() => expect(categoryButton(variable, 1).button).toHaveAttribute('aria-checked', 'true'));
    expect(categoryButton(variable, 0).button).toHaveAttribute('aria-checked', 'false');

    const answered = (await myCoding(appeal.id, variable.id))!;
    await user.click(categoryButton(variable, 1).button);
    // Cleared, not deleted: a tombstone with a later time, so the clearing travels and merges.
    await waitFor(async () => expect(await myCoding(appeal.id, variable.id)).toBeUndefined());
    const cleared = await storedClearing([DEMO_PROJECT_ID, ME, appeal.id, variable.id]);
    expect(cleared).toMatchObject({ values: [], cleared: true });
    expect(cleared!.updatedAt > answered.updatedAt).toBe(true);
    await waitFor(() => expect(categoryButton(variable, 1).button).toHaveAttribute('aria-checked', 'false'));
  });

  it('a multiple-choice category toggles without touching the others', async () => {
    const user = userEvent.setup();
    await renderScreen();
    const appeal = await appealAt(0);
    const variable = variableOfKind('multi');
    const first = variable.categories[0]!.code;
    const second = variable.categories[1]!.code;

    await user.click(categoryButton(variable, 0).button);
    await waitFor(() => expect(categoryButton(variable, 0).button).toHaveAttribute('aria-checked', 'true'));
    await user.click(categoryButton(variable, 1).button);
    await waitFor(async () =>
      expect((await myCoding(appeal.id, variable.id))?.values).toEqual([first, second]),
    );
    await waitFor(() => expect(categoryButton(variable, 1).button).toHaveAttribute('aria-checked', 'true'));

    await user.click(categoryButton(variable, 0).button);
    await waitFor(async () => expect((await myCoding(appeal.id, variable.id))?.values).toEqual([second]));
    await waitFor(() => expect(categoryButton(variable, 0).button).toHaveAttribute('aria-checked', 'false'));
    expect(categoryButton(variable, 1).button).toHaveAttribute('aria-checked', 'true');
  });

  it('Next and Previous move between appeals and remember the position', async () => {
    const user = userEvent.setup();
    await renderScreen();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('2 / 341')).toBeInTheDocument();
    // The header follows the store at once; the appeal follows when IndexedDB answers.
    expect(await screen.findByText((await appealAt(1)).id)).toBeInTheDocument();
    expect(useAppStore.getState().positions[`${DEMO_PROJECT_ID}/${ME}`]).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByText('1 / 341')).toBeInTheDocument();
  });
});

describe('CodingScreen — keyboard', () => {
  it('ArrowRight moves to 2 / 341 and ArrowLeft back; it stops at the first appeal', async () => {
    const user = userEvent.setup();
    await renderScreen();
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByText('2 / 341')).toBeInTheDocument();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(await screen.findByText('1 / 341')).toBeInTheDocument();
    expect(useAppStore.getState().positions[`${DEMO_PROJECT_ID}/${ME}`]).toBe(0);
  });

  it('a shortcut key picks the category of the active variable, and ArrowDown changes the active variable', async () => {
    const user = userEvent.setup();
    await renderScreen();
    const appeal = await appealAt(0);
    const [firstVar, secondVar] = codebook.variables as [Variable, Variable];
    const pick = (variable: Variable, index: number) =>
      variable.categories.filter((c) => !c.retired && c.shortcut)[index]!;

    // The first variable is active at the start.
    expect(fieldsetOf(firstVar)).toHaveClass('active');
    await user.keyboard(pick(firstVar, 0).shortcut!);
    await waitFor(async () =>
      expect((await myCoding(appeal.id, firstVar.id))?.values).toEqual([pick(firstVar, 0).code]),
    );

    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(fieldsetOf(secondVar)).toHaveClass('active'));
    expect(fieldsetOf(firstVar)).not.toHaveClass('active');

    // Key "2" exists in both variables (shortcuts are per variable): it must go to the active one only.
    const key = pick(secondVar, 1).shortcut!;
    expect(firstVar.categories.some((c) => c.shortcut === key)).toBe(true);
    await user.keyboard(key);
    await waitFor(async () =>
      expect((await myCoding(appeal.id, secondVar.id))?.values).toEqual([pick(secondVar, 1).code]),
    );
    expect((await myCoding(appeal.id, firstVar.id))?.values).toEqual([pick(firstVar, 0).code]);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'));
  });

  it('ArrowUp does not go above the first variable', async () => {
    const user = userEvent.setup();
    await renderScreen();
    const [firstVar] = codebook.variables as [Variable];
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(fieldsetOf(firstVar)).toHaveClass('active');
  });

  it('ignores keys typed into a text field', async () => {
    // The demo codebook has no free-text variable: a later version adds one.
    const textVariable: Variable = {
      id: 'remark',
      kind: 'text',
      required: false,
      label: { en: 'Remark', ru: 'Замечание', kk: 'Ескерту' },
      definition: {},
      categories: [],
    };
    await db.codebooks.put({
      ...codebook,
      version: codebook.version + 1,
      variables: [...codebook.variables, textVariable],
    });
    const user = userEvent.setup();
    await renderScreen();
    const field = await screen.findByRole('textbox', { name: 'Remark' });
    await user.type(field, '1');
    await user.keyboard('{ArrowRight}');
    expect(field).toHaveValue('1');
    expect(screen.getByText('1 / 341')).toBeInTheDocument();
    expect((await coderCodings(DEMO_PROJECT_ID, ME)).filter((c) => !c.cleared)).toEqual([]);
  });

  it('ignores shortcuts with Ctrl, so browser shortcuts keep working', async () => {
    const user = userEvent.setup();
    await renderScreen();
    const appeal = await appealAt(0);
    const [firstVar] = codebook.variables as [Variable];
    const key = firstVar.categories[0]!.shortcut!;
    await user.keyboard(`{Control>}${key}{/Control}`);
    await user.keyboard(`{Control>}{ArrowRight}{/Control}`);
    expect(screen.getByText('1 / 341')).toBeInTheDocument();
    expect(await myCoding(appeal.id, firstVar.id)).toBeUndefined();
  });
});
