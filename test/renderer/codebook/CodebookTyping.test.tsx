// @vitest-environment jsdom
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { CodebookScreen } from '../../../renderer/features/codebook/CodebookScreen.tsx';
import { useAppStore } from '../../../renderer/store/index.ts';
import { createDemoProject } from '../../../shared/demo/index.ts';
import { codebookHash } from '../../../shared/model/index.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';

setUpRendererTests('en');
vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 8000 });

/** A project whose codebook is the demo's agency response only (a small form for jsdom). */
async function responseOnly() {
  await signInCoder();
  const demo = createDemoProject();
  await db.projects.add({ ...demo.project, id: 'p', demo: false });
  const variables = demo.codebook.variables.filter((v) => v.id === 'response');
  await db.codebooks.add({
    ...demo.codebook,
    projectId: 'p',
    variables,
    hash: codebookHash({ variables, merges: [] }),
  });
  useAppStore.setState({ projectId: 'p' });
}

describe('CodebookScreen: typing', () => {
  it('keeps the focus and every typed character when the code changes and the next field is clicked', async () => {
    await responseOnly();
    // No delay between keys: the coder types at speed across the fields of the new row.
    const user = userEvent.setup({ delay: null });
    renderWithPlatform(<CodebookScreen />);
    const card = await screen.findByRole('article', { name: "Agency's response" });
    await user.click(within(card).getByRole('button', { name: 'Add category' }));
    const row = within(card).getByRole('listitem', { name: 'New category' });
    const code = within(row).getByRole('textbox', { name: 'Code' });
    await user.tripleClick(code);
    await user.keyboard('refused');
    // Leaving the code field commits the new code: the row must not remount under the click.
    const kk = within(row).getByRole('textbox', { name: 'Label (Қазақша)' });
    await user.click(kk);
    expect(kk).toHaveFocus();
    await user.keyboard('Бас тартты');
    const en = within(row).getByRole('textbox', { name: 'Label (English)' });
    await user.tripleClick(en);
    await user.keyboard('Refused');
    await user.click(within(row).getByRole('textbox', { name: 'Label (Русский)' }));
    await user.keyboard('Отказ');

    expect(row).toBeInTheDocument();
    expect(code).toHaveValue('refused');
    expect(kk).toHaveValue('Бас тартты');
    expect(en).toHaveValue('Refused');
    expect(within(row).getByRole('textbox', { name: 'Label (Русский)' })).toHaveValue('Отказ');
    // Ctrl+A in a field selects that field's text, not the page: the focus is still in the row.
    expect(row.contains(document.activeElement)).toBe(true);
  });

  it('says nothing about the three languages while the codebook is empty', async () => {
    await signInCoder();
    await db.projects.add({
      id: 'e',
      name: 'Empty',
      languages: ['en'],
      createdAt: '2024-01-01',
      demo: false,
    });
    useAppStore.setState({ projectId: 'e' });
    renderWithPlatform(<CodebookScreen />);
    expect(await screen.findByText(/No codebook yet/)).toBeInTheDocument();
    expect(screen.queryByText('Every text is in all three languages.')).toBeNull();
  });
});
