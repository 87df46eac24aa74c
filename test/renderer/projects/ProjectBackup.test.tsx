// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/App.tsx';
import { db } from '../../../renderer/db/db.ts';
import { deleteProject } from '../../../renderer/db/projects.ts';
import { localDay } from '../../../renderer/features/projects/backupSchedule.ts';
import { ProjectsScreen } from '../../../renderer/features/projects/ProjectsScreen.tsx';
import { i18next } from '../../../renderer/i18n.ts';
import type { WriteBackupInput } from '../../../renderer/platform/types.ts';
import { useAppStore } from '../../../renderer/store/index.ts';
import { appeal, codebook, coding, project } from '../db/fixtures.ts';
import { createFakePlatform } from '../fakePlatform.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';
import { seedCodings, storedAnswers } from '../codingRows.ts';
import { seedAppeals } from '../appealRows.ts';

setUpRendererTests('en');

beforeEach(async () => {
  await signInCoder();
  await db.projects.add({ ...project('mine'), name: 'Open Dialogue 2019' });
  await db.codebooks.add(codebook('mine', 1));
  await seedAppeals([appeal('mine', 'A-1', 0), appeal('mine', 'A-2', 1)]);
  await seedCodings([coding('mine', 'me', 'A-1', 'region', ['almaty_city'])]);
});

const card = async () =>
  within(
    (await screen.findByRole('heading', { name: 'Open Dialogue 2019' }, { timeout: 5000 })).closest('li')!,
  );

/** Saves the project through its card and returns the bytes the platform was given. */
async function saveThroughCard(user: ReturnType<typeof userEvent.setup>, platform = createFakePlatform()) {
  renderWithPlatform(<ProjectsScreen />, platform);
  await user.click((await card()).getByRole('button', { name: 'Save project file…' }));
  await screen.findByText(/^Saved mine-\d{4}-\d{2}-\d{2}\.kodtau-project\.json\./);
  return platform.saved[0]!;
}

