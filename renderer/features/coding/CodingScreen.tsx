import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type Codebook, type Lang, type Variable } from '../../../shared/model/index.ts';
import { NoProject } from '../../components/NoProject.tsx';
import { db } from '../../db/db.ts';
import { codingTables, putCodings } from '../../db/queries.ts';
import { formatNumber, formatPercent } from '../../i18n.ts';
import { useAppStore } from '../../store/index.ts';
import { isFiltered } from '../../store/codingSlice.ts';
import { requestCoderFileExport } from '../coders/exportRequest.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';
import { AppealList } from './AppealList.tsx';
import { AppealView } from './AppealView.tsx';
import { CodingPanel } from './CodingPanel.tsx';
import { FilterBar } from './FilterBar.tsx';
import { HelpOverlay } from './HelpOverlay.tsx';
import { commandFor, isNoneKey, shortcutKeys, type Command } from './keys.ts';
import { useCodingSession } from './useCodingSession.ts';
import { WriteFailureNotice } from './WriteFailureNotice.tsx';
import './coding.css';
import * as appeals from '../../db/appeals.ts';
import { appealCount } from '../../db/appeals.ts';

// Browser tests and benchmarks seed data through the app's own database. The variable is set
// only in builds made for them (VITE_KODTAU_TEST_HOOKS=1); a release build drops this line.
if (import.meta.env.VITE_KODTAU_TEST_HOOKS)
  Object.assign(window, {
    kodtauTest: { db, useAppStore, codingTables, putCodings, appeals },
  });

export function CodingScreen() {
  const { t } = useTranslation();
  const { project, codebook } = useCurrentProject();
  if (project === undefined) return null;
  if (!project || !codebook) return <NoProject title={t('nav.coding')} />;
  return <CodingWorkspace key={project.id} projectId={project.id} codebook={codebook} />;
}

/** Elements that take typed keys (text, numbers, dates, lists): the screen's keys leave them alone. */
const NOT_TYPED = ['checkbox', 'radio', 'button', 'submit', 'reset'];
const isField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT' ||
    target.isContentEditable ||
    (target instanceof HTMLInputElement && !NOT_TYPED.includes(target.type)));

