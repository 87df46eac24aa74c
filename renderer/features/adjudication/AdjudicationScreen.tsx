import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { codingUnits, unitAgrees, type CodingUnit } from '../../../shared/consensus/codingUnits.ts';
import {
  localize,
  type Codebook,
  type Coding,
  type Consensus,
  type Lang,
} from '../../../shared/model/index.ts';
import { NoProject } from '../../components/NoProject.tsx';
import { db } from '../../db/db.ts';
import { coderNames, projectCodings } from '../../db/queries.ts';
import { formatNumber } from '../../i18n.ts';
import { useAppStore } from '../../store/index.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';

function consensusOf(unit: CodingUnit, from: Coding, method: Consensus['method'], by: string): Consensus {
  return {
    projectId: from.projectId,
    appealId: unit.appealId,
    variableId: unit.variableId,
    values: from.values,
    ...(from.text !== undefined ? { text: from.text } : {}),
    method,
    by,
    at: new Date().toISOString(),
  };
}

function answerLabel(codebook: Codebook, coding: Coding, lang: Lang): string {
  const variable = codebook.variables.find((v) => v.id === coding.variableId);
  if (coding.text !== undefined && coding.values.length === 0) return coding.text;
  return coding.values
    .map((code) => localize(variable?.categories.find((c) => c.code === code)?.label, lang) || code)
    .join(' + ');
}

/** Settles every unit coded by two or more coders into the consensus dataset. */
export function AdjudicationScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { project, codebook } = useCurrentProject();
  const me = useAppStore((state) => state.coderId)!;
  const projectId = project?.id ?? '';

  const data = useLiveQuery(async () => {
    const [codings, names, settled] = await Promise.all([
      projectCodings(projectId),
      coderNames(),
      db.consensus.where('projectId').equals(projectId).toArray(),
    ]);
    const units = codingUnits(codings);
    const done = new Map(settled.map((c) => [`${c.appealId}\u0000${c.variableId}`, c]));
    return {
      names,
      units,
      agreed: units.filter(unitAgrees),
      disputed: units.filter((unit) => !unitAgrees(unit)),
      done,
    };
  }, [projectId]);

  if (project === undefined || !data) return null;
  if (!project || !codebook) return <NoProject title={t('nav.adjudication')} />;
  const isDone = (unit: CodingUnit) => data.done.has(`${unit.appealId}\u0000${unit.variableId}`);
  const agreedOpen = data.agreed.filter((unit) => !isDone(unit));

  async function acceptAgreed() {
    await db.consensus.bulkPut(agreedOpen.map((unit) => consensusOf(unit, unit.codings[0]!, 'agreed', me)));
  }

  return (
    <section>
      <h1 id="screen-title">{t('nav.adjudication')}</h1>
      <div className="card">
        <p>
          {t('adjudication.summary', {
            units: formatNumber(data.units.length, lang),
            agreed: formatNumber(data.agreed.length, lang),
            disputed: formatNumber(data.disputed.length, lang),
            settled: formatNumber(data.done.size, lang),
          })}
        </p>
        <button
          type="button"
          className="primary"
          disabled={agreedOpen.length === 0}
          onClick={() => void acceptAgreed()}
        >
          {t('adjudication.acceptAgreed', { count: agreedOpen.length })}
        </button>
      </div>
      {data.units.length === 0 && <p className="card empty">{t('adjudication.noOverlap')}</p>}
      <ul className="disputes">
        {data.disputed.map((unit) => {
          const settled = data.done.get(`${unit.appealId}\u0000${unit.variableId}`);
          const variable = codebook.variables.find((v) => v.id === unit.variableId);
          return (
            <li
              key={`${unit.appealId}/${unit.variableId}`}
              className={settled ? 'card dispute settled' : 'card dispute'}
            >
              <div className="dispute-head">
                <code>{unit.appealId}</code>
                <strong>{localize(variable?.label, lang) || unit.variableId}</strong>
                {settled && <span className="badge">{t('adjudication.settled')}</span>}
              </div>
              <div className="actions">
                {unit.codings.map((coding) => (
                  <button
                    key={coding.coderId}
                    type="button"
                    aria-pressed={
                      settled?.values.join() === coding.values.join() && settled.text === coding.text
                    }
                    onClick={() => void db.consensus.put(consensusOf(unit, coding, 'adjudicated', me))}
                  >
                    {t('adjudication.take', {
                      coder: data.names.get(coding.coderId) ?? coding.coderId,
                      answer: answerLabel(codebook, coding, lang) || t('adjudication.empty'),
                    })}
                  </button>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
