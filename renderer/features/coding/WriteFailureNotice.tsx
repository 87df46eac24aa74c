import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlatform } from '../../platform/PlatformContext.tsx';
import { saveCoderFile } from '../coders/coderFiles.ts';
import type { WriteFailure } from './writeQueue.ts';

type ExportState = { kind: 'idle' } | { kind: 'saved'; name: string } | { kind: 'failed' };

/**
 * A change could not be stored: what happened, what to do, a retry now, and the coder file
 * exported from what is stored (the change being retried is not in it yet).
 */
export function WriteFailureNotice(props: {
  failure: WriteFailure;
  projectId: string;
  coderId: string;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const platform = usePlatform();
  const [exported, setExported] = useState<ExportState>({ kind: 'idle' });

  async function exportNow() {
    try {
      const name = await saveCoderFile(platform, props.projectId, props.coderId);
      setExported(name ? { kind: 'saved', name } : { kind: 'idle' });
    } catch {
      setExported({ kind: 'failed' });
    }
  }

  return (
    <div className="card warning-box write-failure" role="alert">
      <p>
        <strong>{t(`coding.writeFailure.${props.failure}`)}</strong>
      </p>
      <p>{t(`coding.writeFailure.${props.failure}Advice`)}</p>
      <p>{t('coding.writeFailure.stays')}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={props.onRetry}>
          {t('coding.writeFailure.retry')}
        </button>
        <button type="button" onClick={() => void exportNow()}>
          {t('coding.writeFailure.export')}
        </button>
        <span role="status">
          {exported.kind === 'saved' && t('coding.writeFailure.exported', { name: exported.name })}
          {exported.kind === 'failed' && t('coding.writeFailure.exportFailed')}
        </span>
      </div>
    </div>
  );
}
