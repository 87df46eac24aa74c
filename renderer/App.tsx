import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { NextStep } from './components/NextStep.tsx';
import { Sidebar } from './components/Sidebar.tsx';
import { db } from './db/db.ts';
import { AdjudicationScreen } from './features/adjudication/AdjudicationScreen.tsx';
import { AgreementScreen } from './features/agreement/AgreementScreen.tsx';
import { CodebookScreen } from './features/codebook/CodebookScreen.tsx';
import { CodersScreen } from './features/coders/CodersScreen.tsx';
import { requestCoderFileExport } from './features/coders/exportRequest.ts';
import { CodingScreen } from './features/coding/CodingScreen.tsx';
import { ExportScreen } from './features/export/ExportScreen.tsx';
import { FirstRunScreen } from './features/firstRun/FirstRunScreen.tsx';
import { useImportIntent } from './features/import/importIntent.ts';
import { ImportScreen } from './features/import/ImportScreen.tsx';
import { OverviewScreen } from './features/overview/OverviewScreen.tsx';
import { PackagesScreen } from './features/packages/PackagesScreen.tsx';
import { ProjectsScreen } from './features/projects/ProjectsScreen.tsx';
import { SettingsScreen } from './features/settings/SettingsScreen.tsx';
import { TablesScreen } from './features/tables/TablesScreen.tsx';
import { backupRequest } from './features/projects/useProjectBackup.ts';
import { useCurrentProject } from './features/projects/useCurrentProject.ts';
import { useDailyBackup } from './features/projects/useDailyBackup.ts';
import { projectName } from './features/projects/projectName.ts';
import { usePlatform } from './platform/PlatformContext.tsx';
import type { PickedFile } from './platform/types.ts';
import { useFileDrop } from './platform/useFileDrop.ts';
import { screensFor, useAppStore, type Screen } from './store/index.ts';

const SCREEN_COMPONENTS: Record<Screen, () => React.JSX.Element | null> = {
  projects: ProjectsScreen,
  overview: OverviewScreen,
  import: ImportScreen,
  codebook: CodebookScreen,
  packages: PackagesScreen,
  coding: CodingScreen,
  coders: CodersScreen,
  agreement: AgreementScreen,
  adjudication: AdjudicationScreen,
  tables: TablesScreen,
  export: ExportScreen,
  settings: SettingsScreen,
};

/** The app; an error it cannot show a screen for ends in a message, never a white window. */
export function App() {
  return (
    <ErrorBoundary scope="app">
      <SignedIn />
    </ErrorBoundary>
  );
}

function SignedIn() {
  const coderId = useAppStore((state) => state.coderId);
  const coder = useLiveQuery(
    async () => (coderId ? ((await db.coders.get(coderId)) ?? null) : null),
    [coderId],
  );
  if (coder === undefined) return null;
  return coder ? <Shell coderName={coder.name} /> : <FirstRunScreen />;
}

function Shell({ coderName }: { coderName: string }) {
  const { t, i18n } = useTranslation();
  const role = useAppStore((state) => state.role);
  // A coder's profile shows the coder's screens only; a supervisor's screen left open shows their home.
  const stored = useAppStore((state) => state.screen);
  const screen = screensFor(role).includes(stored) ? stored : 'overview';
  const go = useAppStore((state) => state.go);
  const { project } = useCurrentProject();
  const platform = usePlatform();
  const Current = SCREEN_COMPONENTS[screen];
  const requestImport = useImportIntent((state) => state.request);
  useDailyBackup();

  // The application menu's commands land on the screens that handle them.
  useEffect(
    () =>
      platform.onMenuCommand((command) => {
        if (command === 'settings' || command === 'about') go('settings');
        else if (command === 'exportCoderFile') {
          go(role === 'coder' ? 'overview' : 'coders');
          requestCoderFileExport();
        } else if (command === 'saveProjectFile' || command === 'restoreProjectFile') {
          go('projects');
          backupRequest.request(command === 'saveProjectFile' ? 'save' : 'restore');
        } else {
          requestImport(
            command === 'openPackage'
              ? { kind: 'openPackage' }
              : { kind: 'importAppeals', newProject: false },
          );
          go('import');
        }
      }),
    [platform, go, requestImport, role],
  );

  // A file dropped anywhere: a project package opens, anything else starts the import wizard.
  useFileDrop(
    useCallback(
      ([file]: PickedFile[]) => {
        requestImport({ kind: 'dropped', file: file! });
        go('import');
      },
      [requestImport, go],
    ),
  );

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <span className="topbar-project" title={project ? projectName(project, i18n.language) : undefined}>
          {project ? projectName(project, i18n.language) : t('projects.noneOpen')}
        </span>
        <span className="topbar-coder" title={t('settings.displayName')}>
          {coderName}
        </span>
        <LanguageSwitch />
      </header>
      <Sidebar />
      <main className="screen" aria-labelledby="screen-title">
        {/* Keyed by screen: a screen that failed starts afresh when it is opened again. */}
        <ErrorBoundary key={screen} scope="screen">
          <Current />
        </ErrorBoundary>
        {project && <NextStep from={screen} />}
      </main>
    </div>
  );
}
