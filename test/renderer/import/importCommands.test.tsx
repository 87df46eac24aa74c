// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/App.tsx';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { ProjectsScreen } from '../../../renderer/features/projects/ProjectsScreen.tsx';
import { ImportScreen } from '../../../renderer/features/import/ImportScreen.tsx';
import { useAppStore } from '../../../renderer/store/index.ts';
import { createDemoProject } from '../../../shared/demo/index.ts';
import { createProjectPackage, serializeProjectPackage } from '../../../shared/formats/projectPackage.ts';
import { createFakePlatform } from '../fakePlatform.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';
import { appealTotal } from '../appealRows.ts';

setUpRendererTests('en');

const demo = createDemoProject();
const packageFile = {
  name: 'demo.kodtau',
  bytes: serializeProjectPackage(
    createProjectPackage({
      project: demo.project,
      codebook: demo.codebook,
      appeals: demo.appeals.slice(0, 5),
    }),
  ),
};

describe('ways into the import', () => {
  it('the menu’s "Open project package" opens the file dialog and the chosen package', async () => {
    await signInCoder();
    const platform = createFakePlatform();
    platform.nextOpen = [packageFile];
    renderWithPlatform(<App />, platform);
    await screen.findByRole('navigation');
    act(() => platform.sendMenuCommand('openPackage'));
    expect(await screen.findByText(/Package opened: 5 appeals added/)).toBeInTheDocument();
    expect(useAppStore.getState()).toMatchObject({ screen: 'import', projectId: demo.project.id });
    expect(await appealTotal()).toBe(5);
  });

  it('the menu’s "Import appeals" starts the wizard with the chosen file', async () => {
    await signInCoder();
    const platform = createFakePlatform();
    platform.nextOpen = [{ name: 'a.csv', bytes: new TextEncoder().encode('id,text\n1,Сәлем\n') }];
    renderWithPlatform(<App />, platform);
    await screen.findByRole('navigation');
    act(() => platform.sendMenuCommand('importAppeals'));
    expect(await screen.findByRole('region', { name: 'Import appeals' })).toBeInTheDocument();
    expect(await screen.findByText('1 row', { exact: false })).toBeInTheDocument();
  });

  it('a package dropped on the window opens', async () => {
    await signInCoder();
    renderWithPlatform(<App />);
    await screen.findByRole('navigation');
    // The window's drop listener is added in an effect: let the effects run before dropping.
    await act(async () => {});
    // jsdom's File cannot read itself; the hook needs only the name and the bytes.
    const file = { name: packageFile.name, arrayBuffer: async () => packageFile.bytes.buffer };
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    fireEvent.dragOver(window, { dataTransfer });
    fireEvent.drop(window, { dataTransfer });
    expect(await screen.findByText(/Package opened: 5 appeals added/)).toBeInTheDocument();
  });

  it('the projects screen offers a new project from a file and opening a package', async () => {
    await signInCoder();
    const user = userEvent.setup();
    const platform = createFakePlatform();
    platform.nextOpen = [{ name: 'a.csv', bytes: new TextEncoder().encode('id,text\n1,Сәлем\n') }];
    // Both screens at once: the projects screen asks, the import screen acts.
    renderWithPlatform(
      <>
        <ProjectsScreen />
        <ImportScreen />
      </>,
      platform,
    );
    await user.click(await screen.findByRole('button', { name: 'New project from file…' }));
    expect(useAppStore.getState().screen).toBe('import');
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    expect(screen.getByRole('radio', { name: 'A new project' })).toBeChecked();

    platform.nextOpen = [packageFile];
    await user.click(screen.getAllByRole('button', { name: 'Open project package…' })[0]!);
    await waitFor(async () => expect(await db.projects.count()).toBe(1));
  });

  it('"New project from file…" with another project open leaves the new one open, named in the top bar', async () => {
    await signInCoder();
    useAppStore.setState({ projectId: await openDemoProject(), screen: 'projects' });
    const user = userEvent.setup();
    const platform = createFakePlatform();
    platform.nextOpen = [{ name: 'letters.csv', bytes: new TextEncoder().encode('id,text\n1,Сәлем\n') }];
    renderWithPlatform(<App />, platform);
    await user.click(await screen.findByRole('button', { name: 'New project from file…' }));
    const wizard = await screen.findByRole('region', { name: 'Import appeals' });
    await user.click(await within(wizard).findByRole('button', { name: 'Next' }));
    await user.click(within(wizard).getByRole('button', { name: 'Check the rows' }));
    await user.click(await within(wizard).findByRole('button', { name: 'Import 1 appeal' }));
    await within(wizard).findByText('The new project “letters” is now the open project.');
    // Open before anyone presses "Show the appeals": leaving the wizard here keeps it open.
    const created = (await db.projects.toArray()).find((p) => p.name === 'letters')!;
    expect(useAppStore.getState().projectId).toBe(created.id);
    await waitFor(() => expect(document.querySelector('.topbar-project')).toHaveTextContent('letters'));
    await user.click(within(wizard).getByRole('button', { name: 'Show the appeals' }));
    expect(await screen.findByText('1 appeal in this project')).toBeInTheDocument();
  });
});
