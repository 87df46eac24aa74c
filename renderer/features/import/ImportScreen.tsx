import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PackageError, type PackageErrorCode } from '../../../shared/formats/projectPackage.ts';
import { kodtauFileKind, type KodtauFileKind } from '../../../shared/formats/fileKind.ts';
import { MAX_JSON_DEPTH, metaLabel, type Codebook, type Lang } from '../../../shared/model/index.ts';
import { db } from '../../db/db.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { formatDate, formatDay, formatNumber } from '../../i18n.ts';
import { usePlatform } from '../../platform/PlatformContext.tsx';
import type { PickedFile } from '../../platform/types.ts';
import { useAppStore } from '../../store/index.ts';
import { useMergeIntent } from '../coders/mergeIntent.ts';
import { projectName } from '../projects/projectName.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';
import { useImportIntent } from './importIntent.ts';
import { ImportWizard } from './ImportWizard.tsx';
import { PackageCoderDialog } from './PackageCoderDialog.tsx';
import { ImportCancelled } from './importSession.ts';
import { createPackageRunner, NotAPackage, type PackageRunner } from './packageRunner.ts';
import {
  coderNamed,
  packageCoderMismatch,
  type OpenPackageResult,
  type PackageSummary,
} from './projectPackages.ts';
import './import.css';
import { appealCount, appealPage } from '../../db/appeals.ts';

const PAGE_SIZE = 50;
const APPEAL_EXTENSIONS = ['csv', 'tsv', 'txt', 'xlsx', 'json', 'jsonl', 'ndjson'];

/**
 * A dropped file goes the package's way when its name or its first bytes say it is a package or
 * another Kodtau file (which that way is named and sent where it belongs); anything else goes to
 * the wizard.
 */
function isPackage(file: PickedFile): boolean {
  if (file.name.toLowerCase().endsWith('.kodtau')) return true;
  const head = new TextDecoder().decode(file.bytes.subarray(0, 200));
  return /"kodtau-(project-package|coder-file|project|merged-project)"/.test(head);
}

/** Another Kodtau file where a package was expected: what it is, and its project here if any. */
interface OtherFile {
  file: PickedFile;
  what: KodtauFileKind;
  /** The coder file's project on this computer, by name in the UI language. */
  projectName?: string;
}

type PackageOutcome =
  { ok: OpenPackageResult } | { error: PackageErrorCode | 'cancelled' | 'unexpected' } | { other: OtherFile };

/** A package made for another coder, waiting for the signed-in coder to say who codes it. */
interface ForeignPackage {
  pkg: PackageSummary;
  runner: PackageRunner;
  assigned: string;
  current: string;
}

/**
 * Import: appeals from a file (the wizard), a project package in (a coder's laptop), and the project's
 * appeals as imported, page by page, with the record of every import.
 */
