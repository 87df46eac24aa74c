// @vitest-environment jsdom
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/App.tsx';
import { db } from '../../../renderer/db/db.ts';
import { packageCoderMismatch } from '../../../renderer/features/import/projectPackages.ts';
import { useAppStore } from '../../../renderer/store/index.ts';
import { createDemoProject, DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import {
  createProjectPackage,
  parseProjectPackage,
  serializeProjectPackage,
} from '../../../shared/formats/projectPackage.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';
import { appealTotal } from '../appealRows.ts';

setUpRendererTests('en');
// The whole app renders on a shared, busy machine.
vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 5000 });

const DEMO = createDemoProject();
const APPEALS = DEMO.appeals.slice(0, 3);

/** A package made for `coder` (of Aigerim and Dmitry), with three demo appeals. */
function packageFor(coder: string) {
  const pkg = createProjectPackage({
    project: DEMO.project,
    codebook: DEMO.codebook,
    appeals: APPEALS,
    assignment: {
      coder,
      coders: ['Aigerim', 'Dmitry'],
      overlapShare: 0.2,
      seed: '2019',
      overlap: [APPEALS[0]!.id],
      totalAppeals: 3,
    },
  });
  return { name: `Demo - ${coder}.kodtau`, bytes: serializeProjectPackage(pkg) as Uint8Array<ArrayBuffer> };
}

/** The app on its import screen, signed in as Dmitry, opening `file` from the button. */
async function openAsDmitry(file: ReturnType<typeof packageFor>) {
  await signInCoder('dmitry-id', 'Dmitry');
  useAppStore.setState({ screen: 'import' });
  const user = userEvent.setup();
  const { platform } = renderWithPlatform(<App />);
  platform.nextOpen = [file];
  await user.click(await screen.findByRole('button', { name: 'Open project package…' }));
  return user;
}

const dialog = () => screen.findByRole('dialog', { name: 'Whose package is this?' });

describe('a package made for another coder', () => {
  it('says whose it is and who is signed in; Cancel opens nothing', async () => {
    const user = await openAsDmitry(packageFor('Aigerim'));
    const asked = await dialog();
    expect(asked).toHaveTextContent('This package was made for Aigerim. You are signed in as Dmitry.');
    await user.click(within(asked).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await db.projects.count()).toBe(0);
    expect(await appealTotal()).toBe(0);
    expect(await db.imports.count()).toBe(0);
    expect(useAppStore.getState()).toMatchObject({ coderId: 'dmitry-id', projectId: null });
  });

  it('"Code as Aigerim" adds Aigerim to this profile, signs her in and opens the package', async () => {
    const user = await openAsDmitry(packageFor('Aigerim'));
    await user.click(within(await dialog()).getByRole('button', { name: 'Code as Aigerim' }));
    await screen.findByText(/Package opened: 3 appeals added/);
    const aigerim = (await db.coders.toArray()).find((coder) => coder.name === 'Aigerim');
    expect(aigerim).toBeDefined();
    expect(useAppStore.getState()).toMatchObject({ coderId: aigerim!.id, projectId: DEMO_PROJECT_ID });
    // The top bar names who codes now; Dmitry stays in the profile, his work apart.
    await waitFor(() => expect(document.querySelector('.topbar-coder')).toHaveTextContent('Aigerim'));
    expect(await db.coders.get('dmitry-id')).toEqual({ id: 'dmitry-id', name: 'Dmitry' });
    expect(await appealTotal()).toBe(3);
  });

  it('"Code as Aigerim" signs in the Aigerim this profile already has, not a second one', async () => {
    await db.coders.put({ id: 'aigerim-id', name: 'aigerim ' });
    const user = await openAsDmitry(packageFor('Aigerim'));
    await user.click(within(await dialog()).getByRole('button', { name: 'Code as Aigerim' }));
    await screen.findByText(/Package opened/);
    expect(useAppStore.getState().coderId).toBe('aigerim-id');
    expect(await db.coders.count()).toBe(2);
  });

  it('"Code as Dmitry" opens it for the signed-in coder, on purpose', async () => {
    const user = await openAsDmitry(packageFor('Aigerim'));
    await user.click(within(await dialog()).getByRole('button', { name: 'Code as Dmitry' }));
    await screen.findByText(/Package opened: 3 appeals added/);
    expect(useAppStore.getState()).toMatchObject({ coderId: 'dmitry-id', projectId: DEMO_PROJECT_ID });
    expect(await db.coders.count()).toBe(1);
  });

  it("the coder's own package, and a package for everyone, open without asking", async () => {
    await openAsDmitry(packageFor('Dmitry'));
    await screen.findByText(/Package opened: 3 appeals added/);
    expect(screen.queryByRole('dialog')).toBeNull();
    const forAll = parseProjectPackage(
      serializeProjectPackage(
        createProjectPackage({ project: DEMO.project, codebook: null, appeals: APPEALS }),
      ),
    );
    expect(await packageCoderMismatch(forAll, 'dmitry-id')).toBeNull();
  });

  it('names are compared as people write them: case, spaces and Unicode form aside', async () => {
    await db.coders.put({ id: 'a', name: '  АЙГЕРІМ  Ж.' });
    const named = (coder: string) => parseProjectPackage(packageFor(coder).bytes);
    expect(await packageCoderMismatch(named('Айгерім ж.'.normalize('NFD')), 'a')).toBeNull();
    expect(await packageCoderMismatch(named('Айгерим Ж.'), 'a')).toEqual({
      assigned: 'Айгерим Ж.',
      current: '  АЙГЕРІМ  Ж.',
    });
  });
});