function CodingWorkspace({ projectId, codebook }: { projectId: string; codebook: Codebook }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const session = useCodingSession(projectId, codebook);
  const filter = useAppStore((state) => state.codingFilter);
  const [activeVariable, setActiveVariable] = useState(0);
  const [showDefinitions, setShowDefinitions] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [jumpOpen, setJumpOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // The keyboard moves the active variable: keep it in view in a panel that scrolls. Not on a
  // click, where scrolling between mouse down and up would lose the click.
  const [revealActive, setRevealActive] = useState(0);
  const section = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (revealActive)
      section.current?.querySelector('fieldset.variable.active')?.scrollIntoView?.({ block: 'nearest' });
  }, [revealActive]);
  const searchRef = useRef<HTMLInputElement>(null);
  const all = useLiveQuery(() => appealCount(projectId), [projectId]);
  const go = useAppStore((state) => state.go);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const variables = codebook.variables;
  const { list, current, shown, index } = session;

  // A stable callback for the (memoised) list, calling the latest moveTo.
  const moveToRef = useRef(session.moveTo);
  useLayoutEffect(() => {
    moveToRef.current = session.moveTo;
  });
  const pick = useCallback((target: number) => void moveToRef.current(target), []);

  function chooseNone(variable: Variable) {
    setNotice(null);
    const refusal = session.chooseNone(variable);
    if (refusal)
      setNotice(t(`coding.answers.refused.${refusal}`, { variable: localize(variable.label, lang) }));
  }

  function run(command: Command) {
    setNotice(null);
    if (command === 'next') session.moveBy(1);
    else if (command === 'previous') session.moveBy(-1);
    else if (command === 'nextUncoded') {
      // Not known until the list and the coded appeals are there.
      if (!list || !session.coded) return;
      const target = session.nextUncodedIndex();
      if (target < 0) setNotice(t('coding.allCoded'));
      else void session.moveTo(target);
    } else if (command === 'variableDown' || command === 'variableUp') {
      const step = command === 'variableDown' ? 1 : -1;
      setActiveVariable((i) => Math.min(Math.max(i + step, 0), variables.length - 1));
      setRevealActive((n) => n + 1);
    } else if (command === 'undo') void session.undo();
    else if (command === 'redo') void session.redo();
    else if (command === 'search') searchRef.current?.focus();
    else if (command === 'jump') setJumpOpen(true);
    else if (command === 'help') setHelpOpen((open) => !open);
    else if (command === 'definitions') setShowDefinitions((show) => !show);
    else if (command === 'unsure' && current)
      void session.setFlags({ unsure: !current.flags.unsure }, variables[activeVariable]!);
    else if (command === 'note') noteRef.current?.focus();
  }

  // Keyboard first: one listener for the whole screen; fields keep their keys, Esc leaves them.
  // The listener is swapped in during the commit (a layout effect), so a key pressed right after
  // a render never runs against the render before it.
  useLayoutEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (isField(event.target)) {
        if (event.key === 'Escape') (event.target as HTMLElement).blur();
        return;
      }
      if (event.key === 'Escape') {
        setHelpOpen(false);
        setShowDefinitions(false);
        return;
      }
      const command = commandFor(event);
      if (helpOpen && command !== 'help') return;
      if (command) {
        event.preventDefault();
        run(command);
        return;
      }
      const variable = variables[activeVariable];
      const keys = shortcutKeys(event);
      const category =
        variable?.kind !== 'text'
          ? variable?.categories.find(
              (c) => !c.retired && c.shortcut && keys.includes(c.shortcut.toLowerCase()),
            )
          : undefined;
      if (!variable) return;
      if (category) {
        event.preventDefault();
        void session.choose(variable, category.code);
      } else if (isNoneKey(event)) {
        event.preventDefault();
        chooseNone(variable);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!list || (current === undefined && !shown)) return null;
  const total = list.ids.length;
  const codedCount = session.coded?.size ?? 0;

  return (
    <section className="coding" ref={section}>
      <header className="coding-head">
        <h1 id="screen-title">{t('nav.coding')}</h1>
        {total > 0 && (
          <span className="position" aria-live="polite">
            {jumpOpen ? (
              <JumpInput
                total={total}
                onJump={(target) => {
                  setJumpOpen(false);
                  if (target !== undefined) void session.moveTo(target);
                }}
              />
            ) : (
              t('coding.position', {
                current: formatNumber(index + 1, lang),
                total: formatNumber(total, lang),
              })
            )}
          </span>
        )}
        <Progress coded={codedCount} all={all} theirs={session.viewerId !== session.coderId} />
        <div className="actions">
          <button type="button" onClick={() => run('previous')} disabled={index === 0}>
            {t('coding.previous')}
          </button>
          <button type="button" onClick={() => run('next')} disabled={index >= total - 1}>
            {t('coding.next')}
          </button>
          <button type="button" onClick={() => run('nextUncoded')}>
            {t('coding.nextUncoded')}
          </button>
          <button
            type="button"
            onClick={() => run('undo')}
            disabled={!session.canUndo}
            aria-label={t('coding.undo')}
            title={t('coding.undo')}
          >
            {'↶'}
          </button>
          <button
            type="button"
            onClick={() => run('redo')}
            disabled={!session.canRedo}
            aria-label={t('coding.redo')}
            title={t('coding.redo')}
          >
            {'↷'}
          </button>
          <button
            type="button"
            onClick={() => setHelpOpen(true)}
            aria-label={t('coding.help.open')}
            title={t('coding.help.open')}
          >
            {'?'}
          </button>
        </div>
      </header>
      <FilterBar projectId={projectId} codebook={codebook} searchRef={searchRef} />
      {session.lock.elsewhere ? (
        <div className="card warning-box coding-elsewhere" role="alert">
          <p>{t('coding.elsewhere.message')}</p>
          <div className="actions">
            <button type="button" onClick={session.lock.takeOver}>
              {t('coding.elsewhere.takeOver')}
            </button>
          </div>
        </div>
      ) : (
        session.readOnly && (
          <p className="card notice" role="note">
            {t('coding.viewer.readOnly')}
          </p>
        )
      )}
      {session.failure && (
        <WriteFailureNotice
          failure={session.failure}
          projectId={projectId}
          coderId={session.coderId}
          onRetry={session.retryNow}
        />
      )}
      {session.warning && (
        <p className="card warning-box" role="alert">
          {t(session.warning.blocked ? 'coding.requiredBlocked' : 'coding.requiredWarned', {
            variables: session.warning.missing.map((v) => localize(v.label, lang)).join(', '),
          })}
        </p>
      )}
      {!session.readOnly && !!all && session.coded?.size === all && (
        <div className="card notice all-coded" role="note">
          <p>{t('coding.answers.allDone', { count: all })}</p>
          <button
            type="button"
            onClick={() => {
              go('coders');
              requestCoderFileExport();
            }}
          >
            {t('coding.answers.exportCoderFile')}
          </button>
        </div>
      )}
      {notice && (
        <p className="card notice" role="note">
          {notice}
        </p>
      )}
      {total === 0 || !shown ? (
        <p className="card empty">{t(isFiltered(filter) ? 'coding.noMatch' : 'coding.noAppeals')}</p>
      ) : (
        <div className="coding-body">
          <AppealList list={list} coded={session.coded} index={index} onPick={pick} />
          <AppealView appeal={shown.appeal} codebook={codebook} query={filter.query} />
          <div className="coding-side">
            <CodingPanel
              variables={variables}
              current={shown}
              session={session}
              activeVariable={activeVariable}
              onActivate={setActiveVariable}
              showDefinitions={showDefinitions}
              onShowDefinitions={setShowDefinitions}
              noteRef={noteRef}
            />
            <p className="save-state" role="status">
              {session.failure ? (
                <span className="warning">{t('coding.writeFailure.status')}</span>
              ) : (
                <>
                  {session.save.kind === 'saving' && t('coding.saving')}
                  {session.save.kind === 'saved' && t('coding.saved')}
                  {session.save.kind === 'failed' && (
                    <span className="warning">{t('coding.saveFailed')}</span>
                  )}
                </>
              )}
            </p>
            <p className="muted small">{t('coding.keysHint')}</p>
          </div>
        </div>
      )}
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
    </section>
  );
}

