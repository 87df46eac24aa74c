// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { echarts } from '../../../renderer/features/tables/barChart.ts';
import { TablesScreen } from '../../../renderer/features/tables/TablesScreen.tsx';
import { useAppStore } from '../../../renderer/store/index.ts';
import { DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';
import { storedAnswers } from '../codingRows.ts';
import { appealTotal } from '../appealRows.ts';

setUpRendererTests('en');

// jsdom has no canvas to measure text with; ECharts takes a measure function for such places.
beforeAll(() => echarts.setPlatformAPI({ measureText: (text: string) => ({ width: text.length * 7 }) }));

beforeEach(async () => {
  await signInCoder();
  await openDemoProject();
  useAppStore.setState({ projectId: DEMO_PROJECT_ID, screen: 'tables' });
});

/** jsdom's Blob has no text(); its FileReader reads one. */
const readBlob = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });

const cells = (row: HTMLElement) =>
  within(row)
    .queryAllByRole('cell')
    .map((cell) => cell.textContent);
async function tableRows() {
  const table = await screen.findByRole('table', {}, { timeout: 5000 });
  const [, body, foot] = within(table).getAllByRole('rowgroup');
  return {
    body: within(body!).getAllByRole('row').map(cells),
    foot: within(foot!)
      .getAllByRole('row')
      .map((row) => row.textContent),
  };
}

