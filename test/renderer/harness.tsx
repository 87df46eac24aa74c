import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { db } from '../../renderer/db/db.ts';
import { i18next, initI18n } from '../../renderer/i18n.ts';
import { PlatformProvider } from '../../renderer/platform/PlatformContext.tsx';
import { useAppStore } from '../../renderer/store/index.ts';
import type { Lang } from '../../shared/model/index.ts';
import { createFakePlatform, type FakePlatform } from './fakePlatform.ts';

/** The store as a fresh app creates it, actions included, captured before any test changes it. */
const initialState = useAppStore.getState();

/**
 * Registers the hooks every component test needs: i18n in `lang`, an empty database, a fresh
 * store and localStorage, and an unmounted tree afterwards (vitest runs without globals, so
 * Testing Library cannot register its own cleanup).
 */
export function setUpRendererTests(lang: Lang = 'en'): void {
  beforeAll(async () => {
    await initI18n(lang);
  });
  beforeEach(async () => {
    localStorage.clear();
    useAppStore.setState(initialState, true);
    useAppStore.setState({ language: lang });
    await i18next.changeLanguage(lang);
    await db.delete();
    await db.open();
  });
  afterEach(() => {
    cleanup();
  });
}

export function renderWithPlatform(
  ui: ReactElement,
  platform: FakePlatform = createFakePlatform(),
): RenderResult & { platform: FakePlatform } {
  return { ...render(<PlatformProvider platform={platform}>{ui}</PlatformProvider>), platform };
}

/** Signs in a coder stored in the database, as the first-run screen would. */
export async function signInCoder(id = 'me', name = 'Tester'): Promise<string> {
  await db.coders.put({ id, name });
  useAppStore.setState({ coderId: id });
  return id;
}