/**
 * This coder's share of the project's appeals coded (whatever the filter), of `all`. Memoised:
 * moving on changes none of it, and its percent format is made anew on each render.
 */
const Progress = memo(function Progress({
  coded,
  all,
  theirs,
}: {
  coded: number;
  all: number | undefined;
  theirs: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  if (!all) return null;
  const share = coded / all;
  return (
    <div className="progress-wrap">
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={all}
        aria-valuenow={coded}
        aria-label={t('coding.codedShare', { share: formatPercent(share, lang) })}
        title={t('coding.codedShare', { share: formatPercent(share, lang) })}
      >
        <div className="progress-bar" style={{ width: `${100 * share}%` }} />
      </div>
      <span className="muted small">
        {t(theirs ? 'coding.viewer.codedCount' : 'coding.codedCount', { count: coded })}
      </span>
    </div>
  );
});

/** "Go to number": Enter jumps to that position of the list, Esc closes. */
function JumpInput({ total, onJump }: { total: number; onJump: (index: number | undefined) => void }) {
  const { t } = useTranslation();
  return (
    <input
      className="jump"
      type="number"
      min={1}
      max={total}
      autoFocus
      aria-label={t('coding.jump')}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          const value = Number(event.currentTarget.value);
          onJump(Number.isInteger(value) && value >= 1 && value <= total ? value - 1 : undefined);
        } else if (event.key === 'Escape') onJump(undefined);
      }}
      onBlur={() => onJump(undefined)}
    />
  );
}
