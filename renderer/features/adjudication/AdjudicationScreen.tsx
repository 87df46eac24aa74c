import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localize,
  type Codebook,
  type Coding,
  type Consensus,
  type Lang,
  type Variable,
} from '../../../shared/model/index.ts';
import { NoProject } from '../../components/NoProject.tsx';
import { db } from '../../db/db.ts';
import { coderNames, unitAnswers } from '../../db/queries.ts';
import { formatNumber } from '../../i18n.ts';
import { useAppStore } from '../../store/index.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';
import { unitKey } from './adjudicationQueue.ts';
import {
  entryAt,
  isOpenAt,
  NO_FILTER,
  viewIndexOf,
  type QueueEntry,
  type QueueFilter,
  type QueueState,
} from './queueState.ts';
import { useQueue } from './useQueue.ts';
import './adjudication.css';
import { appealById } from '../../db/appeals.ts';

function answerText(
  variable: Variable | undefined,
  values: readonly string[],
  text: string | undefined,
  lang: Lang,
) {
  if (text !== undefined && values.length === 0) return text;
  return values
    .map((code) => localize(variable?.categories.find((c) => c.code === code)?.label, lang) || code)
    .join(' + ');
}

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * The supervisor's queue of disagreements: each unit's appeal and every coder's answer side by
 * side; a digit takes that coder's answer, or another value is set, with an optional reason.
 */
export function AdjudicationScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { project, codebook } = useCurrentProject();
  const me = useAppStore((state) => state.coderId)!;
  const projectId = useAppStore((state) => state.projectId) ?? '';
  // The current item by its position (positions never change while the screen shows the project).
  const [picked, setPicked] = useState<{ projectId: string; at: number } | null>(null);

  const { queue, decide, filter } = useQueue(projectId, me);
  const names = useLiveQuery(coderNames, []);
  const { variableId: variableFilter, pair: pairFilter, showSettled } = queue?.filter ?? NO_FILTER;
  const view = queue?.view ?? new Int32Array(0);
  // The pair filter's choices: the chosen variable's, or every variable's (a few thousand at most).
  const pairs = !queue ? [] : variableFilter ? (queue.variablePairs.get(variableFilter) ?? []) : queue.pairs;
  // The current item: its place in the view (by bisection), else the first.
  const position = picked?.projectId === projectId ? picked.at : undefined;
  const index = Math.max(0, position === undefined ? -1 : viewIndexOf(view, position));
  const current = queue && view[index] !== undefined ? entryAt(queue, view[index]) : undefined;

  if (project === undefined || !queue || !names) return null;
  if (!project || !codebook) return <NoProject title={t('nav.adjudication')} />;

  const { total, open } = queue;
  const pick = (at: number | undefined) => setPicked(at === undefined ? null : { projectId, at });
  const go = (step: number) => {
    const next = view[Math.min(view.length - 1, Math.max(0, index + step))];
    if (next !== undefined) pick(next);
  };
  /** The item a decision moves on to: the next open one after this one, else before it (the view may drop it). */
  const openAt = (i: number) => isOpenAt(queue, view[i]!);
  let after = index + 1;
  while (after < view.length && !openAt(after)) after++;
  if (after === view.length) for (after = 0; after < index && !openAt(after); after++);
  const upcoming = after === index || after === view.length ? undefined : view[after];
  const setFilter = (change: Partial<QueueFilter>) =>
    filter({ variableId: variableFilter, pair: pairFilter, showSettled, ...change });

  return (
    <section className="adjudication">
      <h1 id="screen-title">{t('nav.adjudication')}</h1>
      <div className="card progress-card">
        <p>
          {t('adjudication.progress', {
            settled: formatNumber(total - open, lang),
            total: formatNumber(total, lang),
            count: total,
          })}{' '}
          {t('adjudication.agreedAuto', { count: queue.agreed })}
        </p>
        {!queue.complete && (
          <p className="muted" role="status">
            {t('adjudicationQueue.building')}
          </p>
        )}
        <progress
          max={Math.max(1, total)}
          value={total - open}
          aria-label={t('adjudication.progressLabel')}
        />
      </div>
      {queue.complete && total === 0 && <p className="card empty">{t('adjudication.noOverlap')}</p>}
      {total > 0 && (
        <div className="adjudication-filters">
          <label>
            {t('adjudication.variable')}
            <select
              value={variableFilter}
              onChange={(e) => setFilter({ variableId: e.target.value, pair: '' })}
            >
              <option value="">{t('adjudication.all')}</option>
              {codebook.variables
                .filter((v) => v.kind !== 'text')
                .map((v) => (
                  <option key={v.id} value={v.id}>
                    {localize(v.label, lang)}
                  </option>
                ))}
            </select>
          </label>
          <label>
            {t('adjudication.pair')}
            <PairSelect
              pairs={pairs}
              value={pairFilter}
              codebook={codebook}
              variableId={variableFilter}
              onChange={(pair) => setFilter({ pair })}
            />
          </label>
          <label>
            <input
              type="checkbox"
              checked={showSettled}
              onChange={(e) => setFilter({ showSettled: e.target.checked })}
            />
            {t('adjudication.showSettled')}
          </label>
          <span className="muted small">{t('adjudication.keys')}</span>
        </div>
      )}
      {queue.complete && total > 0 && view.length === 0 && (
        <p className="card empty">{t('adjudication.allSettled')}</p>
      )}
      {current && (
        <div className="adjudication-body">
          <QueueList queue={queue} view={view} index={index} codebook={codebook} onPick={pick} />
          <Decision
            key={unitKey(current)}
            item={current}
            coders={queue.coders}
            projectId={projectId}
            position={{ index, count: view.length }}
            codebook={codebook}
            names={names}
            me={me}
            onDecide={(consensus) => decide(current.at, consensus)}
            upcoming={upcoming === undefined ? undefined : entryAt(queue, upcoming)}
            onDone={() => pick(upcoming)}
            onMove={go}
          />
        </div>
      )}
    </section>
  );
}

