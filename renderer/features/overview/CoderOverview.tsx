import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/model/index.ts';
import { formatNumber, formatPercent } from '../../i18n.ts';
import { usePlatform } from '../../platform/PlatformContext.tsx';
import { useAppStore } from '../../store/index.ts';
import { saveCoderFile } from '../coders/coderFiles.ts';
import { onCoderFileExportRequest } from '../coders/exportRequest.ts';
import { projectName } from '../projects/projectName.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';
import { useFigures } from './progressOffThread.ts';
import { projectBlockCount } from './useStudyOverview.ts';
import { appealCount } from '../../db/appeals.ts';

type ExportState = 'idle' | 'saving' | { saved: string } | 'cancelled' | 'failed';

/** A coder's home in a project: how far they are, the way back to coding, and their file out. */
export function CoderOverview({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const platform = usePlatform();
  const { project } = useCurrentProject();
  const me = useAppStore((state) => state.coderId) ?? '';
  const go = useAppStore((state) => state.go);
  const [exported, setExported] = useState<ExportState>('idle');

  // The package holds the coder's share: every appeal of the project is theirs to code. The
  // appeals they answered are counted off the UI thread, from the answer blocks.
  const live = useLiveQuery(async () => {
    const [appeals, blocks] = await Promise.all([appealCount(projectId), projectBlockCount(projectId)]);
    return { appeals, blocks };
  }, [projectId]);
  const coded = useFigures({ method: 'answered', projectId, coderId: me }, live);
  const counts = live && typeof coded === 'number' ? { appeals: live.appeals, coded } : undefined;

  const exportMine = useCallback(async () => {
    setExported('saving');
    try {
      const name = await saveCoderFile(platform, projectId, me);
      setExported(name ? { saved: name } : 'cancelled');
    } catch {
      setExported('failed');
    }
  }, [platform, projectId, me]);
  // The File menu's "Export my coder file" lands here in a coder's view.
  useEffect(() => onCoderFileExportRequest(() => void exportMine()), [exportMine]);

  if (!counts || !project) return null;
  const share = counts.appeals ? counts.coded / counts.appeals : 0;
  return (
    <section className="overview">
      <h1 id="screen-title">{t('nav.myWork')}</h1>
      <p className="muted">{projectName(project, lang)}</p>
      <div className="card">
        <h2>{t('myWork.progressTitle')}</h2>
        <p>
          {t('myWork.progress', {
            coded: formatNumber(counts.coded, lang),
            count: counts.appeals,
            share: formatPercent(share, lang, 0),
          })}
        </p>
        <progress
          max={Math.max(1, counts.appeals)}
          value={counts.coded}
          aria-label={t('myWork.progressTitle')}
        />
        <div className="actions">
          <button
            type="button"
            className={counts.coded < counts.appeals ? 'primary' : undefined}
            onClick={() => go('coding')}
          >
            {t(counts.coded ? 'myWork.continue' : 'myWork.start')}
          </button>
        </div>
      </div>
      <div className="card">
        <h2>{t('coders.exportTitle')}</h2>
        <p className="muted">{t('myWork.exportLead')}</p>
        <div className="actions">
          <button
            type="button"
            className={counts.coded >= counts.appeals ? 'primary' : undefined}
            disabled={counts.coded === 0 || exported === 'saving'}
            onClick={() => void exportMine()}
          >
            {t('coders.exportButton')}
          </button>
          <span role="status">
            {typeof exported === 'object' && t('coders.exported', { name: exported.saved })}
            {exported === 'cancelled' && t('coders.exportCancelled')}
            {exported === 'failed' && <span className="warning">{t('coders.exportFailed')}</span>}
          </span>
        </div>
      </div>
    </section>
  );
}
