// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { TablesScreen } from '../../../renderer/features/tables/TablesScreen.tsx';
import { useAppStore } from '../../../renderer/store/index.ts';
import { DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';

setUpRendererTests('en');

beforeEach(async () => {
  await signInCoder();
  await openDemoProject();
  useAppStore.setState({ projectId: DEMO_PROJECT_ID, screen: 'tables' });
});

const bodyRows = async () => {
  const table = await screen.findByRole('table', {}, { timeout: 5000 });
  const [, body] = within(table).getAllByRole('rowgroup');
  return within(body!)
    .getAllByRole('row')
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );
};

describe('TablesScreen', () => {
  it("ranks the regions like the study's Table 2: Almaty city first with 61 = 17.9 %", async () => {
    renderWithPlatform(<TablesScreen />);
    await waitFor(async () => expect((await bodyRows()).length).toBeGreaterThan(1));
    const rows = await bodyRows();
    // DESIGN.md: Almaty city 61 (17.9 %), Astana city 47, …, Akmola 5, total 341.
    expect(rows[0]!.slice(1)).toEqual(['61', '17.9%']);
    expect(rows[0]![0]).toMatch(/Almaty|Алматы/);
    expect(rows[1]!.slice(1, 2)).toEqual(['47']);
    expect(rows.at(-1)!.slice(1, 2)).toEqual(['5']);
    const counts = rows.map((row) => Number(row[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(341);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  it('shows the valid total and no missing appeals for the region', async () => {
    renderWithPlatform(<TablesScreen />);
    const valid = await screen.findByText('Valid', {}, { timeout: 5000 });
    await waitFor(() => expect(valid.closest('tr')).toHaveTextContent(/^Valid341100\.0%$/));
    expect(screen.getByText('Missing').closest('tr')).toHaveTextContent(/^Missing0$/);
  });

  it('tabulates a multiple-choice variable of one coder with % of cases and % of responses', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<TablesScreen />);
    const subject = await screen.findByRole('combobox', { name: 'Table of' }, { timeout: 5000 });
    const multi = (await db.codebooks.toArray())[0]!.variables.find((v) => v.kind === 'multi')!;
    await user.selectOptions(subject, `var:${multi.id}`);
    // The consensus is empty at first: everything is missing.
    await waitFor(() => expect(screen.getByText('Missing').closest('tr')).toHaveTextContent(/^Missing341$/));

    const coderId = (await db.codings.toCollection().first())!.coderId;
    await user.selectOptions(screen.getByRole('combobox', { name: 'Codings of' }), coderId);
    expect(await screen.findByRole('columnheader', { name: '% of responses' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: '% of cases' })).toBeInTheDocument();

    // Expected: counted here straight from the coder's rows in IndexedDB.
    const mine = (await db.codings.toArray()).filter(
      (c) => c.coderId === coderId && c.variableId === multi.id && c.values.length > 0,
    );
    const responses = mine.reduce((sum, c) => sum + new Set(c.values).size, 0);
    await waitFor(() =>
      expect(screen.getByText('Cases with a value').closest('tr')).toHaveTextContent(
        new RegExp(`^Cases with a value${mine.length}$`),
      ),
    );
    expect(screen.getByText('All responses').closest('tr')).toHaveTextContent(
      new RegExp(`^All responses${responses.toLocaleString('en-GB')}100\\.0%$`),
    );
  });
});
