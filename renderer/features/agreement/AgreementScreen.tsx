import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementReport, multiChoiceReport, type Coefficient } from '../../../shared/agreement/index.ts';
import { codingRows } from '../../../shared/agreement/codingRows.ts';
import {
  localize,
  type Codebook,
  type Coding,
  type Lang,
  type Variable,
} from '../../../shared/model/index.ts';
import { NoProject } from '../../components/NoProject.tsx';
import { projectCodings } from '../../db/queries.ts';
import { formatNumber } from '../../i18n.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';

/** Seeded, so the interval in a report is reproducible (Hayes & Krippendorff 2007). */
const BOOTSTRAP = { bootstrap: 1000, seed: 1 } as const;

interface VariableRow {
  variable: Variable;
  units: number;
  coders: number;
  alpha: Coefficient;
  ci: readonly [number, number] | null;
  percent: Coefficient | null;
  cohen: Coefficient | null;
  fleiss: Coefficient | null;
  ac1: Coefficient | null;
  bp: Coefficient | null;
  perCategory: { code: string; alpha: Coefficient; percent: Coefficient; ac1: Coefficient }[];
}

function variableRow(variable: Variable, codings: readonly Coding[]): VariableRow {
  const categories = variable.categories.map((c) => c.code);
  if (variable.kind === 'multi') {
    const { coders, rows } = codingRows(codings, variable, true);
    const report = multiChoiceReport(rows, { categories });
    const first = report.perCategory[0]?.report;
    return {
      variable,
      units: first?.units ?? 0,
      coders: coders.length,
      alpha: report.setAlpha.masi,
      ci: null,
      percent: null,
      cohen: null,
      fleiss: null,
      ac1: null,
      bp: null,
      perCategory: report.perCategory.map(({ category, report: r }) => ({
        code: category,
        alpha: r.krippendorffAlpha,
        percent: r.percentAgreement,
        ac1: r.gwetAC,
      })),
    };
  }
  const { rows } = codingRows(codings, variable);
  const report = agreementReport(rows, {
    categories,
    level: variable.kind === 'ordinal' ? 'ordinal' : 'nominal',
    ...BOOTSTRAP,
  });
  const ci = 'ci95' in report.alphaBootstrap ? report.alphaBootstrap.ci95 : null;
  return {
    variable,
    units: report.units,
    coders: report.coders,
    alpha: report.krippendorffAlpha,
    ci,
    percent: report.percentAgreement,
    cohen: report.cohenKappa,
    fleiss: report.fleissKappa,
    ac1: report.gwetAC,
    bp: report.brennanPrediger,
    perCategory: [],
  };
}

function reliability(alpha: number | null): 'reliable' | 'tentative' | 'unreliable' | 'none' {
  if (alpha === null) return 'none';
  return alpha >= 0.8 ? 'reliable' : alpha >= 0.667 ? 'tentative' : 'unreliable';
}

export function AgreementScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { project, codebook } = useCurrentProject();
  const projectId = project?.id ?? '';
  const codings = useLiveQuery(() => projectCodings(projectId), [projectId]);
  const rows = useMemo(
    () => (codebook && codings ? computeRows(codebook, codings) : undefined),
    [codebook, codings],
  );

  if (project === undefined || !rows) return null;
  if (!project || !codebook) return <NoProject title={t('nav.agreement')} />;

  const number = (value: number) =>
    formatNumber(value, lang, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const cell = (coefficient: Coefficient | null, note?: string) =>
    coefficient?.value != null ? (
      <td className="num">{number(coefficient.value)}</td>
    ) : (
      <td className="num muted" title={coefficient ? t(`agreement.reason.${coefficient.reason!}`) : note}>
        —
      </td>
    );
  const categoryLabel = (variable: Variable, code: string) =>
    localize(variable.categories.find((c) => c.code === code)?.label, lang) || code;

  return (
    <section>
      <h1 id="screen-title">{t('nav.agreement')}</h1>
      <p className="muted">{t('agreement.lead')}</p>
      <table className="data agreement">
        <thead>
          <tr>
            <th>{t('agreement.variable')}</th>
            <th className="num">{t('agreement.units')}</th>
            <th className="num">{t('agreement.coders')}</th>
            <th className="num">{t('agreement.percent')}</th>
            <th className="num" title={t('agreement.thresholds')}>
              {t('agreement.alpha')}
            </th>
            <th className="num">{t('agreement.ci')}</th>
            <th className="num">{t('agreement.cohen')}</th>
            <th className="num">{t('agreement.fleiss')}</th>
            <th className="num">{t('agreement.ac1')}</th>
            <th className="num">{t('agreement.bp')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const level = reliability(row.alpha.value);
            const seePerCategory = t('agreement.seePerCategory');
            return (
              <tr key={row.variable.id}>
                <th scope="row">
                  {localize(row.variable.label, lang)}
                  {row.variable.kind === 'multi' && (
                    <div className="muted small">{t('agreement.setAlpha')}</div>
                  )}
                </th>
                <td className="num">{formatNumber(row.units, lang)}</td>
                <td className="num">{formatNumber(row.coders, lang)}</td>
                {cell(row.percent, seePerCategory)}
                <td
                  className={`num alpha ${level}`}
                  title={`${t(`agreement.level.${level}`)} — ${t('agreement.thresholds')}`}
                >
                  {row.alpha.value != null
                    ? number(row.alpha.value)
                    : t(`agreement.reason.${row.alpha.reason!}`)}
                </td>
                <td className="num">{row.ci ? `${number(row.ci[0])} – ${number(row.ci[1])}` : '—'}</td>
                {cell(row.cohen, seePerCategory)}
                {cell(row.fleiss, seePerCategory)}
                {cell(row.ac1, seePerCategory)}
                {cell(row.bp, seePerCategory)}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">{t('agreement.thresholds')}</p>
      {rows
        .filter((row) => row.perCategory.length > 0)
        .map((row) => (
          <details key={row.variable.id} className="card">
            <summary>
              {t('agreement.perCategoryOf', { variable: localize(row.variable.label, lang) })}
            </summary>
            <table className="data">
              <thead>
                <tr>
                  <th>{t('tables.category')}</th>
                  <th className="num">{t('agreement.percent')}</th>
                  <th className="num">{t('agreement.alpha')}</th>
                  <th className="num">{t('agreement.ac1')}</th>
                </tr>
              </thead>
              <tbody>
                {row.perCategory.map((category) => (
                  <tr key={category.code}>
                    <td>{categoryLabel(row.variable, category.code)}</td>
                    {cell(category.percent)}
                    <td className={`num alpha ${reliability(category.alpha.value)}`}>
                      {category.alpha.value != null
                        ? number(category.alpha.value)
                        : t(`agreement.reason.${category.alpha.reason!}`)}
                    </td>
                    {cell(category.ac1)}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ))}
    </section>
  );
}

function computeRows(codebook: Codebook, codings: readonly Coding[]): VariableRow[] {
  return codebook.variables
    .filter((v) => v.kind !== 'text')
    .map((variable) => variableRow(variable, codings));
}
