import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CSV_DELIMITERS, type CsvDelimiter } from '../../../shared/csv/parseCsv.ts';
import { TEXT_ENCODINGS, type TextEncodingName } from '../../../shared/encoding/decodeText.ts';
import { SUSPICIOUS_CHARS } from '../../../shared/encoding/detectEncoding.ts';
import { duplicateMetaNames, type ColumnMapping } from '../../../shared/import/columnMapping.ts';
import { MAX_COLUMNS } from '../../../shared/import/importError.ts';
import type { ReadOptions } from '../../../shared/import/readTable.ts';
import { MAX_JSON_DEPTH, type Lang } from '../../../shared/model/index.ts';
import { formatNumber } from '../../i18n.ts';
import type { PickedFile } from '../../platform/types.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { createInlineRunner, createWorkerRunner, type ImportRunner } from './importRunner.ts';
import {
  toFailure,
  type ImportFailure,
  type ImportTarget,
  type PlanSummary,
  type ReadSummary,
} from './importSession.ts';
import { newProjectFor } from './newProject.ts';

type Step = 'reading' | 'preview' | 'columns' | 'check' | 'writing' | 'done' | 'failed';
type Role = 'text' | 'id' | 'meta' | 'skip';

interface Props {
  file: PickedFile;
  /** The open project, or null: then the appeals go into a new project. */
  projectId: string | null;
  /** Start with "new project" chosen even when a project is open. */
  preferNewProject?: boolean;
  /**
   * Called as soon as the appeals are written, with the project they went into: the caller opens
   * it, so that a new project is the open one whether or not the user reads the last step.
   */
  onImported: (projectId: string) => void;
  onClose: () => void;
}

/**
 * The import wizard: preview (encoding and delimiter, overridable) → columns (text, id,
 * metadata) → check (rows that cannot be imported, by line; skip them or stop) → write (progress,
 * cancel; all or nothing) → done. The work runs in a worker (see importRunner.ts).
 */
