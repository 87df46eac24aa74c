import { useTranslation } from 'react-i18next';
import { MAX_JSON_DEPTH, type Lang } from '../../../shared/model/index.ts';
import { projectName } from './projectName.ts';
import type { BackupState } from './useProjectBackup.ts';

/** What saving or restoring a project file did, or what the supervisor must decide. */
export function BackupNotice({
  state,
  onReplace,
  onDismiss,
}: {
  state: BackupState;
  onReplace: () => void;
  onDismiss: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  switch (state.kind) {
    case 'idle':
      return null;
    case 'working':
      return (
        <p className="muted" role="status">
          {state.task === 'save' ? t('backup.saving') : t('backup.restoring')}
        </p>
      );
    case 'saved':
      return <p role="status">{t('backup.saved', { name: state.fileName })}</p>;
    case 'restored':
      return (
        <p role="status">
          {t('backup.restored', {
            name: projectName(state.project, lang),
            appeals: t('common.appealCount', { count: state.appeals }),
            codings: t('common.codingCount', { count: state.codings }),
          })}
        </p>
      );
    case 'exists':
      return (
        <div className="card" role="alert">
          <p className="warning">{t('backup.exists', { name: projectName(state.project, lang) })}</p>
          <div className="actions">
            <button type="button" className="danger" onClick={onReplace}>
              {t('backup.replace')}
            </button>
            <button type="button" onClick={onDismiss}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      );
    case 'refused':
      return (
        <p className="warning" role="alert">
          {t(`backup.refused.${state.reason}`, { depth: MAX_JSON_DEPTH })}
        </p>
      );
  }
}
