// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { coderCodings, codingTables, putCodings } from '../../../renderer/db/queries.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { ProjectsScreen } from '../../../renderer/features/projects/ProjectsScreen.tsx';
import { useAppStore } from '../../../renderer/store/index.ts';
import { DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { appeal, codebook, coding, project } from '../db/fixtures.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';
import { seedAppeals } from '../appealRows.ts';
import { appealCount } from '../../../renderer/db/appeals.ts';

setUpRendererTests('en');

beforeEach(async () => {
  await signInCoder();
  await openDemoProject();
  await db.projects.add({ ...project('mine'), name: 'Open Dialogue 2019' });
  await db.codebooks.add(codebook('mine', 3));
  await seedAppeals([appeal('mine', 'A-1', 0), appeal('mine', 'A-2', 1)]);
  await db.transaction('rw', codingTables(), () =>
    putCodings([coding('mine', 'me', 'A-1', 'region', ['almaty_city'])]),
  );
});

const card = async (name: string) =>
  (await screen.findByRole('heading', { name }, { timeout: 5000 })).closest('li')!;

describe('ProjectsScreen', () => {
  it('lists each project with its appeals, codings and codebook version', async () => {
    renderWithPlatform(<ProjectsScreen />);
    const mine = within(await card('Open Dialogue 2019'));
    expect(mine.getByText('2 appeals')).toBeInTheDocument();
    // Counted off the UI thread from the answer blocks: "Counting…" first.
    expect(await mine.findByText('1 coding')).toBeInTheDocument();
    expect(mine.getByText('3')).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('asks to confirm before deleting, and Cancel keeps the project', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<ProjectsScreen />);
    const mine = within(await card('Open Dialogue 2019'));
    await user.click(mine.getByRole('button', { name: 'Delete' }));
    expect(mine.getByText('Delete this project and all its codings from this computer?')).toBeInTheDocument();
    expect(await db.projects.get('mine')).toBeDefined();

    await user.click(mine.getByRole('button', { name: 'Cancel' }));
    expect(mine.queryByText(/Delete this project/)).toBeNull();
    expect(await db.projects.get('mine')).toBeDefined();
  });

  it('deletes the project and its data after the confirmation, leaving the demo', async () => {
    const user = userEvent.setup();
    useAppStore.setState({ projectId: 'mine' });
    renderWithPlatform(<ProjectsScreen />);
    const mine = within(await card('Open Dialogue 2019'));
    await user.click(mine.getByRole('button', { name: 'Delete' }));
    await user.click(mine.getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Open Dialogue 2019' })).toBeNull());
    expect(await db.projects.toCollection().primaryKeys()).toEqual([DEMO_PROJECT_ID]);
    expect(await appealCount('mine')).toBe(0);
    expect(await coderCodings('mine', 'me')).toEqual([]);
    // The deleted project was open: the session closes it.
    expect(useAppStore.getState().projectId).toBeNull();
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('Open opens the project on the coding screen', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<ProjectsScreen />);
    await user.click(within(await card('Open Dialogue 2019')).getByRole('button', { name: 'Open' }));
    expect(useAppStore.getState()).toMatchObject({ projectId: 'mine', screen: 'coding' });
  });
});
