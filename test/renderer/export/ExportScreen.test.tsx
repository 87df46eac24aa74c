// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { ExportScreen } from '../../../renderer/features/export/ExportScreen.tsx';
import { useAppStore } from '../../../renderer/store/index.ts';
import { parseCsv } from '../../../shared/csv/parseCsv.ts';
import { createDemoProject, DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { LONG_CSV_HEADER } from '../../../shared/formats/longCodingsCsv.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';
import { storedAnswers } from '../codingRows.ts';

/** Exports are named after the project (the demo's English name, cut at a word boundary). */
const STEM = 'Open-Dialogue-appeals-to-the-Anti-Corruption';

setUpRendererTests('en');

beforeEach(async () => {
  await signInCoder();
  await openDemoProject();
  useAppStore.setState({ projectId: DEMO_PROJECT_ID, screen: 'export' });
});

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

async function exportDataset(platform = renderWithPlatform(<ExportScreen />).platform) {
  const user = userEvent.setup();
  const before = platform.saved.length;
  await user.click(await screen.findByRole('button', { name: 'Export dataset…' }, { timeout: 5000 }));
  await waitFor(() => expect(platform.saved).toHaveLength(before + 1));
  const call = platform.saved.at(-1)!;
  return { call, text: decode(call.bytes) };
}

describe('ExportScreen', { timeout: 20_000 }, () => {
  it('saves the wide dataset of one coder: BOM, one row per appeal, 0/1 columns, CRLF', async () => {
    const user = userEvent.setup();
    const { platform } = renderWithPlatform(<ExportScreen />);
    const coderId = (await storedAnswers())[0]!.coderId;
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Values from' }, { timeout: 5000 }),
      `coder:${coderId}`,
    );
    const { call, text } = await exportDataset(platform);
    // EF BB BF: U+FEFF in UTF-8, what Excel looks for to read the file as UTF-8.
    expect(Array.from(call.bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(call.suggestedName).toBe(`${STEM}-wide.csv`);
    const rows = parseCsv(text).rows;
    expect(rows).toHaveLength(342);
    expect(rows[0]!.slice(0, 3)).toEqual(['id', 'date', 'region']);
    expect(rows[0]).toContain('reason_corruption');
    expect(text).toContain('\r\n');
    // An appeal the coder coded holds 0/1 in its reason columns; one she did not code, empty cells.
    const col = rows[0]!.indexOf('reason_corruption');
    const coded = new Set(
      (await storedAnswers())
        .filter((c) => c.projectId === DEMO_PROJECT_ID && c.coderId === coderId)
        .map((c) => c.appealId),
    );
    const cells = (mine: boolean) =>
      rows
        .slice(1)
        .filter((row) => coded.has(row[0]!) === mine)
        .map((row) => row[col]);
    expect(cells(true).length).toBeGreaterThan(200);
    expect(cells(true).every((cell) => cell === '0' || cell === '1')).toBe(true);
    expect(cells(false).length).toBeGreaterThan(100);
    expect(cells(false).every((cell) => cell === '')).toBe(true);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Exported 341 rows.'));
  });

  it('saves every coder’s codings in the long layout, split on semicolons when chosen', async () => {
    const user = userEvent.setup();
    const { platform } = renderWithPlatform(<ExportScreen />);
    await user.click(await screen.findByRole('radio', { name: /^Long/ }, { timeout: 5000 }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Values from' }), 'all');
    await user.click(screen.getByRole('radio', { name: /Semicolon/ }));
    const { text } = await exportDataset(platform);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(LONG_CSV_HEADER.join(';'));
    // Header + one line per coding + the empty string after the final CRLF (no demo cell holds a line break).
    expect(lines).toHaveLength((await storedAnswers()).length + 2);
  });

  it('reports majority ties and writes the data CSV and the SPSS and R syntax that read it', async () => {
    const user = userEvent.setup();
    const { platform } = renderWithPlatform(<ExportScreen />);
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Values from' }, { timeout: 5000 }),
      'majority',
    );
    await exportDataset(platform);
    // Two demo coders: every disagreement is a tie.
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/the coders tied on \d+ appeals/),
    );
    // The screen says which file is for what: the apostrophe only in the CSV for Excel.
    expect(screen.getByRole('heading', { name: 'For SPSS, R and Python' })).toBeInTheDocument();
    expect(
      screen.getByText(
        /The CSV for Excel writes an apostrophe .* The data file .*-wide-data\.csv carries every text exactly/,
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'SPSS syntax (.sps)…' }));
    await waitFor(() => expect(platform.saved.at(-1)!.suggestedName).toBe(`${STEM}-wide.sps`));
    expect(decode(platform.saved.at(-1)!.bytes)).toContain(`/FILE='${STEM}-wide-data.csv'`);
    await user.click(screen.getByRole('button', { name: 'Data for SPSS and R (.csv)…' }));
    await waitFor(() => expect(platform.saved.at(-1)!.suggestedName).toBe(`${STEM}-wide-data.csv`));
    // The data file for statistics programs: no BOM, no Excel apostrophe.
    expect(decode(platform.saved.at(-1)!.bytes).startsWith('id,')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'R script (.R)…' }));
    await waitFor(() => expect(platform.saved.at(-1)!.suggestedName).toBe(`${STEM}-wide.R`));
    await user.click(screen.getByRole('button', { name: 'Codebook (JSON)…' }));
    await waitFor(() =>
      expect(JSON.parse(decode(platform.saved.at(-1)!.bytes)).format).toBe('kodtau-codebook'),
    );
  });

  it('exports the final dataset by default: unresolved units empty with status 9, said; settled ones status 3', async () => {
    const { platform } = renderWithPlatform(<ExportScreen />);
    expect(await screen.findByRole('combobox', { name: 'Values from' }, { timeout: 5000 })).toHaveValue(
      'final',
    );
    // Expected, straight from IndexedDB: the region units on which the coders differ.
    const byUnit = new Map<string, Set<string>>();
    for (const c of await storedAnswers())
      if (c.variableId === 'region')
        byUnit.set(c.appealId, (byUnit.get(c.appealId) ?? new Set()).add(c.values.join('+')));
    const disputed = [...byUnit].filter(([, set]) => set.size > 1).map(([id]) => id);
    expect(disputed.length).toBeGreaterThan(0);
    const summary = await screen.findByRole('group', {
      name: /How the values of the final dataset were reached/,
    });
    const units = Number(/\((\d+) units\)/.exec(within(summary).getByRole('alert').textContent!)![1]);
    expect(units).toBeGreaterThanOrEqual(disputed.length);

    const first = await exportDataset(platform);
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        `Exported 341 rows. ${units} unresolved units are left empty (status 9).`,
      ),
    );
    const [header, ...rows] = parseCsv(first.text).rows;
    const row = (id: string) => rows.find((r) => r[0] === id)!;
    const status = header!.indexOf('region_status');
    for (const id of disputed) {
      expect(row(id)[status]).toBe('9');
      expect(row(id)[header!.indexOf('region_code')]).toBe('');
    }

    // The supervisor settles the first disputed region as Akmola.
    await db.consensus.put({
      projectId: DEMO_PROJECT_ID,
      appealId: disputed[0]!,
      variableId: 'region',
      values: ['akmola'],
      method: 'adjudicated',
      by: 'me',
      at: '2026-03-01T00:00:00.000Z',
    });
    await waitFor(() => expect(within(summary).getByRole('alert')).toHaveTextContent(`(${units - 1} units)`));
    const second = await exportDataset(platform);
    const [header2, ...rows2] = parseCsv(second.text).rows;
    const settled = rows2.find((r) => r[0] === disputed[0])!;
    expect(settled[header2!.indexOf('region_status')]).toBe('3');
    const akmola = createDemoProject()
      .codebook.variables.find((v) => v.id === 'region')!
      .categories.find((c) => c.code === 'akmola')!;
    expect(settled[header2!.indexOf('region_code')]).toBe(String(akmola.value));
  });

  it('says the export was cancelled when the user cancels the dialog', async () => {
    const { platform } = renderWithPlatform(<ExportScreen />);
    platform.saveResult = false;
    await exportDataset(platform);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Export cancelled.'));
  });

  it('asks to open a project when none is open', async () => {
    useAppStore.setState({ projectId: null });
    const { platform } = renderWithPlatform(<ExportScreen />);
    expect(await screen.findByText('Open a project first.')).toBeInTheDocument();
    expect(platform.saved).toHaveLength(0);
  });
});
