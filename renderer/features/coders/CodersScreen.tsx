import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/model/index.ts';
import { NoProject } from '../../components/NoProject.tsx';
import { coderNames, projectCodings } from '../../db/queries.ts';
import { formatDate, formatNumber } from '../../i18n.ts';
import { useAppStore } from '../../store/index.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';

interface CoderRow {
  id: string;
  name: string;
  appeals: number;
  codings: number;
  lastEdit: string;
}

/** Who has coded in this project, how much, and when last. */
export function CodersScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { project } = useCurrentProject();
  const me = useAppStore((state) => state.coderId);
  const projectId = project?.id ?? '';

  const rows = useLiveQuery(async () => {
    const [codings, names] = await Promise.all([projectCodings(projectId), coderNames()]);
    const byCoder = new Map<string, { appeals: Set<string>; codings: number; lastEdit: string }>();
    for (const coding of codings) {
      const row = byCoder.get(coding.coderId) ?? { appeals: new Set(), codings: 0, lastEdit: '' };
      row.appeals.add(coding.appealId);
      row.codings += 1;
      if (coding.updatedAt > row.lastEdit) row.lastEdit = coding.updatedAt;
      byCoder.set(coding.coderId, row);
    }
    return [...byCoder].map(([id, row]): CoderRow => ({
      id,
      name: names.get(id) ?? id,
      appeals: row.appeals.size,
      codings: row.codings,
      lastEdit: row.lastEdit,
    }));
  }, [projectId]);

  if (project === undefined || !rows) return null;
  if (!project) return <NoProject title={t('nav.coders')} />;

  return (
    <section>
      <h1 id="screen-title">{t('nav.coders')}</h1>
      <p className="muted">{t('coders.lead')}</p>
      {rows.length === 0 ? (
        <p className="card empty">{t('coders.none')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>{t('coders.name')}</th>
              <th>{t('coders.appealsCoded')}</th>
              <th>{t('projects.codings')}</th>
              <th>{t('coders.lastEdit')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  {row.name}
                  {row.id === me && <span className="badge">{t('coders.you')}</span>}
                </td>
                <td className="num">{formatNumber(row.appeals, lang)}</td>
                <td className="num">{formatNumber(row.codings, lang)}</td>
                <td>{formatDate(row.lastEdit, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