interface PairSelectProps {
  pairs: readonly string[];
  value: string;
  codebook: Codebook;
  variableId: string;
  onChange: (pair: string) => void;
}

/**
 * The pair filter. Its choices (a few thousand on a large project) are put into the page only
 * once the supervisor turns to the list (focus or press), not when the screen opens: until then
 * it holds "all" and the chosen pair.
 */
function PairSelect({ pairs, value, codebook, variableId, onChange }: PairSelectProps) {
  const { t } = useTranslation();
  const [wanted, setWanted] = useState(false);
  return (
    <select
      className="pair-filter"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onFocus={() => setWanted(true)}
      onPointerDown={() => setWanted(true)}
    >
      <option value="">{t('adjudication.all')}</option>
      <PairOptions
        pairs={wanted ? pairs : value ? [value] : []}
        codebook={codebook}
        variableId={variableId}
      />
    </select>
  );
}

interface PairOptionsProps {
  pairs: readonly string[];
  codebook: Codebook;
  variableId: string;
}

/** The pair filter's choices, named in the UI language: drawn again only when they change, not per decision. */
const PairOptions = memo(function PairOptions({ pairs, codebook, variableId }: PairOptionsProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  // Code → label over the variables in question, the first variable's label where codes repeat.
  const labels = new Map<string, string>();
  for (const v of codebook.variables.filter((v) => !variableId || v.id === variableId))
    for (const c of v.categories)
      if (!labels.has(c.code)) labels.set(c.code, localize(c.label, lang) || c.code);
  // The empty set in a pair is a coder's "none of these" (an answer only multiple choice has).
  const labelOf = (code: string) => labels.get(code) ?? (code === '∅' ? t('coding.answers.none') : code);
  const pairLabel = (pair: string) =>
    pair
      .split(' | ')
      .map((side) => side.split('+').map(labelOf).join(' + '))
      .join(' | ');
  return pairs.map((pair) => (
    <option key={pair} value={pair}>
      {pairLabel(pair)}
    </option>
  ));
});