// The demo's 341 appeals are tabulated on every change; a busy machine needs more than 5 s.
describe('TablesScreen', { timeout: 20_000 }, () => {
  it("shows the study's regions table: Almaty city 61 = 17.9 % … Akmola 5, total 341", async () => {
    renderWithPlatform(<TablesScreen />);
    await waitFor(async () => expect((await tableRows()).body.length).toBe(17), { timeout: 5000 });
    const { body, foot } = await tableRows();
    // DESIGN.md (Table 2): Almaty city 61 (17.9 %), Astana city 47, …, Akmola 5, total 341.
    expect(body[0]).toEqual(['Almaty city', '61', '17.9']);
    expect(body[1]).toEqual(['Astana city', '47', '13.8']);
    expect(body.at(-1)).toEqual(['Akmola', '5', '1.5']);
    expect(foot).toEqual(['Valid341100.0', 'Missing0']);
    // Rounded half up, the 17 shares add up to 100.2% (see test/shared/tables/tableGrid.test.ts).
    expect(screen.getByText(/add up to 100\.2%/)).toBeInTheDocument();
  });

  it('builds a reasons × region cross-tab of one coder, with χ² withheld for multiple choice', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<TablesScreen />);
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Table of' }, { timeout: 5000 }),
      'var:reason',
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'By (cross-tab)' }), 'meta:region');
    // The demo has no consensus yet: the screen says so and where to get one.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Codings of' }), 'consensus');
    expect(await screen.findByText(/^The consensus is empty so far/)).toBeInTheDocument();
    const coderId = (await storedAnswers())[0]!.coderId;
    await user.selectOptions(screen.getByRole('combobox', { name: 'Codings of' }), `coder:${coderId}`);
    await screen.findByText(/No χ² test: a multiple-choice variable/);
    // Expected: the coder's reason codings straight from IndexedDB; one cross-tab row per reason.
    const mine = (await storedAnswers()).filter((c) => c.coderId === coderId && c.variableId === 'reason');
    const reasons = new Set(mine.flatMap((c) => c.values));
    const { body } = await tableRows();
    expect(body).toHaveLength(reasons.size);
    const coded = mine.filter((c) => c.values.length > 0).length;
    expect(screen.getByText(new RegExp(`^${coded} appeals have a value on both`))).toBeInTheDocument();
  });

  it('gives χ², df, p and Cramér’s V for two single-choice columns, in the saved CSV too', async () => {
    const user = userEvent.setup();
    const { platform } = renderWithPlatform(<TablesScreen />);
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Table of' }, { timeout: 5000 }),
      'meta:language',
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'By (cross-tab)' }), 'meta:region');
    // 2 languages × 17 regions: df = (2 − 1)(17 − 1) = 16.
    expect(
      await screen.findByText(/^χ² = [\d.]+, df = 16, p [<=] [\d.]+; Cramér’s V = [\d.]+$/),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(/cells \(\d+%\) have an expected count below 5/);
    const shown = screen.getByText(/^χ² = /).textContent!;
    await user.selectOptions(screen.getByRole('combobox', { name: 'Delimiter' }), ',');
    await user.click(screen.getByRole('button', { name: 'Save CSV…' }));
    await waitFor(() => expect(platform.saved).toHaveLength(1));
    const lines = new TextDecoder().decode(platform.saved[0]!.bytes).split('\r\n');
    const value = (label: string) =>
      Number(lines.find((line) => line.startsWith(`${label},`))!.split(',')[1]);
    expect(shown).toContain(`χ² = ${value('χ²').toFixed(2)}, df = ${value('df')}`);
    expect(shown).toContain(`Cramér’s V = ${value('Cramér’s V').toFixed(3)}`);
    expect(value('p')).toBeGreaterThanOrEqual(0);
    // The notes and warnings shown under the table are saved under it.
    expect(lines.some((line) => /have an expected count below 5/.test(line))).toBe(true);
    expect(lines.some((line) => /appeals have a value on both/.test(line))).toBe(true);
  });

  it('copies the table as HTML and text, and saves CSV and SVG files (Excel and PNG: tables.e2e.ts)', async () => {
    const user = userEvent.setup();
    const written: Record<string, string>[] = [];
    class FakeClipboardItem {
      constructor(readonly parts: Record<string, Blob>) {}
    }
    vi.stubGlobal('ClipboardItem', FakeClipboardItem);
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        write: async (items: FakeClipboardItem[]) => {
          for (const item of items)
            written.push(
              Object.fromEntries(
                await Promise.all(
                  Object.entries(item.parts).map(async ([type, blob]) => [type, await readBlob(blob)]),
                ),
              ),
            );
        },
      },
    });
    const { platform } = renderWithPlatform(<TablesScreen />);
    await user.click(await screen.findByRole('button', { name: 'Copy table' }, { timeout: 5000 }));
    await screen.findByText('Table copied: paste it into Word or Excel.');
    expect(written[0]!['text/html']).toMatch(/^<table><thead><tr><th>Region<\/th>/);
    expect(written[0]!['text/plain']).toContain('Almaty city\t61\t17.9\r\n');

    await user.click(screen.getByRole('button', { name: 'Save CSV…' }));
    await waitFor(() => expect(platform.saved).toHaveLength(1));
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(platform.saved[0]!.bytes);
    expect(csv.startsWith('\uFEFFRegion,Count,% of valid\r\nAlmaty city,61,17.9\r\n')).toBe(true);
    expect(platform.saved[0]!.suggestedName).toBe('Open-Dialogue-appeals-to-the-Anti-Corruption-Region.csv');

    await user.click(screen.getByRole('button', { name: 'Chart as SVG…' }));
    await waitFor(() => expect(platform.saved).toHaveLength(2));
    const svg = new TextDecoder().decode(platform.saved[1]!.bytes);
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('Almaty city');
    vi.unstubAllGlobals();
  });

  it('shows the final dataset by default: appeals by status, the unresolved ones and the way to settle them', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<TablesScreen />);
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Table of' }, { timeout: 5000 }),
      'var:region',
    );
    expect(screen.getByRole('combobox', { name: 'Codings of' })).toHaveValue('final');
    // Expected, straight from IndexedDB: each appeal's region answers, one per coder.
    const answers = new Map<string, Set<string>>();
    const coders = new Map<string, number>();
    for (const c of await storedAnswers()) {
      if (c.variableId !== 'region') continue;
      answers.set(c.appealId, (answers.get(c.appealId) ?? new Set()).add(c.values.join('+')));
      coders.set(c.appealId, (coders.get(c.appealId) ?? 0) + 1);
    }
    const appeals = await appealTotal();
    const unresolved = [...answers.values()].filter((set) => set.size > 1).length;
    const agreed = [...answers].filter(([id, set]) => set.size === 1 && coders.get(id)! > 1).length;
    const single = [...coders.values()].filter((n) => n === 1).length;
    expect(unresolved).toBeGreaterThan(0);
    const summary = await screen.findByRole('group', { name: /How the values in this table were reached/ });
    const items = within(within(summary).getAllByRole('list')[0]!)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      `single-coded: ${single}`,
      `agreed: ${agreed}`,
      'adjudicated: 0',
      `unresolved: ${unresolved}`,
      ...(appeals > answers.size ? [`not coded yet: ${appeals - answers.size}`] : []),
    ]);
    // Unresolved appeals are missing in the table: valid = agreed + single-coded.
    const { foot } = await tableRows();
    expect(foot[0]).toMatch(new RegExp(`^Valid${agreed + single}100\\.0$`));
    expect(within(summary).getByRole('alert')).toHaveTextContent(
      `${unresolved} appeals are unresolved (${unresolved} units)`,
    );
    // The first 20 units by name, the rest counted.
    const named = within(within(summary).getByRole('alert')).getAllByRole('listitem');
    expect(named).toHaveLength(Math.min(unresolved, 20));
    if (unresolved > 20)
      expect(within(summary).getByText(`…and ${unresolved - 20} more.`)).toBeInTheDocument();
    await user.click(within(summary).getByRole('button', { name: 'Settle them on the Adjudication screen' }));
    expect(useAppStore.getState().screen).toBe('adjudication');
  });

  it('shows labels in another language than the interface', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<TablesScreen />);
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Labels in' }, { timeout: 5000 }),
      'kk',
    );
    expect(await screen.findByRole('row', { name: /Алматы қаласы/ })).toBeInTheDocument();
  });
});
