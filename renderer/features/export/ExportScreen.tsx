import { SourceSelect } from '../tables/SourceSelect.tsx';
import { FinalStatusSummary } from '../tables/FinalStatusSummary.tsx';
import { LanguageSelect } from '../../components/LanguageSelect.tsx';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { writeCodebookJson } from '../../../shared/formats/codebookJson.ts';
import type { LabelMode } from '../../../shared/formats/dataset.ts';
import type { Lang } from '../../../shared/model/index.ts';
import { parseTableSource } from '../../../shared/tables/tableSource.ts';
import { NoProject } from '../../components/NoProject.tsx';
import { usePlatform } from '../../platform/PlatformContext.tsx';
import { projectFileStem } from '../projects/projectName.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';
import { Cancelled } from '../tables/datasetCalls.ts';
import type { DatasetProgress } from '../tables/datasetSource.ts';
import {
  useDataVersion,
  useDatasetCall,
  useDatasetClient,
  useDatasetOverview,
} from '../tables/useDataset.ts';
import type { FileKind, FileRequest } from './datasetFile.ts';
import './export.css';

type Delimiter = ';' | ',';
type Layout = 'wide' | 'long';

export function ExportScreen() {
  const { t, i18n } = useTranslation();
  const uiLang = i18n.language as Lang;
  const platform = usePlatform();
  const { project, codebook } = useCurrentProject();
  const client = useDatasetClient();
  const version = useDataVersion(project?.id ?? '');
  const data = useDatasetOverview(client, version);
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
  /** The file being written in the worker: where it stands, and how to stop it. */
  const [task, setTask] = useState<{ progress: DatasetProgress | null; cancel: () => void } | null>(null);
  const progress = task?.progress ?? null;
  // The final dataset's counts, from the worker; meanwhile it reads the rest an export needs.
  const finalCall = useMemo(
    () =>
      // After the overview: its few small reads come first, before the codings are read.
      version && codebook && data && sourceKey === 'final'
        ? { kind: 'final' as const, version, codebook }
        : null,
    [version, codebook, data, sourceKey],
  );
  const final = useDatasetCall(client, finalCall);
  // Once the screen shows what it counts, the worker reads ahead what an export needs.
  const shown = !!data && (sourceKey !== 'final' || !!final.value);
  useEffect(() => {
    if (!version || !codebook || !shown) return;
    const running = client.call({ kind: 'prefetch', version, codebook, texts: true });
    running.result.catch(() => {});
    return running.cancel;
  }, [client, version, codebook, shown]);

  if (project === undefined || (project && !data)) return null;
  if (!project || !codebook || !data || !version) return <NoProject title={t('nav.export')} />;

  const lang = labelLang || uiLang;
  const source = sourceKey === 'all' ? null : (parseTableSource(sourceKey) ?? { kind: 'final' as const });
  const wide = layout === 'wide' && source !== null;
  const projectStem = projectFileStem(project, uiLang);
  const stem = `${projectStem}-${layout}`;
  const csvName = `${stem}.csv`;
  const dataName = `${stem}-data.csv`;
  const syntaxOptions = { fileName: dataName, title: `${project.name}: ${stem}` };
  /** Writes a file in the worker, with its progress on screen and the way to cancel it. */
  async function write(kind: FileKind) {
    const request: FileRequest = {
      kind,
      layout,
      sourceKey,
      labels,
      lang,
      text,
      delimiter,
      xlsx,
      syntax: syntaxOptions,
      sheet: project!.name,
    };
    let stop = () => {};
    const running = client.call(
      { kind: 'file', version: version!, project: project!, codebook: codebook!, request },
      (step) => setTask({ progress: step, cancel: stop }),
    );
    stop = running.cancel;
    setTask({ progress: null, cancel: stop });
    try {
      return await running.result;
    } finally {
      setTask(null);
    }
  }

  async function save(
    bytes: Uint8Array<ArrayBuffer> | Blob,
    name: string,
    filter: string,
    extension: string,
  ) {
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
      void action()
        .then(setMessage, (error: unknown) =>
          setMessage(
            error instanceof Cancelled
              ? t('export.cancelled')
              : t('export.failed', { reason: String(error) }),
          ),
        )
        .finally(() => setBusy(false));
    };
  }

  const exportDataset = run(async () => {
    const file = await write('dataset');
    const saved = xlsx
      ? await save(file.bytes, `${stem}.xlsx`, 'Excel', 'xlsx')
      : await save(file.bytes, csvName, 'CSV', 'csv');
    if (!saved) return t('export.cancelled');
    const lines = [t('export.rowsSaved', { count: file.rows })];
    if (file.tiedAppeals > 0) lines.push(t('tables.ties', { count: file.tiedAppeals }));
    if (file.unresolved > 0)
      lines.push(t(wide ? 'final.leftEmpty' : 'final.leftOut', { count: file.unresolved }));
    return lines.join(' ');
  });
  const saveFile = (
    bytes: () => Promise<Uint8Array<ArrayBuffer> | Blob>,
    name: string,
    filter: string,
    extension: string,
  ) =>
    run(async () =>
      (await save(await bytes(), name, filter, extension))
        ? t('export.fileSaved', { name })
        : t('export.cancelled'),
    );
  const saveWritten = (kind: FileKind, name: string, filter: string, extension: string) =>
    saveFile(async () => (await write(kind)).bytes, name, filter, extension);
  const progressText =
    progress &&
    (progress.stage === 'file'
      ? t('datasetWork.file')
      : t(`datasetWork.${progress.stage}`, { done: progress.done, total: progress.total }));

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
        {sourceKey === 'final' &&
          (final.value ? (
            <FinalStatusSummary counts={final.value} codebook={codebook} scope="dataset" />
          ) : (
            <p className="muted" role="status">
              {final.error ? t('export.failed', { reason: final.error }) : t('datasetWork.summaryCounting')}
            </p>
          ))}
        {layout === 'wide' && sourceKey === 'all' && <p className="warning">{t('export.allNeedsLong')}</p>}
        {sourceKey === 'consensus' && !data.consensus && (
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
            disabled={busy || !wide}
            onClick={saveWritten('statistics', dataName, 'CSV', 'csv')}
          >
            {t('interop.dataButton')}
          </button>
          <button
            type="button"
            onClick={saveFile(
              async () => new TextEncoder().encode(writeCodebookJson(codebook)),
              `${projectStem}-codebook.json`,
              'JSON',
              'json',
            )}
          >
            {t('export.codebookButton')}
          </button>
          <button
            type="button"
            disabled={busy || !wide}
            onClick={saveWritten('spss', `${stem}.sps`, 'SPSS', 'sps')}
          >
            {t('export.spssButton')}
          </button>
          <button type="button" disabled={busy || !wide} onClick={saveWritten('r', `${stem}.R`, 'R', 'R')}>
            {t('export.rButton')}
          </button>
        </div>
      </div>
      {task && (
        <div className="export-progress">
          <progress
            aria-label={t('datasetWork.progress')}
            value={progress && progress.stage !== 'file' ? progress.done : undefined}
            max={progress && progress.stage !== 'file' ? progress.total : undefined}
          />
          <span>{progressText}</span>
          <button type="button" onClick={task.cancel}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
