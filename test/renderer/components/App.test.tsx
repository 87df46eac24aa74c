// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/App.tsx';
import { db } from '../../../renderer/db/db.ts';
import { useAppStore } from '../../../renderer/store/index.ts';
import { DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';
import { appealTotal } from '../appealRows.ts';

setUpRendererTests('en');

describe('App — first run', () => {
  it('asks for a name and keeps both buttons disabled until one is typed', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<App />);
    const name = await screen.findByRole('textbox', { name: /^Your name/ });
    const demo = screen.getByRole('button', { name: 'Open the demo project' });
    const empty = screen.getByRole('button', { name: 'Continue without the demo' });
    expect(demo).toBeDisabled();
    expect(empty).toBeDisabled();

    // Spaces are not a name.
    await user.type(name, '   ');
    expect(demo).toBeDisabled();
    expect(empty).toBeDisabled();

    await user.type(name, 'Aigerim');
    expect(demo).toBeEnabled();
    expect(empty).toBeEnabled();
  });

  it('"Open the demo project" creates the coder and opens the coding screen at 1 / 341', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<App />);
    await user.type(await screen.findByRole('textbox', { name: /^Your name/ }), '  Aigerim S.  ');
    await user.click(screen.getByRole('button', { name: 'Open the demo project' }));

    expect(await screen.findByText('1 / 341', {}, { timeout: 10_000 })).toBeInTheDocument();
    const { coderId, projectId, screen: current } = useAppStore.getState();
    expect(projectId).toBe(DEMO_PROJECT_ID);
    expect(current).toBe('coding');
    // The name is stored trimmed, under the id the session signed in with.
    expect(await db.coders.get(coderId!)).toEqual({ id: coderId, name: 'Aigerim S.' });
    expect(await appealTotal()).toBe(341);
  });

  it('Enter in the name field submits the form like the demo button', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<App />);
    await user.type(await screen.findByRole('textbox', { name: /^Your name/ }), 'Boris{Enter}');
    expect(await screen.findByText('1 / 341', {}, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('"Continue without the demo" signs in and goes to an empty projects screen', async () => {
    const user = userEvent.setup();
    renderWithPlatform(<App />);
    await user.type(await screen.findByRole('textbox', { name: /^Your name/ }), 'Aigerim');
    await user.click(screen.getByRole('button', { name: 'Continue without the demo' }));

    expect(await screen.findByRole('heading', { name: 'Projects' })).toBeInTheDocument();
    expect(useAppStore.getState().projectId).toBeNull();
    expect(await db.projects.count()).toBe(0);
    expect(await db.coders.count()).toBe(1);
  });
});

describe('App — shell', () => {
  it('shows the signed-in coder and lands menu commands on their screens', async () => {
    await signInCoder('me', 'Aigerim');
    const { platform } = renderWithPlatform(<App />);
    expect(await screen.findByText('Aigerim')).toBeInTheDocument();
    expect(screen.getByText('No project open')).toBeInTheDocument();

    platform.sendMenuCommand('exportCoderFile');
    await waitFor(() => expect(useAppStore.getState().screen).toBe('coders'));
    platform.sendMenuCommand('about');
    await waitFor(() => expect(useAppStore.getState().screen).toBe('settings'));
    platform.sendMenuCommand('openPackage');
    await waitFor(() => expect(useAppStore.getState().screen).toBe('import'));
  });

  it('marks the current screen in the sidebar and moves on a click', async () => {
    const user = userEvent.setup();
    await signInCoder();
    renderWithPlatform(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Workflow' });
    expect(screen.getByRole('button', { name: 'Projects' })).toHaveAttribute('aria-current', 'page');
    await user.click(screen.getByRole('button', { name: 'Tables' }));
    expect(useAppStore.getState().screen).toBe('tables');
    expect(screen.getByRole('button', { name: 'Tables' })).toHaveAttribute('aria-current', 'page');
    expect(nav.querySelectorAll('[aria-current="page"]')).toHaveLength(1);
  });
});
