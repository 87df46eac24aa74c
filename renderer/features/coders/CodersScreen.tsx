import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileReport } from '../../../shared/merge/index.ts';
import type { Lang } from '../../../shared/model/index.ts';
import { NoProject } from '../../components/NoProject.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { coderNames, coderSummaries } from '../../db/queries.ts';
import { formatDate, formatNumber } from '../../i18n.ts';
import { usePlatform } from '../../platform/PlatformContext.tsx';
import { readFiles } from '../../platform/index.ts';
import type { PickedFile } from '../../platform/types.ts';
import { useAppStore } from '../../store/index.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';
import { CODER_FILE_FILTERS, importCoderFiles, saveCoderFile } from './coderFiles.ts';
import { MergeCancelled, type MergeProgress } from './mergeTask.ts';
import { MergeReport } from './MergeReport.tsx';
import { TrainingSection } from './TrainingSection.tsx';
import { onCoderFileExportRequest } from './exportRequest.ts';
import { useMergeIntent } from './mergeIntent.ts';
import './coders.css';

interface CoderRow {
  id: string;
  name: string;
  appeals: number;
  codings: number;
  lastEdit: string;
}

type ExportState =
  { kind: 'idle' } | { kind: 'saved'; name: string } | { kind: 'cancelled' } | { kind: 'failed' };
type MergeState =
  | { kind: 'idle' }
  | { kind: 'merging'; progress: MergeProgress | null; cancel: () => void }
  | { kind: 'done'; reports: FileReport[] }
  | { kind: 'cancelled' }
  | { kind: 'failed' };

/** Who has coded in this project; the signed-in coder's file out, the coders' files in. */
export function CodersScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { project, codebook } = useCurrentProject();
  const platform = usePlatform();
  const me = useAppStore((state) => state.coderId);
  const projectId = useAppStore((state) => state.projectId) ?? '';
  const [exported, setExported] = useState<ExportState>({ kind: 'idle' });
  const [merge, setMerge] = useState<MergeState>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const requestedMerge = useMergeIntent((state) => state.files);

  // Apart, so that a merge, which always writes the coders' names, runs the figures again only
  // where it changed a coding.
  const summaries = useLiveQuery(() => coderSummaries(projectId), [projectId]);
  const names = useLiveQuery(coderNames, []);
  const rows = summaries?.map((row): CoderRow => ({ ...row, name: names?.get(row.id) ?? row.id }));

  const exportMine = useCallback(async () => {
    if (!projectId || !me) return;
    try {
      const name = await saveCoderFile(platform, projectId, me);
      setExported(name ? { kind: 'saved', name } : { kind: 'cancelled' });
    } catch {
      setExported({ kind: 'failed' });
    }
  }, [platform, projectId, me]);

  useEffect(
    // The open project is known from the session at once; its record loads later.
    () => onCoderFileExportRequest(() => void exportMine()),
    [exportMine],
  );

  // A coder file opened on another screen (the import screen's package button) is merged here.
  useEffect(() => {
    if (!requestedMerge || !projectId) return;
    useMergeIntent.getState().clear();
    void mergeFiles(requestedMerge);
    // The handler reads the latest state; the request alone triggers this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestedMerge, projectId]);

  async function mergeFiles(files: readonly PickedFile[]) {
    if (files.length === 0) return;
    const controller = new AbortController();
    const cancel = () => controller.abort();
    setMerge({ kind: 'merging', progress: null, cancel });
    try {
      const reports = await importCoderFiles(projectId, files, {
        signal: controller.signal,
        onProgress: (progress) => setMerge({ kind: 'merging', progress, cancel }),
      });
      setMerge({ kind: 'done', reports });
    } catch (error) {
      setMerge({ kind: error instanceof MergeCancelled ? 'cancelled' : 'failed' });
    }
  }

  async function chooseFiles() {
    void mergeFiles(await platform.openFiles({ filters: CODER_FILE_FILTERS, multiple: true }));
  }

  async function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void mergeFiles(await readFiles(event.dataTransfer.files));
  }

  if (project === undefined || !rows || !names) return null;
  if (!project) return <NoProject title={t('nav.coders')} />;
  const mine = rows.find((row) => row.id === me)?.codings ?? 0;

  return (
    <section>
      <h1 id="screen-title">{t('nav.coders')}</h1>
      <div className="coders-files">
        {/* The supervisor who codes nothing is no coder: no "0 coded by you" card. */}
        {mine > 0 && (
          <div className="card">
            <h2>{t('coders.exportTitle')}</h2>
            <p className="muted">{t('coders.exportLead', { count: mine })}</p>
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={mine === 0}
                onClick={() => void exportMine()}
              >
                {t('coders.exportButton')}
              </button>
              <span role="status">
                {exported.kind === 'saved' && t('coders.exported', { name: exported.name })}
                {exported.kind === 'cancelled' && t('coders.exportCancelled')}
                {exported.kind === 'failed' && <span className="warning">{t('coders.exportFailed')}</span>}
              </span>
            </div>
          </div>
        )}
        <div
          className={dragging ? 'card drop-zone dragging' : 'card drop-zone'}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => void drop(event)}
        >
          <h2>{t('coders.mergeTitle')}</h2>
          <p className="muted">{t('coders.mergeLead')}</p>
          <div className="actions">
            <button type="button" disabled={merge.kind === 'merging'} onClick={() => void chooseFiles()}>
              {t('coders.importButton')}
            </button>
            <span className="muted">{t('coders.dropHere')}</span>
            {merge.kind === 'cancelled' && <span role="status">{t('coders.mergeRun.cancelled')}</span>}
            {merge.kind === 'failed' && (
              <span role="status" className="warning">
                {t('coders.mergeFailed')}
              </span>
            )}
          </div>
          {merge.kind === 'merging' && <MergeRunning progress={merge.progress} cancel={merge.cancel} />}
        </div>
      </div>
      {merge.kind === 'done' && <MergeReport reports={merge.reports} />}

      <h2>{t('coders.listTitle')}</h2>
      <p className="muted">{t('coders.lead')}</p>
      {rows.length === 0 ? (
        <p className="card empty">{t('coders.none')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>{t('coders.name')}</th>
              <th>{t('coders.appealsCoded')}</th>
              <th>{t('projects.codings')}</th>
              <th>{t('coders.lastEdit')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  {row.name}
                  {row.id === me && <span className="badge">{t('coders.you')}</span>}
                </td>
                <td className="num">{formatNumber(row.appeals, lang)}</td>
                <td className="num">{formatNumber(row.codings, lang)}</td>
                <td>{formatDate(row.lastEdit, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {codebook && me && <TrainingSection projectId={projectId} codebook={codebook} me={me} />}
    </section>
  );
}

/** The running merge: what it does now, how far it is, and the way to stop it (nothing is kept). */
function MergeRunning({ progress, cancel }: { progress: MergeProgress | null; cancel: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const phase = progress ?? { phase: 'read', done: 0, total: 0 };
  const figures =
    phase.phase === 'merge'
      ? {}
      : { done: formatNumber(phase.done, lang), total: formatNumber(phase.total, lang) };
  const label = t(`coders.mergeRun.${phase.phase}`, figures);
  return (
    <div className="actions merge-running" role="status" data-phase={phase.phase}>
      <span>{label}</span>
      {phase.phase === 'merge' ? (
        <ProgressBar label={label} />
      ) : (
        <ProgressBar done={phase.done} total={phase.total} label={label} />
      )}
      <button type="button" onClick={cancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
