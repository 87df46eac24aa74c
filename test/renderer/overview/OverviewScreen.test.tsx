// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/App.tsx';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { OverviewScreen } from '../../../renderer/features/overview/OverviewScreen.tsx';
import { PackagesScreen } from '../../../renderer/features/packages/PackagesScreen.tsx';
import { useAppStore } from '../../../renderer/store/index.ts';
import { createDemoProject } from '../../../shared/demo/index.ts';
import { studyProgress } from '../../../shared/tables/studyProgress.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';
import { seedAppeals } from '../appealRows.ts';

setUpRendererTests('en');

const stepOf = (name: string) => {
  const step = within(screen.getByRole('list', { name: 'The steps of the study' }))
    .getByText(name)
    .closest('li');
  if (!step) throw new Error(`no step ${name}`);
  return step;
};

describe('Study overview', () => {
  it('an empty project leads to the import of appeals', async () => {
    await signInCoder();
    await db.projects.add({
      id: 'p',
      name: 'Empty study',
      languages: ['en'],
      createdAt: '2024-01-01',
      demo: false,
    });
    useAppStore.setState({ projectId: 'p', screen: 'overview' });
    const user = userEvent.setup();
    renderWithPlatform(<OverviewScreen />);
    expect(await screen.findByText('Start by importing the appeals to be coded.')).toBeInTheDocument();
    expect(stepOf('Appeals')).toHaveTextContent('0 appeals');
    expect(stepOf('Codebook')).toHaveTextContent('No variables yet');
    await user.click(screen.getByRole('button', { name: 'Import appeals' }));
    expect(useAppStore.getState().screen).toBe('import');
  });

  it('the demo: each step with its figures, and the disagreements left as the next action', async () => {
    await signInCoder();
    const projectId = await openDemoProject();
    useAppStore.setState({ projectId, screen: 'overview' });
    const demo = createDemoProject();
    const expected = studyProgress(demo.codings, []);
    expect(expected.disagreements).toBeGreaterThan(0);
    renderWithPlatform(<OverviewScreen />);

    expect(
      await screen.findByText('Settle the disagreements that are left.', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(stepOf('Appeals')).toHaveTextContent('341 appeals');
    expect(stepOf('Codebook')).toHaveTextContent(
      `Version ${demo.codebook.version}, ${demo.codebook.variables.length} variables`,
    );
    expect(stepOf('Coder files')).toHaveTextContent('2 coders have coded');
    expect(stepOf('Agreement')).toHaveTextContent(
      `${expected.doubleCoded} appeals coded by two or more coders`,
    );
    expect(stepOf('Disagreements')).toHaveTextContent(`${expected.disagreements} disagreements left`);
    expect(stepOf('Disagreements')).toHaveTextContent('Next');
    expect(stepOf('Agreement')).toHaveTextContent('Done');
    expect(stepOf('Final dataset')).toHaveTextContent(
      `${expected.unresolvedAppeals} appeals still unresolved`,
    );
  });

  it('settling every disagreement makes the final dataset ready', async () => {
    await signInCoder();
    const projectId = await openDemoProject();
    const demo = createDemoProject();
    const { unresolved } = (await import('../../../shared/tables/tableSource.ts')).sourceValues(
      { kind: 'final' },
      { codings: demo.codings, consensus: [] },
    );
    await db.consensus.bulkAdd(
      unresolved.map((u) => ({
        projectId,
        ...u,
        values: [],
        method: 'adjudicated' as const,
        by: 'me',
        at: '2024-01-01',
      })),
    );
    useAppStore.setState({ projectId, screen: 'overview' });
    renderWithPlatform(<OverviewScreen />);
    expect(
      await screen.findByText(
        'The final dataset is ready: build the tables and export it.',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(stepOf('Final dataset')).toHaveTextContent('Ready: 341 appeals');
    expect(stepOf('Disagreements')).toHaveTextContent('No disagreements left');
  });
});

describe('The way onward and the roles', () => {
  it('every supervisor screen ends with the next step; it goes there', async () => {
    await signInCoder();
    const projectId = await openDemoProject();
    useAppStore.setState({ projectId, screen: 'agreement' });
    const user = userEvent.setup();
    renderWithPlatform(<App />);
    await user.click(await screen.findByRole('button', { name: 'Next: Adjudication →' }));
    expect(useAppStore.getState().screen).toBe('adjudication');
    await user.click(await screen.findByRole('button', { name: 'Next: Tables →' }));
    expect(useAppStore.getState().screen).toBe('tables');
  });

  it("a coder's profile shows the coder's screens only, and their home is their own work", async () => {
    await signInCoder('aigerim', 'Aigerim');
    const projectId = await openDemoProject();
    // A supervisor's screen left open in the session gives way to the coder's home.
    useAppStore.setState({ projectId, screen: 'agreement', role: 'coder' });
    renderWithPlatform(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Workflow' });
    expect(
      within(nav)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Projects', 'My work', 'Import', 'Coding', 'Settings']);
    expect(await screen.findByRole('heading', { level: 1, name: 'My work' })).toBeInTheDocument();
    // The signed-in coder has coded nothing of the demo: the export waits for a first coding.
    expect(await screen.findByText('0 of 341 appeals coded (0%)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export my coder file…' })).toBeDisabled();
  });

  it('the role switch in Settings brings the supervisor screens back', async () => {
    await signInCoder();
    useAppStore.setState({ screen: 'settings', role: 'coder' });
    const user = userEvent.setup();
    renderWithPlatform(<App />);
    await user.click(await screen.findByRole('radio', { name: /^Supervisor/ }));
    expect(useAppStore.getState().role).toBe('supervisor');
    await waitFor(() =>
      expect(
        within(screen.getByRole('navigation', { name: 'Workflow' })).getByRole('button', {
          name: 'Agreement',
        }),
      ).toBeInTheDocument(),
    );
  });
});

describe('Packages', () => {
  it('the random seed stays the same on a later visit to the screen', async () => {
    await signInCoder();
    const projectId = await openDemoProject();
    useAppStore.setState({ projectId, screen: 'packages' });
    const first = renderWithPlatform(<PackagesScreen />);
    const seed = ((await screen.findByLabelText(/Random seed/)) as HTMLInputElement).value;
    expect(seed).toMatch(/^\d+$/);
    first.unmount();
    renderWithPlatform(<PackagesScreen />);
    expect(((await screen.findByLabelText(/Random seed/)) as HTMLInputElement).value).toBe(seed);
  });

  it('a project without a codebook says so and leads to the codebook', async () => {
    await signInCoder();
    await db.projects.add({
      id: 'p',
      name: 'No codebook',
      languages: ['en'],
      createdAt: '2024-01-01',
      demo: false,
    });
    await seedAppeals([{ projectId: 'p', id: 'a1', text: 'Text', meta: {}, order: 0 }]);
    useAppStore.setState({ projectId: 'p' });
    const user = userEvent.setup();
    renderWithPlatform(<PackagesScreen />);
    expect(
      await screen.findByText('Write the codebook first: the coders code with its categories.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Codebook' }));
    expect(useAppStore.getState().screen).toBe('codebook');
  });
});