interface QueueListProps {
  queue: QueueState;
  /** Positions in the queue of the rows, in order. */
  view: Int32Array;
  index: number;
  codebook: Codebook;
  onPick: (at: number) => void;
}

/** Rows drawn above and below the ones in view. */
const OVERSCAN = 10;
/** The list's height where the page measures nothing (jsdom): a screenful. */
const SCREENFUL = 600;

/**
 * The queue, virtualised: only the rows in view are in the page, whatever its length. Rows are
 * of one height, so the rows in view follow from the scroll position alone and a change of the
 * list costs the rows drawn, not its length.
 */
const QueueList = memo(function QueueList({ queue, view, index, codebook, onPick }: QueueListProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const scroller = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: SCREENFUL });
  // The current row is brought into view (as little scrolling as it takes).
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const top = index * ROW_HEIGHT;
    const height = element.clientHeight || SCREENFUL;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + height) element.scrollTop = top + ROW_HEIGHT - height;
  }, [index]);
  const first = Math.max(0, Math.floor(scroll.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(view.length, Math.ceil((scroll.top + scroll.height) / ROW_HEIGHT) + OVERSCAN);
  const labels = new Map(codebook.variables.map((v) => [v.id, localize(v.label, lang)]));
  const rows = [];
  for (let row = first; row < last; row++) {
    const item = entryAt(queue, view[row]!);
    rows.push(
      <li
        key={unitKey(item)}
        style={{
          position: 'absolute',
          top: 0,
          left: 0,
          right: 0,
          height: ROW_HEIGHT,
          transform: `translateY(${row * ROW_HEIGHT}px)`,
        }}
      >
        <button
          type="button"
          aria-current={row === index}
          className={isOpenAt(queue, item.at) ? undefined : 'settled'}
          onClick={() => onPick(item.at)}
        >
          <code>{item.appealId}</code> {labels.get(item.variableId)}
          {item.review && <span className="badge warning-badge">{t('adjudication.review')}</span>}
        </button>
      </li>,
    );
  }
  return (
    <div
      className="queue"
      ref={scroller}
      onScroll={(event) =>
        setScroll({
          top: event.currentTarget.scrollTop,
          height: event.currentTarget.clientHeight || SCREENFUL,
        })
      }
    >
      <ol aria-label={t('adjudication.queue')} style={{ height: view.length * ROW_HEIGHT }}>
        {rows}
      </ol>
    </div>
  );
});

/** A queue row's height in pixels (adjudication.css keeps a row on one line). */
const ROW_HEIGHT = 34;

interface DecisionProps {
  item: QueueEntry;
  /** Every coder with an answer in the project: the unit's answers are read by key for each. */
  coders: readonly string[];
  projectId: string;
  position: { index: number; count: number };
  /** The item a decision moves on to: read ahead while this one is shown. */
  upcoming: QueueEntry | undefined;
  codebook: Codebook;
  names: ReadonlyMap<string, string>;
  me: string;
  onDecide: (consensus: Consensus) => Promise<void>;
  onDone: () => void;
  onMove: (step: number) => void;
}

/**
 * What a unit shows, read when it is shown, by key: the appeal, each coder's answer (from
 * each coder's block of the appeal; a cleared coding is not an answer), its consensus and its
 * review flag.
 */
async function unitOf(projectId: string, appealId: string, variableId: string, coders: readonly string[]) {
  const unit = [projectId, appealId, variableId] as [string, string, string];
  const [appeal, answers, settled, review] = await Promise.all([
    appealById(projectId, appealId),
    unitAnswers(
      projectId,
      coders.map((coderId) => ({ coderId, appealId, variableId })),
    ),
    db.consensus.get(unit),
    db.reviews.get(unit),
  ]);
  const codings = answers
    .filter((coding) => coding !== undefined)
    .sort((a, b) => a.coderId.localeCompare(b.coderId));
  return { appeal, codings, settled, review };
}