export function ImportScreen() {
  const { t, i18n } = useTranslation();
  const platform = usePlatform();
  const { project, codebook } = useCurrentProject();
  const openProject = useAppStore((state) => state.openProject);
  const coderId = useAppStore((state) => state.coderId);
  const signIn = useAppStore((state) => state.signIn);
  const setRole = useAppStore((state) => state.setRole);
  const go = useAppStore((state) => state.go);
  const intent = useImportIntent((state) => state.intent);
  const clearIntent = useImportIntent((state) => state.clear);
  const [wizard, setWizard] = useState<{ file: PickedFile; preferNew: boolean; key: number } | null>(null);
  const [outcome, setOutcome] = useState<PackageOutcome | null>(null);
  const [foreign, setForeign] = useState<ForeignPackage | null>(null);
  // The package being opened: reading it, or its appeals written so far.
  const [progress, setProgress] = useState<'reading' | [done: number, total: number] | null>(null);
  const opening = useRef<PackageRunner | null>(null);

  async function chooseAppeals(preferNew: boolean) {
    const [file] = await platform.openFiles({
      filters: [{ name: t('import.fileType'), extensions: APPEAL_EXTENSIONS }],
      multiple: false,
    });
    if (file) startWizard(file, preferNew);
  }

  function startWizard(file: PickedFile, preferNew: boolean) {
    setOutcome(null);
    // The bytes move to the import worker, so the wizard is told apart by a counter, not by its file.
    setWizard((previous) => ({ file, preferNew, key: (previous?.key ?? 0) + 1 }));
  }

  async function choosePackage() {
    const [file] = await platform.openFiles({
      filters: [{ name: t('package.fileType'), extensions: ['kodtau', 'json'] }],
      multiple: false,
    });
    if (file) await openPackage(file);
  }

  async function openPackage(file: PickedFile) {
    setWizard(null);
    setOutcome(null);
    opening.current?.dispose();
    const runner = createPackageRunner();
    opening.current = runner;
    setProgress('reading');
    try {
      // The bytes move to the worker (no copy of hundreds of megabytes); a file that is no package comes back.
      const pkg = await runner.read(file);
      const mismatch = await packageCoderMismatch(pkg, coderId);
      if (mismatch) {
        setProgress(null);
        setForeign({ pkg, runner, ...mismatch });
      } else await storePackage(pkg, runner);
    } catch (error) {
      await packageFailed(runner, error, error instanceof NotAPackage ? error.file : undefined);
    }
  }

  async function packageFailed(runner: PackageRunner, error: unknown, file?: PickedFile) {
    runner.dispose();
    setProgress(null);
    const code =
      error instanceof PackageError
        ? error.code
        : error instanceof ImportCancelled
          ? 'cancelled'
          : 'unexpected';
    const what = code === 'foreign' && file ? kodtauFileKind(file.bytes) : null;
    if (what) setOutcome({ other: await otherFile(file!, what) });
    else setOutcome({ error: code });
  }

  async function otherFile(file: PickedFile, what: KodtauFileKind): Promise<OtherFile> {
    const project = what.kind === 'coderFile' ? await db.projects.get(what.projectId) : undefined;
    return { file, what, projectName: project && projectName(project, i18n.language) };
  }

  /** The coder file goes to the Coders & merge screen of its project, which merges it. */
  function mergeThere(other: OtherFile) {
    if (other.what.kind !== 'coderFile') return;
    openProject(other.what.projectId);
    useMergeIntent.getState().request([other.file]);
    setOutcome(null);
    go('coders');
  }

  async function storePackage(pkg: PackageSummary, runner: PackageRunner, asCoder?: string) {
    setProgress([0, 0]);
    const result = await runner.store((done, total) => setProgress([done, total]));
    runner.dispose();
    setProgress(null);
    if (asCoder) signIn(asCoder);
    // A package made for one coder makes this profile a coder's: the supervisor's screens step aside.
    if (pkg.assignment) setRole('coder');
    openProject(result.projectId);
    setOutcome({ ok: result });
  }

  /** The coder's answer to "whose package is this?"; nothing is stored on cancel. */
  async function codePackageAs(choice: 'assigned' | 'current' | null) {
    const asked = foreign;
    setForeign(null);
    if (!asked) return;
    if (!choice) {
      asked.runner.dispose();
      return;
    }
    try {
      // The coder it was made for: found in this profile by name, or added to it.
      const asCoder = choice === 'assigned' ? await coderNamed(asked.assigned) : undefined;
      await storePackage(asked.pkg, asked.runner, asCoder);
    } catch (error) {
      packageFailed(asked.runner, error);
    }
  }

  // A menu command, a projects-screen button or a dropped file asked for something.
  useEffect(() => {
    if (!intent) return;
    clearIntent();
    if (intent.kind === 'importAppeals') void chooseAppeals(intent.newProject);
    else if (intent.kind === 'openPackage') void choosePackage();
    else if (isPackage(intent.file)) void openPackage(intent.file);
    else startWizard(intent.file, false);
    // The handlers read the latest state; the intent alone triggers this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [intent]);

  if (project === undefined) return null;

  return (
    <section>
      <h1 id="screen-title">{t('import.title')}</h1>
      <div className="card toolbar import-toolbar">
        <div className="actions">
          <button type="button" className="primary" onClick={() => void chooseAppeals(false)}>
            {t('import.importAppeals')}
          </button>
          <button type="button" onClick={() => void choosePackage()}>
            {t('package.open')}
          </button>
        </div>
        <p className="muted small">{t('import.dropHint')}</p>
      </div>
      {progress && <PackageProgress progress={progress} cancel={() => opening.current?.cancel()} />}
      {outcome && 'ok' in outcome && (
        <div className="card callout" role="status">
          <p>{t('package.opened', { count: outcome.ok.added, present: outcome.ok.alreadyPresent })}</p>
          <button type="button" className="primary" onClick={() => go('coding')}>
            {t('package.startCoding')}
          </button>
        </div>
      )}
      {foreign && (
        <PackageCoderDialog
          assigned={foreign.assigned}
          current={foreign.current}
          onChoose={(choice) => void codePackageAs(choice)}
        />
      )}
      {outcome && 'error' in outcome && (
        <div className="card" role="alert">
          <p className="warning">
            {outcome.error === 'cancelled'
              ? t('packageOpen.cancelled')
              : t(`package.errors.${outcome.error}`, { depth: MAX_JSON_DEPTH })}
          </p>
          <p className="muted">{t('import.wizard.unchanged')}</p>
          <button type="button" onClick={() => setOutcome(null)}>
            {t('importOutcome.close')}
          </button>
        </div>
      )}
      {outcome && 'other' in outcome && (
        <OtherFileNotice
          other={outcome.other}
          onMerge={() => mergeThere(outcome.other)}
          onProjects={() => {
            setOutcome(null);
            go('projects');
          }}
          onClose={() => setOutcome(null)}
        />
      )}
      {wizard && (
        <ImportWizard
          key={wizard.key}
          file={wizard.file}
          projectId={project?.id ?? null}
          preferNewProject={wizard.preferNew}
          onImported={openProject}
          onClose={() => setWizard(null)}
        />
      )}
      {project ? (
        <ProjectAppeals projectId={project.id} codebook={codebook} />
      ) : (
        !wizard && <p className="muted">{t('import.noProject')}</p>
      )}
    </section>
  );
}

/** What a Kodtau file opened as a package is, where it goes, and the way there. */
function OtherFileNotice(props: {
  other: OtherFile;
  onMerge: () => void;
  onProjects: () => void;
  onClose: () => void;
}) {
  const { other, onMerge, onProjects, onClose } = props;
  const { t } = useTranslation();
  const { what, projectName } = other;
  return (
    <div className="card" role="alert">
      {what.kind === 'projectFile' ? (
        <p className="warning">{t('importOutcome.projectFile', { screen: t('nav.projects') })}</p>
      ) : (
        <>
          <p className="warning">
            {projectName === undefined
              ? t('importOutcome.coderFileElsewhere', {
                  coder: what.coderName,
                  codings: t('common.codingCount', { count: what.codings }),
                })
              : t('importOutcome.coderFile', {
                  coder: what.coderName,
                  project: projectName,
                  codings: t('common.codingCount', { count: what.codings }),
                })}
          </p>
          <p>
            {projectName === undefined
              ? t('importOutcome.coderFileNoProject', { screen: t('nav.coders') })
              : t('importOutcome.coderFileWhere', { screen: t('nav.coders') })}
          </p>
        </>
      )}
      <p className="muted">{t('import.wizard.unchanged')}</p>
      <div className="actions">
        {what.kind === 'coderFile' && projectName !== undefined && (
          <button type="button" className="primary" onClick={onMerge}>
            {t('importOutcome.mergeIt', { project: projectName })}
          </button>
        )}
        {what.kind === 'projectFile' && (
          <button type="button" className="primary" onClick={onProjects}>
            {t('importOutcome.toProjects', { screen: t('nav.projects') })}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('importOutcome.close')}
        </button>
      </div>
    </div>
  );
}

/** A package being opened: read (no figures yet), then its appeals written, with the way to stop. */
function PackageProgress({
  progress,
  cancel,
}: {
  progress: 'reading' | [done: number, total: number];
  cancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  if (progress === 'reading')
    return (
      <div className="card actions package-progress" role="status">
        <span>{t('packageOpen.reading')}</span>
        <ProgressBar label={t('packageOpen.reading')} />
      </div>
    );
  const [done, total] = progress;
  const label = t('import.wizard.writing', {
    done: formatNumber(done, lang),
    total: formatNumber(total, lang),
  });
  return (
    <div className="card actions package-progress" role="status">
      <span>{label}</span>
      <ProgressBar done={done} total={total} label={label} />
      <button type="button" onClick={cancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

/** The project's appeals page by page and its import history; dates and regions in the UI's language. */
// Memoised: a package's progress re-renders the screen, not this table.
const ProjectAppeals = memo(function ProjectAppeals({
  projectId,
  codebook,
}: {
  projectId: string;
  codebook: Codebook | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [page, setPage] = useState(0);

  const data = useLiveQuery(async () => {
    const [total, rows, imports] = await Promise.all([
      appealCount(projectId),
      appealPage(projectId, page * PAGE_SIZE, PAGE_SIZE),
      db.imports.where('projectId').equals(projectId).toArray(),
    ]);
    return { total, rows, imports };
  }, [projectId, page]);

  if (!data) return null;
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));

  return (
    <>
      <h2>{t('import.history')}</h2>
      <table className="data">
        <thead>
          <tr>
            <th>{t('import.when')}</th>
            <th>{t('import.kind')}</th>
            <th>{t('import.file')}</th>
            <th>{t('projects.appeals')}</th>
          </tr>
        </thead>
        <tbody>
          {data.imports.map((record) => (
            <tr key={record.id}>
              <td>{formatDate(record.importedAt, lang)}</td>
              <td>{t(`import.kinds.${record.kind}`)}</td>
              <td>{record.fileName}</td>
              <td className="num">{formatNumber(record.summary.appeals ?? 0, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('import.appeals', { count: data.total })}</h2>
      <table className="data appeals-table">
        <thead>
          <tr>
            <th>{t('coding.meta.id')}</th>
            <th>{t('coding.meta.date')}</th>
            <th>{t('coding.meta.region')}</th>
            <th>{t('import.text')}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((appeal) => (
            <tr key={appeal.id}>
              <td>
                <code>{appeal.id}</code>
              </td>
              <td>{appeal.meta.date && formatDay(appeal.meta.date, lang)}</td>
              <td>{appeal.meta.region && metaLabel(codebook, 'region', appeal.meta.region, lang)}</td>
              <td className="clip" lang={appeal.meta.language}>
                {appeal.text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions pager">
        <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
          {t('coding.previous')}
        </button>
        <span>
          {t('import.page', { page: formatNumber(page + 1, lang), pages: formatNumber(pages, lang) })}
        </span>
        <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
          {t('coding.next')}
        </button>
      </div>
    </>
  );
});
