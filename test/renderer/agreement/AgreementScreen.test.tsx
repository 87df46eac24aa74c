// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../cli/kodtau.ts';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { codingTables, putCodings } from '../../../renderer/db/queries.ts';
import { AgreementScreen } from '../../../renderer/features/agreement/AgreementScreen.tsx';
import { useAppStore } from '../../../renderer/store/index.ts';
import { parseCsv } from '../../../shared/csv/parseCsv.ts';
import { createDemoProject, DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { clearedCoding } from '../../../shared/model/index.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';
import { storedAnswers } from '../codingRows.ts';

setUpRendererTests('en');

beforeEach(async () => {
  await openDemoProject();
  await signInCoder('supervisor', 'Supervisor');
  useAppStore.setState({ projectId: DEMO_PROJECT_ID, screen: 'agreement' });
});

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
const three = (x: number) => x.toFixed(3);

async function cli(...argv: string[]) {
  let out = '';
  const code = await main(argv, { out: (t) => (out += t), err: () => {} });
  return { code, json: JSON.parse(out) as Record<string, number | number[] | null> };
}

describe('AgreementScreen', () => {
  it(
    'shows for Region the figures `kodtau agreement` gives on the matrix it exports',
    { timeout: 30_000 },
    async () => {
      const user = userEvent.setup();
      const { platform } = renderWithPlatform(<AgreementScreen />);
      await user.click(await screen.findByRole('button', { name: 'Region' }));
      // The detail shows once the worker has sent the variable's matrix.
      await user.click(await screen.findByRole('button', { name: 'Export the matrix (ReCal CSV)…' }));
      const saved = platform.saved.at(-1)!;
      expect(saved.suggestedName).toBe('agreement-region.recal.csv');
      const file = join(mkdtempSync(join(tmpdir(), 'kodtau-agr-')), saved.suggestedName);
      writeFileSync(file, saved.bytes);
      const values = createDemoProject()
        .codebook.variables.find((v) => v.id === 'region')!
        .categories.map((c) => c.value)
        .join(',');
      const { code, json } = await cli(
        'agreement',
        file,
        '--json',
        '--categories',
        values,
        '--bootstrap',
        '1000',
        '--seed',
        '1',
        '--alpha-min',
        '.8',
      );
      expect(code).toBe(0);
      const row = screen.getByRole('button', { name: 'Region' }).closest('tr')!;
      const cells = within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent);
      const ci = json.alphaCI95 as number[];
      expect(cells).toEqual([
        String(json.units),
        String(json.coders),
        three(json.percentAgreement as number),
        three(json.krippendorffAlpha as number),
        `${three(ci[0]!)} – ${three(ci[1]!)}`,
        three(json.cohenKappa as number),
        three(json.fleissKappa as number),
        three(json.gwetAC1 as number),
        three(json.brennanPrediger as number),
        // The verdict against α_min = .800 from the same bootstrap (q: share of α* below .800).
        {
          established: `established: q = ${three(json.q as number)}, lower bound ${three(ci[0]!)}`,
          uncertain: `not established: α ≥ 0.800, but q = ${three(json.q as number)} > 0.05 (lower bound ${three(ci[0]!)})`,
          'not-established': `not established: α below 0.800 (q = ${three(json.q as number)})`,
        }[json.verdict as unknown as string],
      ]);
      // The demo: both coders coded the overlap sample of 68 appeals.
      expect(json.units).toBe(68);
    },
  );

  it('drills down to the confusion matrix and lists the appeals behind a disagreement', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<AgreementScreen />);
    await user.click(await screen.findByRole('button', { name: 'Region' }));
    const heatmap = await screen.findByRole('table', { name: 'Confusion matrix' });
    const cellButtons = within(heatmap).getAllByRole('button');
    const total = cellButtons.reduce((sum, b) => sum + Number(b.textContent), 0);
    expect(total).toBe(68);
    // The demo puts 8 region disagreements (shared/demo/codings.ts, DISAGREEMENTS.region).
    const off = cellButtons.filter((b) => !b.closest('td')!.classList.contains('diagonal'));
    expect(off.reduce((sum, b) => sum + Number(b.textContent), 0)).toBe(8);
    await user.click(off[0]!);
    const list = screen.getByRole('heading', { level: 4 });
    expect(list.textContent).toMatch(/^\d+ appeals? coded “.+” and “.+”$/);
    expect(within(list.parentElement!).getAllByRole('listitem')).toHaveLength(Number(off[0]!.textContent));
  });

  it('narrows to a date range and exports the report as CSV and HTML', async () => {
    const user = userEvent.setup();
    const { platform } = renderWithPlatform(<AgreementScreen />);
    const regionRow = () => screen.getByRole('button', { name: 'Region' }).closest('tr')!;
    await screen.findByRole('button', { name: 'Region' });
    // The dates of the overlap sample, the appeals both coders coded.
    const demo = createDemoProject();
    const codedBy = (appealId: string) =>
      new Set(demo.codings.filter((c) => c.appealId === appealId).map((c) => c.coderId)).size;
    const dates = demo.appeals
      .filter((a) => codedBy(a.id) === 2)
      .map((a) => a.meta.date!.slice(0, 10))
      .sort();
    expect(dates).toHaveLength(68);
    const median = dates[34]!;
    fireEvent.change(screen.getByLabelText('Appeals dated from'), { target: { value: median } });
    const expected = dates.filter((d) => d >= median).length;
    // The figures are computed off the UI thread: they arrive after the change (slowly on a busy machine).
    await waitFor(
      () => expect(within(regionRow()).getAllByRole('cell')[0]!.textContent).toBe(String(expected)),
      { timeout: 30_000 },
    );

    // The report is saved once the bootstrap intervals have followed the point estimates.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export report (CSV)…' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Export report (CSV)…' }));
    const rows = parseCsv(decode(platform.saved.at(-1)!.bytes)).rows;
    expect(rows[0]!.slice(0, 3)).toEqual(['variable', 'label', 'kind']);
    expect(rows.find((r) => r[0] === 'region')![4]).toBe(String(expected));
    await user.click(screen.getByRole('button', { name: 'Export report (HTML, print to PDF)…' }));
    const html = decode(platform.saved.at(-1)!.bytes);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Inter-coder agreement: ');
    expect(html).toContain(`appeals dated ${median} to …`);
  });

  it(
    'computes the figures again when a coding is written while the screen is open',
    { timeout: 60_000 },
    async () => {
      renderWithPlatform(<AgreementScreen />);
      const unitsOfRegion = () =>
        within(screen.getByRole('button', { name: 'Region' }).closest('tr')!).getAllByRole('cell')[0]!
          .textContent;
      await waitFor(() => expect(unitsOfRegion()).toBe('68'), { timeout: 30_000 });
      // One of the two coders of an overlap appeal clears their answer: one unit fewer is pairable.
      const region = (await storedAnswers()).filter(
        (c) => c.projectId === DEMO_PROJECT_ID && c.variableId === 'region',
      );
      const shared = region.find((c) => region.filter((d) => d.appealId === c.appealId).length === 2)!;
      await db.transaction('rw', codingTables(), () =>
        putCodings([clearedCoding(shared, '2026-06-01T00:00:00.000Z')]),
      );
      await waitFor(() => expect(unitsOfRegion()).toBe('67'), { timeout: 30_000 });
    },
  );
});
