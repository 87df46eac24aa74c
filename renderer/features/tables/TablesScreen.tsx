import type { TFunction } from 'i18next';
import { SourceSelect } from './SourceSelect.tsx';
import { FinalStatusSummary } from './FinalStatusSummary.tsx';
import { LanguageSelect } from '../../components/LanguageSelect.tsx';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { xlsxBytes } from '../../../shared/formats/xlsx.ts';
import { localize, type Codebook, type Lang } from '../../../shared/model/index.ts';
import type { TableSort } from '../../../shared/tables/frequencyTable.ts';
import {
  crossTabGrid,
  frequencyGrid,
  roundedSum,
  type CrossTabCell,
  type Grid,
} from '../../../shared/tables/tableGrid.ts';
import type { FinalAppealSummary } from '../../../shared/tables/finalAppealCounts.ts';
import { parseTableSource } from '../../../shared/tables/tableSource.ts';
import { NoProject } from '../../components/NoProject.tsx';
import { formatNumber, formatPercent } from '../../i18n.ts';
import { usePlatform } from '../../platform/PlatformContext.tsx';
import { projectFileStem } from '../projects/projectName.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';
import { chartPng, chartSvg, type ChartData } from './barChart.ts';
import { ChartView } from './ChartView.tsx';
import { isMultiple, metaName, parseSubject, subjectLabel, type Subject } from './subjects.ts';
import type { TableFigures } from './tableFigures.ts';
import { copyGrid, fileStem, gridCsv, savedGrid } from './tableOutput.ts';
import { useDataVersion, useDatasetCall, useDatasetClient, useDatasetOverview } from './useDataset.ts';
import './tables.css';

const CHART_WIDTH = 900;

interface Built {
  title: string;
  grid: Grid;
  /** Which columns of the grid hold percentages (shown with the chosen decimals). */
  percent: (column: number) => boolean;
  /** The last rows of the grid are totals and missing, shown as the table's footer. */
  footRows: number;
  chart: ChartData;
  notes: string[];
  warnings: string[];
  /** The cross-tab's test statistics (label, exact value), saved with the table. */
  statistics: [string, number][];
  /** The final dataset: its appeals by how the table's variables were reached. */
  final: FinalAppealSummary | null;
}

