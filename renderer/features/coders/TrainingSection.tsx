import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type Codebook, type Lang, type Variable } from '../../../shared/model/index.ts';
import { db } from '../../db/db.ts';
import { coderNames } from '../../db/queries.ts';
import { formatNumber, formatPercent } from '../../i18n.ts';
import { trainingResult } from './trainingResult.ts';

interface Props {
  projectId: string;
  codebook: Codebook;
  me: string;
}

/**
 * Gold-standard training: the supervisor marks the consensus of settled appeals as a training set;
 * a new coder codes those appeals and sees, per variable, how far they match it, and every case
 * they got wrong with the categories' definitions.
 */
export function TrainingSection({ projectId, codebook, me }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [name, setName] = useState('');
  const [size, setSize] = useState(20);
  const [chosenSet, setChosenSet] = useState('');
  const [chosenCoder, setChosenCoder] = useState(me);

  // Keys and the chosen set's records only: a project's codings are never all read here.
  const data = useLiveQuery(async () => {
    const [sets, settledKeys, coderKeys, names] = await Promise.all([
      db.trainingSets.where('projectId').equals(projectId).toArray(),
      db.consensus.where('projectId').equals(projectId).primaryKeys(),
      db.codings
        .where('[projectId+coderId]')
        .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
        .uniqueKeys(),
      coderNames(),
    ]);
    // Appeals settled for every choice variable: only they can be a gold standard.
    const needed = codebook.variables.filter((v) => v.kind !== 'text').length;
    const perAppeal = new Map<string, number>();
    for (const [, appealId] of settledKeys) perAppeal.set(appealId, (perAppeal.get(appealId) ?? 0) + 1);
    const settled = [...perAppeal]
      .filter(([, n]) => n >= needed)
      .map(([id]) => id)
      .sort();
    const coders = coderKeys.map((key) => (key as unknown as [string, string])[1]);
    return { sets, coders, names, settled };
  }, [projectId, codebook]);
  const set = data?.sets.find((s) => s.id === chosenSet) ?? data?.sets[0];
  // The set's gold standard, and the chosen coder's codings of its appeals.
  const detail = useLiveQuery(async () => {
    if (!set) return null;
    const [consensus, codings] = await Promise.all([
      db.consensus
        .bulkGet(
          set.appealIds.flatMap((id) =>
            codebook.variables.map((v): [string, string, string] => [projectId, id, v.id]),
          ),
        )
        .then((found) => found.filter((c) => c !== undefined)),
      db.codings
        .where('[projectId+coderId+appealId]')
        .anyOf(set.appealIds.map((id) => [projectId, chosenCoder, id]))
        .toArray(),
    ]);
    return { set, coderId: chosenCoder, consensus, codings };
  }, [projectId, codebook, set, chosenCoder]);
  if (!data) return null;

  const result =
    set && detail?.set.id === set.id && detail.coderId === chosenCoder
      ? trainingResult(set, codebook, detail.consensus, detail.codings, chosenCoder)
      : null;
  const coders = [...new Set([me, ...data.coders])];
  const take = Math.min(size, data.settled.length);

  async function create() {
    const id = `training-${Date.now().toString(36)}`;
    await db.trainingSets.add({
      projectId,
      id,
      name: name.trim() || t('coders.training.defaultName', { count: take }),
      appealIds: data!.settled.slice(0, take),
      by: me,
      createdAt: new Date().toISOString(),
    });
    setChosenSet(id);
    setName('');
  }

  const label = (variable: Variable, codes: readonly string[], text?: string) =>
    text !== undefined && codes.length === 0
      ? text
      : codes
          .map((code) => localize(variable.categories.find((c) => c.code === code)?.label, lang) || code)
          .join(' + ') || (variable.kind === 'multi' ? t('coding.answers.none') : t('adjudication.empty'));
  const definitions = (variable: Variable, codes: readonly string[]) =>
    codes
      .map((code) => variable.categories.find((c) => c.code === code))
      .filter((c) => c !== undefined)
      .map((c) => `${localize(c.label, lang)}: ${localize(c.definition, lang)}`);

  return (
    <section className="training" aria-labelledby="training-title">
      <h2 id="training-title">{t('coders.training.title')}</h2>
      <p className="muted">{t('coders.training.lead')}</p>
      <div className="card actions">
        <label>
          {t('coders.training.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('coders.training.size')}
          <input
            type="number"
            min={1}
            value={size}
            onChange={(e) => setSize(Math.max(1, Number(e.target.value) || 1))}
          />
        </label>
        <button type="button" disabled={take === 0} onClick={() => void create()}>
          {t('coders.training.create', { count: take })}
        </button>
        <span className="muted small">{t('coders.training.available', { count: data.settled.length })}</span>
      </div>
      {set && (
        <div className="card">
          <div className="actions">
            <label>
              {t('coders.training.set')}
              <select value={set.id} onChange={(e) => setChosenSet(e.target.value)}>
                {data.sets.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('coders.name')}
              <select value={chosenCoder} onChange={(e) => setChosenCoder(e.target.value)}>
                {coders.map((id) => (
                  <option key={id} value={id}>
                    {data.names.get(id) ?? id}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {result && (
            <>
              <p>
                {t('coders.training.coded', {
                  coded: formatNumber(result.coded, lang),
                  total: formatNumber(set.appealIds.length, lang),
                  count: set.appealIds.length,
                })}
              </p>
              <table className="data" aria-label={t('coders.training.title')}>
                <thead>
                  <tr>
                    <th>{t('agreement.variable')}</th>
                    <th className="num">{t('agreement.units')}</th>
                    <th className="num">{t('coders.training.match')}</th>
                    <th className="num">{t('agreement.cohen')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.variables.map((v) => (
                    <tr key={v.variable.id}>
                      <td>{localize(v.variable.label, lang)}</td>
                      <td className="num">{formatNumber(v.units, lang)}</td>
                      <td className="num">{v.units > 0 ? formatPercent(v.agreed / v.units, lang) : '—'}</td>
                      <td className="num">
                        {v.kappa?.value != null
                          ? formatNumber(v.kappa.value, lang, {
                              minimumFractionDigits: 3,
                              maximumFractionDigits: 3,
                            })
                          : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {result.misses.length > 0 && (
                <>
                  <h3>{t('coders.training.misses', { count: result.misses.length })}</h3>
                  <ul className="training-misses">
                    {result.misses.map((miss) => (
                      <li key={`${miss.appealId}/${miss.variable.id}`}>
                        <code>{miss.appealId}</code> <strong>{localize(miss.variable.label, lang)}</strong>
                        <div>
                          {t('coders.training.gold', {
                            answer: label(miss.variable, miss.gold.values, miss.gold.text),
                          })}
                          {' · '}
                          {t('coders.training.yours', {
                            answer: label(miss.variable, miss.given.values, miss.given.text),
                          })}
                        </div>
                        <ul className="muted small">
                          {definitions(miss.variable, [
                            ...new Set([...miss.gold.values, ...miss.given.values]),
                          ]).map((text) => (
                            <li key={text}>{text}</li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}
