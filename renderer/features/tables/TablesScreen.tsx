import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, metaLabel, type Lang } from '../../../shared/model/index.ts';
import { frequencyTable } from '../../../shared/tables/frequencyTable.ts';
import { NoProject } from '../../components/NoProject.tsx';
import { db } from '../../db/db.ts';
import { coderNames, projectCodings } from '../../db/queries.ts';
import { formatNumber, formatPercent } from '../../i18n.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';

/** What is tabulated: a metadata column of the appeals, or a codebook variable. */
type Subject = { kind: 'meta'; key: string } | { kind: 'variable'; id: string };
const CONSENSUS = 'consensus';

export function TablesScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { project, codebook } = useCurrentProject();
  const projectId = project?.id ?? '';
  const [subjectKey, setSubjectKey] = useState('meta:region');
  const [source, setSource] = useState(CONSENSUS);
  const subject: Subject = subjectKey.startsWith('meta:')
    ? { kind: 'meta', key: subjectKey.slice(5) }
    : { kind: 'variable', id: subjectKey.slice(4) };

  const data = useLiveQuery(async () => {
    const appeals = await db.appeals
      .where('[projectId+order]')
      .between([projectId, -Infinity], [projectId, Infinity])
      .toArray();
    const [codings, names] = await Promise.all([projectCodings(projectId), coderNames()]);
    const coders = [...new Set(codings.map((c) => c.coderId))].map((id) => ({
      id,
      name: names.get(id) ?? id,
    }));
    let cases: string[][];
    if (subject.kind === 'meta') {
      cases = appeals.map((appeal) => (appeal.meta[subject.key] ? [appeal.meta[subject.key]!] : []));
    } else {
      const rows =
        source === CONSENSUS
          ? await db.consensus.where('[projectId+variableId]').equals([projectId, subject.id]).toArray()
          : codings.filter((c) => c.coderId === source && c.variableId === subject.id);
      const byAppeal = new Map(rows.map((row) => [row.appealId, row.values]));
      cases = appeals.map((appeal) => byAppeal.get(appeal.id) ?? []);
    }
    return { coders, cases };
  }, [projectId, subjectKey, source]);

  if (project === undefined || !data) return null;
  if (!project || !codebook) return <NoProject title={t('nav.tables')} />;

  const variable =
    subject.kind === 'variable' ? codebook.variables.find((v) => v.id === subject.id) : undefined;
  const order = variable?.categories.map((c) => c.code) ?? [];
  const table = frequencyTable(data.cases, order);
  const label = (key: string) =>
    subject.kind === 'meta'
      ? metaLabel(codebook, subject.key, key, lang)
      : localize(variable?.categories.find((c) => c.code === key)?.label, lang) || key;
  const multi = variable?.kind === 'multi';

  return (
    <section>
      <h1 id="screen-title">{t('nav.tables')}</h1>
      <div className="card toolbar">
        <label className="field inline">
          <span>{t('tables.subject')}</span>
          <select value={subjectKey} onChange={(event) => setSubjectKey(event.target.value)}>
            <option value="meta:region">{t('coding.meta.region')}</option>
            <option value="meta:addressee">{t('coding.meta.addressee')}</option>
            {codebook.variables
              .filter((v) => v.kind !== 'text')
              .map((v) => (
                <option key={v.id} value={`var:${v.id}`}>
                  {localize(v.label, lang)}
                </option>
              ))}
          </select>
        </label>
        {subject.kind === 'variable' && (
          <label className="field inline">
            <span>{t('tables.source')}</span>
            <select value={source} onChange={(event) => setSource(event.target.value)}>
              <option value={CONSENSUS}>{t('tables.consensus')}</option>
              {data.coders.map((coder) => (
                <option key={coder.id} value={coder.id}>
                  {coder.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <table className="data frequency">
        <thead>
          <tr>
            <th>{t('tables.category')}</th>
            <th className="num">{t('tables.count')}</th>
            <th className="num">{multi ? t('tables.percentOfCases') : t('tables.percentOfValid')}</th>
            {multi && <th className="num">{t('tables.percentOfResponses')}</th>}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              <td>{label(row.key)}</td>
              <td className="num">{formatNumber(row.count, lang)}</td>
              <td className="num">{formatPercent(row.shareOfCases, lang)}</td>
              {multi && <td className="num">{formatPercent(row.shareOfResponses, lang)}</td>}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>{multi ? t('tables.responses') : t('tables.valid')}</th>
            <td className="num">{formatNumber(multi ? table.responses : table.valid, lang)}</td>
            <td className="num">{multi ? '' : formatPercent(table.valid ? 1 : 0, lang)}</td>
            {multi && <td className="num">{formatPercent(table.responses ? 1 : 0, lang)}</td>}
          </tr>
          {multi && (
            <tr>
              <th>{t('tables.casesWithValue')}</th>
              <td className="num">{formatNumber(table.valid, lang)}</td>
              <td />
              <td />
            </tr>
          )}
          <tr>
            <th>{t('tables.missing')}</th>
            <td className="num">{formatNumber(table.missing, lang)}</td>
            <td />
            {multi && <td />}
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
