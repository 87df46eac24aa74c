// @vitest-environment jsdom
// Starts the real renderer entry (renderer/main.tsx) so the test covers the wiring that turns a
// click on the language switch into new text: store → subscription in main.tsx → i18next.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { i18next } from '../../../renderer/i18n.ts';
import { useAppStore } from '../../../renderer/store/index.ts';

beforeAll(async () => {
  localStorage.clear();
  await db.delete();
  await db.open();
  await db.coders.put({ id: 'me', name: 'Aigerim' });
  useAppStore.setState({ coderId: 'me', language: 'en', screen: 'projects' });
  document.body.innerHTML = '<div id="root"></div>';
  await act(async () => {
    await import('../../../renderer/main.tsx');
  });
});

describe('LanguageSwitch in the running app', () => {
  it('starts in the stored language with its button pressed', async () => {
    const nav = await screen.findByRole('navigation', { name: 'Workflow' });
    expect(within(nav).getByRole('button', { name: 'Projects' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    // The other languages are named in English, then in themselves.
    expect(screen.getByRole('button', { name: 'Russian · Русский' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(screen.getByRole('button', { name: 'Kazakh · Қазақша' })).toHaveAttribute('aria-pressed', 'false');
    expect(document.documentElement.lang).toBe('en');
  });

  it('clicking Русский switches the sidebar to Russian at once and stores the language', async () => {
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Russian · Русский' }));

    expect(useAppStore.getState().language).toBe('ru');
    // Expected labels: locales/ru/translation.json, nav.*.
    const nav = await screen.findByRole('navigation', { name: 'Этапы работы' });
    expect(within(nav).getByRole('button', { name: 'Проекты' })).toBeInTheDocument();
    expect(within(nav).queryByRole('button', { name: 'Projects' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Русский' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Казахский · Қазақша' })).toBeInTheDocument();
    expect(i18next.language).toBe('ru');
    expect(document.documentElement.lang).toBe('ru');
    // The language survives a restart: the session store persists it.
    expect(JSON.parse(localStorage.getItem('kodtau-session')!).state.language).toBe('ru');
  });

  it('clicking Қазақша switches to Kazakh', async () => {
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Казахский · Қазақша' }));
    const nav = screen.getByRole('navigation');
    // In the Kazakh interface Russian is «орыс тілі».
    expect(screen.getByRole('button', { name: 'Орыс тілі · Русский' })).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: 'Жобалар' })).toBeInTheDocument();
    expect(useAppStore.getState().language).toBe('kk');
  });
});
