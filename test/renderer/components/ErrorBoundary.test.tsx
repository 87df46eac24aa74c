// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import kk from '../../../locales/kk/translation.json';
import ru from '../../../locales/ru/translation.json';
import { App } from '../../../renderer/App.tsx';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { i18next } from '../../../renderer/i18n.ts';
import { SCREENS, useAppStore, type Screen } from '../../../renderer/store/index.ts';
import { createDemoProject } from '../../../shared/demo/index.ts';
import { codebookHash } from '../../../shared/model/index.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';

/**
 * Each screen module is replaced by one that renders the real screen, or throws while rendering
 * when the test names it in `failing` — as a hostile file once made the codebook screen do.
 */
const failing = vi.hoisted(() => {
  let current: string | null = null;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  const get = () => current;
  return {
    set(next: string | null) {
      current = next;
      for (const listener of listeners) listener();
    },
    async wrap<M extends object>(original: M, exportName: keyof M & string, part: string): Promise<M> {
      const React = await import('react');
      const Real = original[exportName] as () => React.JSX.Element | null;
      function MaybeFailing() {
        if (React.useSyncExternalStore(subscribe, get) === part) throw new Error(`test: ${part} failed`);
        return React.createElement(Real);
      }
      return { ...original, [exportName]: MaybeFailing };
    },
  };
});

vi.mock('../../../renderer/features/projects/ProjectsScreen.tsx', async (load) =>
  failing.wrap(await load<object>(), 'ProjectsScreen' as never, 'projects'),
);
vi.mock('../../../renderer/features/overview/OverviewScreen.tsx', async (load) =>
  failing.wrap(await load<object>(), 'OverviewScreen' as never, 'overview'),
);
vi.mock('../../../renderer/features/packages/PackagesScreen.tsx', async (load) =>
  failing.wrap(await load<object>(), 'PackagesScreen' as never, 'packages'),
);
vi.mock('../../../renderer/features/import/ImportScreen.tsx', async (load) =>
  failing.wrap(await load<object>(), 'ImportScreen' as never, 'import'),
);
vi.mock('../../../renderer/features/codebook/CodebookScreen.tsx', async (load) =>
  failing.wrap(await load<object>(), 'CodebookScreen' as never, 'codebook'),
);
vi.mock('../../../renderer/features/coding/CodingScreen.tsx', async (load) =>
  failing.wrap(await load<object>(), 'CodingScreen' as never, 'coding'),
);
vi.mock('../../../renderer/features/coders/CodersScreen.tsx', async (load) =>
  failing.wrap(await load<object>(), 'CodersScreen' as never, 'coders'),
);
vi.mock('../../../renderer/features/agreement/AgreementScreen.tsx', async (load) =>
  failing.wrap(await load<object>(), 'AgreementScreen' as never, 'agreement'),
);
vi.mock('../../../renderer/features/adjudication/AdjudicationScreen.tsx', async (load) =>
  failing.wrap(await load<object>(), 'AdjudicationScreen' as never, 'adjudication'),
);
vi.mock('../../../renderer/features/tables/TablesScreen.tsx', async (load) =>
  failing.wrap(await load<object>(), 'TablesScreen' as never, 'tables'),
);
vi.mock('../../../renderer/features/export/ExportScreen.tsx', async (load) =>
  failing.wrap(await load<object>(), 'ExportScreen' as never, 'export'),
);
vi.mock('../../../renderer/features/settings/SettingsScreen.tsx', async (load) =>
  failing.wrap(await load<object>(), 'SettingsScreen' as never, 'settings'),
);
vi.mock('../../../renderer/components/Sidebar.tsx', async (load) =>
  failing.wrap(await load<object>(), 'Sidebar' as never, 'sidebar'),
);

setUpRendererTests('en');
vi.setConfig({ testTimeout: 60_000 });

const SCREEN_TITLE = 'This screen ran into a problem';
const NAV_NAMES: Record<Screen, string> = {
  projects: 'Projects',
  overview: 'Study overview',
  import: 'Import',
  packages: 'Packages',
  codebook: 'Codebook',
  coding: 'Coding',
  coders: 'Coders & merge',
  agreement: 'Agreement',
  adjudication: 'Adjudication',
  tables: 'Tables',
  export: 'Export',
  settings: 'Settings',
};

beforeEach(async () => {
  failing.set(null);
  // React reports every error a boundary catches on the console; the test expects them.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await signInCoder();
});

const nav = () => screen.getByRole('navigation');
const open = (name: Screen) => userEvent.click(within(nav()).getByRole('button', { name: NAV_NAMES[name] }));

