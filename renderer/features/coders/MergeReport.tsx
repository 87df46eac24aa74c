import { useTranslation } from 'react-i18next';
import type { FileReport, MergeProblem } from '../../../shared/merge/index.ts';
import type { Lang } from '../../../shared/model/index.ts';
import { formatDateTime, formatNumber } from '../../i18n.ts';

/** Parameters that are instants (ISO 8601), shown as a date and time of this computer. */
const TIMES: ReadonlySet<string> = new Set(['updatedAt', 'exportedAt', 'now']);

/** A problem's parameter as the message shows it. */
function shown(key: string, value: string | number | string[], lang: Lang): string | number {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number') return value;
  if (key === 'hash') return `${value.slice(0, 12)}…`;
  return TIMES.has(key) ? formatDateTime(value, lang) : value;
}

/** The problem in the user's language, with its particulars. */
export function useProblemText(): (problem: MergeProblem) => string {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (problem) => {
    const { code, ...params } = problem;
    const values = Object.fromEntries(
      Object.entries(params).map(([key, value]: [string, string | number | string[]]) => [
        key,
        shown(key, value, lang),
      ]),
    );
    return t(`coders.problem.${code}`, values);
  };
}

/** Per file: merged (added, updated, unchanged) or refused with the reason. */
export function MergeReport({ reports }: { reports: readonly FileReport[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const problemText = useProblemText();
  const number = (value: number) => formatNumber(value, lang);
  return (
    <table className="data merge-report" aria-label={t('coders.reportTitle')}>
      <caption>{t('coders.reportTitle')}</caption>
      <thead>
        <tr>
          <th>{t('coders.report.file')}</th>
          <th>{t('coders.name')}</th>
          <th className="num">{t('coders.report.added')}</th>
          <th className="num">{t('coders.report.updated')}</th>
          <th className="num">{t('coders.report.unchanged')}</th>
          <th>{t('coders.report.result')}</th>
        </tr>
      </thead>
      <tbody>
        {reports.map((report, i) =>
          report.status === 'merged' ? (
            <tr key={i}>
              <td>{report.fileName}</td>
              <td>{report.coder.name}</td>
              <td className="num">{number(report.added)}</td>
              <td className="num">{number(report.updated)}</td>
              <td className="num">{number(report.unchanged)}</td>
              <td>{t('coders.report.merged')}</td>
            </tr>
          ) : (
            <tr key={i} className="refused">
              <td>{report.fileName}</td>
              <td colSpan={4} className="warning">
                {problemText(report.problem)}
              </td>
              <td className="warning">{t('coders.report.refused')}</td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
