// @vitest-environment jsdom
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { currentCodebook, openDemoProject } from '../../../renderer/db/projects.ts';
import { CodebookScreen } from '../../../renderer/features/codebook/CodebookScreen.tsx';
import { useAppStore } from '../../../renderer/store/index.ts';
import { createDemoProject, DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { writeQdc } from '../../../shared/formats/qdc.ts';
import { codebookHash } from '../../../shared/model/index.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';
import { storedAnswers } from '../codingRows.ts';

setUpRendererTests('en');
// The demo codebook is a large form (37 categories in three languages) for jsdom.
vi.setConfig({ testTimeout: 30_000 });
// IndexedDB work and re-renders of that form take longer than the default second on a busy machine.
configure({ asyncUtilTimeout: 8000 });

const demo = createDemoProject();
/** Codings of the demo that hold `code` on `variableId` (shared/demo/codings.ts, counted here). */
const demoUses = (variableId: string, code: string) =>
  demo.codings.filter((c) => c.variableId === variableId && c.values.includes(code)).length;

/**
 * The demo project with its codebook cut to the agency's response (5 categories, all with
 * codings): the whole demo codebook is a form too large for jsdom to query quickly.
 */
beforeEach(async () => {
  await signInCoder();
  useAppStore.setState({ projectId: await openDemoProject() });
  const variables = demo.codebook.variables.filter((v) => v.id === 'response');
  await db.codebooks.put({ ...demo.codebook, variables, hash: codebookHash({ variables, merges: [] }) });
});

const responseCard = () => screen.findByRole('article', { name: "Agency's response" });
const category = async (name: string) => within(await responseCard()).getByRole('listitem', { name });
const saveButton = () => screen.getByRole('button', { name: 'Save as version 2' });

/** The dialog titled `title`; found by its text, since role queries over this large form are slow in jsdom. */
async function findDialog(title: string): Promise<HTMLElement> {
  return (await screen.findByText(title)).closest('[role="dialog"]') as HTMLElement;
}

async function codingsOf(variableId: string) {
  return (await storedAnswers()).filter(
    (c) => c.projectId === DEMO_PROJECT_ID && c.variableId === variableId,
  );
}

describe('CodebookScreen: editing', () => {
  it('edits a Kazakh label and saves it as version 2 with a new hash', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<CodebookScreen />);
    const row = await category('No answer');
    const kk = within(row).getByRole('textbox', { name: 'Label (Қазақша)' });
    expect(kk).toHaveValue('Жауап жоқ');
    await user.clear(kk);
    await user.type(kk, 'Жауап берілмеді');
    expect(screen.getByText('unsaved changes')).toBeInTheDocument();
    await user.click(saveButton());
    await screen.findByText('Saved as version 2. 0 codings moved.');
    const saved = await currentCodebook(DEMO_PROJECT_ID);
    expect(saved?.version).toBe(2);
    expect(saved?.hash).not.toBe((await db.codebooks.get([DEMO_PROJECT_ID, 1]))?.hash);
    expect(saved?.variables[0]?.categories.find((c) => c.code === 'no_answer')?.label).toEqual({
      kk: 'Жауап берілмеді',
      ru: 'Нет ответа',
      en: 'No answer',
    });
    // Every version is kept.
    expect(await db.codebooks.where('projectId').equals(DEMO_PROJECT_ID).count()).toBe(2);
  });

  it('marks and counts missing translations', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<CodebookScreen />);
    await screen.findByText('Every text is in all three languages.');
    const en = within(await category('Other')).getByRole('textbox', { name: 'Label (English)' });
    await user.clear(en);
    expect(screen.getByText('Missing translations: 1 (en 1).')).toBeInTheDocument();
    expect(en).toHaveAttribute('aria-invalid', 'true');
    expect(en).toHaveAttribute('placeholder', 'missing');
  });

  it('shows a shortcut conflict and refuses to save it', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<CodebookScreen />);
    const row = await category('No answer');
    const key = within(row).getByRole('textbox', { name: 'Key' });
    await user.clear(key);
    await user.type(key, '1');
    expect(within(row).getByRole('alert')).toHaveTextContent('Key “1” is taken (Investigation opened)');
    expect(
      screen.getByText(/key “1” is taken by more than one category: Investigation opened, No answer/),
    ).toBeInTheDocument();
    expect(saveButton()).toBeDisabled();
  });

  it('adds a category and deletes one that has no codings without asking', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<CodebookScreen />);
    const card = await responseCard();
    await user.click(within(card).getByRole('button', { name: 'Add category' }));
    const added = within(card).getByRole('listitem', { name: 'New category' });
    expect(within(added).getByRole('textbox', { name: 'Key' })).toHaveValue('6');
    await user.click(within(added).getByRole('button', { name: 'Delete “New category”' }));
    expect(within(card).queryByRole('listitem', { name: 'New category' })).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('CodebookScreen: a project without a codebook', () => {
  it('writes the first codebook from scratch and saves it as version 1', async () => {
    const user = userEvent.setup();
    await db.projects.add({
      id: 'new',
      name: 'Pilot',
      languages: ['kk', 'ru', 'en'],
      createdAt: '2026-01-01',
      demo: false,
    });
    useAppStore.setState({ projectId: 'new' });
    renderWithPlatform(<CodebookScreen />);
    await screen.findByText(/No codebook yet/);
    expect(screen.getByRole('button', { name: 'Export REFI-QDA .qdc' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Add variable' }));
    const card = screen.getByRole('article', { name: 'New variable' });
    await user.type(within(card).getByRole('textbox', { name: 'Label (Қазақша)' }), 'Өтініш тілі');
    await user.click(within(card).getByRole('button', { name: 'Add category' }));
    await user.click(screen.getByRole('button', { name: 'Save as version 1' }));
    await screen.findByText('Saved as version 1. 0 codings moved.');
    const saved = await currentCodebook('new');
    expect(saved?.variables).toMatchObject([
      {
        id: 'var1',
        kind: 'single',
        label: { en: 'New variable', kk: 'Өтініш тілі' },
        categories: [{ code: 'cat1', value: 1, shortcut: '1' }],
      },
    ]);
  });
});

describe('CodebookScreen: change without losing codings', () => {
  it('merges a category that has codings into another and moves its codings when saved', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<CodebookScreen />);
    const noAnswer = demoUses('response', 'no_answer');
    const other = demoUses('response', 'other');
    expect(noAnswer).toBeGreaterThan(0);

    await user.click(within(await category('No answer')).getByRole('button', { name: 'Delete “No answer”' }));
    const dialog = await findDialog('Delete “No answer”?');
    expect(dialog).toHaveTextContent(`Codings and consensus values that use “No answer”: ${noAnswer}.`);
    await user.selectOptions(within(dialog).getByRole('combobox'), 'other');
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
    expect(within(await responseCard()).queryByRole('listitem', { name: 'No answer' })).toBeNull();

    await user.click(saveButton());
    await screen.findByText(`Saved as version 2. ${noAnswer} codings moved.`);
    const codings = await codingsOf('response');
    expect(codings.filter((c) => c.values.includes('no_answer'))).toHaveLength(0);
    const moved = codings.filter((c) => c.values.includes('other'));
    expect(moved).toHaveLength(noAnswer + other);
    expect(moved.filter((c) => c.codebookVersion === 2)).toHaveLength(noAnswer);
    expect((await currentCodebook(DEMO_PROJECT_ID))?.merges).toEqual([
      { variableId: 'response', from: 'no_answer', into: 'other', version: 2 },
    ]);
  });

  it('retires a category that has codings: hidden from coding, codings kept', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<CodebookScreen />);
    await user.click(within(await category('No answer')).getByRole('button', { name: 'Delete “No answer”' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Retire instead' }),
    );
    expect(within(await category('No answer')).getByText('retired')).toBeInTheDocument();
    await user.click(saveButton());
    // "0 moved" is explained: retiring keeps the codings where they are.
    await screen.findByText(
      'Saved as version 2. 0 codings moved. Retiring moves no coding: a retired category keeps its codings, hidden from coding and kept in the data.',
    );
    const saved = await currentCodebook(DEMO_PROJECT_ID);
    expect(saved?.variables[0]?.categories.find((c) => c.code === 'no_answer')?.retired).toBe(true);
    const codings = await codingsOf('response');
    expect(codings.filter((c) => c.values.includes('no_answer'))).toHaveLength(
      demoUses('response', 'no_answer'),
    );
  });

  it('refuses to delete a variable that has codings', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<CodebookScreen />);
    await user.click(
      within(await responseCard()).getByRole('button', { name: "Delete variable “Agency's response”" }),
    );
    await screen.findByText(/“Agency's response” has codings \(\d+\) and cannot be deleted/);
    expect(screen.getByRole('article', { name: "Agency's response" })).toBeInTheDocument();
  });
});

