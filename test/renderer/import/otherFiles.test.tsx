// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/App.tsx';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { useAppStore } from '../../../renderer/store/index.ts';
import { createDemoProject, DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { buildCoderFile, serializeCoderFile } from '../../../shared/formats/coderFile.ts';
import { kodtauFileKind } from '../../../shared/formats/fileKind.ts';
import { buildProjectFile, serializeProjectFile } from '../../../shared/formats/projectFile.ts';
import { createFakePlatform } from '../fakePlatform.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';
import { storedAnswers } from '../codingRows.ts';

setUpRendererTests('en');

const bytes = (text: string) => new TextEncoder().encode(text);
const demo = createDemoProject();
/** A third coder's file of the demo: ten codings, none of them in the project yet. */
const newcomer = { id: 'coder-saule', name: 'Saule' };
const coderFile = {
  name: 'saule.kodtau-coder.json',
  bytes: bytes(
    serializeCoderFile(
      buildCoderFile(
        newcomer,
        demo.codebook,
        demo.codings.slice(0, 10).map((c) => ({ ...c, coderId: newcomer.id })),
        '2026-11-20T00:00:00.000Z',
      ),
    ),
  ),
};

async function openAsPackage(file: { name: string; bytes: Uint8Array }) {
  const platform = createFakePlatform();
  renderWithPlatform(<App />, platform);
  await screen.findByRole('button', { name: 'Projects' });
  platform.nextOpen = [file];
  act(() => platform.sendMenuCommand('openPackage'));
  return screen.findByRole('alert');
}

describe('a Kodtau file opened where a project package is expected', () => {
  it('a coder file says whose it is and of which project, and merges on the Coders & merge screen', async () => {
    await signInCoder('supervisor', 'Supervisor');
    await openDemoProject();
    useAppStore.setState({ projectId: null });
    const user = userEvent.setup();
    const alert = await openAsPackage(coderFile);
    expect(alert).toHaveTextContent(
      'This is not a project package but a coder file. Coder: Saule; project: “Open Dialogue',
    );
    expect(alert).toHaveTextContent('10 codings');
    expect(alert).toHaveTextContent('merges it into the project on the Coders & merge screen.');
    expect((await storedAnswers()).filter((c) => c.coderId === newcomer.id).length).toBe(0);

    await user.click(within(alert).getByRole('button', { name: /^Merge it into “/ }));
    expect(useAppStore.getState()).toMatchObject({ screen: 'coders', projectId: DEMO_PROJECT_ID });
    const report = await screen.findByRole('table', { name: 'Merge report' }, { timeout: 20_000 });
    expect(within(report).getAllByRole('row')[1]).toHaveTextContent(/^saule\.kodtau-coder\.jsonSaule10/);
    expect((await storedAnswers()).filter((c) => c.coderId === newcomer.id).length).toBe(10);
  });

  it('a coder file of a project not on this computer says so; Close takes the message away', async () => {
    await signInCoder('supervisor', 'Supervisor');
    const user = userEvent.setup();
    const alert = await openAsPackage(coderFile);
    expect(alert).toHaveTextContent('Coder: Saule; 10 codings. Its project is not on this computer.');
    expect(within(alert).queryByRole('button', { name: /^Merge it/ })).toBeNull();
    await user.click(within(alert).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await db.projects.count()).toBe(0);
  });

  it('a project file points to the Projects screen', async () => {
    await signInCoder('supervisor', 'Supervisor');
    const user = userEvent.setup();
    const projectFile = serializeProjectFile(
      buildProjectFile({
        project: demo.project,
        codebooks: [demo.codebook],
        appeals: demo.appeals.slice(0, 2),
        coders: [],
        codings: [],
        consensus: [],
        reviews: [],
        trainingSets: [],
        imports: [],
      }),
    );
    const alert = await openAsPackage({ name: 'demo.kodtau-project.json', bytes: bytes(projectFile) });
    expect(alert).toHaveTextContent('This is not a project package but a project file');
    await user.click(within(alert).getByRole('button', { name: 'Go to Projects' }));
    expect(useAppStore.getState().screen).toBe('projects');
  });

  it('any other refused file says so, and its message has a Close', async () => {
    await signInCoder('supervisor', 'Supervisor');
    const user = userEvent.setup();
    const alert = await openAsPackage({ name: 'notes.json', bytes: bytes('{"format":"something-else"}') });
    expect(alert).toHaveTextContent('This file is not a Kodtau project package.');
    await user.click(within(alert).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('kodtauFileKind', () => {
  it('names coder and project files, and nothing else', () => {
    expect(kodtauFileKind(coderFile.bytes)).toEqual({
      kind: 'coderFile',
      projectId: DEMO_PROJECT_ID,
      coderName: 'Saule',
      codings: 10,
    });
    expect(kodtauFileKind(bytes('{"format":"kodtau-project","version":2}'))).toEqual({ kind: 'projectFile' });
    expect(kodtauFileKind(bytes('{"format":"kodtau-coder-file","version":2}'))).toBeNull();
    expect(kodtauFileKind(bytes('id,text\n1,a'))).toBeNull();
  });
});
