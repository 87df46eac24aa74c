// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { CodersScreen } from '../../../renderer/features/coders/CodersScreen.tsx';
import { useAppStore } from '../../../renderer/store/index.ts';
import { createDemoProject, DEMO_CODERS, DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';

setUpRendererTests('en');

const demo = createDemoProject();
const [aigerim, dmitry] = DEMO_CODERS;
// The gold standard: Aigerim's answers on the first 10 appeals both coders coded (the overlap
// sample), as if the supervisor settled them so.
const codedBy = (appealId: string) =>
  new Set(demo.codings.filter((c) => c.appealId === appealId).map((c) => c.coderId));
const goldAppeals = demo.appeals
  .filter((a) => codedBy(a.id).size === 2)
  .slice(0, 10)
  .map((a) => a.id);
const gold = demo.codings.filter((c) => c.coderId === aigerim!.id && goldAppeals.includes(c.appealId));

beforeEach(async () => {
  await openDemoProject();
  await signInCoder('supervisor', 'Supervisor');
  useAppStore.setState({ projectId: DEMO_PROJECT_ID, screen: 'coders' });
  await db.consensus.bulkPut(
    gold.map((c) => ({
      projectId: DEMO_PROJECT_ID,
      appealId: c.appealId,
      variableId: c.variableId,
      values: c.values,
      method: 'adjudicated' as const,
      by: 'supervisor',
      at: '2026-11-01T00:00:00.000Z',
    })),
  );
});

describe('gold-standard training', () => {
  it(
    'makes a training set of settled appeals and measures a coder against it',
    { timeout: 60_000 },
    async () => {
      const user = userEvent.setup();
      renderWithPlatform(<CodersScreen />);
      // The whole demo's codings and consensus are read first: a generous wait.
      await screen.findByText('10 appeals are settled for every variable.', {}, { timeout: 20_000 });
      await user.click(screen.getByRole('button', { name: 'Make a training set of 10 appeals' }));
      await waitFor(async () => expect(await db.trainingSets.count()).toBe(1));
      expect((await db.trainingSets.toArray())[0]!.appealIds).toEqual(goldAppeals);

      await user.selectOptions(await screen.findByRole('combobox', { name: 'Coder' }), dmitry!.name);
      await screen.findByText('Coded 10 of the 10 appeals in the set.', {}, { timeout: 20_000 });
      // Expected, counted here: Dmitry's answer differs from Aigerim's (as sets of codes).
      const same = (a: string[], b: string[]) => [...a].sort().join() === [...b].sort().join();
      const theirs = (appealId: string, variableId: string) =>
        demo.codings.find(
          (c) => c.coderId === dmitry!.id && c.appealId === appealId && c.variableId === variableId,
        )!;
      const misses = gold.filter((g) => !same(g.values, theirs(g.appealId, g.variableId).values));
      const table = screen.getByRole('table', { name: 'Gold-standard training' });
      const region = within(table).getByText('Region').closest('tr')!;
      const regionMatches = gold.filter(
        (g) => g.variableId === 'region' && same(g.values, theirs(g.appealId, 'region').values),
      );
      expect(within(region).getAllByRole('cell')[2]!.textContent).toBe(
        `${((regionMatches.length / 10) * 100).toFixed(1)}%`,
      );
      // The demo's coders disagree somewhere in these 10 appeals: each such case is listed.
      expect(misses.length).toBeGreaterThan(1);
      expect(screen.getByText(`${misses.length} cases differ from the gold standard`)).toBeInTheDocument();
      expect(document.querySelectorAll('ul.training-misses > li')).toHaveLength(misses.length);
    },
  );
});