type Unit = Awaited<ReturnType<typeof unitOf>>;

/**
 * The unit read ahead (the one a decision moves on to), so that a decision draws the next unit
 * as soon as it is written: taken once, and dropped when a decision settles that unit.
 */
let ahead: { key: string; read: Promise<Unit> } | undefined;
type UnitId = Pick<QueueEntry, 'appealId' | 'variableId'>;
const aheadKey = (projectId: string, item: UnitId) => `${projectId}\u0000${unitKey(item)}`;

function readUnit(projectId: string, item: UnitId, coders: readonly string[]): Promise<Unit> {
  const key = aheadKey(projectId, item);
  const read = ahead?.key === key ? ahead.read : unitOf(projectId, item.appealId, item.variableId, coders);
  if (ahead?.key === key) ahead = undefined;
  return read;
}

function readAhead(projectId: string, item: UnitId, coders: readonly string[]) {
  const key = aheadKey(projectId, item);
  if (ahead?.key === key) return;
  const read = unitOf(projectId, item.appealId, item.variableId, coders);
  // A failed read ahead is read again when the unit is shown.
  read.catch(() => ahead?.read === read && (ahead = undefined));
  ahead = { key, read };
}

/**
 * One disagreement: drawn once its answers are read, so that a digit key always has an answer
 * to take. Read once, not watched: the worker writes agreed units to the consensus meanwhile,
 * and a watched read would run again after each of those writes.
 */
function Decision(props: DecisionProps) {
  const { projectId, coders } = props;
  const { appealId, variableId } = props.item;
  const next = props.upcoming;
  const [unit, setUnit] = useState<{ unit: Unit } | { error: unknown }>();
  useEffect(() => {
    let live = true;
    readUnit(projectId, { appealId, variableId }, coders).then(
      (read) => live && setUnit({ unit: read }),
      (error: unknown) => live && setUnit({ error }),
    );
    return () => {
      live = false;
    };
  }, [projectId, appealId, variableId, coders]);
  // Once this unit is in, the next one is read while the supervisor looks at this one.
  const loaded = unit !== undefined;
  const [nextAppeal, nextVariable] = next ? [next.appealId, next.variableId] : [];
  useEffect(() => {
    if (loaded && nextAppeal !== undefined && nextVariable !== undefined)
      readAhead(projectId, { appealId: nextAppeal, variableId: nextVariable }, coders);
  }, [loaded, projectId, nextAppeal, nextVariable, coders]);
  if (unit && 'error' in unit) throw unit.error;
  return unit ? <DecisionCard {...props} {...unit.unit} /> : null;
}

type DecisionCardProps = DecisionProps & Unit;

