import { LanguageSelect } from '../../components/LanguageSelect.tsx';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addVariable,
  codebookChanges,
  contentOf,
  countMissingTranslations,
  deleteCategory,
  deleteVariable,
  isChanged,
  mergeCategory,
  setRetired,
  validateCodebook,
  type CodebookProblem,
} from '../../../shared/codebook/index.ts';
import { CodebookFileError } from '../../../shared/formats/codebookFile.ts';
import { writeCodebookJson } from '../../../shared/formats/codebookJson.ts';
import { writeQdc } from '../../../shared/formats/qdc.ts';
import {
  codebookHash,
  LANGS,
  type Codebook,
  type CodebookContent,
  type Lang,
  type Project,
} from '../../../shared/model/index.ts';
import { NoProject } from '../../components/NoProject.tsx';
import { usePlatform } from '../../platform/PlatformContext.tsx';
import { projectFileStem, projectName } from '../projects/projectName.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';
import { categoryUsage, CodebookSaveError, saveCodebookVersion } from './codebookData.ts';
import { UsesProvider } from './UseCount.tsx';
import { codebookMessages } from './codebookMessages.ts';
import { CodebookHistory } from './CodebookHistory.tsx';
import { CodebookImport } from './CodebookImport.tsx';
import { CodebookPrint } from './CodebookPrint.tsx';
import { RemoveCategoryDialog, type RemoveRequest } from './RemoveCategoryDialog.tsx';
import { forgetDraft, useCodebookDraft } from './useCodebookDraft.ts';
import { VariableEditor } from './VariableEditor.tsx';
import './codebook.css';

export function CodebookScreen() {
  const { t } = useTranslation();
  const { project, codebook } = useCurrentProject();
  // Kept here so that the confirmation of a save outlives the editor of the old version.
  const [message, setMessage] = useState<Message>(null);
  if (project === undefined) return null;
  if (!project) return <NoProject title={t('nav.codebook')} />;
  // A project imported from appeals has no codebook yet: the editor starts from an empty one.
  const base = codebook ?? emptyCodebook(project.id);
  // A new saved version starts a fresh draft.
  return (
    <UsesProvider projectId={base.projectId}>
      <CodebookEditor
        key={`${base.projectId}/${base.version}`}
        project={project}
        codebook={base}
        message={message}
        setMessage={setMessage}
      />
    </UsesProvider>
  );
}

/** Version 0: what a project without a codebook edits; never stored, its first save is version 1. */
function emptyCodebook(projectId: string): Codebook {
  const content = { variables: [], merges: [] };
  return { projectId, version: 0, hash: codebookHash(content), ...content, updatedAt: '' };
}

const NO_PROBLEMS: readonly CodebookProblem[] = [];

type Message = { kind: 'ok' | 'error'; text: string } | null;

interface EditorProps {
  project: Project;
  codebook: Codebook;
  message: Message;
  setMessage: (message: Message) => void;
}