export function ImportWizard({ file, projectId, preferNewProject = false, onImported, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [step, setStep] = useState<Step>('reading');
  const [read, setRead] = useState<ReadSummary | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [plan, setPlan] = useState<PlanSummary | null>(null);
  const [progress, setProgress] = useState<[number, number]>([0, 0]);
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const [intoNew, setIntoNew] = useState(preferNewProject || projectId === null);
  const [name, setName] = useState(file.name.replace(/\.[^.]+$/, ''));
  const [result, setResult] = useState<{ added: number; newProject?: string } | null>(null);

  // The runner is made, and the file sent to it, once per wizard. The bytes are transferred (not
  // copied) to the worker; React's development StrictMode unmounts and mounts again at once, so
  // the runner is disposed only when the wizard stays unmounted.
  const session = useRef<{ runner: ImportRunner; reading: Promise<ReadSummary> } | null>(null);
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    if (!session.current) {
      const created = typeof Worker === 'undefined' ? createInlineRunner() : createWorkerRunner();
      session.current = { runner: created, reading: created.read(file) };
    }
    const current = session.current;
    let alive = true;
    current.reading.then(
      (summary) => {
        if (!alive) return;
        setRead(summary);
        setMapping(summary.mapping);
        setStep('preview');
      },
      (error: unknown) => {
        if (!alive) return;
        setFailure(toFailure(error));
        setStep('failed');
      },
    );
    return () => {
      alive = false;
      mounted.current = false;
      setTimeout(() => {
        if (mounted.current || session.current !== current) return;
        current.runner.dispose();
        session.current = null;
      });
    };
  }, [file]);

  function fail(error: unknown) {
    setFailure(toFailure(error));
    setStep('failed');
  }

  async function reread(options: ReadOptions) {
    try {
      const summary = await session.current!.runner.reread({
        encoding: options.encoding ?? read?.encoding ?? undefined,
        delimiter: options.delimiter ?? read?.delimiter ?? undefined,
        sheet: options.sheet ?? read?.sheet,
        // Another sheet has its own header row: detected again.
        headerRow: options.headerRow ?? (options.sheet ? undefined : read?.headerRow),
      });
      setRead(summary);
      setMapping(summary.mapping);
    } catch (error) {
      fail(error);
    }
  }

  async function check() {
    try {
      setPlan(await session.current!.runner.check(mapping!, intoNew ? null : projectId));
      setStep('check');
    } catch (error) {
      fail(error);
    }
  }

  async function write() {
    setStep('writing');
    const target: ImportTarget = intoNew
      ? { newProject: newProjectFor(name.trim() || file.name) }
      : { projectId: projectId! };
    try {
      const written = await session.current!.runner.write(target, (done, total) =>
        setProgress([done, total]),
      );
      if ('newProject' in target) {
        onImported(target.newProject.id);
        setResult({ added: written.added, newProject: target.newProject.name });
      } else {
        onImported(target.projectId);
        setResult({ added: written.added });
      }
      setStep('done');
    } catch (error) {
      fail(error);
    }
  }

  const issueCount = plan ? Object.values(plan.issueCounts).reduce((sum, n) => sum + n, 0) : 0;

  const writing = t('import.wizard.writing', {
    done: formatNumber(progress[0], lang),
    total: formatNumber(progress[1], lang),
  });

  return (
    <section className="card import-wizard" aria-label={t('import.wizard.title')}>
      <h2>
        {t('import.wizard.title')}: <span className="file-name">{file.name}</span>
      </h2>
      <ol className="wizard-steps">
        {(['preview', 'columns', 'check', 'writing'] as const).map((s) => (
          <li key={s} className={s === step ? 'current' : undefined}>
            {t(`import.wizard.steps.${s}`)}
          </li>
        ))}
      </ol>

      {step === 'reading' && (
        <div className="actions" role="status">
          <span>{t('import.wizard.reading')}</span>
          <ProgressBar label={t('import.wizard.reading')} />
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      )}

      {step === 'failed' && failure && (
        <div role="alert">
          <p className="warning">
            {failure.code === 'cancelled'
              ? t('import.wizard.cancelled')
              : t(`import.errors.${failure.code}`, { columns: MAX_COLUMNS, depth: MAX_JSON_DEPTH })}
          </p>
          {failure.line !== undefined && (
            <p className="muted">{t('import.errors.atLine', { line: failure.line })}</p>
          )}
          <p className="muted">{t('import.wizard.unchanged')}</p>
          <div className="actions">
            {read && failure.code !== 'cancelled' && (
              <button type="button" onClick={() => setStep('preview')}>
                {t('import.wizard.back')}
              </button>
            )}
            <button type="button" onClick={onClose}>
              {t('import.wizard.close')}
            </button>
          </div>
        </div>
      )}

      {step === 'preview' && read && (
        <>
          <p>
            {t(`import.formats.${read.format}`)} · {t('import.wizard.rows', { count: read.rowCount })}
          </p>
          {read.encoding && (
            <div className="actions">
              <label className="field inline">
                {t('import.wizard.encoding')}
                <select
                  value={read.encoding}
                  onChange={(event) => void reread({ encoding: event.target.value as TextEncodingName })}
                >
                  {TEXT_ENCODINGS.map((encoding) => (
                    <option key={encoding} value={encoding}>
                      {t(`import.encodings.${encoding}`)}
                      {encoding === read.detectedEncoding ? ` — ${t('import.wizard.detected')}` : ''}
                    </option>
                  ))}
                </select>
              </label>
              {read.delimiter && (
                <label className="field inline">
                  {t('import.wizard.delimiter')}
                  <select
                    value={read.delimiter}
                    onChange={(event) => void reread({ delimiter: event.target.value as CsvDelimiter })}
                  >
                    {CSV_DELIMITERS.map((d) => (
                      <option key={d} value={d}>
                        {t(`import.delimiters.${d === '\t' ? 'tab' : d === ';' ? 'semicolon' : 'comma'}`)}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </div>
          )}
          {read.sheets && (
            <div className="actions">
              {read.sheets.length > 1 && (
                <label className="field inline">
                  {t('interop.sheet')}
                  <select value={read.sheet} onChange={(event) => void reread({ sheet: event.target.value })}>
                    {read.sheets.map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <label className="field inline">
                {t('interop.headerRow')}
                <input
                  type="number"
                  min={1}
                  value={read.headerRow ?? 1}
                  onChange={(event) => {
                    const row = Number(event.target.value);
                    if (Number.isInteger(row) && row >= 1) void reread({ headerRow: row });
                  }}
                />
              </label>
            </div>
          )}
          {read.suspicious > 0 && (
            <p className="warning" role="alert">
              {t('import.wizard.suspicious', { count: read.suspicious })}
            </p>
          )}
          {read.sample && (
            <pre className="sample" aria-label={t('import.wizard.sample')}>
              <MarkSuspicious text={read.sample} />
            </pre>
          )}
          <PreviewTable header={read.header} rows={read.preview} />
          <div className="actions">
            <button type="button" className="primary" onClick={() => setStep('columns')}>
              {t('import.wizard.next')}
            </button>
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      )}

      {step === 'columns' && read && mapping && (
        <>
          {read.remembered && <p className="muted">{t('import.wizard.remembered')}</p>}
          <table className="data mapping">
            <thead>
              <tr>
                <th>{t('import.wizard.column')}</th>
                <th>{t('import.wizard.example')}</th>
                <th>{t('import.wizard.role')}</th>
                <th>{t('import.wizard.metaName')}</th>
              </tr>
            </thead>
            <tbody>
              {read.header.map((column, c) => {
                const role = roleOf(mapping, c);
                return (
                  <tr key={column}>
                    <th scope="row">{column}</th>
                    <td className="clip">{read.preview[0]?.[c] ?? ''}</td>
                    <td>
                      <select
                        aria-label={t('import.wizard.roleOf', { column })}
                        value={role}
                        onChange={(event) =>
                          setMapping(withRole(mapping, read.header, c, event.target.value as Role))
                        }
                      >
                        {(['text', 'id', 'meta', 'skip'] as const).map((r) => (
                          <option key={r} value={r}>
                            {t(`import.roles.${r}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      {role === 'meta' && (
                        <input
                          aria-label={t('import.wizard.metaNameOf', { column })}
                          value={mapping.meta.find((m) => m.column === c)!.name}
                          onChange={(event) =>
                            setMapping({
                              ...mapping,
                              meta: mapping.meta.map((m) =>
                                m.column === c ? { ...m, name: event.target.value } : m,
                              ),
                            })
                          }
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {mapping.id === null && <p className="muted">{t('import.wizard.generatedIds')}</p>}
          {duplicateMetaNames(mapping).length > 0 && (
            <p className="warning" role="alert">
              {t('import.wizard.duplicateNames', { names: duplicateMetaNames(mapping).join(', ') })}
            </p>
          )}
          <fieldset className="target">
            <legend>{t('import.wizard.target')}</legend>
            {projectId && (
              <label>
                <input type="radio" checked={!intoNew} onChange={() => setIntoNew(false)} />
                {t('import.wizard.intoCurrent')}
              </label>
            )}
            <label>
              <input type="radio" checked={intoNew} onChange={() => setIntoNew(true)} />
              {t('import.wizard.intoNew')}
            </label>
            {intoNew && (
              <label className="field">
                {t('import.wizard.projectName')}
                <input value={name} onChange={(event) => setName(event.target.value)} />
              </label>
            )}
          </fieldset>
          <div className="actions">
            <button type="button" onClick={() => setStep('preview')}>
              {t('import.wizard.back')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={
                mapping.meta.some((m) => m.name.trim() === '') ||
                duplicateMetaNames(mapping).length > 0 ||
                (intoNew && name.trim() === '')
              }
              onClick={() => void check()}
            >
              {t('import.wizard.check')}
            </button>
          </div>
        </>
      )}

      {step === 'check' && plan && (
        <>
          <ul className="facts-list">
            <li>{t('import.wizard.toAdd', { count: plan.toAdd })}</li>
            {plan.alreadyPresent > 0 && (
              <li>{t('import.wizard.alreadyPresent', { count: plan.alreadyPresent })}</li>
            )}
            {issueCount > 0 && (
              <li className="warning">{t('import.wizard.problemRows', { count: issueCount })}</li>
            )}
          </ul>
          {plan.alreadyImported && <p className="muted">{t('import.wizard.alreadyImported')}</p>}
          {issueCount > 0 && (
            <table className="data issues">
              <thead>
                <tr>
                  <th>{t('import.wizard.line')}</th>
                  <th>{t('import.wizard.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.issues.map((issue) => (
                  <tr key={`${issue.kind}-${issue.line}`}>
                    <td className="num">{formatNumber(issue.line, lang)}</td>
                    <td>
                      {t(`import.issues.${issue.kind}`, {
                        detail: issue.detail,
                        column: issue.column,
                        cell: issue.cell,
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="actions">
            <button type="button" onClick={() => setStep('columns')}>
              {t('import.wizard.back')}
            </button>
            {plan.toAdd > 0 && (
              <button type="button" className="primary" onClick={() => void write()}>
                {issueCount > 0
                  ? t('import.wizard.skipAndImport', { count: plan.toAdd })
                  : t('import.wizard.import', { count: plan.toAdd })}
              </button>
            )}
            <button type="button" onClick={onClose}>
              {issueCount > 0 ? t('import.wizard.stop') : t('common.cancel')}
            </button>
          </div>
        </>
      )}

      {step === 'writing' && (
        <div className="actions" role="status">
          <span>{writing}</span>
          <ProgressBar done={progress[0]} total={progress[1]} label={writing} />
          <button type="button" onClick={() => session.current?.runner.cancel()}>
            {t('common.cancel')}
          </button>
        </div>
      )}

      {step === 'done' && result && (
        <div role="status">
          <p>{t('import.wizard.done', { count: result.added })}</p>
          {result.newProject !== undefined && (
            <p>{t('importOutcome.newProjectOpen', { name: result.newProject })}</p>
          )}
          <div className="actions">
            <button type="button" className="primary" onClick={onClose}>
              {t('import.wizard.showAppeals')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function PreviewTable({ header, rows }: { header: string[]; rows: string[][] }) {
  return (
    <div className="table-scroll">
      <table className="data preview">
        <thead>
          <tr>
            {header.map((name) => (
              <th key={name}>{name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {header.map((name, c) => (
                <td key={name} className="clip">
                  <MarkSuspicious text={row[c] ?? ''} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The text with every character that betrays a wrong encoding marked. */
function MarkSuspicious({ text }: { text: string }) {
  const parts = text.split(new RegExp(`(${SUSPICIOUS_CHARS.source})`));
  return <>{parts.map((part, i) => (i % 2 ? <mark key={i}>{part}</mark> : part))}</>;
}

function roleOf(mapping: ColumnMapping, column: number): Role {
  if (mapping.text === column) return 'text';
  if (mapping.id === column) return 'id';
  return mapping.meta.some((m) => m.column === column) ? 'meta' : 'skip';
}

/** The mapping with `column` in `role`; a column that loses the text or id role becomes metadata. */
function withRole(
  mapping: ColumnMapping,
  header: readonly string[],
  column: number,
  role: Role,
): ColumnMapping {
  const meta = mapping.meta.filter((m) => m.column !== column);
  const asMeta = (c: number) => ({ column: c, name: header[c]! });
  let { text, id } = mapping;
  if (role === 'text') {
    if (text !== column) meta.push(asMeta(text));
    if (id === column) id = null;
    text = column;
  } else if (role === 'id') {
    if (id !== null && id !== column) meta.push(asMeta(id));
    id = column;
  } else {
    if (text === column) return mapping; // the text column is required: choose another first
    if (id === column) id = null;
    if (role === 'meta') meta.push(mapping.meta.find((m) => m.column === column) ?? asMeta(column));
  }
  return { text, id, meta: meta.sort((a, b) => a.column - b.column) };
}