describe('saving and restoring a project file on the projects screen', () => {
  it('reminds to save a project never saved, and stops once it is saved', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<ProjectsScreen />);
    const mine = await card();
    expect(mine.getByText(/has never been saved to a project file/)).toBeInTheDocument();
    expect(mine.getByText('none yet')).toBeInTheDocument();

    await user.click(mine.getByRole('button', { name: 'Save project file…' }));
    await waitFor(() => expect(mine.queryByText(/has never been saved/)).toBeNull());
    expect((await db.backups.get('mine'))?.savedAt).toEqual(expect.any(String));
  });

  it('reminds again when the last project file is more than a week old', async () => {
    await db.backups.put({ projectId: 'mine', savedAt: new Date(Date.now() - 8 * 86_400_000).toISOString() });
    renderWithPlatform(<ProjectsScreen />);
    expect(
      (await card()).getByText('The last project file is more than a week old. Save a new one.'),
    ).toBeInTheDocument();
  });

  it('records no save when the supervisor cancels the dialog', async () => {
    const user = userEvent.setup();
    const platform = createFakePlatform();
    platform.saveResult = false;
    renderWithPlatform(<ProjectsScreen />, platform);
    await user.click((await card()).getByRole('button', { name: 'Save project file…' }));
    await waitFor(() => expect(platform.saved).toHaveLength(1));
    expect(await db.backups.get('mine')).toBeUndefined();
  });

  it('restores a deleted project from the file it saved', async () => {
    const user = userEvent.setup();
    const platform = createFakePlatform();
    const saved = await saveThroughCard(user, platform);
    await deleteProject('mine');
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Open Dialogue 2019' })).toBeNull());

    platform.nextOpen = [{ name: saved.suggestedName, bytes: saved.bytes }];
    await user.click(screen.getByRole('button', { name: 'Restore from project file…' }));
    await screen.findByText('Restored “Open Dialogue 2019”: 2 appeals, 1 coding.');
    await card();
    expect((await storedAnswers()).length).toBe(1);
    // Nothing was open: the restored project is.
    expect(useAppStore.getState().projectId).toBe('mine');
  });

  it('asks before replacing a project that is here, and Cancel keeps it', async () => {
    const user = userEvent.setup();
    const platform = createFakePlatform();
    const saved = await saveThroughCard(user, platform);
    await seedCodings([coding('mine', 'me', 'A-2', 'region', ['astana_city'])]);

    platform.nextOpen = [{ name: saved.suggestedName, bytes: saved.bytes }];
    await user.click(screen.getByRole('button', { name: 'Restore from project file…' }));
    const alert = within(await screen.findByRole('alert'));
    expect(alert.getByText(/“Open Dialogue 2019” is already on this computer/)).toBeInTheDocument();
    await user.click(alert.getByRole('button', { name: 'Cancel' }));
    expect((await storedAnswers()).length).toBe(2);

    platform.nextOpen = [{ name: saved.suggestedName, bytes: saved.bytes }];
    await user.click(screen.getByRole('button', { name: 'Restore from project file…' }));
    await user.click(within(await screen.findByRole('alert')).getByRole('button', { name: 'Replace it' }));
    await screen.findByText('Restored “Open Dialogue 2019”: 2 appeals, 1 coding.');
    expect((await storedAnswers()).length).toBe(1);
  });

  it.each([
    ['kk', 'Бұл Kodtau жоба файлы емес. Ештеңе өзгерген жоқ.'],
    ['ru', 'Это не файл проекта Kodtau. Ничего не изменено.'],
    ['en', 'This is not a Kodtau project file. Nothing was changed.'],
  ] as const)('refuses a foreign file in %s and changes nothing', async (lang, message) => {
    await i18next.changeLanguage(lang);
    const user = userEvent.setup();
    const platform = createFakePlatform();
    renderWithPlatform(<ProjectsScreen />, platform);
    await card();
    platform.nextOpen = [{ name: 'appeals.csv', bytes: new TextEncoder().encode('id,text\n1,x\n') }];
    await user.click(screen.getByRole('button', { name: i18next.t('backup.restore') }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(await db.projects.count()).toBe(1);
    expect((await storedAnswers()).length).toBe(1);
  });

  it('refuses a changed file with the checksum message, and a newer one with the update hint', async () => {
    const user = userEvent.setup();
    const platform = createFakePlatform();
    const saved = await saveThroughCard(user, platform);
    const text = new TextDecoder().decode(saved.bytes);
    await deleteProject('mine');

    platform.nextOpen = [
      { name: 'x.json', bytes: new TextEncoder().encode(text.replace('Open Dialogue', 'Closed Dialogue')) },
    ];
    await user.click(screen.getByRole('button', { name: 'Restore from project file…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/its checksum does not match/);

    const newer = { ...(JSON.parse(text) as object), version: 3 };
    platform.nextOpen = [{ name: 'x.json', bytes: new TextEncoder().encode(JSON.stringify(newer)) }];
    await user.click(screen.getByRole('button', { name: 'Restore from project file…' }));
    await screen.findByText(/saved by a newer version of Kodtau/);
    expect(await db.projects.count()).toBe(0);
  });

  it("takes the menu's Save project file for the open project", async () => {
    const platform = createFakePlatform();
    useAppStore.setState({ projectId: 'mine', screen: 'coding' });
    renderWithPlatform(<App />, platform);
    await screen.findByRole('navigation');
    platform.sendMenuCommand('saveProjectFile');
    await screen.findByText(/^Saved mine-/, undefined, { timeout: 5000 });
    expect(useAppStore.getState().screen).toBe('projects');
    expect(platform.saved[0]!.suggestedName).toMatch(/^mine-.*\.kodtau-project\.json$/);
  });

  it("writes the open project's daily copy where the platform keeps one (Electron)", async () => {
    const platform = createFakePlatform();
    const written: WriteBackupInput[] = [];
    platform.writeDailyBackup = async (input) => void written.push(input);
    useAppStore.setState({ projectId: 'mine', screen: 'projects' });
    renderWithPlatform(<App />, platform);
    await waitFor(() => expect(written).toHaveLength(1), { timeout: 5000 });
    expect(written[0]).toMatchObject({ projectId: 'mine', day: localDay(new Date()) });
  });
});
