import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localize,
  type Codebook,
  type Coding,
  type Lang,
  type Variable,
} from '../../../shared/model/index.ts';
import { NoProject } from '../../components/NoProject.tsx';
import { db } from '../../db/db.ts';
import { coderNames, projectCodings } from '../../db/queries.ts';
import { formatNumber } from '../../i18n.ts';
import { useAppStore } from '../../store/index.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';
import { buildQueue, isOpen, settle, settleAgreed, unitKey, type QueueItem } from './adjudicationQueue.ts';
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

  const data = useLiveQuery(async () => {
    const [codings, names, consensus, reviews] = await Promise.all([
      projectCodings(projectId),
      coderNames(),
      db.consensus.where('projectId').equals(projectId).toArray(),
      db.reviews.where('projectId').equals(projectId).toArray(),
    ]);
    return { projectId, names, ...buildQueue(codings, consensus, reviews) };
  }, [projectId]);

  // Units every coder agrees on go into the consensus as "agreed", without a click.
  const agreedOpen = useMemo(() => (data?.projectId === projectId ? data.agreedOpen : []), [data, projectId]);
  useEffect(() => {
    if (agreedOpen.length > 0) void settleAgreed(agreedOpen, me);
  }, [agreedOpen, me]);

  const items = useMemo(
    () =>
      (data?.items ?? []).filter(
        (item) =>
          (!variableFilter || item.unit.variableId === variableFilter) &&
          (!pairFilter || item.pair === pairFilter) &&
          (showSettled || isOpen(item)),
      ),
    [data, variableFilter, pairFilter, showSettled],
  );
  const index = Math.max(
    0,
    items.findIndex((item) => unitKey(item.unit) === currentKey),
  );
  const current = items[index];

  if (project === undefined || !data) return null;
  if (!project || !codebook) return <NoProject title={t('nav.adjudication')} />;

  const total = data.items.length;
  const open = data.items.filter(isOpen).length;
  const pairs = [
    ...new Set(
      data.items.filter((i) => !variableFilter || i.unit.variableId === variableFilter).map((i) => i.pair),
    ),
  ].sort();
  const labelOf = (code: string) => {
    const variables = codebook.variables.filter((v) => !variableFilter || v.id === variableFilter);
    for (const v of variables) {
      const category = v.categories.find((c) => c.code === code);
      if (category) return localize(category.label, lang) || code;
    }
    return code === '∅' ? t('adjudication.empty') : code;
  };
  const pairLabel = (pair: string) =>
    pair
      .split(' | ')
      .map((side) => side.split('+').map(labelOf).join(' + '))
      .join(' | ');
  const go = (step: number) => {
    const next = items[Math.min(items.length - 1, Math.max(0, index + step))];
    if (next) setCurrentKey(unitKey(next.unit));
  };
  /** After a decision: the next open item after this one (the list may drop the settled one). */
  const advance = (item: QueueItem) => {
    const after = items.slice(index + 1).find(isOpen) ?? items.slice(0, index).find(isOpen);
    setCurrentKey(after && after !== item ? unitKey(after.unit) : null);
  };

  return (
    <section className="adjudication">
      <h1 id="screen-title">{t('nav.adjudication')}</h1>
      <div className="card progress-card">
        <p>
          {t('adjudication.progress', {
            settled: formatNumber(total - open, lang),
            total: formatNumber(total, lang),
          })}{' '}
          {t('adjudication.agreedAuto', { count: data.agreed })}
        </p>
        <progress
          max={Math.max(1, total)}
          value={total - open}
          aria-label={t('adjudication.progressLabel')}
        />
      </div>
      {total === 0 && <p className="card empty">{t('adjudication.noOverlap')}</p>}
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
          <ol className="queue" aria-label={t('adjudication.queue')}>
            {items.map((item, i) => (
              <li key={unitKey(item.unit)}>
                <button
                  type="button"
                  aria-current={i === index}
                  className={isOpen(item) ? undefined : 'settled'}
                  onClick={() => setCurrentKey(unitKey(item.unit))}
                >
                  <code>{item.unit.appealId}</code>{' '}
                  {localize(codebook.variables.find((v) => v.id === item.unit.variableId)?.label, lang)}
                  {item.review && <span className="badge warning-badge">{t('adjudication.review')}</span>}
                </button>
              </li>
            ))}
          </ol>
          <Decision
            key={unitKey(current.unit)}
            item={current}
            position={{ index, count: items.length }}
            codebook={codebook}
            names={data.names}
            me={me}
            onDone={() => advance(current)}
            onMove={go}
          />
        </div>
      )}
    </section>
  );
}

interface DecisionProps {
  item: QueueItem;
  position: { index: number; count: number };
  codebook: Codebook;
  names: ReadonlyMap<string, string>;
  me: string;
  onDone: () => void;
  onMove: (step: number) => void;
}

/** One disagreement: the appeal, every coder's answer, and the supervisor's decision. */
function Decision({ item, position, codebook, names, me, onDone, onMove }: DecisionProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { unit, settled, review } = item;
  const variable = codebook.variables.find((v) => v.id === unit.variableId);
  const [reason, setReason] = useState(settled?.reason ?? '');
  const [other, setOther] = useState<string[]>(settled?.values ?? []);
  const [error, setError] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const appeal = useLiveQuery(() => db.appeals.get([unit.codings[0]!.projectId, unit.appealId]), [unit]);
  const codings = [...unit.codings].sort((a, b) => a.coderId.localeCompare(b.coderId));

  async function decide(values: string[], text?: string) {
    try {
      await settle({
        projectId: unit.codings[0]!.projectId,
        appealId: unit.appealId,
        variableId: unit.variableId,
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

  const answer = (values: readonly string[], text?: string) =>
    answerText(variable, values, text, lang) || t('adjudication.empty');
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
        {t('adjudication.position', { n: position.index + 1, count: position.count })} ·{' '}
        {localize(variable?.label, lang) || unit.variableId} · <code>{unit.appealId}</code>
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