describe('CodebookScreen: exchange and print', () => {
  it('exports the saved version as REFI-QDA .qdc and Kodtau JSON', async () => {
    const user = userEvent.setup();
    const { platform } = renderWithPlatform(<CodebookScreen />);
    await user.click(await screen.findByRole('button', { name: 'Export REFI-QDA .qdc' }));
    await screen.findByText('Version 1 exported.');
    await user.click(screen.getByRole('button', { name: 'Export Kodtau JSON' }));
    const [qdc, json] = platform.saved;
    expect(qdc?.suggestedName).toBe('Open-Dialogue-appeals-to-the-Anti-Corruption-codebook-v1.qdc');
    expect(new TextDecoder().decode(qdc?.bytes)).toContain('xmlns="urn:QDA-XML:codebook:1.0"');
    expect(JSON.parse(new TextDecoder().decode(json?.bytes)).codebook.hash).toBe(
      (await currentCodebook(DEMO_PROJECT_ID))?.hash,
    );
  });

  it('refuses an XML bomb with a message and leaves the draft as it was', async () => {
    const user = userEvent.setup();
    const { platform } = renderWithPlatform(<CodebookScreen />);
    platform.nextOpen = [
      {
        name: 'bomb.qdc',
        bytes: new TextEncoder().encode('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY a "a">]><CodeBook/>'),
      },
    ];
    await user.click(await screen.findByRole('button', { name: 'Import codebook…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'bomb.qdc was not imported. The XML declares a DOCTYPE or entities',
    );
    expect(screen.queryByText('unsaved changes')).toBeNull();
  });

  it('previews or refuses the hostile .qdc files of issue 15 without losing the screen', async () => {
    const user = userEvent.setup();
    const { platform } = renderWithPlatform(<CodebookScreen />);
    const guid = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
    const code = (n: number, name: string, inner = '', extra = '') =>
      `<Code guid="${guid(n)}" name="${name}" isCodable="true"${extra}>${inner}</Code>`;
    const qdc = (codes: string) =>
      new TextEncoder().encode(
        `<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${codes}</Codes></CodeBook>`,
      );
    let deep = code(200, 'leaf');
    for (let n = 199; n >= 50; n--) deep = code(n, `level ${n}`, deep);
    const open = async (name: string, bytes: Uint8Array) => {
      platform.nextOpen = [{ name, bytes }];
      await user.click(await screen.findByRole('button', { name: 'Import codebook…' }));
    };

    await open(
      'names.qdc',
      qdc(
        code(
          1,
          'Topic',
          `<constructor/><__proto__ toString="x"/><Description>a</Description><Description>b</Description>${code(2, 'constructor')}${code(3, '__proto__', '', ' constructor="y"')}`,
        ),
      ),
    );
    expect(await screen.findByRole('region', { name: 'Import preview' })).toHaveTextContent(
      'REFI-QDA codebook · Variables: 1, categories: 2',
    );
    await open('deep.qdc', qdc(deep));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'deep.qdc was not imported. Codes are nested more than 100 levels deep',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Codebook' })).toBeInTheDocument();
    expect(screen.queryByText('unsaved changes')).toBeNull();
  });

  it('imports a .qdc after a preview, keeping categories that have codings as retired', async () => {
    const user = userEvent.setup();
    const { platform } = renderWithPlatform(<CodebookScreen />);
    const smaller = structuredClone(demo.codebook);
    smaller.variables[3]!.categories = smaller.variables[3]!.categories.filter((c) => c.code !== 'no_answer');
    smaller.variables[3]!.categories[0]!.label.kk = 'Тергеу ісі басталды';
    platform.nextOpen = [
      { name: 'from-maxqda.qdc', bytes: new TextEncoder().encode(writeQdc(smaller, 'kk').xml) },
    ];
    await user.click(await screen.findByRole('button', { name: 'Import codebook…' }));
    const preview = await screen.findByRole('region', { name: 'Import preview' });
    expect(preview).toHaveTextContent('REFI-QDA codebook · Variables: 4, categories: 36');
    const use = within(preview).getByRole('button', { name: 'Use this codebook' });
    await waitFor(() => expect(use).toBeEnabled()); // once the codings are counted
    await user.click(use);
    expect(await screen.findByText('unsaved changes')).toBeInTheDocument();
    expect(within(await category('No answer')).getByText('retired')).toBeInTheDocument();
    const first = within(await category('Investigation opened')).getByRole('textbox', {
      name: 'Label (Қазақша)',
    });
    expect(first).toHaveValue('Тергеу ісі басталды');
  });

  it('prints through the print dialog a codebook in the chosen language', async () => {
    const user = userEvent.setup();
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const { container } = renderWithPlatform(<CodebookScreen />);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Print in' }), 'kk');
    await user.click(screen.getByRole('button', { name: 'Print…' }));
    expect(print).toHaveBeenCalledOnce();
    const page = container.querySelector('.codebook-print');
    expect(page).toHaveAttribute('lang', 'kk');
    expect(page).toHaveTextContent('Кодтар кітабы: Ашық диалог');
    expect(page).toHaveTextContent('Тергеу басталды');
    expect(page).toHaveTextContent('Мысал:');
  });
});

describe('CodebookScreen: unsaved drafts', () => {
  it('keeps an unsaved edit when the screen is left and opened again, and forgets it once saved', async () => {
    const user = userEvent.setup();
    const first = renderWithPlatform(<CodebookScreen />);
    const kk = within(await category('No answer')).getByRole('textbox', { name: 'Label (Қазақша)' });
    await user.clear(kk);
    await user.type(kk, 'Жауап берілмеді');
    first.unmount();

    renderWithPlatform(<CodebookScreen />);
    const again = within(await category('No answer')).getByRole('textbox', { name: 'Label (Қазақша)' });
    expect(again).toHaveValue('Жауап берілмеді');
    expect(screen.getByText('unsaved changes')).toBeInTheDocument();
    await user.click(saveButton());
    await screen.findByText('Saved as version 2. 0 codings moved.');
    expect(Object.keys(localStorage).filter((k) => k.startsWith('kodtau-codebook-draft/'))).toEqual([]);
  });
});