function CodebookEditor({ project, codebook, message, setMessage }: EditorProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const platform = usePlatform();
  const [draft, setDraft] = useCodebookDraft(codebook);
  const [remove, setRemove] = useState<RemoveRequest | null>(null);
  const [printLang, setPrintLang] = useState<Lang>(lang);
  const [saving, setSaving] = useState(false);

  const problems = useMemo(() => validateCodebook(draft), [draft]);
  const problemsOf = useMemo(() => {
    const byVariable = new Map<string, CodebookProblem[]>();
    for (const p of problems) byVariable.set(p.variableId, [...(byVariable.get(p.variableId) ?? []), p]);
    return byVariable;
  }, [problems]);
  const missing = useMemo(() => countMissingTranslations(draft), [draft]);
  const changed = isChanged(codebook, draft);
  const messages = codebookMessages(t, draft, lang);
  const nextVersion = codebook.version + 1;
  const saved = codebook.version > 0;
  const missingTotal = LANGS.reduce((sum, l) => sum + missing[l], 0);

  const edit = useCallback(
    (change: (content: CodebookContent) => CodebookContent) => {
      setMessage(null);
      setDraft(change);
    },
    [setMessage, setDraft],
  );

  async function save() {
    setSaving(true);
    try {
      const { codebook: next, moved } = await saveCodebookVersion(codebook, draft);
      forgetDraft(codebook);
      // "0 codings moved" after a retirement is no loss: say so.
      const retired = codebookChanges(codebook, next, next.version).some((c) => c.kind === 'categoryRetired');
      const text = t('codebook.edit.saved', { version: next.version, count: moved });
      setMessage({ kind: 'ok', text: retired ? `${text} ${t('codebookHistory.savedRetired')}` : text });
    } catch (error) {
      // The save is one transaction: whatever failed, nothing was written.
      const text =
        error instanceof CodebookSaveError ? messages.save(error.problem) : t('codebook.saveError.failed');
      setMessage({ kind: 'error', text });
      setSaving(false);
    }
  }

  // Stable across edits, so that only the variable being edited re-renders.
  const requestRemove = useCallback(
    async (variableId: string, code: string, mode: RemoveRequest['mode']) => {
      const savedCategory = codebook.variables
        .find((v) => v.id === variableId)
        ?.categories.some((c) => c.code === code);
      const count = savedCategory ? await categoryUsage(codebook.projectId, variableId, code) : 0;
      if (mode === 'delete' && count === 0) edit((d) => deleteCategory(d, variableId, code));
      else setRemove({ variableId, code, mode, uses: count });
    },
    [codebook, edit],
  );

  const requestDeleteVariable = useCallback(
    async (variableId: string) => {
      const count = await categoryUsage(codebook.projectId, variableId);
      if (count === 0) edit((d) => deleteVariable(d, variableId));
      else {
        // Only a saved variable can have codings, so the saved codebook names it.
        const text = codebookMessages(t, codebook, lang).save({ reason: 'variableInUse', variableId, count });
        setMessage({ kind: 'error', text });
      }
    },
    [codebook, edit, setMessage, t, lang],
  );

  async function exportAs(format: 'json' | 'qdc') {
    try {
      const qdc = format === 'qdc' ? writeQdc(contentOf(codebook), lang) : undefined;
      const text = qdc?.xml ?? writeCodebookJson(codebook);
      const written = await platform.saveFile({
        suggestedName: `${projectFileStem(project, lang)}-codebook-v${codebook.version}.${format}`,
        bytes: new TextEncoder().encode(text),
        filters: [{ name: t(`codebook.filter.${format}`), extensions: [format] }],
      });
      if (written) {
        const lines = [
          t('codebook.edit.exported', { version: codebook.version }),
          ...(qdc?.notes ?? []).map(messages.note),
        ];
        setMessage({ kind: 'ok', text: lines.join(' ') });
      }
    } catch (error) {
      if (!(error instanceof CodebookFileError)) throw error;
      setMessage({ kind: 'error', text: messages.file(error.problem) });
    }
  }

  const removeVariable = remove && draft.variables.find((v) => v.id === remove.variableId);

  return (
    <section className="codebook-screen">
      <div className="codebook-editor">
        <h1 id="screen-title">{t('nav.codebook')}</h1>
        <p className="muted">
          {saved
            ? t('codebook.versionLine', { version: codebook.version, hash: codebook.hash.slice(0, 12) })
            : t('codebook.edit.none')}
          {changed && <span className="badge unsaved">{t('codebook.edit.unsaved')}</span>}
        </p>
        <div className="toolbar codebook-toolbar">
          <button
            type="button"
            className="primary"
            disabled={!changed || problems.length > 0 || saving}
            onClick={save}
          >
            {t('codebook.edit.save', { version: nextVersion })}
          </button>
          <button type="button" disabled={!changed} onClick={() => edit(() => contentOf(codebook))}>
            {t('codebook.edit.discard')}
          </button>
          <span className="toolbar-gap" />
          <button type="button" disabled={!saved} onClick={() => exportAs('json')}>
            {t('codebook.edit.exportJson')}
          </button>
          <button type="button" disabled={!saved} onClick={() => exportAs('qdc')}>
            {t('codebook.edit.exportQdc')}
          </button>
          <span className="toolbar-gap" />
          <LanguageSelect
            inline
            label={t('codebook.print.language')}
            value={printLang}
            onChange={setPrintLang}
          />
          <button type="button" disabled={!saved} onClick={() => window.print()}>
            {t('codebook.print.button')}
          </button>
        </div>
        <CodebookImport
          codebook={codebook}
          draft={draft}
          onUse={(content) => {
            edit(() => content);
            setMessage({ kind: 'ok', text: t('codebook.import.applied') });
          }}
        />
        <CodebookHistory projectId={project.id} />
        {/* An empty codebook has no texts to be complete: nothing is said about their languages. */}
        <p className={missingTotal > 0 ? 'warning' : 'muted'} role="status">
          {draft.variables.length === 0
            ? null
            : missingTotal > 0
              ? t('codebook.edit.missingCount', {
                  count: missingTotal,
                  detail: LANGS.filter((l) => missing[l] > 0)
                    .map((l) => `${l} ${missing[l]}`)
                    .join(' · '),
                })
              : t('codebook.edit.noneMissing')}
        </p>
        {message && (
          <p
            className={message.kind === 'error' ? 'error-text' : 'ok-text'}
            role={message.kind === 'error' ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        )}
        {problems.length > 0 && (
          <div className="card problems" role="alert">
            <h2>{t('codebook.edit.problems', { count: problems.length })}</h2>
            <ul>
              {problems.map((p, index) => (
                <li key={index}>{messages.problem(p)}</li>
              ))}
            </ul>
          </div>
        )}
        {draft.variables.map((variable) => (
          <VariableEditor
            key={variable.id}
            variable={variable}
            saved={codebook.variables.find((v) => v.id === variable.id)}
            problems={problemsOf.get(variable.id) ?? NO_PROBLEMS}
            onDraft={edit}
            onDelete={requestDeleteVariable}
            onRemoveCategory={requestRemove}
          />
        ))}
        <button
          type="button"
          onClick={() => edit((d) => addVariable(d, 'single', { [lang]: t('codebook.edit.newVariable') }))}
        >
          {t('codebook.edit.addVariable')}
        </button>
      </div>
      {remove && removeVariable && (
        <RemoveCategoryDialog
          request={remove}
          variable={removeVariable}
          onMerge={(into) => {
            edit((d) => mergeCategory(d, remove.variableId, remove.code, into, nextVersion));
            setRemove(null);
          }}
          onRetire={() => {
            edit((d) => setRetired(d, remove.variableId, remove.code, true));
            setRemove(null);
          }}
          onCancel={() => setRemove(null)}
        />
      )}
      <CodebookPrint codebook={codebook} projectName={projectName(project, printLang)} lang={printLang} />
    </section>
  );
}
