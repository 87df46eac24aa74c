import { Dexie, type IndexableType } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type Codebook, type Lang, type Variable } from '../../../shared/model/index.ts';
import { db } from '../../db/db.ts';
import { coderNames, projectCoderIds, unitAnswers } from '../../db/queries.ts';
import { formatNumber, formatPercent } from '../../i18n.ts';
import { trainingResult } from './trainingResult.ts';

/** Consensus keys read per request: the UI thread takes them a slice at a time. */
const KEYS_AT_A_TIME = 20_000;

/**
 * Appeals settled for every choice variable (only they can be a gold standard), in id order:
 * counted on the consensus keys, a slice at a time, without reading its rows.
 */
async function settledAppeals(projectId: string, needed: number): Promise<string[]> {
  const settled: string[] = [];
  let appealId = '';
  let count = 0;
  // After the first slice, each starts past the last key read.
  let from: IndexableType = [projectId, Dexie.minKey];
  let past = false;
  for (;;) {
    const keys: [string, string, string][] = await db.consensus
      .where('[projectId+appealId+variableId]')
      .between(from, [projectId, Dexie.maxKey], !past, true)
      .limit(KEYS_AT_A_TIME)
      .primaryKeys();
    for (const [, id] of keys) {
      if (id !== appealId) {
        if (count >= needed && appealId) settled.push(appealId);
        appealId = id;
        count = 0;
      }
      count++;
    }
    if (keys.length < KEYS_AT_A_TIME) break;
    from = keys.at(-1)!;
    past = true;
  }
  if (count >= needed && appealId) settled.push(appealId);
  return settled;
}

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

  // Read by key and by index, never every coding or consensus row: this section is on the
  // screen a merge returns to, and its queries run again when the merge commits.
  const sets = useLiveQuery(
    () => db.trainingSets.where('projectId').equals(projectId).toArray(),
    [projectId],
  );
  const data = useLiveQuery(async () => {
    const [settled, coderIds] = await Promise.all([
      settledAppeals(projectId, codebook.variables.filter((v) => v.kind !== 'text').length),
      projectCoderIds(projectId),
    ]);
    return { settled, coderIds };
  }, [projectId, codebook]);
  const names = useLiveQuery(coderNames, []);
  const set = sets?.find((s) => s.id === chosenSet) ?? sets?.[0];
  // The set's gold standard and the chosen coder's answers on its appeals, read by key.
  const result = useLiveQuery(async () => {
    if (!set) return null;
    const units = set.appealIds.flatMap((appealId) =>
      codebook.variables.map((v): [string, string, string] => [projectId, appealId, v.id]),
    );
    const [gold, own] = await Promise.all([
      db.consensus.bulkGet(units),
      unitAnswers(
        projectId,
        units.map(([, appealId, variableId]) => ({ coderId: chosenCoder, appealId, variableId })),
      ),
    ]);
    return trainingResult(
      set,
      codebook,
      gold.filter((c) => c !== undefined),
      own.filter((c) => c !== undefined),
      chosenCoder,
    );
  }, [projectId, codebook, set, chosenCoder]);
  if (!sets || !data || !names) return null;

  const coders = [...new Set([me, ...data.coderIds])];
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
                {sets.map((s) => (
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
                    {names.get(id) ?? id}
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