export function TablesScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const platform = usePlatform();
  const { project, codebook } = useCurrentProject();
  const client = useDatasetClient();
  const version = useDataVersion(project?.id ?? '');
  const data = useDatasetOverview(client, version);
  const [subjectKey, setSubjectKey] = useState('meta:region');
  const [byKey, setByKey] = useState('');
  const [sourceKey, setSourceKey] = useState('final');
  const [sort, setSort] = useState<TableSort>('count');
  const [decimals, setDecimals] = useState(1);
  const [cell, setCell] = useState<CrossTabCell>('count');
  const [labelLang, setLabelLang] = useState<Lang | ''>('');
  const [delimiter, setDelimiter] = useState<',' | ';'>(lang === 'en' ? ',' : ';');
  const [message, setMessage] = useState('');

  const metaKeys = data?.metaKeys ?? [];
  // A project without the default column (region) opens on its first column or variable.
  const subjectKeys = [
    ...metaKeys.map((key) => `meta:${key}`),
    ...(codebook?.variables.filter((v) => v.kind !== 'text').map((v) => `var:${v.id}`) ?? []),
  ];
  // Until the overview tells the columns, the chosen subject is asked for as it is: the table is
  // counted while the overview is read (the worker interleaves both), and asked again only when
  // the project lacks that column.
  const subject = !data || subjectKeys.includes(subjectKey) ? subjectKey : (subjectKeys[0] ?? subjectKey);
  const hasSubjects = !data || subjectKeys.length > 0;

  // The worker counts the table; a new question (or new data) asks again.
  const labelsIn = labelLang || lang;
  const call = useMemo(() => {
    const parsed = parseSubject(subject);
    if (!version || !codebook || !parsed || !hasSubjects) return null;
    const source = parseTableSource(sourceKey) ?? { kind: 'final' as const };
    const query = { subject: parsed, by: parseSubject(byKey), source, sort, lang: labelsIn };
    return { kind: 'table' as const, version, codebook, query };
  }, [version, codebook, subject, byKey, sourceKey, sort, labelsIn, hasSubjects]);
  const figures = useDatasetCall(client, call);
  // Once a table is shown, the worker reads every variable ahead: the next table is counted at once.
  const shown = !!figures.value;
  useEffect(() => {
    if (!version || !codebook || !shown) return;
    const running = client.call({ kind: 'prefetch', version, codebook, texts: false });
    running.result.catch(() => {});
    return running.cancel;
  }, [client, version, codebook, shown]);
  // The table on screen is the one last counted, worded as chosen now.
  // Not the answer to a guess the overview then ruled out (a column the project lacks).
  const asked = figures.call?.query.subject;
  const answered =
    asked && (!data || subjectKeys.includes(asked.kind === 'meta' ? `meta:${asked.key}` : `var:${asked.id}`))
      ? figures.call
      : undefined;
  const built = useMemo(
    () =>
      figures.value && answered
        ? buildTable(figures.value, answered.codebook, {
            ...answered.query,
            decimals,
            cell,
            lang: labelsIn,
            t,
          })
        : null,
    [figures.value, answered, decimals, cell, labelsIn, t],
  );

  if (project === undefined || (project && !data && !figures.error)) return null;
  if (!project || !codebook || !data || !call) return <NoProject title={t('nav.tables')} />;
  if (!built)
    return figures.error ? <p role="alert">{t('tables.failed', { reason: figures.error })}</p> : null;

  // A metadata column and a coded variable of the same name (the demo's region) are told apart.
  const variableNames = new Set(codebook.variables.map((v) => localize(v.label, lang).toLocaleLowerCase()));
  const metaNames = new Set(metaKeys.map((key) => metaName(key, t).toLocaleLowerCase()));
  const subjectOptions = (
    <>
      <optgroup label={t('tables.metadata')}>
        {metaKeys.map((key) => (
          <option key={key} value={`meta:${key}`}>
            {variableNames.has(metaName(key, t).toLocaleLowerCase())
              ? t('tableSubject.metadata', { name: metaName(key, t) })
              : metaName(key, t)}
          </option>
        ))}
      </optgroup>
      <optgroup label={t('tables.variables')}>
        {codebook.variables
          .filter((v) => v.kind !== 'text')
          .map((v) => (
            <option key={v.id} value={`var:${v.id}`}>
              {metaNames.has(localize(v.label, lang).toLocaleLowerCase())
                ? t('tableSubject.coded', { name: localize(v.label, lang) })
                : localize(v.label, lang)}
            </option>
          ))}
      </optgroup>
    </>
  );
  const usesVariable = subject.startsWith('var:') || byKey.startsWith('var:');
  const stem = fileStem(projectFileStem(project, lang), built.title);
  const save = async (bytes: Uint8Array<ArrayBuffer>, extension: string, name: string) => {
    const saved = await platform.saveFile({
      suggestedName: `${stem}.${extension}`,
      bytes,
      filters: [{ name, extensions: [extension] }],
    });
    setMessage(saved ? t('tables.saved', { name: `${stem}.${extension}` }) : t('tables.cancelled'));
  };
  const run = (action: () => Promise<void>) => () =>
    void action().catch((error: unknown) => setMessage(t('tables.failed', { reason: String(error) })));
  const show = (value: string | number, column: number) =>
    typeof value === 'number'
      ? built.percent(column)
        ? formatNumber(value, lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
        : formatNumber(value, lang)
      : value;
  const [head = [], ...body] = built.grid;
  const foot = body.splice(body.length - built.footRows);

  return (
    <section>
      <h1 id="screen-title">{t('nav.tables')}</h1>
      <div className="card toolbar">
        <label className="field inline">
          <span>{t('tables.subject')}</span>
          <select value={subject} onChange={(event) => setSubjectKey(event.target.value)}>
            {subjectOptions}
          </select>
        </label>
        <label className="field inline">
          <span>{t('tables.by')}</span>
          <select value={byKey} onChange={(event) => setByKey(event.target.value)}>
            <option value="">{t('tables.none')}</option>
            {subjectOptions}
          </select>
        </label>
        {usesVariable && (
          <SourceSelect
            inline
            label={t('tables.source')}
            value={sourceKey}
            onChange={setSourceKey}
            coders={data.coders}
          />
        )}
        <label className="field inline">
          <span>{t('tables.sort')}</span>
          <select value={sort} onChange={(event) => setSort(event.target.value as TableSort)}>
            <option value="count">{t('tables.sortCount')}</option>
            <option value="codebook">{t('tables.sortCodebook')}</option>
          </select>
        </label>
        {byKey && (
          <label className="field inline">
            <span>{t('tables.cells')}</span>
            <select value={cell} onChange={(event) => setCell(event.target.value as CrossTabCell)}>
              <option value="count">{t('tables.cellCount')}</option>
              <option value="rowPercent">{t('tables.cellRow')}</option>
              <option value="colPercent">{t('tables.cellCol')}</option>
            </select>
          </label>
        )}
        <label className="field inline">
          <span>{t('tables.decimals')}</span>
          <select value={decimals} onChange={(event) => setDecimals(Number(event.target.value))}>
            {[0, 1, 2, 3].map((d) => (
              <option key={d} value={d}>
                {formatNumber(d, lang)}
              </option>
            ))}
          </select>
        </label>
        <LanguageSelect
          inline
          label={t('tables.labelLanguage')}
          value={labelLang}
          onChange={setLabelLang}
          emptyOption={t('tables.uiLanguage')}
        />
      </div>

      {built.final && <FinalStatusSummary counts={built.final} codebook={codebook} scope="table" />}

      <div className="actions">
        <button
          type="button"
          onClick={run(async () => {
            await copyGrid(built.grid, lang, decimals);
            setMessage(t('tables.copied'));
          })}
        >
          {t('tables.copy')}
        </button>
        <label className="field inline">
          <span>{t('export.delimiter')}</span>
          <select value={delimiter} onChange={(event) => setDelimiter(event.target.value as ',' | ';')}>
            <option value=";">{t('export.semicolon')}</option>
            <option value=",">{t('export.comma')}</option>
          </select>
        </label>
        <button type="button" onClick={run(() => save(gridCsv(savedGrid(built), delimiter), 'csv', 'CSV'))}>
          {t('tables.saveCsv')}
        </button>
        <button
          type="button"
          onClick={run(async () => save(await xlsxBytes(savedGrid(built), built.title), 'xlsx', 'Excel'))}
        >
          {t('tables.saveXlsx')}
        </button>
        <button
          type="button"
          onClick={run(async () => save(await chartPng(built.chart, CHART_WIDTH), 'png', 'PNG'))}
        >
          {t('tables.savePng')}
        </button>
        <button
          type="button"
          onClick={run(() =>
            save(new TextEncoder().encode(chartSvg(built.chart, CHART_WIDTH)), 'svg', 'SVG'),
          )}
        >
          {t('tables.saveSvg')}
        </button>
      </div>
      <p role="status">{message}</p>
      <h2>{built.title}</h2>
      <div className={byKey ? 'tables-result stacked' : 'tables-result'} aria-busy={!figures.current}>
        <div className="tables-table">
          <table className="data frequency">
            <thead>
              <tr>
                {head.map((value, c) => (
                  <th key={c} className={c > 0 ? 'num' : undefined}>
                    {value}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {body.map((row, r) => (
                <tr key={r}>
                  {row.map((value, c) => (
                    <td key={c} className={c > 0 ? 'num' : undefined}>
                      {show(value, c)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              {foot.map((row, r) => (
                <tr key={r}>
                  {row.map((value, c) =>
                    c === 0 ? (
                      <th key={c}>{value}</th>
                    ) : (
                      <td key={c} className="num">
                        {show(value, c)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tfoot>
          </table>
          <div className="tables-notes">
            {built.notes.map((note) => (
              <p key={note} className="muted small">
                {note}
              </p>
            ))}
            {built.warnings.map((warning) => (
              <p key={warning} className="warning" role="alert">
                {warning}
              </p>
            ))}
          </div>
        </div>
        <ChartView data={built.chart} label={t('tables.chartOf', { title: built.title })} />
      </div>
    </section>
  );
}

type T = TFunction;

/** The table as shown and saved: the worker's counts with their labels, notes and warnings. */
function buildTable(
  figures: TableFigures,
  codebook: Codebook,
  options: { subject: Subject; by: Subject | null; decimals: number; cell: CrossTabCell; lang: Lang; t: T },
): Built {
  const { subject, by, decimals, cell, lang, t } = options;
  const name = (s: Subject) =>
    s.kind === 'meta'
      ? metaName(s.key, t)
      : localize(codebook.variables.find((v) => v.id === s.id)?.label, lang) || s.id;
  const notes: string[] = [];
  const warnings: string[] = [];
  if (figures.consensusEmpty) notes.push(t('tables.emptyConsensus'));
  if (figures.tiedAppeals > 0) notes.push(t('tables.ties', { count: figures.tiedAppeals }));
  const { final } = figures;
  const rowLabel = subjectLabel(subject, codebook, lang);

  if (figures.table.kind === 'frequency') {
    const multi = isMultiple(subject, codebook);
    const table = figures.table.frequency;
    const grid = frequencyGrid(table, rowLabel, decimals, multi, {
      category: name(subject),
      count: t('tables.count'),
      percentOfCases: multi ? t('tables.percentOfCases') : t('tables.percentOfValid'),
      percentOfResponses: t('tables.percentOfResponses'),
      total: multi ? t('tables.responses') : t('tables.valid'),
      missing: t('tables.missing'),
      casesWithValue: t('tables.casesWithValue'),
    });
    if (multi) notes.push(t('tables.multiNote', { full: formatPercent(1, lang, 0) }));
    const sum = roundedSum(table, decimals);
    if (!multi && table.valid > 0 && Math.abs(sum - 100) > 1e-9)
      notes.push(t('tables.roundingNote', { sum: formatPercent(sum / 100, lang, decimals) }));
    return {
      title: name(subject),
      grid,
      percent: (c) => c >= 2,
      footRows: multi ? 3 : 2,
      chart: {
        categories: table.rows.map((row) => rowLabel(row.key)),
        series: [{ name: t('tables.count'), values: table.rows.map((row) => row.count) }],
        valueLabel: t('tables.count'),
      },
      notes,
      warnings,
      statistics: [],
      final,
    };
  }

  if (!by) throw new Error('a cross-tab needs a column variable');
  const colLabel = subjectLabel(by, codebook, lang);
  const tab = figures.table.cross;
  const title = t('tables.crossTitle', { row: name(subject), col: name(by) });
  const grid = crossTabGrid(tab, rowLabel, colLabel, cell, decimals, {
    corner: `${name(subject)} \\ ${name(by)}`,
    total: t('tables.total'),
  });
  notes.push(t('tables.crossCases', { count: tab.total, missing: formatNumber(tab.missing, lang) }));
  const statistics: [string, number][] = [];
  if (tab.chiSquare) {
    const { statistic, df, p } = tab.chiSquare;
    const digits = (x: number, d: number) =>
      formatNumber(x, lang, { minimumFractionDigits: d, maximumFractionDigits: d });
    notes.push(
      t('tables.chiSquare', {
        chi: digits(statistic, 2),
        df: formatNumber(df, lang),
        p: p < 0.001 ? `< ${digits(0.001, 3)}` : `= ${digits(p, 3)}`,
        v: digits(tab.cramersV ?? 0, 3),
      }),
    );
    if (tab.lowExpected.cells > 0)
      warnings.push(
        t('tables.lowExpected', {
          count: tab.lowExpected.cells,
          of: formatNumber(tab.lowExpected.of, lang),
          share: formatNumber(tab.lowExpected.cells / tab.lowExpected.of, lang, { style: 'percent' }),
        }),
      );
    statistics.push(
      [t('interop.statChi'), statistic],
      [t('interop.statDf'), df],
      [t('interop.statP'), p],
      [t('interop.statV'), tab.cramersV ?? 0],
    );
  } else {
    notes.push(tab.chiSquareReason === 'multipleResponse' ? t('tables.noChiMulti') : t('tables.noChiSingle'));
  }
  return {
    title,
    grid,
    percent: () => cell !== 'count',
    footRows: 1,
    chart: {
      categories: tab.rowKeys.map(rowLabel),
      series: tab.colKeys.map((key, c) => ({
        name: colLabel(key),
        values: tab.counts.map((line) => line[c]!),
      })),
      valueLabel: t('tables.count'),
    },
    notes,
    warnings,
    statistics,
    final,
  };
}