/** One disagreement: the appeal, every coder's answer, and the supervisor's decision. */
function DecisionCard({
  item,
  projectId,
  position,
  codebook,
  names,
  me,
  onDecide,
  onDone,
  onMove,
  appeal,
  codings,
  ...read
}: DecisionCardProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const variable = codebook.variables.find((v) => v.id === item.variableId);
  // As read, then as decided here: settled, no longer flagged.
  const [{ settled, review }, setDecided] = useState<Pick<Unit, 'settled' | 'review'>>(read);
  const [reason, setReason] = useState(settled?.reason ?? '');
  const [other, setOther] = useState<string[]>(settled?.values ?? []);
  const [error, setError] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  async function decide(values: string[], text?: string) {
    const consensus: Consensus = {
      projectId,
      appealId: item.appealId,
      variableId: item.variableId,
      values,
      ...(text !== undefined ? { text } : {}),
      method: 'adjudicated',
      by: me,
      at: new Date().toISOString(),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    };
    try {
      if (ahead?.key === aheadKey(projectId, item)) ahead = undefined;
      await onDecide(consensus);
      setDecided({ settled: consensus, review: undefined });
      onDone();
    } catch {
      setError(true);
    }
  }
  const take = (coding: Coding) => void decide(coding.values, coding.text);

  // Keyboard first, as on the coding screen; keys typed into the reason field stay there.
  // Subscribed anew on each render, so the handler always sees this render's answers; before
  // the card is painted, so a key pressed the moment it shows is not lost.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (typing(event.target)) {
        if (event.key === 'Escape') (event.target as HTMLElement).blur();
        return;
      }
      const digit = Number(event.key);
      if (Number.isInteger(digit) && digit >= 1 && digit <= codings.length) take(codings[digit - 1]!);
      else if (event.key === 'ArrowDown' || event.key === 'j') onMove(1);
      else if (event.key === 'ArrowUp' || event.key === 'k') onMove(-1);
      else if (event.key === 'r') reasonRef.current?.focus();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // An empty set on multiple choice is the coder's "none of these", named as the coding screen names it.
  const answer = (values: readonly string[], text?: string) =>
    answerText(variable, values, text, lang) ||
    (variable?.kind === 'multi' && text === undefined ? t('coding.answers.none') : t('adjudication.empty'));
  const toggle = (code: string) =>
    setOther(
      variable?.kind === 'multi'
        ? other.includes(code)
          ? other.filter((c) => c !== code)
          : [...other, code]
        : [code],
    );

  return (
    <article className="card decision" aria-labelledby="decision-title">
      <h2 id="decision-title">
        {t('adjudication.position', {
          n: formatNumber(position.index + 1, lang),
          total: formatNumber(position.count, lang),
        })}{' '}
        · {localize(variable?.label, lang) || item.variableId} · <code>{item.appealId}</code>
      </h2>
      {review && (
        <p className="warning">
          {t('adjudication.reviewNote', {
            coder: names.get(review.coderId) ?? review.coderId,
            before: answer(review.before),
            after: answer(review.after),
          })}
        </p>
      )}
      {settled && (
        <p className="muted">
          {t(`adjudication.settledAs.${settled.method}`, {
            answer: answer(settled.values, settled.text),
            by: names.get(settled.by) ?? settled.by,
          })}
        </p>
      )}
      <blockquote className="appeal-text">{appeal?.text}</blockquote>
      <table className="data answers">
        <thead>
          <tr>
            <th>{t('adjudication.key')}</th>
            <th>{t('coders.name')}</th>
            <th>{t('adjudication.answer')}</th>
            <th>{t('adjudication.note')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {codings.map((coding, i) => (
            <tr key={coding.coderId}>
              <td>
                <kbd>{i + 1}</kbd>
              </td>
              <td>{names.get(coding.coderId) ?? coding.coderId}</td>
              <td>
                {answer(coding.values, coding.text)}
                {coding.unsure && <span className="badge warning-badge">{t('adjudication.unsure')}</span>}
              </td>
              <td className="note">{coding.note}</td>
              <td>
                <button type="button" className="primary" onClick={() => take(coding)}>
                  {t('adjudication.takeThis')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="reason">
        {t('adjudication.reason')}
        <textarea ref={reasonRef} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
      </label>
      {variable && variable.categories.length > 0 && (
        <details className="other-value">
          <summary>{t('adjudication.other')}</summary>
          <div className="actions">
            {variable.categories
              .filter((c) => !c.retired)
              .map((c) => (
                <button
                  key={c.code}
                  type="button"
                  aria-pressed={other.includes(c.code)}
                  onClick={() => toggle(c.code)}
                >
                  {localize(c.label, lang) || c.code}
                </button>
              ))}
          </div>
          <button type="button" className="primary" onClick={() => void decide(other)}>
            {t('adjudication.saveOther')}
          </button>
        </details>
      )}
      {error && (
        <p role="alert" className="warning">
          {t('adjudication.saveFailed')}
        </p>
      )}
    </article>
  );
}
