import { useVirtualizer } from '@tanstack/react-virtual';
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
import { coderNames } from '../../db/queries.ts';
import { formatNumber } from '../../i18n.ts';
import { useAppStore } from '../../store/index.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';
import { isOpen, unitKey, type QueueItem } from './adjudicationQueue.ts';
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
  const [variableFilter, setVariableFilter] = useState('');
  const [pairFilter, setPairFilter] = useState('');
  const [showSettled, setShowSettled] = useState(false);
  const [currentKey, setCurrentKey] = useState<string | null>(null);

  const { queue, decide } = useQueue(projectId, me);
  const names = useLiveQuery(coderNames, []);
  const all = queue?.items;

  const items = useMemo(
    () =>
      (all ?? []).filter(
        (item) =>
          (!variableFilter || item.variableId === variableFilter) &&
          (!pairFilter || item.pair === pairFilter) &&
          (showSettled || isOpen(item)),
      ),
    [all, variableFilter, pairFilter, showSettled],
  );
  const open = useMemo(() => (all ?? []).filter(isOpen).length, [all]);
  const pairs = useMemo(
    () =>
      [
        ...new Set(
          (all ?? []).filter((i) => !variableFilter || i.variableId === variableFilter).map((i) => i.pair),
        ),
      ].sort(),
    [all, variableFilter],
  );
  const index = Math.max(
    0,
    items.findIndex((item) => unitKey(item) === currentKey),
  );
  const current = items[index];

  if (project === undefined || !queue || !names) return null;
  if (!project || !codebook) return <NoProject title={t('nav.adjudication')} />;

  const total = queue.items.length;
  const labelOf = (code: string) => {
    const variables = codebook.variables.filter((v) => !variableFilter || v.id === variableFilter);
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
  const go = (step: number) => {
    const next = items[Math.min(items.length - 1, Math.max(0, index + step))];
    if (next) setCurrentKey(unitKey(next));
  };
  /** After a decision: the next open item after this one (the list may drop the settled one). */
  const advance = (item: QueueItem) => {
    const after = items.slice(index + 1).find(isOpen) ?? items.slice(0, index).find(isOpen);
    setCurrentKey(after && after !== item ? unitKey(after) : null);
  };

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
              onChange={(e) => {
                setVariableFilter(e.target.value);
                setPairFilter('');
              }}
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
            <select value={pairFilter} onChange={(e) => setPairFilter(e.target.value)}>
              <option value="">{t('adjudication.all')}</option>
              {pairs.map((pair) => (
                <option key={pair} value={pair}>
                  {pairLabel(pair)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={showSettled} onChange={(e) => setShowSettled(e.target.checked)} />
            {t('adjudication.showSettled')}
          </label>
          <span className="muted small">{t('adjudication.keys')}</span>
        </div>
      )}
      {total > 0 && items.length === 0 && <p className="card empty">{t('adjudication.allSettled')}</p>}
      {current && (
        <div className="adjudication-body">
          <QueueList
            items={items}
            index={index}
            codebook={codebook}
            onPick={(item) => setCurrentKey(unitKey(item))}
          />
          <Decision
            key={unitKey(current)}
            item={current}
            projectId={projectId}
            position={{ index, count: items.length }}
            codebook={codebook}
            names={names}
            me={me}
            onDecide={decide}
            onDone={() => advance(current)}
            onMove={go}
          />
        </div>
      )}
    </section>
  );
}

interface QueueListProps {
  items: readonly QueueItem[];
  index: number;
  codebook: Codebook;
  onPick: (item: QueueItem) => void;
}

/** The queue, virtualised: only the rows in view are in the page, whatever its length. */
const QueueList = memo(function QueueList({ items, index, codebook, onPick }: QueueListProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const scroller = useRef<HTMLDivElement>(null);
  // The compiler leaves this component alone (its values come from the virtualizer); memo() redraws it on new props.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // Where nothing can be measured (no ResizeObserver, as in jsdom), a screenful is drawn.
    ...(typeof ResizeObserver === 'undefined'
      ? {
          observeElementRect: (_: unknown, update: (rect: { width: number; height: number }) => void) =>
            update(SCREENFUL),
        }
      : {}),
  });
  useEffect(() => rows.scrollToIndex(index, { align: 'auto' }), [rows, index]);
  const labels = new Map(codebook.variables.map((v) => [v.id, localize(v.label, lang)]));
  return (
    <div className="queue" ref={scroller}>
      <ol aria-label={t('adjudication.queue')} style={{ height: rows.getTotalSize() }}>
        {rows.getVirtualItems().map((row) => {
          const item = items[row.index]!;
          return (
            <li
              key={unitKey(item)}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: ROW_HEIGHT,
                transform: `translateY(${row.start}px)`,
              }}
            >
              <button
                type="button"
                aria-current={row.index === index}
                className={isOpen(item) ? undefined : 'settled'}
                onClick={() => onPick(item)}
              >
                <code>{item.appealId}</code> {labels.get(item.variableId)}
                {item.review && <span className="badge warning-badge">{t('adjudication.review')}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
});

const SCREENFUL = { width: 300, height: 600 };

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
    async () =>
      (await db.codings.where('[projectId+appealId]').equals([projectId, item.appealId]).toArray())
        .filter((c) => c.variableId === item.variableId)
        .sort((a, b) => a.coderId.localeCompare(b.coderId)),
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
