// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { AdjudicationScreen } from '../../../renderer/features/adjudication/AdjudicationScreen.tsx';
import { useAppStore } from '../../../renderer/store/index.ts';
import { answerKey } from '../../../shared/consensus/codingUnits.ts';
import { createDemoProject, DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import type { Coding } from '../../../shared/model/index.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';

setUpRendererTests('en');

const ME = 'supervisor';

/**
 * The expected units, counted here without shared/consensus: group the demo's codings by
 * (appeal, variable), keep those with two or more coders, and call a unit agreed when the
 * coders' sorted values (or texts) are equal.
 */
function expectedUnits() {
  const byUnit = new Map<string, Coding[]>();
  for (const coding of createDemoProject().codings) {
    const key = `${coding.appealId}/${coding.variableId}`;
    byUnit.set(key, [...(byUnit.get(key) ?? []), coding]);
  }
  const units = [...byUnit.entries()].filter(([, codings]) => codings.length >= 2);
  const same = (codings: Coding[]) =>
    new Set(
      codings.map((c) =>
        c.values.length === 0 && c.text !== undefined
          ? `t:${c.text.trim()}`
          : JSON.stringify([...c.values].sort()),
      ),
    ).size === 1;
  return {
    all: units,
    agreed: units.filter(([, codings]) => same(codings)),
    disputed: units.filter(([, codings]) => !same(codings)),
  };
}

beforeEach(async () => {
  await signInCoder(ME, 'Supervisor');
  await openDemoProject();
  useAppStore.setState({ projectId: DEMO_PROJECT_ID, screen: 'adjudication' });
});

describe('AdjudicationScreen with the demo', () => {
  it('finds overlap in the demo: both agreed and disputed units', () => {
    const { agreed, disputed } = expectedUnits();
    expect(agreed.length).toBeGreaterThan(0);
    expect(disputed.length).toBeGreaterThan(0);
  });

  it('"accept agreed" writes one consensus row per agreed unit, method "agreed", by the user', async () => {
    const user = userEvent.setup();
    const { agreed } = expectedUnits();
    renderWithPlatform(<AdjudicationScreen />);
    const button = await screen.findByRole(
      'button',
      { name: `Accept ${agreed.length.toLocaleString('en-GB')} agreed units into the consensus` },
      { timeout: 10_000 },
    );
    await user.click(button);

    await waitFor(async () => expect(await db.consensus.count()).toBe(agreed.length), { timeout: 5000 });
    const rows = await db.consensus.toArray();
    expect(
      rows.every((row) => row.method === 'agreed' && row.by === ME && row.projectId === DEMO_PROJECT_ID),
    ).toBe(true);
    const expected = new Map(agreed.map(([key, codings]) => [key, answerKey(codings[0]!)]));
    for (const row of rows)
      expect(answerKey(row), `${row.appealId}/${row.variableId}`).toBe(
        expected.get(`${row.appealId}/${row.variableId}`),
      );

    // Nothing is left to accept, and the button says so.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /^Accept 0 agreed units/ })).toBeDisabled(),
    );
  });

  it('taking one coder\'s answer writes an "adjudicated" row with that coder\'s values', async () => {
    const user = userEvent.setup();
    const { disputed } = expectedUnits();
    renderWithPlatform(<AdjudicationScreen />);
    const cards = await screen.findAllByRole('listitem', {}, { timeout: 10_000 });
    expect(cards).toHaveLength(disputed.length);

    const card = cards[0]!;
    const appealId = card.querySelector('code')!.textContent!;
    const choices = within(card).getAllByRole('button');
    expect(choices.length).toBeGreaterThanOrEqual(2);
    // Each button reads "{coder name}: {answer}"; the expected values are that coder's own.
    const coderName = choices[1]!.textContent!.split(':')[0]!;
    const coder = (await db.coders.toArray()).find((c) => c.name === coderName)!;
    await user.click(choices[1]!);

    await waitFor(async () => expect(await db.consensus.count()).toBe(1));
    const [row] = await db.consensus.toArray();
    expect(row).toMatchObject({ projectId: DEMO_PROJECT_ID, appealId, method: 'adjudicated', by: ME });
    const unit = disputed.find(([key]) => key === `${row!.appealId}/${row!.variableId}`)!;
    const theirs = unit[1].find((c) => c.coderId === coder.id)!;
    expect(row!.values).toEqual(theirs.values);
    await waitFor(() => expect(within(card).getByText('settled')).toBeInTheDocument());
    expect(choices[1]).toHaveAttribute('aria-pressed', 'true');
    expect(choices[0]).toHaveAttribute('aria-pressed', 'false');
  });
});
