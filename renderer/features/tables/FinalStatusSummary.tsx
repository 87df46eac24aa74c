import { useTranslation } from 'react-i18next';
import { localize, type Codebook, type Lang } from '../../../shared/model/index.ts';
import {
  LISTED_UNITS,
  type FinalAppealStatus,
  type FinalAppealSummary,
} from '../../../shared/tables/finalAppealCounts.ts';
import { formatNumber } from '../../i18n.ts';
import { useAppStore } from '../../store/index.ts';
import './tables.css';

const SHOWN: readonly FinalAppealStatus[] = ['single', 'agreed', 'adjudicated', 'unresolved'];

interface FinalStatusSummaryProps {
  counts: FinalAppealSummary;
  codebook: Codebook;
  /** `table`: over the variables of the table shown; `dataset`: over every variable. */
  scope: 'table' | 'dataset';
}

/**
 * How many appeals of the final dataset are single-coded, agreed, adjudicated or unresolved;
 * the unresolved units by name, with the way to the Adjudication screen that settles them.
 */
export function FinalStatusSummary({ counts, codebook, scope }: FinalStatusSummaryProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const go = useAppStore((state) => state.go);
  const { appeals, unresolved, units } = counts;
  const variable = (id: string) => localize(codebook.variables.find((v) => v.id === id)?.label, lang) || id;
  const statuses = appeals.uncoded > 0 ? [...SHOWN, 'uncoded' as const] : SHOWN;
  return (
    <div className="final-summary" role="group" aria-labelledby="final-summary-title">
      <p id="final-summary-title">
        {scope === 'table' ? t('final.summaryTable') : t('final.summaryDataset')}
      </p>
      <ul className="final-counts">
        {statuses.map((status) => (
          <li
            key={status}
            className={status === 'unresolved' && appeals.unresolved > 0 ? 'warning' : undefined}
          >
            {t(`final.status.${status}`)}: <strong>{formatNumber(appeals[status], lang)}</strong>
          </li>
        ))}
      </ul>
      <p className="muted small">{t('final.rule')}</p>
      {units > 0 && (
        <div className="final-unresolved" role="alert">
          <p className="warning">
            {t('final.unresolved', {
              count: appeals.unresolved,
              units: t('final.units', { count: units }),
            })}{' '}
            <button type="button" className="link" onClick={() => go('adjudication')}>
              {t('final.settle')}
            </button>
          </p>
          <details>
            <summary>{t('final.which')}</summary>
            <ul className="small">
              {unresolved.map((u) => (
                <li key={`${u.appealId}\u0000${u.variableId}`}>
                  {u.appealId} · {variable(u.variableId)}
                </li>
              ))}
            </ul>
            {units > LISTED_UNITS && (
              <p className="muted small">{t('final.more', { count: units - LISTED_UNITS })}</p>
            )}
          </details>
        </div>
      )}
    </div>
  );
}
