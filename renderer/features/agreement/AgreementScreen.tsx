import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ALPHA_MINIMA,
  reliabilityDecision,
  type AlphaMinimum,
  type Coefficient,
} from '../../../shared/agreement/index.ts';
import { writeCsv } from '../../../shared/csv/writeCsv.ts';
import { localize, type Lang } from '../../../shared/model/index.ts';
import { DayInput } from '../../components/DayInput.tsx';
import { NoProject } from '../../components/NoProject.tsx';
import { formatDate, formatNumber } from '../../i18n.ts';
import { usePlatform } from '../../platform/PlatformContext.tsx';
import { projectName } from '../projects/projectName.ts';
import { projectFileStem } from '../projects/projectName.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';
import { AgreementDetail } from './AgreementDetail.tsx';
import { DriftView } from './DriftView.tsx';
import { methodsParagraph } from './methodsParagraph.ts';
import type { ProjectCounts } from './agreementSource.ts';
import { ALL, BOOTSTRAP, reliability, type Subset } from './agreementFigures.ts';
import type { Summary } from './agreementSource.ts';
import { useAgreement, useDetailRows } from './useAgreement.ts';
import { reportCsvRows, reportHtml } from './agreementReportFiles.ts';
import './agreement.css';

/** Per-variable agreement on a chosen subset, with drill-down and report export. */
export function AgreementScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const platform = usePlatform();
  const { project, codebook } = useCurrentProject();
  const projectId = project?.id ?? '';
  const [subset, setSubset] = useState<Subset>(ALL);
  const [selected, setSelected] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [alphaMin, setAlphaMin] = useState<AlphaMinimum>('0.800');

  const { shown, answered, computing, coderIds, client } = useAgreement(projectId, codebook, subset);
  const figures = shown?.figures;
  const detailRows = useDetailRows(client, selected, shown, answered);
  const [counts, setCounts] = useState<{ version: number; counts: ProjectCounts }>();
  const [copied, setCopied] = useState<'copied' | 'copyFailed' | null>(null);
  const version = shown?.request.version;
  useEffect(() => {
    if (!projectId || version === undefined) return;
    let current = true;
    void client.counts(projectId).then((found) => {
      if (current) setCounts({ version, counts: found });
    });
    return () => {
      current = false;
    };
  }, [client, projectId, version]);

  if (project === undefined) return null;
  if (!project || !codebook) return <NoProject title={t('nav.agreement')} />;
  if (!shown || !figures) {
    return (
      <section className="agreement-screen">
        <h1 id="screen-title">{t('nav.agreement')}</h1>
        <p className="muted" role="status">
          {t('agreement.computing')}
        </p>
      </section>
    );
  }

  const coderName = (id: string) => shown.names.get(id) ?? id;
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
  /** The verdict against α_min from the bootstrap (Hayes & Krippendorff 2007), in words. */
  const verdict = (row: Summary) => {
    const boot = row.report?.alphaBootstrap;
    if (row.alpha.value === null || !boot || !('ci95' in boot))
      return (
        <td className="muted">
          {row.report && computing ? '…' : row.report ? '—' : t('agreement.verdict.noInterval')}
        </td>
      );
    const decision = reliabilityDecision(row.alpha.value, boot, alphaMin);
    return (
      <td className={`verdict ${decision.verdict}`}>
        {t(`agreement.verdict.${decision.verdict}`, {
          q: number(decision.q),
          lower: number(decision.lower),
          min: number(Number(alphaMin)),
        })}
      </td>
    );
  };
  const chosenCoders = subset.coders.length > 0 ? subset.coders : coderIds;
  const toggleCoder = (id: string) => {
    const next = chosenCoders.includes(id) ? chosenCoders.filter((c) => c !== id) : [...chosenCoders, id];
    setSubset({ ...subset, coders: next.length === coderIds.length ? [] : next });
  };
  const subsetText = [
    t('agreement.subset.coders', { names: chosenCoders.map(coderName).join(', ') }),
    subset.from || subset.to
      ? t('agreement.subset.dates', { from: subset.from || '…', to: subset.to || '…' })
      : '',
    subset.overlapOnly ? t('agreement.subset.overlapOnly') : '',
  ]
    .filter(Boolean)
    .join('; ');
  const fileStem = `${project ? projectFileStem(project, lang) : projectId}-agreement`;
  const methods =
    !computing && counts?.version === shown.request.version
      ? methodsParagraph(figures, {
          counts: counts.counts,
          coders: chosenCoders.length,
          alphaMin,
          lang,
          t,
        })
      : null;

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('copied');
    } catch {
      setCopied('copyFailed');
    }
  }

  async function save(name: string, text: string) {
    const ok = await platform.saveFile({
      suggestedName: name,
      bytes: new TextEncoder().encode(text),
      filters: [{ name: name.endsWith('.html') ? 'HTML' : 'CSV', extensions: [name.split('.').pop()!] }],
    });
    setSaved(ok ? name : null);
  }

  const summary = figures.find((f) => f.variable.id === selected);
  const detail =
    summary && detailRows?.variableId === summary.variable.id ? { ...summary, rows: detailRows.rows } : null;

  return (
    <section className="agreement-screen">
      <h1 id="screen-title">{t('nav.agreement')}</h1>
      <p className="muted" role="status">
        {computing ? t('agreement.computing') : ''}
      </p>
      <p className="muted">{t('agreement.lead')}</p>

      <fieldset className="card subset">
        <legend>{t('agreement.subset.title')}</legend>
        <div className="subset-coders">
          {coderIds.map((id) => (
            <label key={id}>
              <input
                type="checkbox"
                checked={chosenCoders.includes(id)}
                disabled={chosenCoders.includes(id) && chosenCoders.length <= 2}
                onChange={() => toggleCoder(id)}
              />
              {coderName(id)}
            </label>
          ))}
        </div>
        <DayInput
          label={t('agreement.subset.from')}
          value={subset.from}
          onChange={(from) => setSubset({ ...subset, from })}
        />
        <DayInput
          label={t('agreement.subset.to')}
          value={subset.to}
          onChange={(to) => setSubset({ ...subset, to })}
        />
        <label>
          <input
            type="checkbox"
            checked={subset.overlapOnly}
            onChange={(e) => setSubset({ ...subset, overlapOnly: e.target.checked })}
          />
          {t('agreement.subset.overlapOnly')}
        </label>
      </fieldset>

      <label className="alpha-min">
        {t('agreement.verdict.alphaMin')}{' '}
        <select value={alphaMin} onChange={(event) => setAlphaMin(event.target.value as AlphaMinimum)}>
          {ALPHA_MINIMA.map((min) => (
            <option key={min} value={min}>
              {number(Number(min))}
            </option>
          ))}
        </select>
      </label>
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
            <th>{t('agreement.verdict.title')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((row) => {
            const level = reliability(row.alpha.value);
            const seePerCategory = t('agreement.seePerCategory');
            return (
              <tr key={row.variable.id} className={row.variable.id === selected ? 'selected' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="link"
                    aria-expanded={row.variable.id === selected}
                    onClick={() => setSelected(row.variable.id === selected ? null : row.variable.id)}
                  >
                    {localize(row.variable.label, lang)}
                  </button>
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
                <td className="num">
                  {row.ci
                    ? `${number(row.ci[0])} – ${number(row.ci[1])}`
                    : row.report && computing
                      ? '…'
                      : '—'}
                </td>
                {cell(row.cohen, seePerCategory)}
                {cell(row.fleiss, seePerCategory)}
                {cell(row.ac1, seePerCategory)}
                {cell(row.bp, seePerCategory)}
                {verdict(row)}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">
        {t('agreement.thresholds')}{' '}
        {t('agreement.verdict.explained', { samples: formatNumber(BOOTSTRAP.bootstrap, lang) })}{' '}
        {t('agreement.clickVariable')}
      </p>
      <div className="actions">
        <button
          type="button"
          disabled={computing}
          onClick={() =>
            void save(`${fileStem}.csv`, writeCsv(reportCsvRows(figures, lang), { delimiter: ',' }))
          }
        >
          {t('agreement.exportCsv')}
        </button>
        <button
          type="button"
          disabled={!methods}
          onClick={() =>
            void save(
              `${fileStem}.html`,
              reportHtml(figures, {
                title: `${t('agreement.report.title')}: ${projectName(project, lang)}`,
                subset: subsetText,
                date: formatDate(new Date().toISOString(), lang),
                lang,
                t,
                methods: methods!,
              }),
            )
          }
        >
          {t('agreement.exportHtml')}
        </button>
        <span role="status">{saved && t('agreement.saved', { name: saved })}</span>
      </div>

      <section className="card methods" aria-labelledby="methods-title">
        <h2 id="methods-title">{t('agreement.methods.title')}</h2>
        <p className="muted small">{t('agreement.methods.lead')}</p>
        {methods ? (
          <>
            <p className="methods-text" lang={lang}>
              {methods}
            </p>
            <div className="actions">
              <button type="button" onClick={() => void copy(methods)}>
                {t('agreement.methods.copy')}
              </button>
              <span role="status">{copied && t(`agreement.methods.${copied}`)}</span>
            </div>
          </>
        ) : (
          <p className="muted">{t('agreement.methods.waiting')}</p>
        )}
      </section>

      {detail && (
        <AgreementDetail
          key={detail.variable.id}
          figures={detail}
          coderName={coderName}
          projectId={projectId}
          onSave={(name, text) => void save(name, text)}
        />
      )}
      {summary && summary.variable.kind !== 'text' && (
        <section className="card">
          <DriftView
            key={summary.variable.id}
            client={client}
            request={shown.request}
            variable={summary.variable}
            coderName={coderName}
          />
        </section>
      )}
    </section>
  );
}
