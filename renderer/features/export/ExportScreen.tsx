import { SourceSelect } from '../tables/SourceSelect.tsx';
import { FinalStatusSummary } from '../tables/FinalStatusSummary.tsx';
import { LanguageSelect } from '../../components/LanguageSelect.tsx';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvCell } from '../../../shared/csv/writeCsv.ts';
import { writeCsv } from '../../../shared/csv/writeCsv.ts';
import { writeCodebookJson } from '../../../shared/formats/codebookJson.ts';
import {
  datasetRows,
  longDataset,
  wideDataset,
  type DatasetInput,
  type LabelMode,
} from '../../../shared/formats/dataset.ts';
import { rScript, spssSyntax, statisticsCsv } from '../../../shared/formats/spss.ts';
import type { Lang } from '../../../shared/model/index.ts';
import { finalAppealCounts } from '../../../shared/tables/finalAppealCounts.ts';
import { parseTableSource, sourceValues } from '../../../shared/tables/tableSource.ts';
import { NoProject } from '../../components/NoProject.tsx';
import { usePlatform } from '../../platform/PlatformContext.tsx';
import { projectFileStem } from '../projects/projectName.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';
import { useTableData } from '../tables/useTableData.ts';
import './export.css';
import { xlsxOffThread } from './xlsxOffThread.ts';

type Delimiter = ';' | ',';
type Layout = 'wide' | 'long';

