import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import type { Lang } from '../../../shared/model/index.ts';
import { db } from '../../db/db.ts';
import { currentCodebook, deleteProject, openDemoProject } from '../../db/projects.ts';
import { formatDate } from '../../i18n.ts';
import { useImportIntent } from '../import/importIntent.ts';
import { useFigures } from '../overview/progressOffThread.ts';
import { projectBlockCount } from '../overview/useStudyOverview.ts';
import { useAppStore } from '../../store/index.ts';
import { backupDue } from './backupSchedule.ts';
import { BackupNotice } from './BackupNotice.tsx';
import { projectName } from './projectName.ts';
import { useProjectBackup } from './useProjectBackup.ts';
import { appealCount } from '../../db/appeals.ts';

export function ProjectsScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const currentId = useAppStore((state) => state.projectId);
  const openProject = useAppStore((state) => state.openProject);
  const go = useAppStore((state) => state.go);
  const [confirming, setConfirming] = useState<string | null>(null);
  const requestImport = useImportIntent((state) => state.request);
  const backup = useProjectBackup(t('backup.fileFilter'));
  const busy = backup.state.kind === 'working';

  const projects = useLiveQuery(async () => {
    const all = await db.projects.orderBy('createdAt').reverse().toArray();
    return Promise.all(
      all.map(async (project) => ({
        project,
        appeals: await appealCount(project.id),
        blocks: await projectBlockCount(project.id),
        codebookVersion: (await currentCodebook(project.id))?.version ?? 0,
        savedAt: (await db.backups.get(project.id))?.savedAt,
      })),
    );
  });
  // Each project's answers, counted off the UI thread from its answer blocks.
  const answers = useFigures(
    projects ? { method: 'answers', projectIds: projects.map((p) => p.project.id) } : null,
    projects,
  );

  async function openDemo() {
    openProject(await openDemoProject(i18n.language as Lang));
    go('coding');
  }

  async function remove(projectId: string) {
    await deleteProject(projectId);
    if (currentId === projectId) openProject(null);
    setConfirming(null);
  }

  if (!projects) return null;
  const hasDemo = projects.some(({ project }) => project.id === DEMO_PROJECT_ID);

  return (
    <section>
      <h1 id="screen-title">{t('projects.title')}</h1>
      <div className="actions">
        <button
          type="button"
          onClick={() => {
            requestImport({ kind: 'importAppeals', newProject: true });
            go('import');
          }}
        >
          {t('import.newProjectFromFile')}
        </button>
        <button
          type="button"
          onClick={() => {
            requestImport({ kind: 'openPackage' });
            go('import');
          }}
        >
          {t('package.open')}
        </button>
        <button type="button" disabled={busy} onClick={() => void backup.restore()}>
          {t('backup.restore')}
        </button>
      </div>
      <BackupNotice state={backup.state} onReplace={() => void backup.replace()} onDismiss={backup.dismiss} />
      {!hasDemo && (
        <div className="card callout">
          <p>{t('projects.demoCallout')}</p>
          <button type="button" className="primary" onClick={() => void openDemo()}>
            {t('firstRun.openDemo')}
          </button>
        </div>
      )}
      {projects.length === 0 && <p className="muted">{t('projects.empty')}</p>}
      <ul className="project-list">
        {projects.map(({ project, appeals, codebookVersion, savedAt }) => (
          <li key={project.id} className={`card project-card${project.id === currentId ? ' current' : ''}`}>
            <div className="project-card-head">
              <h2>{projectName(project, lang)}</h2>
              {project.demo && <span className="badge">{t('projects.demoBadge')}</span>}
            </div>
            <dl className="facts">
              <dt>{t('projects.appeals')}</dt>
              <dd>{t('common.appealCount', { count: appeals })}</dd>
              <dt>{t('projects.codings')}</dt>
              <dd>
                {answers
                  ? t('common.codingCount', { count: answers[project.id] ?? 0 })
                  : t('overview.summing')}
              </dd>
              <dt>{t('projects.codebookVersion')}</dt>
              <dd>{codebookVersion}</dd>
              <dt>{t('projects.created')}</dt>
              <dd>{formatDate(project.createdAt, lang)}</dd>
              <dt>{t('backup.lastSaved')}</dt>
              <dd>{savedAt ? formatDate(savedAt, lang) : t('backup.never')}</dd>
            </dl>
            {!project.demo && backupDue(savedAt, new Date()) && (
              <p className="warning" role="status">
                {savedAt ? t('backup.reminderOld') : t('backup.reminderNever')}
              </p>
            )}
            <div className="actions">
              <button
                type="button"
                className="primary"
                onClick={() => {
                  openProject(project.id);
                  go('coding');
                }}
              >
                {project.id === currentId ? t('projects.continue') : t('projects.open')}
              </button>
              <button type="button" disabled={busy} onClick={() => void backup.save(project.id)}>
                {t('backup.save')}
              </button>
              {confirming === project.id ? (
                <>
                  <span className="warning">{t('projects.confirmDelete')}</span>
                  <button type="button" className="danger" onClick={() => void remove(project.id)}>
                    {t('projects.delete')}
                  </button>
                  <button type="button" onClick={() => setConfirming(null)}>
                    {t('common.cancel')}
                  </button>
                </>
              ) : (
                <button type="button" onClick={() => setConfirming(project.id)}>
                  {t('projects.delete')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
