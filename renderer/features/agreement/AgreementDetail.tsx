import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coefficient } from '../../../shared/agreement/index.ts';
import { writeCsv } from '../../../shared/csv/writeCsv.ts';
import { localize, type Lang } from '../../../shared/model/index.ts';
import { formatNumber } from '../../i18n.ts';
import {
  categoryValues,
  confusion,
  recalMatrix,
  reliability,
  type VariableFigures,
} from './agreementFigures.ts';
import { appealsById } from '../../db/appeals.ts';

interface Props {
  figures: VariableFigures;
  coderName: (id: string) => string;
  projectId: string;
  onSave: (name: string, text: string) => void;
}

/** The command that gives the same figures from the exported matrix (a command line, not translated). */
function cliCommand(variable: VariableFigures['variable']): string {
  const level = variable.kind === 'ordinal' ? ' --level ordinal' : '';
  return `kodtau agreement agreement-${variable.id}.recal.csv --categories ${categoryValues(variable)}${level} --bootstrap 1000 --seed 1`;
}

/** One variable in depth: per category, per pair of coders, the confusion matrix and the appeals behind a cell. */
export function AgreementDetail({ figures, coderName, projectId, onSave }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { variable, report, multi, rows } = figures;
  const [pair, setPair] = useState(0);
  const [cell, setCell] = useState<[number, number] | null>(null);
  const pairs = report?.pairwise ?? [];
  const chosen = pairs[pair];
  const matrix = useMemo(
    () => (report && chosen ? confusion(figures, chosen.a, chosen.b) : null),
    [figures, report, chosen],
  );

  const number = (value: number | null) =>
    value == null ? '—' : formatNumber(value, lang, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const coefficient = (c: Coefficient) =>
    c.value != null ? number(c.value) : t(`agreement.reason.${c.reason!}`);
  const label = (code: string) =>
    localize(variable.categories.find((c) => c.code === code)?.label, lang) || code;
  const name = localize(variable.label, lang);
  const max = matrix ? Math.max(1, ...matrix.counts.flat()) : 1;
  const cellAppeals = useMemo(() => (matrix && cell ? matrix.appeals(cell[0], cell[1]) : []), [matrix, cell]);
  // Only the appeals of the chosen cell are read, not the project's.
  const appeals = useLiveQuery(() => appealsById(projectId, cellAppeals), [projectId, cellAppeals]);

  const perCategory = multi
    ? multi.perCategory.map(({ category, report: r }) => ({
        category,
        count: null as number | null,
        specific: null as number | null,
        alpha: r.krippendorffAlpha,
        percent: r.percentAgreement.value,
      }))
    : (report?.perCategory ?? []).map((c) => ({
        category: c.category,
        count: c.count,
        specific: c.specificAgreement,
        alpha: c.alpha,
        percent: null as number | null,
      }));

  return (
    <section className="card agreement-detail" aria-labelledby="agreement-detail-title">
      <h2 id="agreement-detail-title">{t('agreement.detail.title', { variable: name })}</h2>

      <h3>{t('agreement.detail.perCategory')}</h3>
      <table className="data">
        <thead>
          <tr>
            <th>{t('tables.category')}</th>
            {multi ? (
              <th className="num">{t('agreement.percent')}</th>
            ) : (
              <>
                <th className="num">{t('agreement.detail.count')}</th>
                <th className="num">{t('agreement.detail.specific')}</th>
              </>
            )}
            <th className="num">{t('agreement.alpha')}</th>
          </tr>
        </thead>
        <tbody>
          {perCategory.map((c) => (
            <tr key={c.category}>
              <td>{label(c.category)}</td>
              {multi ? (
                <td className="num">{number(c.percent)}</td>
              ) : (
                <>
                  <td className="num">{formatNumber(c.count ?? 0, lang)}</td>
                  <td className="num">{number(c.specific)}</td>
                </>
              )}
              <td className={`num alpha ${reliability(c.alpha.value)}`}>{coefficient(c.alpha)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {report && pairs.length > 0 && (
        <>
          <h3>{t('agreement.detail.pairwise')}</h3>
          <table className="data pairwise">
            <thead>
              <tr>
                <th>{t('agreement.detail.pair')}</th>
                <th className="num">{t('agreement.units')}</th>
                <th className="num">{t('agreement.percent')}</th>
                <th className="num">{t('agreement.cohen')}</th>
              </tr>
            </thead>
            <tbody>
              {pairs.map((p, i) => (
                <tr key={`${p.a}-${p.b}`} className={i === pair ? 'selected' : undefined}>
                  <td>
                    <button
                      type="button"
                      className="link"
                      aria-pressed={i === pair}
                      onClick={() => {
                        setPair(i);
                        setCell(null);
                      }}
                    >
                      {coderName(rows.coders[p.a]!)} × {coderName(rows.coders[p.b]!)}
                    </button>
                  </td>
                  <td className="num">{formatNumber(p.units, lang)}</td>
                  <td className="num">{number(p.percentAgreement)}</td>
                  <td className="num">{coefficient(p.kappa)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      {matrix && chosen && (
        <>
          <h3>{t('agreement.detail.confusion')}</h3>
          <p className="muted small">
            {t('agreement.detail.confusionLead', {
              a: coderName(rows.coders[chosen.a]!),
              b: coderName(rows.coders[chosen.b]!),
            })}
          </p>
          <div className="heatmap-wrap">
            <table className="heatmap" aria-label={t('agreement.detail.confusion')}>
              <thead>
                <tr>
                  <th />
                  {matrix.categories.map((code) => (
                    <th key={code} scope="col" title={label(code)}>
                      <span>{label(code)}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.categories.map((rowCode, k) => (
                  <tr key={rowCode}>
                    <th scope="row">{label(rowCode)}</th>
                    {matrix.counts[k]!.map((count, l) => (
                      <td key={l} className={k === l ? 'diagonal' : undefined}>
                        {count > 0 ? (
                          <button
                            type="button"
                            style={{ '--heat': count / max } as React.CSSProperties}
                            className={count / max > 0.5 ? 'deep' : undefined}
                            aria-pressed={cell?.[0] === k && cell?.[1] === l}
                            aria-label={t('agreement.detail.cellLabel', {
                              count,
                              a: label(rowCode),
                              b: label(matrix.categories[l]!),
                            })}
                            onClick={() => setCell([k, l])}
                          >
                            {formatNumber(count, lang)}
                          </button>
                        ) : null}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {cell && (
            <div className="cell-appeals">
              <h4>
                {t('agreement.detail.cellAppeals', {
                  count: cellAppeals.length,
                  a: label(matrix.categories[cell[0]]!),
                  b: label(matrix.categories[cell[1]]!),
                })}
              </h4>
              <ul>
                {cellAppeals.map((id) => (
                  <li key={id}>
                    <code>{id}</code> {appeals?.get(id)?.meta.date?.slice(0, 10)}
                    <p>{appeals?.get(id)?.text}</p>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}

      {report && (
        <div className="actions">
          <button
            type="button"
            onClick={() =>
              onSave(
                `agreement-${variable.id}.recal.csv`,
                writeCsv(recalMatrix(figures, coderName), { delimiter: ',' }),
              )
            }
          >
            {t('agreement.exportMatrix')}
          </button>
          <code className="small">{cliCommand(variable)}</code>
        </div>
      )}
    </section>
  );
}