export function ExportScreen() {
  const { t, i18n } = useTranslation();
  const uiLang = i18n.language as Lang;
  const platform = usePlatform();
  const { project, codebook } = useCurrentProject();
  const data = useTableData(project?.id ?? '');
  const [layout, setLayout] = useState<Layout>('wide');
  const [sourceKey, setSourceKey] = useState('final');
  const [labels, setLabels] = useState<LabelMode>('both');
  const [labelLang, setLabelLang] = useState<Lang | ''>('');
  const [text, setText] = useState(true);
  // Excel in Russian and Kazakh locales splits on `;` (the comma is their decimal separator).
  const [delimiter, setDelimiter] = useState<Delimiter>(uiLang === 'en' ? ',' : ';');
  const [xlsx, setXlsx] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const final = useMemo(
    () =>
      data && codebook && sourceKey === 'final'
        ? finalAppealCounts(
            sourceValues({ kind: 'final' }, data, codebook.variables),
            data.appeals.map((a) => a.id),
            codebook.variables.map((v) => v.id),
          )
        : null,
    [data, codebook, sourceKey],
  );

  if (project === undefined || (project && !data)) return null;
  if (!project || !codebook || !data) return <NoProject title={t('nav.export')} />;

  const lang = labelLang || uiLang;
  const source = sourceKey === 'all' ? null : (parseTableSource(sourceKey) ?? { kind: 'final' as const });
  const wide = layout === 'wide' && source !== null;
  const input: DatasetInput = { project, codebook, ...data };
  const projectStem = projectFileStem(project, uiLang);
  const stem = `${projectStem}-${layout}`;
  const csvName = `${stem}.csv`;
  const dataName = `${stem}-data.csv`;
  const syntaxOptions = { fileName: dataName, title: `${project.name}: ${stem}` };
  const wideData = () => wideDataset(input, { source: source!, labels, lang, text });

  async function save(bytes: Uint8Array<ArrayBuffer>, name: string, filter: string, extension: string) {
    return platform.saveFile({
      suggestedName: name,
      bytes,
      filters: [{ name: filter, extensions: [extension] }],
    });
  }
  function run(action: () => Promise<string>) {
    return () => {
      setBusy(true);
      setMessage(t('export.working'));
      // Yield first, so the status is painted before a large dataset is built.
      void new Promise((resolve) => setTimeout(resolve))
        .then(action)
        .then(setMessage, (error: unknown) => setMessage(t('export.failed', { reason: String(error) })))
        .finally(() => setBusy(false));
    };
  }

  const exportDataset = run(async () => {
    const rows: CsvCell[][] = wide ? datasetRows(wideData()) : longDataset(input, source ?? 'all', lang);
    const saved = xlsx
      ? await save(await xlsxOffThread(rows, project.name), `${stem}.xlsx`, 'Excel', 'xlsx')
      : await save(new TextEncoder().encode(writeCsv(rows, { delimiter })), csvName, 'CSV', 'csv');
    if (!saved) return t('export.cancelled');
    const lines = [t('export.rowsSaved', { count: rows.length - 1 })];
    if (source?.kind === 'majority') {
      const tied = new Set(sourceValues(source, input, codebook.variables).ties.map((tie) => tie.appealId))
        .size;
      if (tied > 0) lines.push(t('tables.ties', { count: tied }));
    }
    if (final && final.unresolved.length > 0)
      lines.push(t(wide ? 'final.leftEmpty' : 'final.leftOut', { count: final.unresolved.length }));
    return lines.join(' ');
  });
  const saveText = (content: string, name: string, filter: string, extension: string) =>
    run(async () =>
      (await save(new TextEncoder().encode(content), name, filter, extension))
        ? t('export.fileSaved', { name })
        : t('export.cancelled'),
    );

  return (
    <section>
      <h1 id="screen-title">{t('nav.export')}</h1>
      <div className="card export-form">
        <h2>{t('export.datasetTitle')}</h2>
        <p className="muted">{t('export.datasetLead')}</p>
        <fieldset className="field">
          <legend>{t('export.layout')}</legend>
          <label>
            <input type="radio" checked={layout === 'wide'} onChange={() => setLayout('wide')} />
            {t('export.wide')}
          </label>
          <label>
            <input type="radio" checked={layout === 'long'} onChange={() => setLayout('long')} />
            {t('export.long')}
          </label>
        </fieldset>
        <SourceSelect
          label={t('export.source')}
          value={sourceKey}
          onChange={setSourceKey}
          coders={data.coders}
        >
          {layout === 'long' && <option value="all">{t('export.allCoders')}</option>}
        </SourceSelect>
        {final && <FinalStatusSummary counts={final} codebook={codebook} scope="dataset" />}
        {layout === 'wide' && sourceKey === 'all' && <p className="warning">{t('export.allNeedsLong')}</p>}
        {sourceKey === 'consensus' && data.consensus.length === 0 && (
          <p className="muted">{t('tables.emptyConsensus')}</p>
        )}
        {layout === 'wide' && (
          <>
            <label className="field">
              <span>{t('export.labels')}</span>
              <select value={labels} onChange={(event) => setLabels(event.target.value as LabelMode)}>
                <option value="both">{t('export.labelsBoth')}</option>
                <option value="code">{t('export.labelsCode')}</option>
                <option value="label">{t('export.labelsLabel')}</option>
              </select>
            </label>
            <label>
              <input type="checkbox" checked={text} onChange={(event) => setText(event.target.checked)} />{' '}
              {t('export.includeText')}
            </label>
          </>
        )}
        <LanguageSelect
          label={t('tables.labelLanguage')}
          value={labelLang}
          onChange={setLabelLang}
          emptyOption={t('tables.uiLanguage')}
        />
        <fieldset className="field">
          <legend>{t('export.fileType')}</legend>
          <label>
            <input type="radio" checked={!xlsx} onChange={() => setXlsx(false)} />
            {t('interop.csvForExcel')}
          </label>
          <label>
            <input type="radio" checked={xlsx} onChange={() => setXlsx(true)} />
            {t('export.xlsx')}
          </label>
        </fieldset>
        {!xlsx && (
          <fieldset className="field">
            <legend>{t('export.delimiter')}</legend>
            <label>
              <input type="radio" checked={delimiter === ';'} onChange={() => setDelimiter(';')} />
              {t('export.semicolon')}
            </label>
            <label>
              <input type="radio" checked={delimiter === ','} onChange={() => setDelimiter(',')} />
              {t('export.comma')}
            </label>
          </fieldset>
        )}
        <button
          type="button"
          className="primary"
          disabled={busy || (layout === 'wide' && sourceKey === 'all')}
          onClick={exportDataset}
        >
          {t('export.datasetButton')}
        </button>
      </div>
      <div className="card">
        <h2>{t('interop.statisticsTitle')}</h2>
        <p className="muted">{t('interop.statisticsLead', { name: dataName })}</p>
        <div className="actions">
          <button
            type="button"
            disabled={!wide}
            onClick={() => saveText(statisticsCsv(wideData()), dataName, 'CSV', 'csv')()}
          >
            {t('interop.dataButton')}
          </button>
          <button
            type="button"
            onClick={saveText(writeCodebookJson(codebook), `${projectStem}-codebook.json`, 'JSON', 'json')}
          >
            {t('export.codebookButton')}
          </button>
          <button
            type="button"
            disabled={!wide}
            onClick={() => saveText(spssSyntax(wideData(), syntaxOptions), `${stem}.sps`, 'SPSS', 'sps')()}
          >
            {t('export.spssButton')}
          </button>
          <button
            type="button"
            disabled={!wide}
            onClick={() => saveText(rScript(wideData(), syntaxOptions), `${stem}.R`, 'R', 'R')()}
          >
            {t('export.rButton')}
          </button>
        </div>
      </div>
      <p role="status">{message}</p>
    </section>
  );
}
