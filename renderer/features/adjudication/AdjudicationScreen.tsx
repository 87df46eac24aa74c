import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
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
import { coderNames, unitCodings } from '../../db/queries.ts';
import { formatNumber } from '../../i18n.ts';
import { useAppStore } from '../../store/index.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';
import { isOpen, unitKey, type QueueItem } from './adjudicationQueue.ts';
import { NO_FILTER, viewIndexOf, type QueueFilter } from './queueState.ts';
import { useQueue } from './useQueue.ts';
import './adjudication.css';

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
  const [currentKey, setCurrentKey] = useState<string | null>(null);

  const { queue, decide, filter } = useQueue(projectId, me);
  const names = useLiveQuery(coderNames, []);
  const { variableId: variableFilter, pair: pairFilter, showSettled } = queue?.filter ?? NO_FILTER;
  const view = queue?.view ?? [];
  const all = queue?.items ?? [];
  // The pair filter's choices: the chosen variable's, or every variable's (a few hundred at most).
  const pairs = useMemo(() => {
    const lists = queue?.pairs ?? new Map<string, readonly string[]>();
    if (variableFilter) return lists.get(variableFilter) ?? [];
    return [...new Set([...lists.values()].flat())].sort();
  }, [queue?.pairs, variableFilter]);
  // The current item by its key (an index, not a search): its place in the view, else the first.
  const position = currentKey === null ? undefined : queue?.positions.get(currentKey);
  const index = Math.max(0, position === undefined ? -1 : viewIndexOf(view, position));
  const current = view[index] === undefined ? undefined : all[view[index]];

  if (project === undefined || !queue || !names) return null;
  if (!project || !codebook) return <NoProject title={t('nav.adjudication')} />;

  const { total, open } = queue;
  const go = (step: number) => {
    const next = view[Math.min(view.length - 1, Math.max(0, index + step))];
    if (next !== undefined) setCurrentKey(unitKey(all[next]!));
  };
  /** After a decision: the next open item after this one, else before it (the view may drop it). */
  const advance = () => {
    const isOpenAt = (i: number) => isOpen(all[view[i]!]!);
    let after = index + 1;
    while (after < view.length && !isOpenAt(after)) after++;
    if (after === view.length) for (after = 0; after < index && !isOpenAt(after); after++);
    setCurrentKey(after === index || after === view.length ? null : unitKey(all[view[after]!]!));
  };
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
            <select value={pairFilter} onChange={(e) => setFilter({ pair: e.target.value })}>
              <option value="">{t('adjudication.all')}</option>
              <PairOptions pairs={pairs} codebook={codebook} variableId={variableFilter} />
            </select>
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
          <QueueList
            items={all}
            view={view}
            index={index}
            codebook={codebook}
            onPick={(item) => setCurrentKey(unitKey(item))}
          />
          <Decision
            key={unitKey(current)}
            item={current}
            projectId={projectId}
            position={{ index, count: view.length }}
            codebook={codebook}
            names={names}
            me={me}
            onDecide={decide}
            onDone={advance}
            onMove={go}
          />
        </div>
      )}
    </section>
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
  const labelOf = (code: string) => {
    const variables = codebook.variables.filter((v) => !variableId || v.id === variableId);
    for (const v of variables) {
      const category = v.categories.find((c) => c.code === code);
      if (category) return localize(category.label, lang) || code;
    }
    // The empty set in a pair is a coder's "none of these" (an answer only multiple choice has).
    return code === '∅' ? t('coding.answers.none') : code;
  };
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
  items: readonly QueueItem[];
  /** Positions in `items` of the rows, in order. */
  view: readonly number[];
  index: number;
  codebook: Codebook;
  onPick: (item: QueueItem) => void;
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
const QueueList = memo(function QueueList({ items, view, index, codebook, onPick }: QueueListProps) {
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
    const item = items[view[row]!]!;
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
          className={isOpen(item) ? undefined : 'settled'}
          onClick={() => onPick(item)}
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
  item: QueueItem;
  projectId: string;
  position: { index: number; count: number };
  codebook: Codebook;
  names: ReadonlyMap<string, string>;
  me: string;
  onDecide: (consensus: Consensus) => Promise<void>;
  onDone: () => void;
  onMove: (step: number) => void;
}

/** One disagreement: the appeal, every coder's answer, and the supervisor's decision. */
function Decision({
  item,
  projectId,
  position,
  codebook,
  names,
  me,
  onDecide,
  onDone,
  onMove,
}: DecisionProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { settled, review } = item;
  const variable = codebook.variables.find((v) => v.id === item.variableId);
  const [reason, setReason] = useState(settled?.reason ?? '');
  const [other, setOther] = useState<string[]>(settled?.values ?? []);
  const [error, setError] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const appeal = useLiveQuery(() => db.appeals.get([projectId, item.appealId]), [projectId, item.appealId]);
  // The unit's answers, read by index when it is shown (cleared codings are in their own table).
  const loaded = useLiveQuery(
    () => unitCodings(projectId, item.appealId, item.variableId),
    [projectId, item.appealId, item.variableId],
  );
  const codings = loaded ?? [];

  async function decide(values: string[], text?: string) {
    try {
      await onDecide({
        projectId,
        appealId: item.appealId,
        variableId: item.variableId,
        values,
        ...(text !== undefined ? { text } : {}),
        method: 'adjudicated',
        by: me,
        at: new Date().toISOString(),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      onDone();
    } catch {
      setError(true);
    }
  }
  const take = (coding: Coding) => void decide(coding.values, coding.text);

  // Keyboard first, as on the coding screen; keys typed into the reason field stay there.
  // Subscribed anew on each render, so the handler always sees this render's answers.
  useEffect(() => {
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

  // Drawn with its answers, so that a digit key always has an answer to take.
  if (!loaded) return null;
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
