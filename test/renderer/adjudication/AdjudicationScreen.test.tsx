// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { AdjudicationScreen } from '../../../renderer/features/adjudication/AdjudicationScreen.tsx';
import { useAppStore } from '../../../renderer/store/index.ts';
import { createDemoProject, DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import type { Coding } from '../../../shared/model/index.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';
import { seedCodings } from '../codingRows.ts';

setUpRendererTests('en');
const ME = 'supervisor';

/**
 * Counted here without shared/consensus: group the demo's codings by (appeal, variable); a unit
 * agrees when the coders' sorted values are equal.
 */
function expectedUnits() {
  const byUnit = new Map<string, Coding[]>();
  for (const coding of createDemoProject().codings) {
    const key = `${coding.appealId}/${coding.variableId}`;
    byUnit.set(key, [...(byUnit.get(key) ?? []), coding]);
  }
  const same = (codings: Coding[]) =>
    new Set(codings.map((c) => JSON.stringify([...c.values].sort()))).size === 1;
  const units = [...byUnit.values()].filter((codings) => codings.length >= 2);
  return { agreed: units.filter(same), disputed: units.filter((u) => !same(u)) };
}

beforeEach(async () => {
  await signInCoder(ME, 'Supervisor');
  await openDemoProject();
  useAppStore.setState({ projectId: DEMO_PROJECT_ID, screen: 'adjudication' });
});

const decision = () => screen.getByRole('article');
const currentUnit = () => {
  const heading = within(decision()).getByRole('heading', { level: 2 });
  const appealId = heading.querySelector('code')!.textContent!;
  return appealId;
};

describe('AdjudicationScreen', () => {
  it('puts agreed units into the consensus by itself and counts the disagreements', async () => {
    const { agreed, disputed } = expectedUnits();
    // The demo's disagreements: 15 reason + 8 region + 14 body + 11 response (shared/demo/codings.ts).
    expect(disputed).toHaveLength(48);
    renderWithPlatform(<AdjudicationScreen />);
    await screen.findByText(new RegExp(`^Settled 0 of ${disputed.length} disagreements\\.`));
    await waitFor(async () => expect(await db.consensus.count()).toBe(agreed.length));
    const rows = await db.consensus.toArray();
    expect(rows.every((r) => r.method === 'agreed' && r.by === ME)).toBe(true);
  });

  it('takes a coder’s answer with a digit key, with a reason, and moves on to the next', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<AdjudicationScreen />);
    await screen.findByRole('article');
    const first = currentUnit();
    const heading = () => within(decision()).getByRole('heading', { level: 2 }).textContent;
    const before = heading();
    expect(before).toMatch(/^1 of 48 · /);
    await user.keyboard('r');
    expect(screen.getByRole('textbox', { name: 'Reason (optional)' })).toHaveFocus();
    await user.keyboard('Text names the city{Escape}2');
    await waitFor(() => expect(heading()).not.toBe(before));
    await screen.findByText(/^Settled 1 of 48 disagreements\./);
    const settled = (await db.consensus.toArray()).filter((r) => r.method === 'adjudicated');
    expect(settled).toHaveLength(1);
    const row = settled[0]!;
    expect(row).toMatchObject({ appealId: first, by: ME, reason: 'Text names the city' });
    // Key 2 is the second coder in id order: demo-coder-dmitry.
    const theirs = createDemoProject().codings.find(
      (c) =>
        c.coderId === 'demo-coder-dmitry' && c.appealId === row.appealId && c.variableId === row.variableId,
    )!;
    expect(row.values).toEqual(theirs.values);

    // The unit moved on to was read ahead: key 1 takes its first coder's answer (demo-coder-aigerim).
    const second = currentUnit();
    const secondHeading = heading();
    await user.keyboard('1');
    await waitFor(() => expect(heading()).not.toBe(secondHeading));
    await screen.findByText(/^Settled 2 of 48 disagreements\./);
    const next = (await db.consensus.toArray()).find(
      (r) =>
        r.method === 'adjudicated' &&
        r !== row &&
        !(r.appealId === row.appealId && r.variableId === row.variableId),
    )!;
    expect(next.appealId).toBe(second);
    const aigerim = createDemoProject().codings.find(
      (c) =>
        c.coderId === 'demo-coder-aigerim' &&
        c.appealId === next.appealId &&
        c.variableId === next.variableId,
    )!;
    expect(next.values).toEqual(aigerim.values);
    expect(next.reason).toBeUndefined();
  });

  it('filters by variable and sets another value than either coder gave', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<AdjudicationScreen />);
    await screen.findByRole('article');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Variable' }), 'Region');
    const queue = screen.getByRole('list', { name: 'Disagreements' });
    expect(within(queue).getAllByRole('listitem')).toHaveLength(8);
    // The first Region unit is read when it is shown: wait for its card.
    await waitFor(() =>
      expect(within(screen.getByRole('article')).getByRole('heading', { level: 2 })).toHaveTextContent(
        /^1 of 8 · Region · /,
      ),
    );
    const appealId = currentUnit();
    await user.click(screen.getByText('Set another value…'));
    await user.click(within(decision()).getByRole('button', { name: 'Pavlodar' }));
    await user.click(screen.getByRole('button', { name: 'Save this value' }));
    await waitFor(async () =>
      expect(await db.consensus.get([DEMO_PROJECT_ID, appealId, 'region'])).toMatchObject({
        values: ['pavlodar'],
        method: 'adjudicated',
      }),
    );
    await waitFor(() => expect(within(queue).getAllByRole('listitem')).toHaveLength(7));
  });

  it('lists the answer pairs once the pair filter is used, and narrows the queue to one', async () => {
    const user = userEvent.setup();
    const region = expectedUnits().disputed.filter(([c]) => c!.variableId === 'region');
    const pairOf = (unit: Coding[]) =>
      [...new Set(unit.map((c) => [...c.values].sort().join('+') || '∅'))].sort().join(' | ');
    const pair = pairOf(region[0]!);
    renderWithPlatform(<AdjudicationScreen />);
    await screen.findByRole('article');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Variable' }), 'Region');
    const select = screen.getByRole('combobox', { name: 'Answers' });
    // Until the list is used it holds "all" only; then every pair of the variable's disagreements.
    expect(within(select).getAllByRole('option')).toHaveLength(1);
    await user.click(select);
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => (o as HTMLOptionElement).value),
    ).toEqual(['', ...[...new Set(region.map(pairOf))].sort()]);
    await user.selectOptions(select, pair);
    const queue = screen.getByRole('list', { name: 'Disagreements' });
    await waitFor(() =>
      expect(within(queue).getAllByRole('listitem')).toHaveLength(
        region.filter((unit) => pairOf(unit) === pair).length,
      ),
    );
    expect(currentUnit()).toBe(region[0]![0]!.appealId);
  });

  it('shows a unit flagged by a later merge, and deciding again clears the flag', async () => {
    const user = userEvent.setup();
    const { disputed } = expectedUnits();
    const unit = disputed[0]!;
    const [a] = unit;
    await db.consensus.put({
      projectId: DEMO_PROJECT_ID,
      appealId: a!.appealId,
      variableId: a!.variableId,
      values: a!.values,
      method: 'adjudicated',
      by: ME,
      at: '2026-01-01T00:00:00.000Z',
    });
    await db.reviews.put({
      projectId: DEMO_PROJECT_ID,
      appealId: a!.appealId,
      variableId: a!.variableId,
      coderId: a!.coderId,
      before: ['x'],
      after: a!.values,
      flaggedAt: '2026-01-02T00:00:00.000Z',
    });
    renderWithPlatform(<AdjudicationScreen />);
    await screen.findByRole('article');
    expect(currentUnit()).toBe(a!.appealId);
    expect(within(decision()).getByText(/changed their answer after it was settled/)).toBeInTheDocument();
    await user.keyboard('1');
    await waitFor(async () => expect(await db.reviews.count()).toBe(0));
  });

  it('names a coder’s "none of these" as the coding screen does, not "(empty)"', async () => {
    const user = userEvent.setup();
    // One coder of the first disputed reason (multiple choice) answered "none of these".
    const unit = expectedUnits().disputed.find(([c]) => c!.variableId === 'reason')!;
    await seedCodings([{ ...unit[0]!, values: [] }]);
    renderWithPlatform(<AdjudicationScreen />);
    await screen.findByRole('article');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Variable' }), 'Reason for the appeal');
    const queue = screen.getByRole('list', { name: 'Disagreements' });
    await user.click(within(queue).getByText(unit[0]!.appealId));
    await waitFor(() => expect(currentUnit()).toBe(unit[0]!.appealId));
    const answers = within(decision()).getByRole('table');
    expect(within(answers).getByText('None of these')).toBeInTheDocument();
    expect(within(decision()).queryByText('(empty)')).toBeNull();
  });
});