describe('ErrorBoundary: a screen that throws while rendering', () => {
  it.each(SCREENS)(
    '%s: shows the message in its place, keeps the navigation and the other screens',
    async (name) => {
      failing.set(name);
      useAppStore.setState({ screen: name });
      renderWithPlatform(<App />);

      const alert = await screen.findByRole('alert', { name: SCREEN_TITLE });
      expect(within(alert).getByText(/every coding was saved as you made it/)).toBeInTheDocument();
      expect(within(alert).getByRole('button', { name: 'Try the screen again' })).toBeInTheDocument();
      expect(within(alert).getByRole('button', { name: 'Reload Kodtau' })).toBeInTheDocument();
      expect(within(alert).getByText(`Error: test: ${name} failed`, { exact: false })).toBeInTheDocument();
      expect(screen.getByRole('main', { name: SCREEN_TITLE })).toContainElement(alert);

      // Another screen opens from the menu as usual…
      const other: Screen = name === 'settings' ? 'projects' : 'settings';
      await open(other);
      expect(await screen.findByRole('heading', { level: 1, name: NAV_NAMES[other] })).toBeInTheDocument();
      expect(screen.queryByRole('alert', { name: SCREEN_TITLE })).toBeNull();

      // …and the failed one starts afresh when it is opened again.
      failing.set(null);
      await open(name);
      expect(useAppStore.getState().screen).toBe(name);
      expect(await within(screen.getByRole('main')).findByRole('heading', { level: 1 })).toBeInTheDocument();
      expect(screen.queryByRole('alert', { name: SCREEN_TITLE })).toBeNull();
    },
  );

  it('"Try the screen again" shows the screen once it renders', async () => {
    failing.set('projects');
    renderWithPlatform(<App />);
    const retry = await screen.findByRole('button', { name: 'Try the screen again' });
    failing.set(null);
    await userEvent.click(retry);
    expect(await screen.findByRole('heading', { level: 1, name: 'Projects' })).toBeInTheDocument();
  });

  it.each([
    ['kk', kk],
    ['ru', ru],
  ] as const)('speaks the user’s language (%s)', async (lang, messages) => {
    await act(async () => {
      useAppStore.setState({ language: lang });
      await i18next.changeLanguage(lang);
    });
    failing.set('tables');
    useAppStore.setState({ screen: 'tables' });
    renderWithPlatform(<App />);
    const alert = await screen.findByRole('alert', { name: messages.errorBoundary.screenTitle });
    expect(within(alert).getByText(messages.errorBoundary.kept)).toBeInTheDocument();
    expect(within(alert).getByText(messages.errorBoundary.screenAdvice)).toBeInTheDocument();
    expect(within(alert).getByRole('button', { name: messages.errorBoundary.retry })).toBeInTheDocument();
    expect(within(nav()).getByRole('button', { name: messages.nav.projects })).toBeInTheDocument();
  });

  it('keeps an unsaved codebook draft through the failure', async () => {
    const demo = createDemoProject();
    useAppStore.setState({ projectId: await openDemoProject(), screen: 'codebook' });
    // The agency's response only (5 categories): the whole demo codebook is a slow form in jsdom.
    const variables = demo.codebook.variables.filter((v) => v.id === 'response');
    await db.codebooks.put({ ...demo.codebook, variables, hash: codebookHash({ variables, merges: [] }) });
    const user = userEvent.setup();
    renderWithPlatform(<App />);
    const label = async () =>
      within(
        within(
          await screen.findByRole('article', { name: "Agency's response" }, { timeout: 20_000 }),
        ).getByRole('listitem', { name: 'No answer' }),
      ).getByRole('textbox', { name: 'Label (Қазақша)' });
    await user.clear(await label());
    await user.type(await label(), 'Жауап берілмеді');

    act(() => failing.set('codebook'));
    const retry = await screen.findByRole('button', { name: 'Try the screen again' });
    failing.set(null);
    await user.click(retry);
    expect(await label()).toHaveValue('Жауап берілмеді');
    expect(screen.getByText('unsaved changes')).toBeInTheDocument();
  });
});

describe('ErrorBoundary: the app', () => {
  it('a failure outside the screens shows the app’s message with a reload, not a white window', async () => {
    failing.set('sidebar');
    renderWithPlatform(<App />);
    const alert = await screen.findByRole('alert', { name: 'Kodtau ran into a problem' });
    expect(within(alert).getByText(/Reload Kodtau to go on working/)).toBeInTheDocument();
    expect(within(alert).getByRole('button', { name: 'Reload Kodtau' })).toBeInTheDocument();
    expect(within(alert).queryByRole('button', { name: 'Try the screen again' })).toBeNull();
  });
});
