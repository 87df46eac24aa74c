import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KNOWN_META, localize, metaLabel, type Lang, type Variable } from '../../../shared/model/index.ts';
import { NoProject } from '../../components/NoProject.tsx';
import { saveCoding } from '../../db/codings.ts';
import { db } from '../../db/db.ts';
import { formatNumber, formatPercent, LANGUAGE_NAMES } from '../../i18n.ts';
import { useAppStore } from '../../store/index.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';
import { nextValues } from './nextValues.ts';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed' };

export function CodingScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { project, codebook } = useCurrentProject();
  const coderId = useAppStore((state) => state.coderId)!;
  const positions = useAppStore((state) => state.positions);
  const rememberPosition = useAppStore((state) => state.rememberPosition);
  const [activeVariable, setActiveVariable] = useState(0);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });

  const projectId = project?.id ?? '';
  const position = positions[`${projectId}/${coderId}`] ?? 0;
  const data = useLiveQuery(async () => {
    if (!projectId) return null;
    const range = db.appeals
      .where('[projectId+order]')
      .between([projectId, -Infinity], [projectId, Infinity]);
    const [total, appeal, codedKeys] = await Promise.all([
      range.count(),
      db.appeals.where('[projectId+order]').equals([projectId, position]).first(),
      db.codings.where('[projectId+coderId]').equals([projectId, coderId]).primaryKeys(),
    ]);
    const mine = appeal
      ? await db.codings
          .where('[projectId+coderId+appealId]')
          .equals([projectId, coderId, appeal.id])
          .toArray()
      : [];
    return {
      position,
      total,
      appeal,
      coded: new Set(codedKeys.map((key) => key[2])).size,
      codings: new Map(mine.map((coding) => [coding.variableId, coding])),
    };
  }, [projectId, coderId, position]);

  const variables = codebook?.variables ?? [];

  function move(delta: number) {
    if (!data) return;
    const next = Math.min(Math.max(position + delta, 0), data.total - 1);
    if (next !== position) {
      rememberPosition(projectId, coderId, next);
      setSaveState({ kind: 'idle' });
    }
  }

  async function record(variable: Variable, change: { values: string[]; text?: string }) {
    if (!data?.appeal || !codebook) return;
    const current = data.codings.get(variable.id);
    setSaveState({ kind: 'saving' });
    try {
      const saved = await saveCoding({
        projectId,
        coderId,
        appealId: data.appeal.id,
        variableId: variable.id,
        ...change,
        unsure: current?.unsure ?? false,
        codebookVersion: codebook.version,
        ...(current?.note ? { note: current.note } : {}),
      });
      setSaveState({ kind: 'saved', at: saved.updatedAt });
    } catch {
      setSaveState({ kind: 'failed' });
    }
  }

  function choose(variable: Variable, code: string) {
    return record(variable, {
      values: nextValues(variable.kind, data?.codings.get(variable.id)?.values ?? [], code),
    });
  }

  // Keyboard first: arrows move between appeals and variables, a category's key picks it.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (event.key === 'ArrowRight' || event.key === 'PageDown') move(1);
      else if (event.key === 'ArrowLeft' || event.key === 'PageUp') move(-1);
      else if (event.key === 'ArrowDown') setActiveVariable((i) => Math.min(i + 1, variables.length - 1));
      else if (event.key === 'ArrowUp') setActiveVariable((i) => Math.max(i - 1, 0));
      else {
        const variable = variables[activeVariable];
        const category = variable?.categories.find(
          (c) => !c.retired && c.shortcut === event.key.toLowerCase(),
        );
        if (!variable || !category) return;
        void choose(variable, category.code);
      }
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (project === undefined || data === undefined) return null;
  if (!project || !codebook || !data) return <NoProject title={t('nav.coding')} />;
  if (!data.appeal) {
    return (
      <section>
        <h1 id="screen-title">{t('nav.coding')}</h1>
        <p className="card empty">{t('coding.noAppeals')}</p>
      </section>
    );
  }
  const { appeal } = data;
  const extraMeta = Object.keys(appeal.meta).filter(
    (key) => !(KNOWN_META as readonly string[]).includes(key) && appeal.meta[key],
  );

  return (
    <section className="coding">
      <header className="coding-head">
        <h1 id="screen-title">{t('nav.coding')}</h1>
        <span className="position" aria-live="polite">
          {t('coding.position', {
            current: formatNumber(data.position + 1, lang),
            total: formatNumber(data.total, lang),
          })}
        </span>
        <div
          className="progress"
          title={t('coding.codedShare', { share: formatPercent(data.coded / data.total, lang) })}
        >
          <div className="progress-bar" style={{ width: `${(100 * data.coded) / data.total}%` }} />
        </div>
        <span className="muted">{t('coding.codedCount', { count: data.coded })}</span>
        <div className="actions">
          <button type="button" onClick={() => move(-1)} disabled={position === 0}>
            {t('coding.previous')}
          </button>
          <button type="button" onClick={() => move(1)} disabled={position >= data.total - 1}>
            {t('coding.next')}
          </button>
        </div>
      </header>
      <div className="coding-body">
        <article className="card appeal">
          <dl className="facts">
            <dt>{t('coding.meta.id')}</dt>
            <dd>{appeal.id}</dd>
            {KNOWN_META.filter((key) => key !== 'reply' && appeal.meta[key]).map((key) => (
              <div key={key} className="fact">
                <dt>{t(`coding.meta.${key}`)}</dt>
                <dd>
                  {key === 'language'
                    ? (LANGUAGE_NAMES[appeal.meta[key] as Lang] ?? appeal.meta[key])
                    : metaLabel(codebook, key, appeal.meta[key]!, lang)}
                </dd>
              </div>
            ))}
            {extraMeta.map((key) => (
              <div key={key} className="fact">
                <dt>{key}</dt>
                <dd>{appeal.meta[key]}</dd>
              </div>
            ))}
          </dl>
          <div className="appeal-text" lang={appeal.meta.language}>
            {appeal.text.split(/\n{2,}/).map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
          </div>
          <h2 className="reply-title">{t('coding.meta.reply')}</h2>
          <p className="reply" lang={appeal.meta.language}>
            {appeal.meta.reply || <span className="muted">{t('coding.noReply')}</span>}
          </p>
        </article>
        <aside className="card coding-panel" aria-label={t('coding.panel')}>
          {variables.map((variable, index) => {
            const coding = data.codings.get(variable.id);
            const values = coding?.values ?? [];
            return (
              <fieldset
                key={variable.id}
                className={index === activeVariable ? 'variable active' : 'variable'}
                onFocus={() => setActiveVariable(index)}
              >
                <legend>
                  {localize(variable.label, lang)}
                  <span className="muted"> · {t(`codebook.kind.${variable.kind}`)}</span>
                </legend>
                {variable.kind === 'text' && (
                  <textarea
                    key={appeal.id}
                    aria-label={localize(variable.label, lang)}
                    defaultValue={coding?.text ?? ''}
                    onBlur={(event) => {
                      if (event.target.value !== (coding?.text ?? ''))
                        void record(variable, { values: [], text: event.target.value });
                    }}
                  />
                )}
                <div className="categories" role={variable.kind === 'multi' ? 'group' : 'radiogroup'}>
                  {variable.categories
                    .filter((category) => !category.retired)
                    .map((category) => {
                      const chosen = values.includes(category.code);
                      return (
                        <button
                          key={category.code}
                          type="button"
                          role={variable.kind === 'multi' ? 'checkbox' : 'radio'}
                          aria-checked={chosen}
                          className={chosen ? 'category chosen' : 'category'}
                          title={localize(category.definition, lang)}
                          onClick={() => void choose(variable, category.code)}
                        >
                          {category.shortcut && <kbd>{category.shortcut}</kbd>}
                          <span className="swatch" style={{ background: category.colour }} />
                          {localize(category.label, lang)}
                        </button>
                      );
                    })}
                </div>
              </fieldset>
            );
          })}
          <p className="save-state" role="status">
            {saveState.kind === 'saving' && t('coding.saving')}
            {saveState.kind === 'saved' && t('coding.saved')}
            {saveState.kind === 'failed' && <span className="warning">{t('coding.saveFailed')}</span>}
          </p>
          <p className="muted small">{t('coding.keysHint')}</p>
        </aside>
      </div>
    </section>
  );
}
